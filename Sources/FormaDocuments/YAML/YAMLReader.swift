import FormaJSON

/// Reads a YAML 1.2 stream into one ``Document`` per document, with the core schema.
///
/// libyaml (through Yams' C module) tokenizes and parses; this type builds the values from
/// its events, because Yams' own resolver follows YAML 1.1 (`on` and `yes` would become
/// booleans, which breaks GitHub workflows' `on:` key) and keeps no position per value.
/// Rules beyond the grammar:
/// - plain scalars resolve by the core schema (``YAMLCoreSchema``); quoted ones are strings;
/// - a tag other than the core ones (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`,
///   `!!map`, `!!seq`, and the non-specific `!`) is an error, since it has no JSON meaning;
/// - aliases are expanded, but the nodes they bring in are capped (`maxNodes`), so a
///   "billion laughs" file fails fast: expansion shares storage, so memory stays flat;
/// - a key repeated in one mapping is an error at the repeat; keys must be scalars;
/// - `<<` merge keys (YAML 1.1, used by docker-compose files) merge mappings in.
struct YAMLReader {
    private let parser: YAMLEventParser
    private var recorder = PositionRecorder()
    private var anchors: [String: (value: JSONValue, nodes: Int)] = [:]
    private var nodes = 0
    private var expanded = 0
    private let maxDepth: Int
    private let maxNodes: Int
    private var depth = 0

