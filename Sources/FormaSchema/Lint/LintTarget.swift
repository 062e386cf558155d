public import FormaJSON

/// A structured-output backend whose JSON Schema support `forma lint` checks.
public enum LintTarget: String, Sendable, Hashable, CaseIterable {
    /// Together AI's json_schema response format (grammar engine behaving like xgrammar).
    case together
    /// OpenAI's json_schema with `strict: true`.
    case openAIStrict = "openai-strict"
    /// xgrammar (vLLM, SGLang, Together).
    case xgrammar
    /// llguidance (llama.cpp, vLLM, Azure).
    case llguidance
    /// outlines-core.
    case outlines
}

/// How a backend treats one keyword.
public enum KeywordSupport: String, Sendable, Hashable {
    /// The backend constrains generation to it.
    case enforced
    /// Accepted but not enforced: only local validation protects you.
    case ignored
    /// The request fails (HTTP 400 or a server-side error).
    case rejected
}

/// One thing `forma lint` reports: a keyword at a location and how a backend treats it.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    /// The backend.
    public var target: LintTarget
    /// Where the keyword is in the schema.
    public var location: FormaJSON.JSONPointer
    /// The keyword (or regex feature, as `pattern`).
    public var keyword: String
    /// `ignored` or `rejected`.
    public var support: KeywordSupport
    /// Why, in a sentence.
    public var message: String

    /// Creates a finding.
    public init(target: LintTarget, location: FormaJSON.JSONPointer, keyword: String, support: KeywordSupport, message: String) {
        self.target = target
        self.location = location
        self.keyword = keyword
        self.support = support
        self.message = message
    }

    /// `TARGET POINTER: support: message`.
    public var description: String {
        let at = location.isRoot ? "/" : location.description
        return "\(target.rawValue) \(at): \(support.rawValue): \(message)"
    }
}
