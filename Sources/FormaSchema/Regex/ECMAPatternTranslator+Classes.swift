/// Character classes: `[…]`, `[^…]`, and ECMA-262's `[]` (matches nothing) and `[^]` (any).
///
/// Each class is parsed into code-point ranges plus property escapes and re-emitted with every
/// literal written as `\x{…}`, so PCRE2-only syntax such as `[:alpha:]` or `\Q…\E` inside a
/// class can never take effect, and `\d`, `\w`, `\s` keep their ECMA-262 meaning.
extension ECMAPatternTranslator {
    /// Translates a class; position is just past the `[` at `start`.
    mutating func translateClass(at start: Int) throws(Failure) {
        let negated = peek() == "^"
        if negated { position += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var properties: [String] = []

        while true {
            guard let next = peek() else { throw Failure(message: "missing ']'", offset: start) }
            if next == "]" {
                position += 1
                break
            }
            let atomStart = position
            let first = try classAtom()
            // A '-' between two atoms forms a range, unless it is the class's last character.
            if peek() == "-", let after = peek(1), after != "]" {
                position += 1
                let second = try classAtom()
                guard case .codePoint(let low) = first, case .codePoint(let high) = second else {
                    throw Failure(message: "a character class escape such as \\d cannot be a range bound",
                                  offset: atomStart)
                }
                guard low <= high else {
                    throw Failure(message: "range out of order in character class", offset: atomStart)
                }
                ranges.append(low...high)
                continue
            }
            switch first {
            case .codePoint(let value): ranges.append(value...value)
            case .ranges(let set, let isNegated): ranges.append(contentsOf: (isNegated ? set.inverted : set).ranges)
            case .property(let name, let isNegated): properties.append((isNegated ? "\\P{" : "\\p{") + name + "}")
            }
        }

        let set = CodePointRanges(ranges)
        if properties.isEmpty {
            emitClass(set, negated: negated)
            return
        }
        emit(negated ? "[^" : "[")
        set.appendClassBody(to: &output)
        for property in properties { emit(property) }
        emit("]")
    }

    /// One class member: a literal scalar or an escape.
    private mutating func classAtom() throws(Failure) -> ClassAtom {
        let start = position
        guard let scalar = peek() else { throw Failure(message: "missing ']'", offset: start) }
        position += 1
        guard scalar == "\\" else { return .codePoint(scalar.value) }
        if let next = peek(), next.value >= 0x31, next.value <= 0x39 {
            throw Failure(message: "back-references are not allowed in a character class", offset: start)
        }
        if peek() == "B" || peek() == "k" {
            throw Failure(message: "'\\\(peek() ?? "?")' is not allowed in a character class", offset: start)
        }
        return try classAtomEscape(at: start, inClass: true)
    }
}
