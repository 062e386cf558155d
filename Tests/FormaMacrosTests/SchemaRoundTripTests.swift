import Forma
import FormaExamples
import Foundation
import Testing

/// Encodes `value` the way the extractor will (ISO-8601 dates), parses the JSON with
/// FormaJSON and validates it against `T.jsonSchema` with format assertion on.
func validate<T: Encodable & SchemaRepresentable>(
    _ value: T, keys: JSONEncoder.KeyEncodingStrategy = .useDefaultKeys
) throws -> (json: JSONValue, result: ValidationResult) {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.keyEncodingStrategy = keys
    let json = try JSONParser.parse(Array(try encoder.encode(value)))
    let validator = try Validator(schema: T.jsonSchema, options: .init(formatAssertion: true))
    return (json, validator.validate(json))
}

/// Encodes, validates, decodes and compares.
func roundTrip<T: Codable & SchemaRepresentable & Equatable>(
    _ value: T, keys: JSONEncoder.KeyEncodingStrategy = .useDefaultKeys,
    decoding: JSONDecoder.KeyDecodingStrategy = .useDefaultKeys
) throws {
    let (json, result) = try validate(value, keys: keys)
    #expect(result.isValid, "\(json.serialized()) does not match \(T.jsonSchema.jsonText): \(result.errors)")
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    decoder.keyDecodingStrategy = decoding
    let decoded = try decoder.decode(T.self, from: Data(json.serialized().utf8))
    #expect(decoded == value)
}

@Suite struct SchemaRoundTripTests {
    static let leaf = TreeNode(name: "leaf", children: [], parentName: "root")
    static let trees: [TreeNode] = [
        TreeNode(name: "empty", children: [], parentName: nil),
        TreeNode(name: "root", children: [leaf, TreeNode(name: "mid", children: [leaf, leaf], parentName: nil)]),
    ]

    @Test(arguments: trees) func recursiveStruct(_ tree: TreeNode) throws {
        try roundTrip(tree)
        // The root is inlined; recursion points back to it.
        #expect(TreeNode.jsonSchema["properties"]?["children"]?["items"] == ["$ref": "#"])
    }

    static let expressions: [Expression] = [
        .zero, .number(1.5), .variable(name: "x"),
        .sum(.number(1), .negate(.variable(name: "y"))), .negate(.sum(.zero, .zero)),
    ]

    @Test(arguments: expressions) func recursiveEnumWithAssociatedValues(_ expression: Expression) throws {
        try roundTrip(expression)
    }

    @Test func enumSchemaRejectsWhatTheDecoderRejects() throws {
        let validator = try Validator(schema: Expression.jsonSchema)
        for text in [#"{"sum":{"_0":{"zero":{}}}}"#, #"{"zero":{},"number":{"_0":1}}"#, #""zero""#, #"{"number":{"_0":"1"}}"#] {
            let json = try JSONParser.parse(text)
            #expect(!validator.isValid(json), "\(text) should be rejected")
            #expect(throws: (any Error).self) { try JSONDecoder().decode(Expression.self, from: Data(text.utf8)) }
        }
    }

    @Test func genericTypesGetOneDefinitionPerSpecialization() throws {
        let page = Page(items: [Self.leaf], total: 3, sections: [Page(items: [Self.leaf, Self.leaf], total: 3)])
        try roundTrip(page)
        try roundTrip(Page(items: [Priority.low, .urgent], total: 2))
        try roundTrip(Pair(first: Page(items: ["a"], total: 1), second: [Channel.sms]))
        let pair = Pair<Page<String>, Channel>.jsonSchema
        let definitions = pair["$defs"]?.object?.keys ?? []
        #expect(definitions == ["Page_String", "Channel"])
        #expect(pair["properties"]?["first"] == ["$ref": "#/$defs/Page_String"])
    }

    @Test func codingKeysRenameAndExclude() throws {
        let account = RenamedAccount(userName: "ada", passwordHash: "", createdAt: Date(timeIntervalSince1970: 1_700_000_000), balanceCents: -5)
        try roundTrip(account)
        let schema = RenamedAccount.jsonSchema
        #expect(schema["properties"]?.object?.keys == ["login", "created", "balanceCents"])
        #expect(schema.required == ["login", "created", "balanceCents"])
    }

