import Forma
import FormaTestServer
import Foundation
import Testing

/// Recorded `logprobs` payloads in each server's shape, for the reply `{"name":"Ada","age":36}`
/// spelled by the tokens `{"` `name` `":"` `Ada` `","` `age` `":` `36` `}`.
enum LogprobPayloads {
    static let content = #"{"name":"Ada","age":36}"#
    static let tokens = [#"{""#, "name", #"":""#, "Ada", #"",""#, "age", #"":"#, "36", "}"]
    static let values = [-0.01, -0.02, -0.03, -0.5, -0.1, -0.04, -0.05, -1.2, 0.0]

    /// Together: parallel `tokens` / `token_logprobs` / `token_ids` arrays.
    static var together: String {
        let tokenList = tokens.map { JSONValue.string($0).serialized() }.joined(separator: ",")
        let valueList = values.map { "\($0)" }.joined(separator: ",")
        return #"{"tokens":[\#(tokenList)],"token_logprobs":[\#(valueList)],"token_ids":[1,2,3,4,5,6,7,8,9]}"#
    }

    /// OpenAI: `content[]` of `{token, logprob, bytes, top_logprobs}`, plus `refusal`.
    static var openAI: String {
        let items = zip(tokens, values).map { token, value in
            let bytes = Array(token.utf8).map(String.init).joined(separator: ",")
            return #"{"token":\#(JSONValue.string(token).serialized()),"logprob":\#(value),"bytes":[\#(bytes)],"top_logprobs":[]}"#
        }
        return #"{"content":[\#(items.joined(separator: ","))],"refusal":null}"#
    }

    /// llama.cpp's OpenAI-compatible server: `content[]` with `id`, `token`, `bytes`, `logprob`.
    static var llamaCpp: String {
        let items = zip(tokens, values).enumerated().map { index, pair in
            let bytes = Array(pair.0.utf8).map(String.init).joined(separator: ",")
            return #"{"id":\#(100 + index),"token":\#(JSONValue.string(pair.0).serialized()),"bytes":[\#(bytes)],"logprob":\#(pair.1),"top_logprobs":[{"id":\#(100 + index),"token":\#(JSONValue.string(pair.0).serialized()),"bytes":[\#(bytes)],"logprob":\#(pair.1)}]}"#
        }
        return #"{"content":[\#(items.joined(separator: ","))]}"#
    }

    static func logprobs(_ text: String) throws -> Logprobs {
        try Logprobs(json: JSONParser.parse(Array(text.utf8)))
    }

    /// A chat completion whose choice carries `logprobs`.
    static func completion(content: String, logprobs: String) throws -> TestResponse {
        let body = #"""
            {"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop",
            "message":{"role":"assistant","content":\#(JSONValue.string(content).serialized())},"logprobs":\#(logprobs)}],
            "usage":{"prompt_tokens":10,"completion_tokens":9,"total_tokens":19}}
            """#
        return .json(try JSONParser.parse(Array(body.utf8)))
    }
}

@Suite("Per-field confidence from token log-probabilities")
struct FieldConfidenceTests {
    let name = try! JSONPointer(parsing: "/name")
    let age = try! JSONPointer(parsing: "/age")

    @Test(arguments: ["together", "openai", "llamacpp"])
    func recordedPayloadsGiveTheSameConfidence(shape: String) throws {
        let payload = shape == "together" ? LogprobPayloads.together : shape == "openai" ? LogprobPayloads.openAI : LogprobPayloads.llamaCpp
        let logprobs = try LogprobPayloads.logprobs(payload)
        let confidence = try #require(FieldConfidence.of(LogprobPayloads.content, logprobs: logprobs))
        // The content of "Ada" is bytes 9..<12, spelled by the token `Ada` alone: the quote
        // tokens `":"` and `","` around it are punctuation and do not count.
        #expect(abs(confidence[name]! - exp(-0.5)) < 1e-12)
        #expect(abs(confidence[age]! - exp(-1.2)) < 1e-12)
        #expect(confidence.count == 2)
    }

    @Test func alignmentPlacesTokensOnBytes() throws {
        let alignment = TokenAlignment(try LogprobPayloads.logprobs(LogprobPayloads.together), text: LogprobPayloads.content)
        #expect(alignment.tokens.map(\.range) == [0..<2, 2..<6, 6..<9, 9..<12, 12..<15, 15..<18, 18..<20, 20..<22, 22..<23])
        #expect(alignment.coveredBytes == 23)
        #expect(alignment.logprob(of: 9..<12) == -0.5)
        #expect(alignment.logprob(of: 23..<24) == nil)
    }

    @Test func partialCharacterTokensAlignThroughTheirBytes() throws {
        // "Zürich": ü is C3 BC, split over two tokens that print as U+FFFD.
        let content = #"{"city":"Zürich"}"#
        let payload = #"""
            {"content":[
             {"token":"{\"city\":\"","logprob":-0.1,"bytes":[123,34,99,105,116,121,34,58,34]},
             {"token":"Z","logprob":-0.2,"bytes":[90]},
             {"token":"\ufffd","logprob":-0.3,"bytes":[195]},
             {"token":"\ufffd","logprob":-0.4,"bytes":[188]},
             {"token":"rich","logprob":-0.5,"bytes":[114,105,99,104]},
             {"token":"\"}","logprob":-0.6,"bytes":[34,125]}]}
            """#
        let confidence = try #require(FieldConfidence.of(content, logprobs: try LogprobPayloads.logprobs(payload)))
        let city = try JSONPointer(parsing: "/city")
        #expect(abs(confidence[city]! - exp(-1.4)) < 1e-12)
        // Without bytes the replacement characters do not spell the text: nothing is scored.
        let withoutBytes = Logprobs(tokens: ["{\"city\":\"", "Z", "\u{FFFD}", "\u{FFFD}", "rich", "\"}"],
                                    tokenLogprobs: [-0.1, -0.2, -0.3, -0.4, -0.5, -0.6])
        #expect(FieldConfidence.of(content, logprobs: withoutBytes) == nil)
    }

    @Test func escapedStringsCountTheirEscapes() throws {
        let content = #"{"q":"say \"hi\"","n":null,"ok":true}"#
        let logprobs = Logprobs(
            tokens: [#"{"q":""#, "say", #" \""#, "hi", #"\"","#, #""n":"#, "null", #",""#, "ok", #"":"#, "true", "}"],
            tokenLogprobs: [-0.1, -0.2, -0.3, -0.4, -0.5, -0.6, -0.7, -0.8, -0.9, -1.0, -1.1, -1.2])
        let confidence = try #require(FieldConfidence.of(content, logprobs: logprobs))
        // `say \"hi\"` is bytes 6..<16; the last token `\"",` straddles its end and counts whole.
        #expect(abs(confidence[try JSONPointer(parsing: "/q")]! - exp(-0.2 - 0.3 - 0.4 - 0.5)) < 1e-12)
        #expect(abs(confidence[try JSONPointer(parsing: "/n")]! - exp(-0.7)) < 1e-12)
        #expect(abs(confidence[try JSONPointer(parsing: "/ok")]! - exp(-1.1)) < 1e-12)
    }

    @Test func fencedReplyAndArraysAndEnums() throws {
        let content = "Sure:\n```json\n{\"tags\":[\"a\",\"b\"],\"status\":\"paid\"}\n```"
        let pieces = ["Sure", ":\n", "```", "json\n", "{\"", "tags", "\":[\"", "a", "\",\"", "b", "\"],\"", "status", "\":\"",
                      "paid", "\"}", "\n```"]
        #expect(pieces.joined() == content)
        let logprobs = Logprobs(tokens: pieces, tokenLogprobs: pieces.indices.map { -Double($0) / 100 })
        let confidence = try #require(FieldConfidence.of(content, logprobs: logprobs))
        // /tags/0 is `a`, token 7 (the fence and prose before the JSON shift every offset).
        #expect(abs(confidence[try JSONPointer(parsing: "/tags/0")]! - exp(-0.07)) < 1e-12)
        #expect(abs(confidence[try JSONPointer(parsing: "/status")]! - exp(-0.13)) < 1e-12)
        #expect(confidence[try JSONPointer(parsing: "/tags")] == nil)
    }

    @Test func tokensThatDoNotSpellTheReplyGiveNothing() throws {
        let logprobs = Logprobs(tokens: [" {", "\"a\":1}"], tokenLogprobs: [-0.1, -0.2])
        #expect(FieldConfidence.of(#"{"a":1}"#, logprobs: logprobs) == nil)
        // A missing log-probability leaves only the leaves it touches out.
        let partial = Logprobs(tokens: [#"{"a":"#, "1", #","b":"#, "2", "}"], tokenLogprobs: [-0.1, nil, -0.1, -0.3, 0])
        let confidence = try #require(FieldConfidence.of(#"{"a":1,"b":2}"#, logprobs: partial))
        #expect(confidence[try JSONPointer(parsing: "/a")] == nil)
        #expect(abs(confidence[try JSONPointer(parsing: "/b")]! - exp(-0.3)) < 1e-12)
    }

    @Test func straddlingTokensAndEmptyStrings() throws {
        // `"Ad` carries the opening quote with content; `a","` the end with the next key's quote.
        let content = #"{"a":"Ada","b":""}"#
        let logprobs = Logprobs(tokens: [#"{"a":"#, #""Ad"#, #"a",""#, #"b":"#, #""""#, "}"],
                                tokenLogprobs: [-0.1, -0.2, -0.3, -0.4, -0.5, -0.6])
        #expect(logprobs.tokens.joined() == content)
        let confidence = try #require(FieldConfidence.of(content, logprobs: logprobs))
        #expect(abs(confidence[try JSONPointer(parsing: "/a")]! - exp(-0.5)) < 1e-12)
        #expect(abs(confidence[try JSONPointer(parsing: "/b")]! - exp(-0.5)) < 1e-12)
    }

