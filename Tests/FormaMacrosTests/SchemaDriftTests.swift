import Forma
import FormaExamples
import Foundation
import Testing

/// The schemas under `Schemas/examples/` are generated from the types in `FormaExamples`.
///
/// Regenerate them with `FORMA_REGENERATE_SCHEMAS=1 swift test --filter SchemaDriftTests`;
/// without the variable this suite fails, with a line diff, when a file and its type differ.
@Suite struct SchemaDriftTests {
    /// `Schemas/examples`, found from this file's location.
    static let directory = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Schemas/examples")

    static var regenerating: Bool { ProcessInfo.processInfo.environment["FORMA_REGENERATE_SCHEMAS"] == "1" }

    @Test(arguments: ExampleSchemas.all.map(\.name))
    func checkedInSchemaMatchesItsType(_ name: String) throws {
        let example = try #require(ExampleSchemas.all.first { $0.name == name })
        let expected = ExampleSchemas.fileText(of: example.schema)
        let file = Self.directory.appending(path: "\(name).schema.json")
        if Self.regenerating {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: file)
            return
        }
        let actual = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let diff = LineDiff.unified(old: actual, new: expected)
        #expect(
            diff.isEmpty,
            """
            Schemas/examples/\(name).schema.json differs from the schema of its Swift type \
            (- checked in, + generated). Regenerate with \
            FORMA_REGENERATE_SCHEMAS=1 swift test --filter SchemaDriftTests
            \(diff)
            """)
    }

    @Test func diffShowsChangedLinesWithContext() {
        let diff = LineDiff.unified(old: "a\nb\nc\nd\ne\nf\n", new: "a\nB\nc\nd\ne\nf\ng\n")
        #expect(diff == "@@ line 1 @@\n a\n-b\n+B\n c\n@@ line 6 @@\n f\n+g")
        #expect(LineDiff.unified(old: "same\n", new: "same\n").isEmpty)
    }
}

/// A small line diff (longest common subsequence) for test failure messages.
enum LineDiff {
    /// The changed lines of `old` → `new` with one line of context, in hunks; empty when equal.
    static func unified(old: String, new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).dropLastEmpty()
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).dropLastEmpty()
        guard a != b else { return "" }
        // lcs[i][j]: length of the LCS of a[i...] and b[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits: [(kind: Character, text: Substring, newLine: Int)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append((" ", a[i], j + 1)); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                edits.append(("-", a[i], j + 1)); i += 1
            } else {
                edits.append(("+", b[j], j + 1)); j += 1
            }
        }
        var keep = Array(repeating: false, count: edits.count)
        for (index, edit) in edits.enumerated() where edit.kind != " " {
            for k in max(0, index - 1)...min(edits.count - 1, index + 1) { keep[k] = true }
        }
        var lines: [String] = []
        var previous = -2
        for (index, edit) in edits.enumerated() where keep[index] {
            if index != previous + 1 { lines.append("@@ line \(edit.newLine) @@") }
            lines.append(String(edit.kind) + edit.text)
            previous = index
        }
        return lines.joined(separator: "\n")
    }
}

extension Array where Element == Substring {
    fileprivate func dropLastEmpty() -> [Substring] { last == "" ? Array(dropLast()) : self }
}
