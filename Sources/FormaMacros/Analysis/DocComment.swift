import SwiftSyntax

/// The text of `///` and `/** */` documentation comments.
enum DocComment {
    /// The documentation comment in `trivia`, without its markers: lines joined with spaces,
    /// paragraphs separated by a blank line; `nil` when there is none.
    static func text(in trivia: Trivia) -> String? {
        var lines: [String] = []
        for piece in trivia {
            switch piece {
            case .docLineComment(let text):
                lines.append(stripped(text.dropFirst(3)))
            case .docBlockComment(let text):
                let body = text.dropFirst(3).dropLast(2)
                for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                    var line = Substring(line)
                    while let first = line.first, first == " " || first == "\t" { line = line.dropFirst() }
                    if line.first == "*" { line = line.dropFirst() }
                    lines.append(stripped(line))
                }
            case .newlines, .carriageReturnLineFeeds, .carriageReturns, .spaces, .tabs:
                continue
            default:
                lines.removeAll()  // an ordinary comment ends the documentation before it
            }
        }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
    }

    private static func stripped(_ text: Substring) -> String {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
