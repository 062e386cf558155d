import ArgumentParser

/// The `forma` command-line tool: validates JSON and JSONL against JSON Schema today;
/// extraction and linting subcommands join it later.
///
/// Usage errors exit with status 2 (not ArgumentParser's default `EX_USAGE`, 64) so every
/// "cannot run as asked" case shares one code; see ``ExitStatus``.
@main
struct Forma: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forma",
        abstract: "Structured output from LLMs: schemas, validation and extraction.",
        subcommands: [ValidateCommand.self, LintCommand.self, ChatCommand.self, ExtractCommand.self]
    )

    /// Parses the arguments and runs the chosen subcommand, mapping usage errors to exit 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            var standardError = StandardStream.error
            let message = fullMessage(for: error)
            print(message, to: &standardError)
            exit(withError: ExitStatus.usage)
        }
    }
}
