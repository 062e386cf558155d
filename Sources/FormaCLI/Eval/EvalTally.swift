import FormaJSON

/// The counts of one `forma eval`: per field, per confidence decile, per record.
struct EvalTally {
    /// The outcome of one gold leaf (or one extra output leaf).
    enum Verdict: String, CaseIterable {
        case exact, normalized, wrong, missing, typeMismatch = "type", extra
    }

    /// The counts of one field.
    struct Field {
        var counts: [Verdict: Int] = [:]

        subscript(_ verdict: Verdict) -> Int { counts[verdict, default: 0] }
        /// Gold leaves compared (extras are not).
        var compared: Int { Verdict.allCases.filter { $0 != .extra }.reduce(0) { $0 + self[$1] } }
        /// Correct under `match`: exact, plus normalized when normalized matches count.
        func correct(_ match: EvalMatch) -> Int { self[.exact] + (match == .normalized ? self[.normalized] : 0) }
    }

    /// Compared values whose output had a confidence, by decile of that confidence
    /// (`[0, 0.1)` … `[0.9, 1]`): how many, and how many were correct.
    struct Decile {
        var count = 0
        var exact = 0
        var normalized = 0
    }

    /// How matches are counted as correct.
    let match: EvalMatch
    /// Fields in order of first appearance.
    private(set) var order: [JSONPointer] = []
    private(set) var fields: [JSONPointer: Field] = [:]
    private(set) var deciles = Array(repeating: Decile(), count: 10)

    var goldRecords = 0
    var outputRecords = 0
    /// Gold ids with an `ok` output record.
    var matchedRecords = 0
    /// Gold ids whose output record failed (`ok: false`).
    var failedRecords = 0
    /// Gold records whose every leaf matched exactly, with no extra output leaf.
    var exactRecords = 0
    var missingIDs: [JSONValue] = []
    var extraIDs: [JSONValue] = []

    init(match: EvalMatch) { self.match = match }

    /// Counts one leaf.
    mutating func count(_ verdict: Verdict, field: JSONPointer, confidence: Double?) {
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
    var total: Field {
        var all = Field()
        for field in fields.values {
            for (verdict, count) in field.counts { all.counts[verdict, default: 0] += count }
        }
        return all
    }

    /// Correct / compared over every field; `nil` with nothing compared.
    var accuracy: Double? {
        let all = total
        return all.compared == 0 ? nil : Double(all.correct(match)) / Double(all.compared)
    }

    /// For threshold `t` (0.1 … 0.9): the values at or above it and below it, with their accuracy.
    func split(at decile: Int) -> (above: (count: Int, correct: Int), below: (count: Int, correct: Int)) {
        func sum(_ bins: ArraySlice<Decile>) -> (count: Int, correct: Int) {
            bins.reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.exact + (match == .normalized ? $1.normalized : 0)) }
        }
        return (sum(deciles[decile...]), sum(deciles[..<decile]))
    }

    /// Whether any compared value had a confidence.
    var hasConfidence: Bool { deciles.contains { $0.count > 0 } }
}

/// Which matches count as correct in accuracy.
enum EvalMatch: String, CaseIterable {
    /// Exact and normalized matches.
    case normalized
    /// Exact matches only.
    case exact
}
