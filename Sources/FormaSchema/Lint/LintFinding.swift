public import FormaJSON

/// One thing `forma lint` reports: a keyword at a location and how a backend treats it.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    /// The backend.
    public var target: SchemaBackend
    /// Where the keyword is in the schema.
    public var location: FormaJSON.JSONPointer
    /// The keyword (or regex feature, as `pattern`).
    public var keyword: String
    /// `ignored` or `rejected`.
    public var support: KeywordSupport
    /// Why, in a sentence.
    public var message: String

    /// Creates a finding.
    public init(target: SchemaBackend, location: FormaJSON.JSONPointer, keyword: String, support: KeywordSupport, message: String) {
        self.target = target
        self.location = location
        self.keyword = keyword
        self.support = support
        self.message = message
    }

    /// `TARGET POINTER: support: message`.
    public var description: String {
        let at = location.isRoot ? "/" : location.description
        return "\(target.name) \(at): \(support.rawValue): \(message)"
    }
}
