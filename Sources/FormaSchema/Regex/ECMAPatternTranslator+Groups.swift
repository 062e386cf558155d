/// Groups: capturing, non-capturing, named, lookarounds and ES2025 modifier groups.
extension ECMAPatternTranslator {
    mutating func openGroup(at start: Int) throws(Failure) {
        guard groupStack.count < Self.maximumNesting else {
            throw Failure(message: "groups nested deeper than \(Self.maximumNesting)", offset: start)
        }
        var isAssertion = false
        let outer = flags
        if peek() != "?" {
            emit("(")
        } else {
            position += 1
            switch peek() {
            case ":":
                position += 1
                emit("(?:")
            case "=", "!":
                emit("(?" + String(scalars[position]))
                position += 1
                isAssertion = true
            case "<" where peek(1) == "=" || peek(1) == "!":
                let kind = String(scalars[position + 1])
                position += 2
                emit(lookbehindAsLookahead ? "(?" + kind : "(?<" + kind)
                isAssertion = true
            case "<":
                position += 1
                let name = try groupName(at: start)
                emit("(?<\(name)>")
            default:
                try modifierGroup(at: start)
            }
        }
        groupStack.append((outer, isAssertion))
        canQuantify = false
    }

    /// `(?ims-ims:…)`, the ES2025 modifiers group. `s` and `m` change how this translator spells
    /// `.`, `^` and `$`; `i` is handed to PCRE2.
    private mutating func modifierGroup(at start: Int) throws(Failure) {
        var seen: Set<Unicode.Scalar> = []
        var adding = true
        var caseless: Bool?
        var removeCount = 0
        while let next = peek(), next != ":" {
            position += 1
            switch next {
            case "-" where adding:
                adding = false
            case "i", "m", "s":
                guard seen.insert(next).inserted else {
                    throw Failure(message: "repeated flag '\(next)' in modifier group", offset: start)
                }
                if !adding { removeCount += 1 }
                switch next {
                case "i": caseless = adding
                case "m": flags.multiline = adding
                default: flags.dotAll = adding
                }
            default:
                throw Failure(message: "invalid group: '(?' must be followed by ':', '=', '!', '<=', '<!', "
                    + "'<name>' or modifier flags and ':'", offset: start)
            }
        }
        guard peek() == ":", !seen.isEmpty, adding || removeCount > 0 else {
            throw Failure(message: "invalid group: inline flags must apply to a group, as in (?i:…)",
                          offset: start)
        }
        position += 1
        switch caseless {
        case true?: emit("(?i:")
        case false?: emit("(?-i:")
        case nil: emit("(?:")
        }
    }

    private mutating func groupName(at start: Int) throws(Failure) -> String {
        var name = ""
        while let next = peek(), next != ">" {
            name.unicodeScalars.append(next)
            position += 1
        }
        guard peek() == ">", !name.isEmpty else {
            throw Failure(message: "invalid capture group name", offset: start)
        }
        position += 1
        return name
    }

    mutating func closeGroup(at start: Int) throws(Failure) {
        guard let group = groupStack.popLast() else {
            throw Failure(message: "unmatched ')'", offset: start)
        }
        flags = group.outerFlags
        emit(")")
        canQuantify = !group.isAssertion
    }

    /// Counts capture groups and collects group names, so back-references can be checked the
    /// way ECMA-262 `u` mode does (a reference to a missing group is a syntax error).
    mutating func prescanGroups() {
        var index = 0
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\\": index += 1
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass:
                guard index < scalars.count, scalars[index] == "?" else {
                    captureCount += 1
                    continue
                }
                guard index + 2 < scalars.count, scalars[index + 1] == "<",
                      scalars[index + 2] != "=", scalars[index + 2] != "!" else { continue }
                captureCount += 1
                var name = ""
                var cursor = index + 2
                while cursor < scalars.count, scalars[cursor] != ">" {
                    name.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                groupNames.insert(name)
            default: break
            }
        }
    }
}
