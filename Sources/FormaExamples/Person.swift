public import Forma

/// A person described in one line ("Ada Lovelace, 36, ada@example.com, mathematics and
/// poetry."): the example of grounded extraction (`Examples/extract/people.jsonl`).
@Schema
public struct Person: Codable, Sendable, Hashable {
    /// The person's full name, exactly as written in the text.
    @Guide(.grounded)
    public var name: String
    /// Age in years.
    @Guide(.range(0...150))
    public var age: Int
    /// E-mail address.
    @Guide(.format(.email))
    public var email: String
    /// What they are good at, one short phrase each.
    @Guide(.maxCount(4))
    public var skills: [String]
}
