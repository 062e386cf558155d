import ArgumentParser
import FormaClient
import FormaSchema

/// `forma lint`: which keywords of a schema each structured-output backend enforces,
/// silently ignores (then only local validation protects you) or rejects.
///
/// One line per finding on standard output, `TARGET POINTER: ignored|rejected: reason`, and
/// a summary on standard error. Exit status: 0 clean, 1 something ignored or rejected,
/// 2 usage error or an unreadable or invalid schema.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report what each structured-output backend does with a schema's keywords.",
        discussion: """
            For each keyword location: whether the backend enforces it, silently ignores it \
            (only local validation then protects you) or rejects the schema; and which regex \
            features (lookaround, backreferences, \\b, \\p{…}, anchors) do not port. The facts \
            come from the providers' documented behaviour (xgrammar, llguidance, outlines-core, \
            OpenAI strict mode, llama.cpp's converter; Together behaves as xgrammar). A \
            provider's name (openai, vllm, ollama, …) checks the backend its server uses.

            Exit status: 0 nothing ignored or rejected, 1 something ignored or rejected, \
            2 usage error or a schema that is unreadable, not JSON or not a valid schema.
            """
    )

    /// The backends `--target` accepts: every ``SchemaBackend`` by name (read from the one
    /// table, not restated), a provider's name for the backend it uses, or `all`.
    struct TargetChoice: ExpressibleByArgument, Sendable {
        let targets: [SchemaBackend]

        init(targets: [SchemaBackend]) { self.targets = targets }

        init?(argument: String) {
            if argument == "all" {
                self.init(targets: SchemaBackend.all)
            } else if let backend = SchemaBackend(name: argument) {
                self.init(targets: [backend])
            } else if let provider = Provider(name: argument) {
                self.init(targets: [provider.schemaBackend])
            } else {
                return nil
            }
        }

        static let all = TargetChoice(targets: SchemaBackend.all)

        static var allValueStrings: [String] {
            var names = SchemaBackend.all.map(\.name)
            for provider in Provider.all where !names.contains(provider.name) { names.append(provider.name) }
            return names + ["all"]
        }

        var defaultValueDescription: String { targets.count == SchemaBackend.all.count ? "all" : targets.map(\.name).joined(separator: ",") }
    }

    @Argument(help: ArgumentHelp("The JSON Schema file to lint.", valueName: "schema"))
    var schema: String

    @Option(name: .long, help: "The backend to check (a provider's name checks the backend it uses).")
    var target: TargetChoice = .all

    func run() throws {
        var standardError = StandardStream.error
        let document: JSONSchema
        do {
            document = try SchemaLoader(path: schema, formatAssertion: false, references: []).read()
        } catch let failure as CommandFailure {
            print(failure.message, to: &standardError)
            throw ExitStatus.usage
        }
        let findings = ProviderLint.lint(document, targets: target.targets)
        var standardOutput = StandardStream.output
        for finding in findings { print(finding.description, to: &standardOutput) }
        let ignored = findings.filter { $0.support == .ignored }.count
        let rejected = findings.filter { $0.support == .rejected }.count
        let checked = target.targets.map(\.name).joined(separator: ", ")
        print("\(schema): \(ignored) ignored, \(rejected) rejected (\(checked))", to: &standardError)
        if !findings.isEmpty { throw ExitStatus.invalid }
    }
}
