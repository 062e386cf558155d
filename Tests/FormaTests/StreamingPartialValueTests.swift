import Forma
import Testing

/// Containers and renamed keys in a partial.
@Schema(keys: .snakeCase)
struct PartialProbe: Codable, Equatable, Sendable {
    var displayName: String
    var scores: [Int]
    var labels: [String: String]
    var maybe: [Int?]
    var owner: StreamedAttendee?
    var mood: Sentiment2?
}

@Schema
enum Sentiment2: String, Codable, Sendable {
    case happy, sad
}

@Suite("Partial values from snapshots")
struct StreamingPartialValueTests {
    @Test func propertiesFillInAsTheyArrive() {
        var json = PartialJSON()
        json.append(#"{"display_name": "Ad"#)
        let first = PartialProbe.partial(from: json.snapshot() ?? .null)
        #expect(first?.displayName == "Ad")
        #expect(first?.scores == nil)
        json.append(#"a", "scores": [1, 2"#)
        #expect(PartialProbe.partial(from: json.snapshot() ?? .null)?.scores == [1, 2])
        json.append(#"], "labels": {"a": "x", "b": "y"#)
        #expect(PartialProbe.partial(from: json.snapshot() ?? .null)?.labels == ["a": "x", "b": "y"])
        json.append(#""}, "maybe": [1, null, 3], "owner": {"name": "Gr"#)
        let later = PartialProbe.partial(from: json.snapshot() ?? .null)
        #expect(later?.maybe == [1, 3])
        #expect(later?.owner?.name == "Gr")
        #expect(later?.owner?.role == nil)
        json.append(#"ace"}, "mood": "ha"#)
        // An enum is present only once its value is one of the cases.
        #expect(PartialProbe.partial(from: json.snapshot() ?? .null)?.mood == nil)
        json.append(#"ppy"}"#)
        let done = PartialProbe.partial(from: json.snapshot() ?? .null)
        #expect(done?.mood == .happy)
        #expect(done?.owner?.name == "Grace")
    }

    @Test func wrongShapesGiveNil() {
        #expect(PartialProbe.partial(from: [1, 2]) == nil)
        #expect(PartialProbe.partial(from: ["scores": "many"])?.scores == nil)
        #expect([Int].partial(from: ["a", 2, 3]) == [2, 3])
        #expect(Optional<String>.partial(from: .null) == nil)
    }
}
