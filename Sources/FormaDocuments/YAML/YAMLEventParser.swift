internal import CYaml

/// One libyaml parser over a byte buffer; freed on `deinit`.
///
/// The buffer is copied into the parser's own storage so the events, which point into
/// libyaml's buffers, never outlive what they point at.
final class YAMLEventParser {
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// Where the input ends, counted as libyaml counts lines and columns.
    private let end: SourcePosition

    /// A parser reading `bytes` (UTF-8).
    init(bytes: [UInt8]) {
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        end = Self.endPosition(of: bytes)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        input.deallocate()
    }

    /// The next event.
    /// - Throws: ``DocumentError`` with libyaml's problem and its position.
    func next() throws(DocumentError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw failure() }
        defer { yaml_event_delete(&event) }
        var result = YAMLEvent(event)
        result.position = clamped(result.position)
        return result
    }

    /// `position`, or the end of the input when it lies past it: at the end of a text without
    /// a final line break libyaml moves to a line that does not exist (`a: 1\n---` puts the
    /// empty second document on line 3).
    private func clamped(_ position: SourcePosition) -> SourcePosition {
        position.line > end.line || (position.line == end.line && position.column > end.column) ? end : position
    }

    /// The position just past the last character, with libyaml's line breaks (LF, CR, CRLF,
    /// U+0085, U+2028, U+2029) and columns in characters.
    private static func endPosition(of bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var breakWidth = 0
            if byte == 0x0A {
                breakWidth = 1
            } else if byte == 0x0D {
                breakWidth = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                breakWidth = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                breakWidth = 3
            }
            if breakWidth > 0 {
                line += 1
                column = 1
                index += breakWidth
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    private func failure() -> DocumentError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's own guard (1,000 levels) fires before the reader's.
            return DocumentError(
                kind: .tooDeep, message: "nesting deeper than libyaml's limit of 1000 levels",
                position: clamped(SourcePosition(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)))
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) { message = "\(problem) \(context)" }
        let position: SourcePosition
        if parser.error == YAML_READER_ERROR {
            position = Self.position(ofOffset: parser.problem_offset, in: input)
        } else {
            position = clamped(SourcePosition(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
        }
        return DocumentError(kind: .syntax, message: message, position: position)
    }

    private static func position(ofOffset offset: Int, in bytes: UnsafeMutableBufferPointer<UInt8>) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}

/// A libyaml event, copied out of C.
struct YAMLEvent {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(value: String, tag: String?, plain: Bool, anchor: String?)
        case sequenceStart(tag: String?, anchor: String?)
        case sequenceEnd
        case mappingStart(tag: String?, anchor: String?)
        case mappingEnd
    }

    var kind: Kind
    var position: SourcePosition

    fileprivate init(_ event: yaml_event_t) {
        position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias(anchor: text(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            kind = .scalar(
                value: value, tag: text(scalar.tag), plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, anchor: text(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart(tag: text(event.data.sequence_start.tag), anchor: text(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart(tag: text(event.data.mapping_start.tag), anchor: text(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd
        }
    }
}
