/// A small RFC 4180 reader: comma-separated fields, optional double quotes (a quote inside a
/// quoted field is doubled), CRLF or LF line ends, line breaks allowed inside quotes.
///
/// Written here rather than taken from a CSV package because `forma extract` needs exactly
/// this much plus the line each record starts on (for ids and messages), and a header-keyed
/// record becomes a `JSONObject` directly; it runs over bytes and never fails: a stray quote
/// is kept as text.
struct CSVTable {
    /// One record: its fields and the 1-based line it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// The records, the header first; blank lines are skipped.
    private(set) var records: [Record] = []

    /// Parses `bytes` (a UTF-8 byte order mark at the start is ignored).
    init(bytes: [UInt8]) {
        var index = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        var line = 1
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var recordLine = 1
        var recordHasContent = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if recordHasContent { records.append(Record(fields: fields, line: recordLine)) }
            fields.removeAll(keepingCapacity: true)
            recordHasContent = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                recordHasContent = true
                endField()
            case UInt8(ascii: "\""):
                recordHasContent = true
                if field.isEmpty { inQuotes = true } else { field.append(byte) }
            case 0x0D where index < bytes.count && bytes[index] == 0x0A:
                break
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                if !recordHasContent { recordLine = line }
                recordHasContent = true
                field.append(byte)
            }
        }
        if recordHasContent || !field.isEmpty || !fields.isEmpty { recordHasContent = true; endRecord() }
    }
}
