import FormaClient
import FormaJSON
import Foundation

/// The `--prompt` / `--prompt-file` template: `{{text}}` inserts the document, `{{field}}`
/// any field of the input row (strings as they are, other values as compact JSON).
///
/// A template that uses `{{text}}` becomes the user message, after the default extraction
/// instruction as the system message. A template without it is the system message, and
/// the document is the user message. Without a template, the default instruction is used.
struct PromptTemplate: Sendable {
    /// A literal piece or a placeholder.
    enum Piece: Sendable, Equatable {
        case literal(String)
        case field(String)
    }

    /// The system message used when the template does not replace it.
    static let defaultInstruction = "Extract the requested information from the user's text. Use only what the text says."

    /// The template's pieces, in order.
    let pieces: [Piece]
    /// Whether the template places the document itself.
    let placesText: Bool

    /// Parses `template`; `{{ name }}` may have spaces inside the braces.
    /// - Throws: ``CommandFailure`` for an unclosed or empty placeholder.
    init(_ template: String) throws {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw CommandFailure("prompt template: '{{' without a closing '}}'")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw CommandFailure("prompt template: empty placeholder '{{}}'") }
            pieces.append(.field(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        self.pieces = pieces
        self.placesText = pieces.contains(.field("text"))
    }

    /// Whether the template quotes input fields other than `{{text}}` (then grounded values
    /// may come from them, and are looked for in the rendered messages, not only the text).
    var quotesOtherFields: Bool {
        pieces.contains { if case .field(let name) = $0 { return name != "text" } else { return false } }
    }

    /// The messages for `row`.
    /// - Returns: The messages, or a problem naming a field the row lacks.
    func messages(for row: InputRow) -> Result<[ChatMessage], RowProblem> {
        var rendered = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): rendered += text
            case .field("text"): rendered += row.text
            case .field(let name):
                switch row.fields[name] {
                case .string(let value)?: rendered += value
                case let value?: rendered += value.serialized()
                case nil: return .failure(RowProblem(message: "the prompt uses {{\(name)}} but the row has no field '\(name)'"))
                }
            }
        }
        if placesText { return .success([.system(Self.defaultInstruction), .user(rendered)]) }
        return .success([.system(rendered), .user(row.text)])
    }

    /// The messages when no template is given.
    static func defaultMessages(for row: InputRow) -> [ChatMessage] {
        [.system(defaultInstruction), .user(row.text)]
    }
}

/// Why one input row cannot be sent.
struct RowProblem: Error, Sendable {
    var message: String
}
