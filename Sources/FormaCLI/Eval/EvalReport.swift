import Forma
import FormaJSON

/// The text table and the JSON document `forma eval` prints.
enum EvalReport {
    /// The terminal table.
    static func table(_ tally: EvaluationTally) -> String {
        var lines: [String] = []
        lines.append(
            "forma eval: \(tally.goldRecords) gold records, \(tally.outputRecords) output records: "
                + "\(tally.matchedRecords) ok, \(tally.failedRecords) failed, \(tally.missingIDs.count) missing, "
                + "\(tally.extraIDs.count) not in gold")
        if !tally.missingIDs.isEmpty { lines.append("missing ids: " + ids(tally.missingIDs)) }
        if !tally.extraIDs.isEmpty { lines.append("ids not in gold: " + ids(tally.extraIDs)) }
        lines.append("")
        var rows: [[String]] = [["field", "compared", "exact", "normalized", "wrong", "missing", "type", "extra", "accuracy"]]
        func row(_ name: String, _ field: EvaluationTally.Field) -> [String] {
            let accuracy = field.compared == 0 ? "-" : percent(Double(field.correct(tally.match)) / Double(field.compared))
            return [name, "\(field.compared)", "\(field[.exact])", "\(field[.normalized])", "\(field[.wrong])",
                    "\(field[.missing])", "\(field[.typeMismatch])", "\(field[.extra])", accuracy]
        }
        for pointer in tally.order { rows.append(row(pointer.tokens.isEmpty ? "(root)" : pointer.description, tally.fields[pointer]!)) }
        rows.append(row("all fields", tally.total))
        lines.append(contentsOf: aligned(rows))
        lines.append("")
        let rate = tally.goldRecords == 0 ? "-" : percent(Double(tally.exactRecords) / Double(tally.goldRecords))
        lines.append("exact records: \(tally.exactRecords) of \(tally.goldRecords) (\(rate))")
        lines.append("accuracy (\(tally.match == .normalized ? "exact or normalized" : "exact only")): "
                     + (tally.accuracy.map(percent) ?? "-"))
        if tally.hasConfidence {
            lines.append("")
            var split: [[String]] = [["confidence", "values ≥", "accuracy ≥", "values <", "accuracy <"]]
            for decile in 1...9 {
                let (above, below) = tally.split(at: decile)
                split.append([
                    "0.\(decile)", "\(above.count)", above.count == 0 ? "-" : percent(Double(above.correct) / Double(above.count)),
                    "\(below.count)", below.count == 0 ? "-" : percent(Double(below.correct) / Double(below.count)),
                ])
            }
            lines.append(contentsOf: aligned(split))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON document (`--output json`), one line.
    static func json(_ tally: EvaluationTally) -> String {
        var records = JSONObject()
        records["gold"] = number(tally.goldRecords)
        records["output"] = number(tally.outputRecords)
        records["ok"] = number(tally.matchedRecords)
        records["failed"] = number(tally.failedRecords)
        records["exact"] = number(tally.exactRecords)
        records["exactRate"] = tally.goldRecords == 0 ? .null : fraction(Double(tally.exactRecords) / Double(tally.goldRecords))
        records["missingIds"] = .array(tally.missingIDs)
        records["extraIds"] = .array(tally.extraIDs)
        func fieldObject(_ field: EvaluationTally.Field) -> JSONObject {
            var object = JSONObject()
            object["compared"] = number(field.compared)
            for verdict in EvaluationTally.Verdict.allCases { object[verdict.rawValue] = number(field[verdict]) }
            object["accuracy"] = field.compared == 0 ? .null : fraction(Double(field.correct(tally.match)) / Double(field.compared))
            return object
        }
        var fields = JSONObject()
        for pointer in tally.order { fields[pointer.description] = .object(fieldObject(tally.fields[pointer]!)) }
        var document = JSONObject()
        document["match"] = .string(tally.match.rawValue)
        document["records"] = .object(records)
        document["fields"] = .object(fields)
        document["all"] = .object(fieldObject(tally.total))
        document["accuracy"] = tally.accuracy.map(fraction) ?? .null
        var thresholds: [JSONValue] = []
        if tally.hasConfidence {
            for decile in 1...9 {
                let (above, below) = tally.split(at: decile)
                var entry = JSONObject()
                entry["threshold"] = fraction(Double(decile) / 10)
                entry["above"] = ["count": number(above.count), "accuracy": above.count == 0 ? .null : fraction(Double(above.correct) / Double(above.count))]
                entry["below"] = ["count": number(below.count), "accuracy": below.count == 0 ? .null : fraction(Double(below.correct) / Double(below.count))]
                thresholds.append(.object(entry))
            }
        }
        document["confidence"] = .array(thresholds)
        return JSONValue.object(document).serialized() + "\n"
    }

    /// `75.0%`.
    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    private static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    private static func fraction(_ value: Double) -> JSONValue {
        JSONNumber((value * 10_000).rounded() / 10_000).map(JSONValue.number) ?? .null
    }

    private static func ids(_ list: [JSONValue]) -> String {
        let shown = list.prefix(20).map { $0.string ?? $0.serialized() }.joined(separator: ", ")
        return list.count > 20 ? shown + ", … (\(list.count) in all)" : shown
    }

    /// Columns padded to their widest cell (first column left-aligned, the rest right).
    private static func aligned(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
