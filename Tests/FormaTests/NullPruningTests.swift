@testable import Forma
import Testing

@Suite("Null pruning for strict-mode replies")
struct NullPruningTests {
    @Test func dropsNullsOfOptionalPropertiesOnly() throws {
        let validator = try Validator(schema: Contact.jsonSchema)
        let reply: JSONValue = ["name": "Ada", "email": nil, "age": nil]
        #expect(!validator.isValid(reply))
        let pruned = NullPruning.prune(reply, validator: validator)
        #expect(pruned == ["name": "Ada"])
        let required: JSONValue = ["name": nil]
        #expect(NullPruning.prune(required, validator: validator) == required)
    }
}
