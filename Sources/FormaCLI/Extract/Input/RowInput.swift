#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `forma extract` reads its rows, readable any number of times from the start: a
/// first pass counts the rows and checks their ids, the run streams them, so memory does not
/// grow with the input.
///
/// The format follows the input: a directory is a set of text files (id = relative path),
/// a `.csv` file is CSV with a header row, anything else is JSONL. Standard input, pipes
/// (`--input <(zcat rows.jsonl.gz)`, named FIFOs) and devices are copied to a temporary file
/// first (they cannot be read twice), removed when the input is released.
final class RowInput: @unchecked Sendable {
    // @unchecked: every stored property is set in init and never changes.

    /// How rows are stored.
    enum Format: Sendable {
        case jsonl, csv, directory
    }

    /// The file or directory read.
    let path: String
    /// How the input is named in messages (`<stdin>` for standard input).
    let displayName: String
    let format: Format
    /// The text and id field names.
    let names: RowFieldNames
    /// The longest JSONL line accepted.
    let maxLineBytes: Int
    private let spool: String?

    /// An input for `--input PATH` (`-` for standard input).
    /// - Throws: ``CommandFailure`` when standard input or a pipe cannot be copied.
    init(path: String, names: RowFieldNames, maxLineBytes: Int = 64 << 20) throws {
        self.names = names
        self.maxLineBytes = maxLineBytes
        if path == "-" || POSIX.isStream(path) {
            let spool = try Self.spool(path)
            self.path = spool
            self.spool = spool
            displayName = path == "-" ? "<stdin>" : path
            format = path != "-" && path.lowercased().hasSuffix(".csv") ? .csv : .jsonl
        } else {
            self.path = path
            spool = nil
            displayName = path
            if POSIX.isDirectory(path) {
                format = .directory
            } else {
                format = path.lowercased().hasSuffix(".csv") ? .csv : .jsonl
            }
        }
    }

    deinit {
        if let spool { unlink(spool) }
    }

    /// A reader positioned at the first row.
    /// - Throws: ``CommandFailure`` when the input cannot be opened.
    func open() throws -> any RowReader {
        switch format {
        case .jsonl: return JSONLRowReader(file: try InputFile(path: path), names: names, maxLineBytes: maxLineBytes)
        case .csv: return try CSVRowReader(file: try InputFile(path: path), names: names)
        case .directory: return try DirectoryInput(root: path).reader()
        }
    }

    /// Copies standard input (`-`) or a pipe into a new temporary file and returns its path.
    private static func spool(_ source: String) throws -> String {
        let name = source == "-" ? "<stdin>" : source
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/forma-stdin-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CommandFailure("\(name): cannot create a temporary file in \(directory): \(POSIX.lastErrorMessage())") }
        let path = String(cString: template)
        defer { POSIX.close(descriptor) }
        do {
            let input = try InputFile(path: source)
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = try chunk.withUnsafeMutableBytes { try input.read(into: $0.baseAddress!, count: $0.count) }
                if n == 0 { break }
                let written = chunk.withUnsafeBufferPointer { OutputSink.writeAll(UnsafeBufferPointer(rebasing: $0[0..<n]), to: descriptor) }
                guard written else { throw CommandFailure("\(name): cannot copy to \(directory): \(POSIX.lastErrorMessage())") }
            }
        } catch {
            unlink(path)
            throw error
        }
        return path
    }
}

/// Rows one at a time, in input order.
protocol RowReader: AnyObject {
    /// The next row, or `nil` at the end.
    /// - Throws: ``CommandFailure`` when the input cannot be read.
    func next() throws -> InputRow?
}
