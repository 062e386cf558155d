/// The regex constructs whose support differs between constrained decoders, found by a
/// small scan of an ECMA-262 pattern (aware of escapes and character classes).
struct RegexFeatures: Sendable, Hashable {
    /// One construct.
    enum Feature: String, Sendable, Hashable, CaseIterable {
        case lookaround = "lookaround"
        case backreference = "backreferences"
        case wordBoundary = "\\b word boundaries"
        case unicodeProperty = "\\p{…} Unicode properties"
        case anchors = "^/$ anchors"

        /// How reports name it.
        var name: String { rawValue }
    }

    /// The constructs the pattern uses.
    let found: Set<Feature>

    init(scanning pattern: String) {
        var found: Set<Feature> = []
        var chars = Array(pattern.unicodeScalars)[...]
        var inClass = false
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                guard let next = chars.popFirst() else { break }
                switch next {
                case "b", "B": if !inClass { found.insert(.wordBoundary) }
                case "p", "P": found.insert(.unicodeProperty)
                case "1"..."9", "k": if !inClass { found.insert(.backreference) }
                default: break
                }
            case "[": inClass = true
            case "]": inClass = false
            case "(":
                if !inClass, chars.first == "?" {
                    let rest = chars.dropFirst()
                    if rest.first == "=" || rest.first == "!" { found.insert(.lookaround) }
                    if rest.first == "<", let third = rest.dropFirst().first, third == "=" || third == "!" {
                        found.insert(.lookaround)
                    }
                }
            case "^", "$":
                if !inClass { found.insert(.anchors) }
            default:
                break
            }
        }
        self.found = found
    }

    /// What `backend` does with these features: (feature name, support, reason), in a fixed order.
    func problems(for backend: SchemaBackend) -> [(String, KeywordSupport, String)] {
        Feature.allCases.compactMap { feature in
            guard found.contains(feature), let rule = backend.regexRules[feature] else { return nil }
            return (feature.name, rule.support, rule.reason)
        }
    }
}
