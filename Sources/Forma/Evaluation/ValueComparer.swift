public import FormaJSON

/// Compares extracted values with hand-checked (gold) values, leaf by leaf, into an
/// ``EvaluationTally``: what `forma eval` runs.
///
/// The rules (README, "forma eval"):
/// - every leaf of the gold value (string, number, boolean, null) is one comparison, under
///   its field: the pointer with array indices written `*` (`/items/*/price`);
/// - **exact**: the same JSON value (numbers by value: `1` is `1.0`);
/// - **normalized**: equal after NFKC, case folding and whitespace collapsing for strings,
///   and by value for a number against a numeric string (`"1,234.50"` is `1234.5`);
/// - **missing**: the output has no value there; **type**: it has one of another JSON type;
///   **wrong**: anything else;
/// - a gold `null` is matched by `null` or by an absent member;
/// - arrays are matched by position, except where the schema says `uniqueItems: true`:
///   there each gold element is matched with an equal output element (exact first, then
///   normalized), in any order;
/// - output leaves with no gold counterpart are **extra** (reported, not in accuracy).
public struct ValueComparer: Sendable {
    /// The schema of the values, for `uniqueItems` (`nil`: every array by position).
    public let schema: JSONValue?

    /// A comparer.
    /// - Parameter schema: The values' schema (arrays with `uniqueItems: true` are compared as sets).
    public init(schema: JSONValue? = nil) { self.schema = schema }

    /// Compares `output` (absent for a missing or failed record) with `gold`.
    /// - Parameters:
    ///   - gold: The right value.
    ///   - output: The extracted value, or `nil` when there is none.
    ///   - confidence: The output's confidence by pointer (``Extraction/confidence``).
    ///   - tally: Receives one verdict per gold leaf and per extra output leaf.
    /// - Returns: Whether every leaf matched exactly and nothing was extra.
    public func compare(
        gold: JSONValue, output: JSONValue?, confidence: [JSONPointer: Double], into tally: inout EvaluationTally
    ) -> Bool {
        var allExact = true
        walk(gold: gold, output: output, at: .root, field: .root, schema: schema, depth: 0,
             confidence: confidence, tally: &tally, allExact: &allExact)
        return allExact
    }

    private func walk(
        gold: JSONValue, output: JSONValue?, at pointer: JSONPointer, field: JSONPointer, schema: JSONValue?, depth: Int,
        confidence: [JSONPointer: Double], tally: inout EvaluationTally, allExact: inout Bool
    ) {
        guard depth < 128 else { return }
        switch gold {
        case .object(let members):
            guard let output, case .object(let produced) = output else {
                countLeaves(gold, field: field, as: output == nil ? .missing : .typeMismatch, tally: &tally)
                allExact = false
                return
            }
            for member in members {
                walk(gold: member.value, output: produced[member.key], at: pointer.appending(member.key),
                     field: field.appending(member.key), schema: child(of: schema, key: member.key), depth: depth + 1,
                     confidence: confidence, tally: &tally, allExact: &allExact)
            }
            for member in produced where members[member.key] == nil {
                countLeaves(member.value, field: field.appending(member.key), as: .extra, tally: &tally)
                allExact = false
            }
        case .array(let items):
            guard let output, case .array(let produced) = output else {
                countLeaves(gold, field: field, as: output == nil ? .missing : .typeMismatch, tally: &tally)
                allExact = false
                return
            }
            let elementField = field.appending("*")
            if isSet(schema) {
                matchSet(items, produced, at: pointer, field: elementField, confidence: confidence, tally: &tally,
                         allExact: &allExact)
                return
            }
            for (index, item) in items.enumerated() {
                walk(gold: item, output: index < produced.count ? produced[index] : nil, at: pointer.appending(index: index),
                     field: elementField, schema: child(of: schema, index: index), depth: depth + 1,
                     confidence: confidence, tally: &tally, allExact: &allExact)
            }
            for extra in produced.dropFirst(items.count) {
                countLeaves(extra, field: elementField, as: .extra, tally: &tally)
                allExact = false
            }
        default:
            let verdict = Self.verdict(gold: gold, output: output)
            if verdict != .exact { allExact = false }
            tally.count(verdict, field: field, confidence: confidence[pointer])
        }
    }

