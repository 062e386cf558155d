import Forma
import Testing

/// The type from the README's Swift example, so the README stays true.
@Schema
struct ReadmeContact: Codable, Sendable {
    /// Full name.
    var name: String
    /// E-mail address.
    @Guide(.format(.email))
    var email: String?
    @Guide(description: "Age in years", .range(0...150))
    var age: Int?
}

@Suite("README example")
struct ReadmeExampleTests {
    @Test func annotatedTypeHasTheDocumentedSchema() throws {
        let schema = ReadmeContact.jsonSchema.value
        #expect(schema["required"] == ["name"])
        #expect(schema["properties"]?["name"]?["description"] == "Full name.")
        #expect(schema["properties"]?["email"]?["format"] == "email")
        #expect(schema["properties"]?["age"]?["maximum"] == 150)
        #expect(schema["properties"]?["age"]?["description"] == "Age in years")
        #expect(schema["additionalProperties"] == false)
    }
}
