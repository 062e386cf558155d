import FormaJSON
import Foundation

/// A directory of text files, one document each; the id is the path relative to the root.
struct DirectoryInput {
    /// The directory.
    var root: String

    /// A reader over the files, sorted by relative path; hidden files and directories are
    /// skipped. Only the paths are listed up front; each file is read when its row is.
    /// - Throws: ``CommandFailure`` when the directory cannot be listed.
    func reader() throws -> any RowReader {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(
            at: rootURL, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { throw CommandFailure("\(root): cannot list the directory") }
        let prefix = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        var files: [(relative: String, path: String)] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent
            files.append((relative, url.path))
        }
        files.sort { $0.relative < $1.relative }
        return DirectoryRowReader(files: files)
    }
}

/// The rows of a ``DirectoryInput``: each file read as it is reached.
final class DirectoryRowReader: RowReader {
    private let files: [(relative: String, path: String)]
    private var position = 0

    init(files: [(relative: String, path: String)]) { self.files = files }

    func next() throws -> InputRow? {
        guard position < files.count else { return nil }
        let file = files[position]
        position += 1
        var fields = JSONObject()
        fields.appendUnchecked(key: "path", value: .string(file.relative))
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return InputRow(id: .string(file.relative), location: file.relative, fields: fields, text: "", problem: "cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        fields.appendUnchecked(key: "text", value: .string(text))
        return InputRow(id: .string(file.relative), location: file.relative, fields: fields, text: text, problem: nil)
    }
}
