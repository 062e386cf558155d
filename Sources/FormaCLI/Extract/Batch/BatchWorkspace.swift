#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder beside the output that holds a `--batch` run's state and files:
/// `OUTPUT.forma-batch/state.json`, the request files uploaded, their row indexes, and the
/// output and error files downloaded. Removed when every row has its final record.
struct BatchWorkspace: Sendable {
    /// The folder.
    let root: String

    /// The workspace of the output file at `output`.
    init(output: String) { root = output + ".forma-batch" }

    /// The state file.
    var statePath: String { root + "/state.json" }

    /// The absolute path of a file named relative to the folder.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Creates the folder (and a round's subfolder) if missing.
    /// - Throws: ``CommandFailure`` when it cannot be created.
    func prepare(round: Int? = nil) throws {
        for directory in [root] + (round.map { [root + "/round-\($0)"] } ?? []) {
            if mkdir(directory, 0o755) != 0 && errno != EEXIST {
                throw CommandFailure("\(directory): cannot create: \(POSIX.lastErrorMessage())")
            }
        }
    }

    /// Removes the folder and everything in it.
    func remove() {
        guard let directory = opendir(root) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names {
            let path = root + "/" + name
            if POSIX.isDirectory(path) {
                BatchWorkspace(root: path).remove()
            } else {
                unlink(path)
            }
        }
        rmdir(root)
    }

    private init(root: String) { self.root = root }
}
