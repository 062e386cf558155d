/// Escapes: `\d`, `\p{…}`, `\b`, back-references, and the character escapes both contexts share.
extension ECMAPatternTranslator {
    /// What an escape inside or outside a class denotes.
    enum ClassAtom {
        case codePoint(UInt32)
        /// A set of code points, or its complement when `negated`.
        case ranges(CodePointRanges, negated: Bool)
        /// A PCRE2 property escape, written `\p{name}` or `\P{name}`.
        case property(String, negated: Bool)
    }

    /// Translates an escape outside a character class; `start` is the offset of the backslash.
    mutating func translateEscape(at start: Int) throws(Failure) {
        guard let letter = peek() else { throw Failure(message: "'\\' at end of pattern", offset: start) }
        switch letter {
        case "b", "B":
            position += 1
            let word = "[A-Za-z0-9_]"
            emit(letter == "b"
                 ? "(?:(?<=\(word))(?!\(word))|(?<!\(word))(?=\(word)))"
                 : "(?:(?<=\(word))(?=\(word))|(?<!\(word))(?!\(word)))")
            canQuantify = false
        case "k":
            position += 1
            guard peek() == "<" else { throw Failure(message: "'\\k' must be followed by <name>", offset: start) }
            position += 1
            var name = ""
            while let next = peek(), next != ">" {
                name.unicodeScalars.append(next)
                position += 1
            }
            guard peek() == ">", groupNames.contains(name) else {
                throw Failure(message: "'\\k<\(name)>' refers to no named group", offset: start)
            }
            position += 1
            emit("\\k<\(name)>")
            canQuantify = true
        case "1"..."9":
            guard let number = decimal(), number <= captureCount else {
                throw Failure(message: "back-reference to a group that does not exist (the pattern has "
                    + "\(captureCount) capture group\(captureCount == 1 ? "" : "s"))", offset: start)
            }
            emit("\\g{\(number)}")
            canQuantify = true
        default:
            switch try classAtomEscape(at: start, inClass: false) {
            case .codePoint(let value):
                if (0xD800...0xDFFF).contains(value) {
                    // A lone surrogate can never occur in a Swift string: match nothing.
                    emitClass(CodePointRanges([]))
                } else {
                    CodePointRanges.appendHexEscape(value, to: &output)
                }
            case .ranges(let set, let negated):
                emitClass(set, negated: negated)
            case .property(let name, let negated):
                emit((negated ? "\\P{" : "\\p{") + name + "}")
            }
            canQuantify = true
        }
    }

    /// Parses an escape valid both inside and outside a class (position is just past the
    /// backslash): character class escapes, control escapes, `\cX`, `\0`, `\xHH`, `\u…` and
    /// identity escapes of syntax characters. Anything else is a syntax error in `u` mode.
    mutating func classAtomEscape(at start: Int, inClass: Bool) throws(Failure) -> ClassAtom {
        guard let letter = peek() else { throw Failure(message: "'\\' at end of pattern", offset: start) }
        position += 1
        switch letter {
        case "d": return .ranges(.digits, negated: false)
        case "D": return .ranges(.digits, negated: true)
        case "w": return .ranges(.wordCharacters, negated: false)
        case "W": return .ranges(.wordCharacters, negated: true)
        case "s": return .ranges(.whitespace, negated: false)
        case "S": return .ranges(.whitespace, negated: true)
        case "p", "P": return try propertyEscape(negated: letter == "P", at: start)
        case "f": return .codePoint(0x0C)
        case "n": return .codePoint(0x0A)
        case "r": return .codePoint(0x0D)
        case "t": return .codePoint(0x09)
        case "v": return .codePoint(0x0B)
        case "b" where inClass: return .codePoint(0x08)
        case "-" where inClass: return .codePoint(0x2D)
        case "c":
            guard let control = peek(), control.isASCII, control.properties.isAlphabetic else {
                throw Failure(message: "'\\c' must be followed by an ASCII letter", offset: start)
            }
            position += 1
            return .codePoint(control.value % 32)
        case "0":
            if let next = peek(), next.value >= 0x30, next.value <= 0x39 {
                throw Failure(message: "invalid decimal escape (octal escapes are not allowed)", offset: start)
            }
            return .codePoint(0)
        case "x":
            guard let value = hexDigits(count: 2) else {
                throw Failure(message: "'\\x' must be followed by two hex digits", offset: start)
            }
            return .codePoint(value)
        case "u":
            return .codePoint(try unicodeEscape(at: start))
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return .codePoint(letter.value)
        default:
            let context = inClass ? " in a character class" : ""
            throw Failure(message: "invalid escape '\\\(letter)'\(context) (not an ECMA-262 escape)",
                          offset: start)
        }
    }

    /// `\uHHHH`, a surrogate pair `\uHHHH\uHHHH`, or `\u{H…}`.
    private mutating func unicodeEscape(at start: Int) throws(Failure) -> UInt32 {
        if peek() == "{" {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let next = peek(), let digit = Self.hexValue(next) {
                value = value * 16 + digit
                digits += 1
                position += 1
                guard value <= CodePointRanges.maxCodePoint else {
                    throw Failure(message: "'\\u{…}' is beyond U+10FFFF", offset: start)
                }
            }
            guard digits > 0, peek() == "}" else {
                throw Failure(message: "'\\u{' must be followed by hex digits and '}'", offset: start)
            }
            position += 1
            return value
        }
        guard let lead = hexDigits(count: 4) else {
            throw Failure(message: "'\\u' must be followed by four hex digits or {…}", offset: start)
        }
        if (0xD800...0xDBFF).contains(lead), peek() == "\\", peek(1) == "u" {
            let saved = position
            position += 2
            if let trail = hexDigits(count: 4), (0xDC00...0xDFFF).contains(trail) {
                return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)
            }
            position = saved
        }
        return lead
    }

    private mutating func propertyEscape(negated: Bool, at start: Int) throws(Failure) -> ClassAtom {
        guard peek() == "{" else {
            throw Failure(message: "'\\p' and '\\P' must be followed by {property}", offset: start)
        }
        position += 1
        var body = ""
        while let next = peek(), next != "}" {
            body.unicodeScalars.append(next)
            position += 1
        }
        guard peek() == "}" else { throw Failure(message: "missing '}' after '\\p{'", offset: start) }
        position += 1
        switch UnicodePropertyEscape.translate(body) {
        case .success(.property(let name)): return .property(name, negated: negated)
        case .success(.ranges(let set)): return .ranges(set, negated: negated)
        case .failure(let error): throw Failure(message: error.message, offset: start)
        }
    }

    private mutating func hexDigits(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for ahead in 0..<count {
            guard let scalar = peek(ahead), let digit = Self.hexValue(scalar) else { return nil }
            value = value * 16 + digit
        }
        position += count
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46: scalar.value - 0x41 + 10
        case 0x61...0x66: scalar.value - 0x61 + 10
        default: nil
        }
    }
}
