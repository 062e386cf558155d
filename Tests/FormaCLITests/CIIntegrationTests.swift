import Foundation
import Testing

@Suite("CI integrations in the repository")
struct CIIntegrationTests {
    private static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("the pre-commit hook and the composite Action validate against their public schemas (with forma itself)")
    func integrationsAreValid() throws {
        let schemas = try #require(PublicSchemas.directory, "shared/public-schemas is missing")
        let hooks = try FormaProcess.run([
            "validate", "--require-schema", "--schema", schemas + "/pre-commit-hooks.json",
            Self.checkout + "/.pre-commit-hooks.yaml",
        ])
        #expect(hooks.status == 0, "\(hooks.standardOutput)\(hooks.standardError)")
        #expect(hooks.standardError.contains("1 valid, 0 invalid"))
        let action = try FormaProcess.run([
            "validate", "--require-schema", "--schema", schemas + "/github-action.json", Self.checkout + "/action.yml",
        ])
        #expect(action.status == 0, "\(action.standardOutput)\(action.standardError)")
        #expect(action.standardError.contains("1 valid, 0 invalid"))
    }

    @Test("the schemas do catch a broken hook and a broken Action, at the offending line")
    func brokenIntegrationsFail() throws {
        let schemas = try #require(PublicSchemas.directory, "shared/public-schemas is missing")
        let dir = try TemporaryDirectory()
        let hooks = try dir.write("hooks.yaml", "- id: x\n  name: x\n  entry: x\n  language: swift\n  types_or: json\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schemas + "/pre-commit-hooks.json", hooks])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.contains { $0.hasPrefix("\(hooks):5:13: /0/types_or: ") })
        let action = try dir.write("action.yml", "name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo\n")
        let actionOutcome = try FormaProcess.run(["validate", "--schema", schemas + "/github-action.json", action])
        #expect(actionOutcome.status == 1, "a composite run step needs a shell")
        #expect(actionOutcome.outputLines.allSatisfy { $0.hasPrefix(action + ":") })
    }
}
