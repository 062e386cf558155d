/// Turns almost-JSON into JSON: the slips models make (trailing commas, comments, single
/// quotes, bare keys, Python literals, a reply cut off before its closing brackets).
///
/// Off by default in strict modes; when on, every change is recorded in ``RepairFlags`` so
/// callers can see how much was guessed.
package enum LenientJSONRepair {
    /// The repaired text and what was changed. The result may still be invalid JSON (the
    /// parser then reports where).
    package static func repair(_ text: Substring) -> (text: String, flags: RepairFlags) {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var flags: RepairFlags = []
        var stack: [Character] = []
        var expectKey = false
        var chars = Array(text)
        var i = 0
        func peekNonSpace(from j: Int) -> Character? {
            var k = j
            while k < chars.count, chars[k].isWhitespace { k += 1 }
            return k < chars.count ? chars[k] : nil
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"", "'":
                if c == "'" { flags.insert(.singleQuotes) }
                var j = i + 1
                var body = ""
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
                    if c == "'" && d == "\"" { body.append("\\\"") } else { body.append(d) }
                    j += 1
                }
                out.append("\"")
                out.append(body)
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
                if c.isLetter || c == "_" || c == "$" {
                    var j = i
                    var word = ""
                    while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "$" || chars[j] == "-" {
                        word.append(chars[j])
                        j += 1
                    }
                    if expectKey && peekNonSpace(from: j) == ":" {
                        flags.insert(.unquotedKeys)
                        out += "\"\(word)\""
                    } else {
                        switch word {
                        case "True": flags.insert(.pythonLiterals); out += "true"
                        case "False": flags.insert(.pythonLiterals); out += "false"
                        case "None": flags.insert(.pythonLiterals); out += "null"
                        default: out += word
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
            while let last = out.last, last.isWhitespace || last == "," { out.removeLast() }
            if out.last == ":" { out += " null" }
            flags.insert(.closedBrackets)
            for closer in stack.reversed() { out.append(closer) }
        }
        return (out, flags)
    }
}
