import ArgumentParser
import FormaClient

/// The `forma` command-line tool: schema validation for CI, provider lint, chat and batch
/// extraction.
///
/// Usage errors exit with status 2 (not ArgumentParser's default `EX_USAGE`, 64) so every
/// "cannot run as asked" case shares one code; see ``ExitStatus``.
@main
struct FormaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forma",
        abstract: "Structured output from LLMs: schemas, validation and extraction.",
        version: ClientConfiguration.version,
        subcommands: [ValidateCommand.self, LintCommand.self, ChatCommand.self, ExtractCommand.self, EvalCommand.self]
    )

    /// Parses the arguments and runs the chosen subcommand, mapping usage errors to exit 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            var standardError = StandardStream.error
            print(fullMessage(for: error), to: &standardError)
            exit(withError: ExitStatus.usage)
        }
    }
}