    /// Gold elements matched with output elements in any order.
    private func matchSet(
        _ gold: [JSONValue], _ produced: [JSONValue], at pointer: JSONPointer, field: JSONPointer,
        confidence: [JSONPointer: Double], tally: inout EvaluationTally, allExact: inout Bool
    ) {
        var unused = Array(produced.indices)
        for item in gold {
            let exact = unused.firstIndex { produced[$0] == item || Self.sameNumber(produced[$0], item) }
            let found = exact ?? unused.firstIndex { Self.verdict(gold: item, output: produced[$0]) == .normalized }
            guard let position = found else {
                tally.count(unused.isEmpty ? .missing : .wrong, field: field, confidence: nil)
                allExact = false
                continue
            }
            let index = unused.remove(at: position)
            let verdict: EvaluationTally.Verdict = exact != nil ? .exact : .normalized
            if verdict != .exact { allExact = false }
            tally.count(verdict, field: field, confidence: confidence[pointer.appending(index: index)])
        }
        for index in unused {
            countLeaves(produced[index], field: field, as: .extra, tally: &tally)
            allExact = false
        }
    }

    /// Counts every leaf of `value` as `verdict`.
    private func countLeaves(_ value: JSONValue, field: JSONPointer, as verdict: EvaluationTally.Verdict, tally: inout EvaluationTally) {
        switch value {
        case .object(let members):
            // An empty object or array has no leaf to count.
            for member in members { countLeaves(member.value, field: field.appending(member.key), as: verdict, tally: &tally) }
        case .array(let items):
            for item in items { countLeaves(item, field: field.appending("*"), as: verdict, tally: &tally) }
        default:
            // A gold null with nothing produced is a match, not a missing value.
            if verdict == .missing, value == .null {
                tally.count(.exact, field: field, confidence: nil)
            } else {
                tally.count(verdict, field: field, confidence: nil)
            }
        }
    }

    /// The verdict for one gold leaf against the output's value there.
    public static func verdict(gold: JSONValue, output: JSONValue?) -> EvaluationTally.Verdict {
        guard let output else { return gold == .null ? .exact : .missing }
        if gold == output || sameNumber(gold, output) { return .exact }
        switch (gold, output) {
        case (.string(let a), .string(let b)):
            return GroundingText.normalizedForm(a) == GroundingText.normalizedForm(b) ? .normalized : .wrong
        case (.number(let a), .string(let b)), (.string(let b), .number(let a)):
            guard let parsed = numericValue(b) else { return .typeMismatch }
            return parsed == a.doubleValue ? .normalized : .wrong
        case (.number, .number), (.bool, .bool):
            return .wrong
        default:
            return .typeMismatch
        }
    }

    /// Whether both are numbers of the same value.
    static func sameNumber(_ a: JSONValue, _ b: JSONValue) -> Bool {
        guard case .number(let x) = a, case .number(let y) = b else { return false }
        return x.doubleValue == y.doubleValue
    }

    /// A number written in a string, with thousands separators and spaces ignored.
    static func numericValue(_ text: String) -> Double? {
        let cleaned = text.filter { $0 != "," && $0 != " " && $0 != "_" && $0 != "\u{00A0}" }
        guard !cleaned.isEmpty else { return nil }
        return Double(cleaned)
    }

    // MARK: The schema beside the value

    private func resolved(_ node: JSONValue?) -> JSONValue? {
        guard let node, case .object(let object) = node else { return node }
        if let ref = object["$ref"]?.string, ref.hasPrefix("#"), let root = schema {
            let fragment = String(ref.dropFirst())
            if fragment.isEmpty { return root }
            return (try? JSONPointer(parsing: fragment))?.resolve(in: root)
        }
        return node
    }

    /// The branches a keyword may sit in: the node and its `allOf`/`anyOf`/`oneOf` members.
    private func branches(_ node: JSONValue?) -> [JSONObject] {
        guard let node = resolved(node), case .object(let object) = node else { return [] }
        var out = [object]
        for keyword in ["allOf", "anyOf", "oneOf"] {
            for branch in object[keyword]?.array ?? [] {
                if let resolved = resolved(branch), case .object(let inner) = resolved { out.append(inner) }
            }
        }
        return out
    }

    private func isSet(_ node: JSONValue?) -> Bool {
        branches(node).contains { $0["uniqueItems"]?.bool == true }
    }

    private func child(of node: JSONValue?, key: String) -> JSONValue? {
        for branch in branches(node) {
            if let found = branch["properties"]?.object?[key] { return found }
        }
        for branch in branches(node) {
            if let additional = branch["additionalProperties"], additional.object != nil { return additional }
        }
        return nil
    }

    private func child(of node: JSONValue?, index: Int) -> JSONValue? {
        for branch in branches(node) {
            if let prefix = branch["prefixItems"]?.array ?? branch["items"]?.array, index < prefix.count { return prefix[index] }
            if let items = branch["items"], items.object != nil { return items }
        }
        return nil
    }
}
