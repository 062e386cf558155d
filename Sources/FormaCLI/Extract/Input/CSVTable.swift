import FormaDocuments

/// A whole CSV text parsed at once: ``CSVParser`` over one buffer. For small inputs and
/// tests; `forma extract` streams large files through ``CSVParser`` directly.
struct CSVTable {
    /// One record: its fields and the 1-based line it starts on.
    typealias Record = CSVParser.Record

    /// The records, the header first; blank lines are skipped.
    private(set) var records: [Record] = []

    /// Parses `bytes` (a UTF-8 byte order mark at the start is ignored).
    init(bytes: [UInt8]) {
        var parser = CSVParser()
        var records: [Record] = []
        bytes.withUnsafeBytes { parser.feed($0) { records.append($0) } }
        parser.finish { records.append($0) }
        self.records = records
    }
}
