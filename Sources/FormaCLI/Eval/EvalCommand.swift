import ArgumentParser
import Forma
import FormaJSON

/// `forma eval GOLD OUTPUT`: scores `forma extract` records against hand-checked values.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Compare forma extract records with a gold JSONL file, field by field.",
        discussion: """
            GOLD holds one {"id": …, "value": …} per line; OUTPUT is what forma extract wrote. Every \
            leaf of each gold value is compared with the record's value at the same JSON Pointer: exact, \
            normalized (Unicode NFKC, case and spacing ignored; numbers by value), wrong, missing or of \
            another type; output leaves with no gold counterpart are extra. Arrays are compared by \
            position, or as sets where --schema says uniqueItems. With --confidence in the records, \
            accuracy is also given above and below each decile of confidence.

            Exit status: 0, or 1 when accuracy is below --min-accuracy, 2 for unreadable input.
            """)

    @Argument(help: "The gold JSONL file: {\"id\": …, \"value\": …} per line.") var gold: String
    @Argument(help: "The forma extract output (JSONL records).") var output: String
    @Option(help: "The schema the values follow (arrays with uniqueItems are compared as sets).") var schema: String?
    @Option(help: "Which matches count as correct: normalized (and exact) or exact only.") var match: EvalMatchArgument = .normalized
    @Option(name: .customLong("output"), help: "text (a table) or json.") var format: EvalFormat = .text
    @Option(help: ArgumentHelp("Exit 1 when overall accuracy is below this fraction (0…1).", valueName: "FRACTION"))
    var minAccuracy: Double?

    func validate() throws {
        if let minAccuracy, !(0...1).contains(minAccuracy) { throw ValidationError("--min-accuracy must be in 0…1") }
    }

    func run() async throws {
        let tally: EvaluationTally
        do {
            tally = try evaluate()
        } catch let failure as CommandFailure {
            var standardError = StandardStream.error
            print("forma: \(failure.message)", to: &standardError)
            throw ExitStatus.usage
        }
        let report = format == .json ? EvalReport.json(tally) : EvalReport.table(tally)
        var standardOutput = StandardStream.output
        print(report, terminator: "", to: &standardOutput)
        if let minAccuracy, (tally.accuracy ?? 0) < minAccuracy {
            var standardError = StandardStream.error
            let shown = tally.accuracy.map { EvalReport.percent($0) } ?? "none"
            print("forma: accuracy \(shown) is below --min-accuracy \(EvalReport.percent(minAccuracy))", to: &standardError)
            throw ExitStatus.invalid
        }
    }

    private func evaluate() throws -> EvaluationTally {
        var schemaValue: JSONValue?
        if let schema {
            let file = try InputFile(path: schema)
            guard let bytes = try file.readAll(limit: 64 << 20) else { throw CommandFailure("\(schema): larger than 64 MiB") }
            do {
                schemaValue = try JSONParser.parse(bytes)
            } catch {
                throw CommandFailure("\(schema): \(error)")
            }
        }
        let golds = try EvalInput.read(gold, kind: .gold)
        let outputs = try EvalInput.read(output, kind: .output)
        var tally = EvaluationTally(match: match.value)
        tally.goldRecords = golds.order.count
        tally.outputRecords = outputs.order.count
        let matcher = ValueComparer(schema: schemaValue)
        for key in golds.order {
            let gold = golds.records[key]!
            let produced = outputs.records[key]
            if produced == nil { tally.missingIDs.append(gold.id) }
            if produced?.ok == false { tally.failedRecords += 1 }
            if produced?.ok == true { tally.matchedRecords += 1 }
            let value = produced?.ok == true ? produced?.value : nil
            let exact = matcher.compare(gold: gold.value ?? .null, output: value, confidence: produced?.confidence ?? [:], into: &tally)
            if exact, produced?.ok == true { tally.exactRecords += 1 }
        }
        tally.extraIDs = outputs.order.filter { golds.records[$0] == nil }.compactMap { outputs.records[$0]?.id }
        return tally
    }
}

/// `--match`.
struct EvalMatchArgument: ExpressibleByArgument {
    let value: EvaluationMatch
    static let normalized = EvalMatchArgument(value: .normalized)
    init(value: EvaluationMatch) { self.value = value }
    init?(argument: String) {
        guard let value = EvaluationMatch(rawValue: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { EvaluationMatch.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

/// `--output`.
enum EvalFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
