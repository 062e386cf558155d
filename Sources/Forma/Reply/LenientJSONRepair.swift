/// Turns almost-JSON into JSON: the slips models make (trailing commas, comments, single
/// quotes, bare keys, Python literals, a reply cut off before its closing brackets).
///
/// Off by default in strict modes; when on, every change is recorded in ``RepairFlags`` so
/// callers can see how much was guessed.
package enum LenientJSONRepair {
    /// The repaired text and what was changed. The result may still be invalid JSON (the
    /// parser then reports where).
    package static func repair(_ text: Substring) -> (text: String, flags: RepairFlags) {
        // Unicode scalars, not Characters: a combining mark after a quote or bracket forms
        // one Character with it (`"` + U+0308), which would hide the quote.
        var out = String.UnicodeScalarView()
        var flags: RepairFlags = []
        var stack: [Unicode.Scalar] = []
        var expectKey = false
        var chars = Array(text.unicodeScalars)
        var i = 0
        func peekNonSpace(from j: Int) -> Unicode.Scalar? {
            var k = j
            while k < chars.count, chars[k].properties.isWhitespace { k += 1 }
            return k < chars.count ? chars[k] : nil
        }
        func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return true }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return scalar == "_" || scalar == "$" || scalar == "-"
            }
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"", "'":
                if c == "'" { flags.insert(.singleQuotes) }
                var j = i + 1
                var body = String.UnicodeScalarView()
                var closed = false
                while j < chars.count {
                    let d = chars[j]
                    if d == "\\", j + 1 < chars.count {
                        let next = chars[j + 1]
                        if c == "'" && next == "'" { body.append("'") } else { body.append(d); body.append(next) }
                        j += 2
                        continue
                    }
                    if d == c { closed = true; break }
                    if c == "'" && d == "\"" { body.append(contentsOf: "\\\"".unicodeScalars) } else { body.append(d) }
                    j += 1
                }
                out.append("\"")
                out.append(contentsOf: body)
                out.append("\"")
                if !closed { flags.insert(.closedString) }
                i = closed ? j + 1 : chars.count
                expectKey = false
                continue
            case "/" where i + 1 < chars.count && (chars[i + 1] == "/" || chars[i + 1] == "*"):
                flags.insert(.comments)
                if chars[i + 1] == "/" {
                    while i < chars.count, chars[i] != "\n" { i += 1 }
                } else {
                    i += 2
                    while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                    i += 2
                }
                continue
            case "{", "[":
                stack.append(c == "{" ? "}" : "]")
                expectKey = c == "{"
                out.append(c)
            case "}", "]":
                if let last = stack.last, last == c { stack.removeLast() }
                expectKey = false
                out.append(c)
            case ",":
                if let next = peekNonSpace(from: i + 1), next == "}" || next == "]" {
                    flags.insert(.trailingCommas)
                } else if peekNonSpace(from: i + 1) == nil {
                    flags.insert(.trailingCommas)
                } else {
                    out.append(c)
                    expectKey = stack.last == "}"
                }
            case ":":
                expectKey = false
                out.append(c)
            default:
                if c.properties.isAlphabetic || c == "_" || c == "$" {
                    var j = i
                    var word = String.UnicodeScalarView()
                    while j < chars.count, isWordPart(chars[j]) {
                        word.append(chars[j])
                        j += 1
                    }
                    if expectKey && peekNonSpace(from: j) == ":" {
                        flags.insert(.unquotedKeys)
                        out.append("\"")
                        out.append(contentsOf: word)
                        out.append("\"")
                    } else {
                        switch String(word) {
                        case "True": flags.insert(.pythonLiterals); out.append(contentsOf: "true".unicodeScalars)
                        case "False": flags.insert(.pythonLiterals); out.append(contentsOf: "false".unicodeScalars)
                        case "None": flags.insert(.pythonLiterals); out.append(contentsOf: "null".unicodeScalars)
                        default: out.append(contentsOf: word)
                        }
                    }
                    i = j
                    continue
                }
                out.append(c)
            }
            i += 1
        }
        chars = []
        if !stack.isEmpty {
            // Cut off mid-value: drop a dangling separator, then close what is open.
            while let last = out.last, last.properties.isWhitespace || last == "," { out.removeLast() }
            if out.last == ":" { out.append(contentsOf: " null".unicodeScalars) }
            flags.insert(.closedBrackets)
            for closer in stack.reversed() { out.append(closer) }
        }
        return (String(out), flags)
    }
}