    @Test func patternTargetsScoreTheWholeAnswer() throws {
        let logprobs = Logprobs(tokens: ["ABC", "-", "1234"], tokenLogprobs: [-0.1, -0.2, -0.3])
        let confidence = try #require(FieldConfidence.of("ABC-1234", logprobs: logprobs, pattern: true))
        #expect(abs(confidence[.root]! - exp(-0.6)) < 1e-12)
    }

    @Test(arguments: [ProviderDialect.together, .llamaCpp, .openAI])
    func extractorAsksForLogprobsAndScoresTheReply(dialect: ProviderDialect) async throws {
        let payload = dialect == .together ? LogprobPayloads.together : dialect == .openAI ? LogprobPayloads.openAI : LogprobPayloads.llamaCpp
        let server = try TestServer(script: [try LogprobPayloads.completion(content: LogprobPayloads.content, logprobs: payload)])
        var options = ExtractionOptions()
        options.confidence = true
        let result = try await client(for: server, dialect: dialect).extract(Contact.self, from: "Ada, 36", model: "m", options: options)
        let body = try #require(server.requests.first?.json)
        if dialect == .together {
            #expect(body["logprobs"] == 1)
            #expect(body["top_logprobs"] == nil)
        } else {
            #expect(body["logprobs"] == true)
            #expect(body["top_logprobs"] == 1)
        }
        let confidence = try #require(result.confidence)
        #expect(abs(confidence[name]! - exp(-0.5)) < 1e-9)
        #expect(abs(confidence[age]! - exp(-1.2)) < 1e-9)
    }

    @Test func noConfidenceUnlessAskedOrWithoutLogprobs() async throws {
        let server = try TestServer(script: [
            try LogprobPayloads.completion(content: LogprobPayloads.content, logprobs: LogprobPayloads.together),
            reply(LogprobPayloads.content),
        ])
        let plain = try await client(for: server).extract(Contact.self, from: "Ada, 36", model: "m")
        #expect(plain.confidence == nil)
        #expect(server.requests.first?.json?["logprobs"] == nil)
        var options = ExtractionOptions()
        options.confidence = true
        let withoutLogprobs = try await client(for: server).extract(Contact.self, from: "Ada, 36", model: "m", options: options)
        #expect(withoutLogprobs.confidence == nil)
    }
}