    init(bytes: [UInt8], maxDepth: Int, maxNodes: Int) {
        parser = YAMLEventParser(bytes: bytes)
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// Reads every document of the stream (an empty stream is one `null` document).
    mutating func read() throws(DocumentError) -> [Document] {
        var documents: [Document] = []
        guard case .streamStart = try parser.next().kind else {
            throw DocumentError(kind: .syntax, message: "not a YAML stream", position: SourcePosition(line: 1, column: 1))
        }
        while true {
            let event = try parser.next()
            switch event.kind {
            case .documentStart:
                recorder.reset()
                anchors = [:]
                let first = try parser.next()
                let value = try node(first)
                guard case .documentEnd = try parser.next().kind else {
                    throw DocumentError(kind: .syntax, message: "expected the end of the document", position: first.position)
                }
                documents.append(Document(
                    value: value, index: documents.count, start: first.position, recorder: recorder))
            case .streamEnd:
                if documents.isEmpty {
                    return [Document(value: .null, index: 0, start: SourcePosition(line: 1, column: 1), recorder: PositionRecorder())]
                }
                return documents
            default:
                throw DocumentError(kind: .syntax, message: "unexpected YAML event", position: event.position)
            }
        }
    }

    private mutating func count(_ added: Int, at position: SourcePosition) throws(DocumentError) {
        nodes += added
    }

    /// Counts the nodes an alias brings in again; only these are bounded, so a large file
    /// without aliases is never refused.
    private mutating func expand(_ added: Int, at position: SourcePosition) throws(DocumentError) {
        nodes += added
        expanded += added
        guard expanded <= maxNodes else {
            throw DocumentError(
                kind: .aliasBudget,
                message: "aliases expand to more than \(maxNodes) nodes (a \"billion laughs\" document?); refused",
                position: position)
        }
    }

    private mutating func node(_ event: YAMLEvent) throws(DocumentError) -> JSONValue {
        recorder.value(at: event.position)
        switch event.kind {
        case .alias(let anchor):
            guard let anchored = anchors[anchor] else {
                throw DocumentError(kind: .syntax, message: "unknown alias *\(anchor)", position: event.position)
            }
            try expand(anchored.nodes, at: event.position)
            return anchored.value
        case .scalar(let text, let tag, let plain, let anchor):
            try count(1, at: event.position)
            let value = try YAMLCoreSchema.resolve(text, tag: tag, plain: plain, at: event.position)
            if let anchor { anchors[anchor] = (value, 1) }
            return value
        case .sequenceStart(let tag, let anchor):
            try checkCollectionTag(tag, expected: "tag:yaml.org,2002:seq", at: event.position)
            let before = nodes
            let value = try sequence(at: event.position)
            if let anchor { anchors[anchor] = (value, nodes - before) }
            return value
        case .mappingStart(let tag, let anchor):
            try checkCollectionTag(tag, expected: "tag:yaml.org,2002:map", at: event.position)
            let before = nodes
            let value = try mapping(at: event.position)
            if let anchor { anchors[anchor] = (value, nodes - before) }
            return value
        default:
            throw DocumentError(kind: .syntax, message: "expected a YAML node", position: event.position)
        }
    }

    private func checkCollectionTag(_ tag: String?, expected: String, at position: SourcePosition) throws(DocumentError) {
        guard let tag, tag != expected, tag != "!" else { return }
        throw DocumentError(kind: .unsupportedValue, message: "tag \(YAMLCoreSchema.shortTag(tag)) has no JSON meaning", position: position)
    }

    private mutating func enter(at position: SourcePosition) throws(DocumentError) {
        depth += 1
        guard depth <= maxDepth else {
            throw DocumentError(kind: .tooDeep, message: "nesting deeper than \(maxDepth) levels", position: position)
        }
        try count(1, at: position)
    }

    private mutating func sequence(at position: SourcePosition) throws(DocumentError) -> JSONValue {
        try enter(at: position)
        defer { depth -= 1 }
        var items: [JSONValue] = []
        while true {
            let event = try parser.next()
            if case .sequenceEnd = event.kind { return .array(items) }
            recorder.push(index: items.count)
            items.append(try node(event))
            recorder.pop()
        }
    }

    private mutating func mapping(at position: SourcePosition) throws(DocumentError) -> JSONValue {
        try enter(at: position)
        defer { depth -= 1 }
        var object = JSONObject()
        var merged: [JSONObject] = []
        while true {
            let keyEvent = try parser.next()
            let key: String
            var isMerge = false
            switch keyEvent.kind {
            case .mappingEnd:
                for source in merged {
                    for member in source where !object.contains(member.key) {
                        object.appendUnchecked(key: member.key, value: member.value)
                    }
                }
                return .object(object)
            case .scalar(let text, let tag, let plain, _):
                key = text
                isMerge = plain && text == "<<" && tag == nil
                if let tag, tag != "tag:yaml.org,2002:str", tag != "!" {
                    _ = try YAMLCoreSchema.resolve(text, tag: tag, plain: plain, at: keyEvent.position)
                }
            case .alias(let anchor):
                guard let anchored = anchors[anchor], case .string(let text) = anchored.value else {
                    throw DocumentError(kind: .unsupportedValue, message: "a mapping key must be a scalar", position: keyEvent.position)
                }
                key = text
            default:
                throw DocumentError(
                    kind: .unsupportedValue, message: "a mapping key must be a scalar (JSON keys are strings)",
                    position: keyEvent.position)
            }
            let valueEvent = try parser.next()
            if isMerge {
                let value = try node(valueEvent)
                switch value {
                case .object(let source): merged.append(source)
                case .array(let items):
                    for item in items {
                        guard case .object(let source) = item else {
                            throw DocumentError(kind: .syntax, message: "a << merge takes mappings", position: valueEvent.position)
                        }
                        merged.append(source)
                    }
                default:
                    throw DocumentError(kind: .syntax, message: "a << merge takes a mapping or a list of mappings", position: valueEvent.position)
                }
                continue
            }
            if object.contains(key) {
                throw DocumentError(kind: .duplicateKey, message: "duplicate key \"\(key)\"", position: keyEvent.position)
            }
            recorder.push(key)
            recorder.key(at: keyEvent.position)
            let value = try node(valueEvent)
            recorder.pop()
            object.appendUnchecked(key: key, value: value)
        }
    }
}
