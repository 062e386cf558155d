import Foundation
import Testing

@Suite("forma validate: hostile input gets a located error, never a crash or a hang")
struct ValidateHostileInputTests {
    private static func billionLaughs() -> String {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    @Test("bombs, deep nesting, bad UTF-8, tab indents, duplicate tables, unterminated comments")
    func hostileFiles() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", "{}")
        var cases: [(name: String, bytes: [UInt8], expected: String)] = [
            ("bomb.yaml", Array(Self.billionLaughs().utf8), "invalid YAML: aliases expand to more than"),
            ("deep.yaml", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8), "invalid YAML: nesting deeper"),
            ("deep.toml", Array(("a = " + String(repeating: "{b = ", count: 100_000)).utf8), "invalid TOML: nesting deeper"),
            ("deep.json5", Array(String(repeating: "[", count: 100_000).utf8), "invalid JSON5: nesting deeper"),
            ("tab.yaml", Array("a:\n\tb: 1\n".utf8), "invalid YAML: "),
            ("dup.toml", Array("[a]\nx = 1\n[a]\n".utf8), "invalid TOML: table [a] is defined twice"),
            ("open.jsonc", Array("{\"a\": 1 /* no end\n".utf8), "invalid JSONC: unterminated /* comment"),
        ]
        for ext in ["yaml", "toml", "jsonc", "json5"] {
            cases.append(("utf8.\(ext)", Array("a".utf8) + [0xFF, 0xFE] + Array("\n".utf8), "invalid UTF-8"))
        }
        for (name, bytes, expected) in cases {
            let path = dir.path(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let started = ContinuousClock.now
            let outcome = try FormaProcess.run(["validate", "--schema", schema, path])
            #expect(ContinuousClock.now - started < .seconds(5), "\(name) took too long")
            #expect(outcome.status == 1, "\(name): \(outcome.standardError)")
            let line = outcome.outputLines.first ?? ""
            #expect(line.hasPrefix(path + ":"), "\(name): \(line)")
            #expect(line.contains(expected), "\(name): \(line)")
        }
        // Invalid UTF-8 in plain JSON goes through the JSON parser's own check.
        let json = dir.path("utf8.json")
        try Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]).write(to: URL(fileURLWithPath: json))
        let outcome = try FormaProcess.run(["validate", "--schema", schema, json])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.first?.hasPrefix(json + ":1:") == true)
    }
}
