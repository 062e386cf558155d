import Forma
import FormaTestServer
import Foundation
import Testing

/// A vendor line with a grounded name and grounded tags.
@Schema
struct GroundedVendor: Codable, Equatable, Sendable {
    /// The vendor's name as written.
    @Guide(.grounded)
    var name: String
    /// Product names, each as written (case and spacing may differ).
    @Guide(.grounded(.normalized))
    var products: [String]
    /// Not grounded: may be anything.
    var note: String?
}

@Suite("Grounded fields in extraction")
struct GroundedExtractionTests {
    static let document = "Order from Acme Corp:\n2 x Widget  Pro, 1 x gizmo mini. Thanks, Acme Corp"

    @Test func macroWritesTheKeyword() throws {
        let schema = GroundedVendor.jsonSchema.value
        #expect(schema["properties"]?["name"]?["x-forma-grounded"] == "exact")
        #expect(schema["properties"]?["products"]?["x-forma-grounded"] == "normalized")
        #expect(schema["properties"]?["note"]?["x-forma-grounded"] == nil)
    }

    @Test func groundedValuesGetSpans() async throws {
        let server = try TestServer(script: [reply(#"{"name":"Acme Corp","products":["widget pro","Gizmo Mini"],"note":"rush"}"#)])
        let result = try await client(for: server).extract(GroundedVendor.self, from: Self.document, model: "m")
        #expect(result.value.name == "Acme Corp")
        #expect(result.spans[try JSONPointer(parsing: "/name")] == 11..<20)
        #expect(result.spans[try JSONPointer(parsing: "/products/0")] == 26..<37)
        #expect(result.spans[try JSONPointer(parsing: "/products/1")] == 43..<53)
        #expect(result.spans[try JSONPointer(parsing: "/note")] == nil)
        #expect(result.spans.count == 3)
        let scalars = Array(Self.document.unicodeScalars)
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[11..<20])
        #expect(String(name) == "Acme Corp")
    }

    @Test func madeUpValueIsReaskedWithLocatedProblem() async throws {
        let server = try TestServer(script: [
            reply(#"{"name":"Acme Corporation Ltd","products":["Widget Pro","Sprocket"]}"#),
            reply(#"{"name":"Acme Corp","products":["Widget Pro"]}"#),
        ])
        let result = try await client(for: server).extract(GroundedVendor.self, from: Self.document, model: "m")
        #expect(result.value.name == "Acme Corp")
        #expect(result.attempts.map(\.outcome) == [.reasked, .succeeded])
        let problems = result.attempts[0].problems
        #expect(problems.map(\.stage) == [.grounding, .grounding])
        #expect(problems.map(\.description) == [
            #"at /name: "Acme Corporation Ltd" does not occur in the text"#,
            #"at /products/1: "Sprocket" does not occur in the text (even ignoring case, spacing and Unicode compatibility forms)"#,
        ])
        let second = try #require(server.requests.last)
        let followUp = try #require(lastFollowUp(second))
        #expect(followUp.contains(#"at /name: "Acme Corporation Ltd" does not occur in the text"#))
    }

    @Test func finalFailureKeepsTheCandidate() async throws {
        let server = try TestServer(script: [], afterScript: reply(#"{"name":"Globex","products":[]}"#))
        var options = ExtractionOptions()
        options.maxReasks = 1
        do {
            _ = try await client(for: server).extract(GroundedVendor.self, from: Self.document, model: "m", options: options)
            Issue.record("extraction succeeded")
        } catch let error as ExtractionError {
            #expect(error.kind == .invalid)
            #expect(error.lastParsed == ["name": "Globex", "products": []])
            #expect(error.problems.map(\.location?.description) == ["/name"])
        }
        #expect(server.requests.count == 2)
    }

    @Test func partOfAWordIsNotGrounded() async throws {
        // "Acme C" ends inside "Corp": not on a word boundary.
        let server = try TestServer(script: [reply(#"{"name":"Acme C","products":[]}"#), reply(#"{"name":"Acme","products":[]}"#)])
        let result = try await client(for: server).extract(GroundedVendor.self, from: Self.document, model: "m")
        #expect(result.attempts.count == 2)
        #expect(result.spans[try JSONPointer(parsing: "/name")] == 11..<15)
    }

    @Test func runTimeSchemaKeywordAndWhitespaceOnlyValues() async throws {
        let schema = try JSONSchema(JSONParser.parse(Array(#"""
            {"type":"object","required":["who"],"properties":{
              "who":{"type":"string","x-forma-grounded":"normalized"},
              "aka":{"type":"array","items":{"$ref":"#/$defs/name"}}},
             "$defs":{"name":{"type":"string","x-forma-grounded":"exact"}}}
            """#.utf8)))
        let server = try TestServer(script: [
            reply(#"{"who":"ACME   corp","aka":["Widget", "Acme Inc"]}"#),
            reply(#"{"who":"ACME   corp","aka":["Widget", " "]}"#),
        ])
        let result = try await client(for: server).extract(schema: schema, from: Self.document, model: "m")
        #expect(result.attempts[0].problems.map(\.description) == [#"at /aka/1: "Acme Inc" does not occur in the text"#])
        #expect(result.spans[try JSONPointer(parsing: "/who")] == 11..<20)
        #expect(result.spans[try JSONPointer(parsing: "/aka/0")] == 26..<32)
        // A whitespace-only value is not checked and has no span.
        #expect(result.spans[try JSONPointer(parsing: "/aka/1")] == nil)
    }

    @Test func keywordIsNotSentToOpenAIButIsToTogether() async throws {
        let openAI = try TestServer(script: [reply(#"{"name":"Acme Corp","products":[]}"#)])
        _ = try await client(for: openAI, dialect: .openAI).extract(GroundedVendor.self, from: Self.document, model: "m")
        let sent = try #require(openAI.requests.first?.json?["response_format"]?["json_schema"]?["schema"])
        #expect(sent["properties"]?["name"]?["x-forma-grounded"] == nil)
        #expect(sent["properties"]?["name"]?["type"] == "string")
        let together = try TestServer(script: [reply(#"{"name":"Acme Corp","products":[]}"#)])
        _ = try await client(for: together).extract(GroundedVendor.self, from: Self.document, model: "m")
        let body = try #require(together.requests.first?.json)
        #expect(body["response_format"]?["json_schema"]?["schema"]?["properties"]?["name"] != nil)
    }

    @Test func checkerWithoutSourceSkipsGrounding() throws {
        let checker = try ReplyChecker(target: ExtractionTarget<GroundedVendor>.type(GroundedVendor.self), provider: .together)
        #expect(checker.check(#"{"name":"Nobody","products":[]}"#).value != nil)
        let checked = checker.check(#"{"name":"Nobody","products":[]}"#, source: Self.document)
        #expect(checked.value == nil)
        #expect(checked.problems.first?.stage == .grounding)
    }
}
