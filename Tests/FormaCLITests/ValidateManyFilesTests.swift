import FormaJSON
import Foundation
import Testing

@Suite("forma validate: directories, globs, catalogs, $schema and modelines")
struct ValidateManyFilesTests {
    private static let objectSchema = #"{"type": "object", "required": ["name"]}"#

    @Test("a directory is searched recursively and a ** glob matches at any depth")
    func directoriesAndGlobs() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.schema.json", Self.objectSchema)
        try dir.write("tree/a.yaml", "name: a\n")
        try dir.write("tree/deep/er/b.toml", "name = 'b'\n")
        try dir.write("tree/deep/c.yml", "other: 1\n")
        try dir.write("tree/notes.txt", "not checked\n")
        let walk = try FormaProcess.run(["validate", "--schema", schema, dir.path("tree")])
        #expect(walk.status == 1)
        #expect(walk.standardError.contains("2 valid, 1 invalid"))
        #expect(walk.outputLines.count == 1)
        #expect(walk.outputLines.first?.hasPrefix(dir.path("tree/deep/c.yml") + ":1:1: /: ") == true)
        let glob = try FormaProcess.run(["validate", "--schema", schema, dir.path("tree") + "/**/*.toml"])
        #expect(glob.status == 0)
        #expect(glob.standardError.contains("1 valid, 0 invalid"))
        // Without **, * stays within one directory level.
        let shallow = try FormaProcess.run(["validate", "--schema", schema, dir.path("tree") + "/*/*.yml"])
        #expect(shallow.status == 1)
        #expect(shallow.standardError.contains("0 valid, 1 invalid"))
        let relative = try FormaProcess.run(["validate", "--schema", schema, "tree/*.yaml"], in: dir.url)
        #expect(relative.status == 0)
        #expect(relative.standardError.contains("1 valid, 0 invalid"))
    }

    @Test("a glob matching nothing is an error with exit 2, even beside valid files")
    func emptyGlob() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.schema.json", Self.objectSchema)
        let good = try dir.write("a.yaml", "name: a\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, good, dir.path("conf") + "/**/*.ymll"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("no files match"))
        #expect(outcome.standardError.contains("1 valid, 0 invalid"))
    }

    @Test("a symbolic-link loop under a directory argument ends")
    func symlinkLoop() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.schema.json", Self.objectSchema)
        try dir.write("root/sub/a.json", #"{"name": "a"}"#)
        try FileManager.default.createSymbolicLink(atPath: dir.path("root/sub/loop"), withDestinationPath: dir.path("root"))
        let outcome = try FormaProcess.run(["validate", "--schema", schema, dir.path("root")])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("1 valid, 0 invalid"))
    }

    @Test("--catalog picks each file's schema by fileMatch; unmatched files are skipped or, with --require-schema, errors")
    func catalog() throws {
        let dir = try TemporaryDirectory()
        try dir.write("schemas/workflow.json", #"{"type": "object", "required": ["on"]}"#)
        try dir.write("schemas/pyproject.json", #"{"type": "object", "required": ["project"]}"#)
        let catalog = try dir.write("catalog.json", """
            {"schemas": [
              {"name": "workflow", "fileMatch": [".github/workflows/*.yml", "!**/skip.yml"], "url": "https://example.com/schemas/workflow.json"},
              {"name": "pyproject", "fileMatch": ["pyproject.toml"], "url": "schemas/pyproject.json"},
              {"name": "no patterns", "url": "https://example.com/other.json"}
            ]}
            """)
        let workflow = try dir.write("repo/.github/workflows/ci.yml", "on: push\n")
        let bad = try dir.write("repo/.github/workflows/bad.yml", "jobs: {}\n")
        let skipped = try dir.write("repo/.github/workflows/skip.yml", "jobs: {}\n")
        let pyproject = try dir.write("repo/pyproject.toml", "[tool.x]\n")
        let args = ["validate", "--catalog", catalog, "--ref", "https://example.com/schemas/=\(dir.path("schemas"))",
                    workflow, bad, skipped, pyproject]
        let outcome = try FormaProcess.run(args)
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 2)
        #expect(outcome.outputLines.first?.hasPrefix("\(bad):1:1: /: ") == true)
        #expect(outcome.outputLines.last?.hasPrefix("\(pyproject):1:1: /: ") == true)
        #expect(outcome.standardError.contains("\(skipped): skipped: no schema"))
        #expect(outcome.standardError.contains("1 valid, 2 invalid, 1 skipped file"))
        let required = try FormaProcess.run(args + ["--require-schema"])
        #expect(required.standardError.contains("\(skipped): error: no schema"))
        #expect(required.standardError.contains("1 valid, 3 invalid"))
    }

    @Test("a catalog that is not JSON, or has a bad fileMatch, is an error with exit 2")
    func badCatalog() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("a.yaml", "a: 1\n")
        let notJSON = try dir.write("c1.json", "{\"schemas\": [\n")
        let one = try FormaProcess.run(["validate", "--catalog", notJSON, file])
        #expect(one.status == 2)
        #expect(one.standardError.contains("\(notJSON):2:1: invalid catalog"))
        let badPattern = try dir.write("c2.json", #"{"schemas": [{"name": "x", "fileMatch": ["[abc"], "url": "x.json"}]}"#)
        let two = try FormaProcess.run(["validate", "--catalog", badPattern, file])
        #expect(two.status == 2)
        #expect(two.standardError.contains("/schemas/0/fileMatch/0: invalid catalog"))
        let notString = try dir.write("c3.json", #"{"schemas": [{"name": "x", "fileMatch": [3], "url": "x.json"}]}"#)
        #expect(try FormaProcess.run(["validate", "--catalog", notString, file]).status == 2)
    }

    @Test("without --schema, a $schema member or a yaml-language-server modeline names the schema")
    func ownSchema() throws {
        let dir = try TemporaryDirectory()
        try dir.write("schemas/s.json", Self.objectSchema)
        let json = try dir.write("a.json", #"{"$schema": "schemas/s.json", "other": 1}"#)
        let yaml = try dir.write("b.yaml", "# yaml-language-server: $schema=https://example.com/s.json\nname: b\n")
        let none = try dir.write("c.toml", "x = 1\n")
        let remote = try dir.write("d.yaml", "$schema: https://elsewhere.example/s.json\n")
        let outcome = try FormaProcess.run(
            ["validate", "--ref", "https://example.com/=\(dir.path("schemas"))", json, yaml, none, remote])
        #expect(outcome.outputLines.count == 1)
        #expect(outcome.outputLines.first?.hasPrefix("\(json):1:1: /: ") == true)
        #expect(outcome.standardError.contains("\(none): skipped"))
        #expect(outcome.standardError.contains("\(remote): schema https://elsewhere.example/s.json is not a local file"))
        #expect(outcome.status == 2)
    }
}
