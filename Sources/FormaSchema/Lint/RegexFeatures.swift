/// The regex constructs whose support differs between constrained decoders, found by a
/// small scan of an ECMA-262 pattern (aware of escapes and character classes).
struct RegexFeatures: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let lookaround = RegexFeatures(rawValue: 1)
    static let backreference = RegexFeatures(rawValue: 2)
    static let wordBoundary = RegexFeatures(rawValue: 4)
    static let unicodeProperty = RegexFeatures(rawValue: 8)
    static let anchors = RegexFeatures(rawValue: 16)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(scanning pattern: String) {
        var found: RegexFeatures = []
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
        self = found
    }

    static let names: [(RegexFeatures, String)] = [
        (.lookaround, "lookaround"), (.backreference, "backreferences"), (.wordBoundary, "\\b word boundaries"),
        (.unicodeProperty, "\\p{…} Unicode properties"), (.anchors, "^/$ anchors"),
    ]

    /// What `target` does with these features: (feature name, support, reason).
    func problems(for target: LintTarget) -> [(String, KeywordSupport, String)] {
        var out: [(String, KeywordSupport, String)] = []
        for (feature, name) in Self.names where contains(feature) {
            switch (target, feature) {
            case (.xgrammar, .anchors), (.together, .anchors), (.llguidance, .anchors), (.openAIStrict, _):
                continue
            case (.xgrammar, _), (.together, _):
                out.append((name, .rejected, "xgrammar's regex has no \(name)"))
            case (.llguidance, .lookaround), (.llguidance, .backreference):
                out.append((name, .rejected, "llguidance patterns use Rust-regex syntax, without \(name)"))
            case (.llguidance, _):
                continue
            case (.outlines, .anchors):
                out.append((name, .ignored, "outlines-core strips anchors from patterns"))
            case (.outlines, .lookaround), (.outlines, .backreference):
                out.append((name, .rejected, "outlines-core compiles patterns to automata, which have no \(name)"))
            case (.outlines, _):
                continue
            }
        }
        return out
    }
}
