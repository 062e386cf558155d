// Checks shared by the FormaDocuments targets (yaml, toml, jsonc): compiled into each of
// them by scripts/fuzz.
import FormaDocuments
import FormaJSON

/// The lines of `bytes` as the hand-written readers count them: split at `\n`, each line's
/// length in Unicode scalars (bytes that are not UTF-8 continuation bytes).
struct LineTable {
    var lengths: [Int] = [0]
    /// Whether the text holds a line break other than `\n` (`\r`, U+0085, U+2028, U+2029),
    /// which libyaml also counts: then only loose bounds hold for YAML.
    var otherBreaks = false
    var scalarCount = 0
    /// Line breaks of every kind (a CRLF counts twice, an upper bound).
    var breakCount = 0

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                lengths.append(0)
                breakCount += 1
            } else if byte & 0xC0 != 0x80 {
                lengths[lengths.count - 1] += 1
                scalarCount += 1
            }
            if byte == 0x0D { otherBreaks = true; breakCount += 1 }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { otherBreaks = true; breakCount += 1 }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                otherBreaks = true
                breakCount += 1
            }
            index += 1
        }
    }

    /// Whether `position` is inside the text (or just past the end of a line). With
    /// `loose`, only that its line is at most one past the line breaks of every kind and its
    /// column within the text's scalars.
    func contains(_ position: SourcePosition, loose: Bool) -> Bool {
        guard position.line >= 1, position.column >= 1 else { return false }
        if loose { return position.line <= breakCount + 1 && position.column <= scalarCount + 1 }
        guard position.line <= lengths.count else { return false }
        return position.column <= lengths[position.line - 1] + 1
    }
}

/// Reads `bytes` as `format` and checks that every position reported (of the documents'
/// values, of their keys, or of the error) is inside the input. Returns the documents.
@discardableResult
func readAndCheckPositions(_ bytes: [UInt8], format: DocumentFormat, looseLines: Bool = false) -> [Document]? {
    try? readCheckingPositions(bytes, format: format, looseLines: looseLines).get()
}

/// ``readAndCheckPositions(_:format:looseLines:)`` that also gives the reader's error.
func readCheckingPositions(_ bytes: [UInt8], format: DocumentFormat, looseLines: Bool = false) -> Result<[Document], DocumentError> {
    let lines = LineTable(bytes)
    let loose = looseLines && lines.otherBreaks
    do {
        let documents = try DocumentReader.read(bytes, format: format)
        for document in documents {
            check(document.start, "start of document \(document.index)", lines, loose, bytes, format)
            var budget = 2_000  // pointers checked per document (lookups walk up the path)
            forEachPointer(in: document.value, path: [], budget: &budget) { tokens, isMember in
                let pointer = JSONPointer(tokens: tokens)
                check(document.position(of: pointer), "value \(pointer)", lines, loose, bytes, format)
                if isMember {
                    check(document.keyPosition(of: pointer), "key \(pointer)", lines, loose, bytes, format)
                }
            }
        }
        return .success(documents)
    } catch let error as DocumentError {
        check(error.position, "error '\(error.message)'", lines, loose, bytes, format, slack: 1)
        return .failure(error)
    } catch {
        fatalError("\(format) reader threw a \(type(of: error)), not a DocumentError: \(error)")
    }
}

/// Fails when `position` is outside the text. `slack` lets an error sit one line past the
/// end (at the end of input after a final line break).
func check(
    _ position: SourcePosition, _ what: String, _ lines: LineTable, _ loose: Bool, _ bytes: [UInt8],
    _ format: DocumentFormat, slack: Int = 0
) {
    if lines.contains(position, loose: loose) { return }
    if slack > 0, position.line == lines.lengths.count + 1, position.column == 1 { return }
    fatalError("\(format): position \(position) of \(what) is outside the input (\(lines.lengths.count) lines, lengths \(lines.lengths.prefix(20))): \(String(reflecting: String(decoding: bytes.prefix(300), as: UTF8.self)))")
}

/// Calls `body` with the tokens of every value inside `value` (not the root), and whether
/// it is an object member, until `budget` runs out.
func forEachPointer(in value: JSONValue, path: [String], budget: inout Int, _ body: ([String], Bool) -> Void) {
    switch value {
    case .array(let items):
        for (index, item) in items.enumerated() {
            guard budget > 0 else { return }
            budget -= 1
            body(path + [String(index)], false)
            forEachPointer(in: item, path: path + [String(index)], budget: &budget, body)
        }
    case .object(let members):
        for member in members.members {
            guard budget > 0 else { return }
            budget -= 1
            body(path + [member.key], true)
            forEachPointer(in: member.value, path: path + [member.key], budget: &budget, body)
        }
    default:
        return
    }
}
