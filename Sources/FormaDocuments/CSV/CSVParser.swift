/// An incremental RFC 4180 reader: comma-separated fields, optional double quotes (a quote
/// inside a quoted field is doubled), CRLF or LF line ends, line breaks allowed inside quotes.
///
/// Fed any chunking of the bytes, it emits the same records, each with the 1-based line it
/// starts on (for ids and messages). It never fails: a stray quote is kept as text. Written
/// here rather than taken from a CSV package because `forma extract` needs exactly this, the
/// record lines, and streaming over chunks so memory stays flat on large inputs. Package
/// access: `forma extract` reads CSV rows with it; it is not part of the public API.
package struct CSVParser {
    /// One record: its fields and the 1-based line it starts on.
    package struct Record: Equatable, Sendable {
        package var fields: [String]
        package var line: Int

        package init(fields: [String], line: Int) {
            self.fields = fields
            self.line = line
        }
    }

    private var line = 1
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    /// A `"` inside quotes whose meaning (end, or first of `""`) depends on the next byte.
    private var quotePending = false
    /// A `\r` outside quotes whose meaning (part of `\r\n`, or text) depends on the next byte.
    private var carriageReturnPending = false
    private var recordLine = 1
    private var recordHasContent = false
    /// How many bytes of a leading UTF-8 byte order mark have been held back (0…2), or
    /// `nil` once the start of the input is decided (mark skipped, or not there).
    private var byteOrderMarkHeld: Int? = 0
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The longest field accepted; a longer one is cut (the record still comes out).
    package let maxFieldBytes: Int

    package init(maxFieldBytes: Int = 64 << 20) { self.maxFieldBytes = maxFieldBytes }

    /// Reads `bytes`, calling `emit` for every record completed in them.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer, emit: (Record) throws -> Void) rethrows {
        var index = 0
        // A leading byte order mark is skipped, even when it arrives split over chunks.
        while let held = byteOrderMarkHeld, index < bytes.count {
            if bytes[index] == Self.byteOrderMark[held] {
                index += 1
                byteOrderMarkHeld = held + 1 == Self.byteOrderMark.count ? nil : held + 1
            } else {
                try releaseHeldByteOrderMark(emit: emit)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            try consume(byte, emit: emit)
        }
    }

    /// Ends the input, emitting a last record without a line feed.
    package mutating func finish(emit: (Record) throws -> Void) rethrows {
        try releaseHeldByteOrderMark(emit: emit)
        if quotePending { quotePending = false; inQuotes = false }
        if carriageReturnPending {
            carriageReturnPending = false
            appendText(0x0D)
        }
        if recordHasContent || !field.isEmpty || !fields.isEmpty {
            recordHasContent = true
            try endRecord(emit)
        }
    }

    /// The input does not start with a whole byte order mark: what was held back is text.
    private mutating func releaseHeldByteOrderMark(emit: (Record) throws -> Void) rethrows {
        guard let held = byteOrderMarkHeld else { return }
        byteOrderMarkHeld = nil
        for byte in Self.byteOrderMark.prefix(held) { try consume(byte, emit: emit) }
    }

    private mutating func consume(_ byte: UInt8, emit: (Record) throws -> Void) rethrows {
        if quotePending {
            quotePending = false
            if byte == UInt8(ascii: "\"") {
                append(byte)  // "" inside quotes is one quote
                return
            }
            inQuotes = false  // the quote closed the field; read this byte normally
        }
        if carriageReturnPending {
            carriageReturnPending = false
            if byte == 0x0A {
                try endLine(emit)
                return
            }
            appendText(0x0D)  // a lone carriage return is text, as in a field
        }
        if inQuotes {
            if byte == UInt8(ascii: "\"") {
                quotePending = true
            } else {
                if byte == 0x0A { line += 1 }
                append(byte)
            }
            return
        }
        switch byte {
        case UInt8(ascii: ","):
            recordHasContent = true
            endField()
        case UInt8(ascii: "\""):
            recordHasContent = true
            if field.isEmpty { inQuotes = true } else { append(byte) }
        case 0x0D:
            carriageReturnPending = true
        case 0x0A:
            try endLine(emit)
        default:
            appendText(byte)
        }
    }

    /// An unquoted text byte: it starts the record's content when it is the first.
    private mutating func appendText(_ byte: UInt8) {
        if !recordHasContent { recordLine = line }
        recordHasContent = true
        append(byte)
    }

    private mutating func append(_ byte: UInt8) {
        if field.count < maxFieldBytes { field.append(byte) }
    }

    private mutating func endLine(_ emit: (Record) throws -> Void) rethrows {
        try endRecord(emit)
        line += 1
        recordLine = line
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ emit: (Record) throws -> Void) rethrows {
        endField()
        if recordHasContent { try emit(Record(fields: fields, line: recordLine)) }
        fields.removeAll(keepingCapacity: true)
        recordHasContent = false
    }
}
