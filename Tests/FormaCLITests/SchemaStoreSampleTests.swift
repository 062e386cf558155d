import FormaJSON
import Foundation
import Testing

/// SchemaStore's own test files (`../shared/schemastore-sample`, or
/// `$FORMA_SCHEMASTORE_SAMPLE`) through `forma validate --format-assertion`, schema by schema.
@Suite("SchemaStore sample: real schemas and config files")
struct SchemaStoreSampleTests {
    static let root: String? = {
        if let path = ProcessInfo.processInfo.environment["FORMA_SCHEMASTORE_SAMPLE"], !path.isEmpty { return path }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = checkout.deletingLastPathComponent().appendingPathComponent("shared/schemastore-sample").path
        return FileManager.default.fileExists(atPath: path + "/src/schemas/json") ? path : nil
    }()

    /// Schemas whose files cannot pass yet, each with its reason.
    static let knownFailures: [String: String] = [
        // Schemas that $ref SchemaStore files the sample does not include.
        "cinnamon-spice.info": "$ref base.json, which is not in the sample",
        "drone": "$ref kubernetes-definitions.json, which is not in the sample",
        "foundryvtt-module-manifest": "$ref foundryvtt-base-package-manifest.json, which is not in the sample",
        "foundryvtt-system-manifest": "$ref foundryvtt-base-package-manifest.json, which is not in the sample",
        "foundryvtt-world-manifest": "$ref foundryvtt-base-package-manifest.json, which is not in the sample",
        "grunt-clean-task": "$ref grunt-task(.json), which is not in the sample",
        "grunt-copy-task": "$ref grunt-task(.json), which is not in the sample",
        "grunt-cssmin-task": "$ref grunt-task(.json), which is not in the sample",
        "schema-org-place": "$ref schema-org-thing.json, which is not in the sample",
    ]

    @Test("every file has SchemaStore's verdict, except the known failures listed with reasons")
    func sample() throws {
        guard let root = Self.root else {
            print("SchemaStore sample not found beside the checkout (../shared/schemastore-sample); skipped")
            return
        }
        let source = root + "/src"
        let schemas = source + "/schemas/json"
        let references = [
            "https://json.schemastore.org/", "http://json.schemastore.org/", "https://www.schemastore.org/",
        ].flatMap { ["--ref", "\($0)=\(schemas)"] }
        var passed = 0
        var total = 0
        var unexpected: [String] = []
        var knownButPassing: Set<String> = Set(Self.knownFailures.keys)
        for (kind, expectValid) in [("test", true), ("negative_test", false)] {
            let directory = source + "/" + kind
            for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
                let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/" + name).sorted()
                    .map { directory + "/" + name + "/" + $0 }
                let outcome = try FormaProcess.run(
                    ["validate", "--schema", schemas + "/" + name + ".json", "--format-assertion", "--output", "json"]
                        + references + files)
                var verdicts: [String: Bool] = [:]
                for line in outcome.outputLines {
                    let record = try JSONParser.parse(line)
                    guard let file = record["file"]?.string, let valid = record["valid"]?.bool else { continue }
                    verdicts[file] = (verdicts[file] ?? true) && valid
                }
                for file in files {
                    total += 1
                    let valid = verdicts[file]
                    if valid == expectValid {
                        passed += 1
                    } else if Self.knownFailures[name] != nil {
                        knownButPassing.remove(name)
                    } else {
                        unexpected.append("\(kind)/\(name)/\(file.split(separator: "/").last!): got \(valid.map { $0 ? "valid" : "invalid" } ?? "no verdict") \(outcome.standardError.prefix(300))")
                    }
                }
            }
        }
        print("SchemaStore sample: \(passed)/\(total) files pass")
        #expect(unexpected.isEmpty, "\(unexpected.joined(separator: "\n"))")
        // A listed schema whose files all pass must leave the list, so it stays true.
        #expect(knownButPassing.isEmpty, "known failures that now pass: \(knownButPassing.sorted())")
        #expect(total == 752)
        #expect(passed >= 717)
    }
}