    @Test(arguments: [
        SnakeProfile(
            displayName: "Ada", avatarURL: URL(filePath: "/a.png"), userID: UUID(), isHTTPSEnabled: true,
            line2Address: "Flat 2", settings: .init(darkMode: true, fontSizePoints: 12), mode: .singleUser(maxSessions: 2)),
        SnakeProfile(
            displayName: "Bob", avatarURL: URL(filePath: "/b.png"), userID: UUID(), isHTTPSEnabled: false,
            line2Address: nil, settings: .init(darkMode: false, fontSizePoints: 255),
            mode: .teamAccount(teamName: "core", seatCount: -3)),
    ])
    func snakeCaseMatchesConvertToSnakeCase(_ profile: SnakeProfile) throws {
        // Only the encoding side: `convertFromSnakeCase` turns `avatar_url` into `avatarUrl`,
        // so JSONDecoder itself cannot read acronym properties back (a Foundation limitation).
        let (json, result) = try validate(profile, keys: .convertToSnakeCase)
        #expect(result.isValid, "\(json.serialized()): \(result.errors)")
        #expect(json["avatar_url"] != nil && json["is_https_enabled"] != nil)
        // Without the strategy the keys are camelCase, which the schema rejects.
        #expect(try !validate(profile).result.isValid)
    }

    @Test func everyStandardConformanceValidates() throws {
        let kitchen = Kitchen()
        kitchen.text = "héllo"
        kitchen.int8 = -128
        kitchen.uint16 = 65535
        kitchen.int32 = Int32.min
        kitchen.uint = UInt.max
        kitchen.double = -0.5
        kitchen.float = 1e-3
        kitchen.decimal = Decimal(string: "12.3456") ?? 0
        kitchen.date = Date(timeIntervalSince1970: 1_234_567_890)
        kitchen.data = Data([0, 1, 2, 255])
        kitchen.optionalInts = [1, nil, 3]
        kitchen.set = ["a", "b"]
        kitchen.map = ["x": 1.5]
        kitchen.any = ["nested": [1, "two", nil]]
        kitchen.nested = [["k": [1, 2]]]
        let (json, result) = try validate(kitchen)
        #expect(result.isValid, "\(json.serialized()): \(result.errors)")
        #expect(Kitchen.jsonSchema.required?.contains("constant") == false)
    }

    @Test func narrowIntegerBoundsAreEnforced() throws {
        let validator = try Validator(schema: Kitchen.jsonSchema)
        var json = try validate(Kitchen()).json
        guard case .object(var object) = json else { Issue.record("not an object"); return }
        object["int8"] = 128
        json = .object(object)
        #expect(!validator.isValid(json))
    }

    @Test func rawValueEnumsValidateEveryCase() throws {
        for priority in Priority.allCases { try roundTrip(priority) }
        for channel in Channel.allCases { try roundTrip(channel) }
        for toggle in Toggle.allCases { try roundTrip(toggle) }
        #expect(Priority.jsonSchema["enum"] == [1, 2, 10])
        #expect(Channel.jsonSchema["enum"] == ["email", "text-message", "push"])
    }

    @Test func guidesConstrainTheSchema() throws {
        let good = Constrained(stars: 5, code: "EUR", tags: ["a"], ratio: 0.5, email: "a@example.com")
        #expect(try validate(good).result.isValid)
        let bad: [Constrained] = [
            Constrained(stars: 6, code: "EUR", tags: ["a"], ratio: 0.5, email: "a@example.com"),
            Constrained(stars: 1, code: "eur", tags: ["a"], ratio: 0.5, email: "a@example.com"),
            Constrained(stars: 1, code: "EUR", tags: [], ratio: 0.5, email: "a@example.com"),
            Constrained(stars: 1, code: "EUR", tags: ["a", "a"], ratio: 0.5, email: "a@example.com"),
            Constrained(stars: 1, code: "EUR", tags: ["a"], ratio: 1, email: "a@example.com"),
            Constrained(stars: 1, code: "EUR", tags: ["a"], ratio: 0, email: "not an email"),
        ]
        for value in bad { #expect(try !validate(value).result.isValid, "\(value) should be invalid") }
    }
}
