public import FormaJSON

/// The counts of an evaluation (`forma eval`): per field, per confidence decile, per record.
public struct EvaluationTally: Sendable {
    /// The outcome of one gold leaf (or one extra output leaf).
    public enum Verdict: String, CaseIterable, Sendable {
        /// The same JSON value (numbers by value).
        case exact
        /// Equal after NFKC, case folding and whitespace collapsing, or a number written as a string.
        case normalized
        /// Another value of the same type.
        case wrong
        /// No value where the gold has one.
        case missing
        /// A value of another JSON type.
        case typeMismatch = "type"
        /// An output value the gold does not have.
        case extra
    }

    /// The counts of one field.
    public struct Field: Sendable {
        /// Verdicts and how often each was given.
        public var counts: [Verdict: Int] = [:]

        /// How often `verdict` was given.
        public subscript(_ verdict: Verdict) -> Int { counts[verdict, default: 0] }
        /// Gold leaves compared (extras are not).
        public var compared: Int { Verdict.allCases.filter { $0 != .extra }.reduce(0) { $0 + self[$1] } }
        /// Correct under `match`: exact, plus normalized when normalized matches count.
        public func correct(_ match: EvaluationMatch) -> Int { self[.exact] + (match == .normalized ? self[.normalized] : 0) }
    }

    /// Compared values whose output had a confidence, by decile of that confidence
    /// (`[0, 0.1)` … `[0.9, 1]`): how many, and how many were correct.
    public struct Decile: Sendable {
        /// Values in the decile.
        public var count = 0
        /// Of them, exact matches.
        public var exact = 0
        /// Of them, normalized matches.
        public var normalized = 0
    }

    /// How matches are counted as correct.
    public let match: EvaluationMatch
    /// Fields in order of first appearance.
    public private(set) var order: [JSONPointer] = []
    /// The counts of each field (pointers with array indices written `*`).
    public private(set) var fields: [JSONPointer: Field] = [:]
    /// Compared values by decile of their output's confidence.
    public private(set) var deciles = Array(repeating: Decile(), count: 10)

    /// Gold records read.
    public var goldRecords = 0
    /// Output records read.
    public var outputRecords = 0
    /// Gold ids with an `ok` output record.
    public var matchedRecords = 0
    /// Gold ids whose output record failed (`ok: false`).
    public var failedRecords = 0
    /// Gold records whose every leaf matched exactly, with no extra output leaf.
    public var exactRecords = 0
    /// Gold ids with no output record.
    public var missingIDs: [JSONValue] = []
    /// Output ids with no gold record.
    public var extraIDs: [JSONValue] = []

    /// An empty tally.
    /// - Parameter match: Which matches count as correct.
    public init(match: EvaluationMatch = .normalized) { self.match = match }

    /// Counts one leaf.
    /// - Parameters:
    ///   - verdict: Its verdict.
    ///   - field: Its field.
    ///   - confidence: The output's confidence for it, if any.
    public mutating func count(_ verdict: Verdict, field: JSONPointer, confidence: Double?) {
        if fields[field] == nil {
            order.append(field)
            fields[field] = Field()
        }
        fields[field]!.counts[verdict, default: 0] += 1
        guard verdict != .extra, let confidence, confidence.isFinite else { return }
        let bin = min(9, max(0, Int(confidence * 10)))
        deciles[bin].count += 1
        if verdict == .exact { deciles[bin].exact += 1 }
        if verdict == .normalized { deciles[bin].normalized += 1 }
    }

    /// Every field together.
    public var total: Field {
        var all = Field()
        for field in fields.values {
            for (verdict, count) in field.counts { all.counts[verdict, default: 0] += count }
        }
        return all
    }

    /// Correct / compared over every field; `nil` with nothing compared.
    public var accuracy: Double? {
        let all = total
        return all.compared == 0 ? nil : Double(all.correct(match)) / Double(all.compared)
    }

    /// For threshold `decile / 10` (1…9): the values at or above it and below it, and how many were correct.
    public func split(at decile: Int) -> (above: (count: Int, correct: Int), below: (count: Int, correct: Int)) {
        func sum(_ bins: ArraySlice<Decile>) -> (count: Int, correct: Int) {
            bins.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.exact + (match == .normalized ? $1.normalized : 0)) }
        }
        return (sum(deciles[decile...]), sum(deciles[..<decile]))
    }

    /// Whether any compared value had a confidence.
    public var hasConfidence: Bool { deciles.contains { $0.count > 0 } }
}

/// Which matches count as correct in accuracy.
public enum EvaluationMatch: String, CaseIterable, Sendable {
    /// Exact and normalized matches.
    case normalized
    /// Exact matches only.
    case exact
}
