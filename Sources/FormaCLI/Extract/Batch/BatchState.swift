#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a `--batch` run submitted, persisted beside the output (`OUTPUT.forma-batch/state.json`)
/// **before** it waits, and after every step that changes it (upload, creation, status,
/// download, collection), so a killed run resumed with `--resume` re-attaches to the same
/// batches: nothing is uploaded or paid for twice.
///
/// Written to a temporary file, synced and renamed over the old one: a crash leaves the old
/// state or the new one, never half of either.
struct BatchState: Codable, Sendable {
    /// One batch: a part of a round's requests.
    struct Part: Codable, Sendable {
        /// 1-based within its round.
        var number: Int
        /// The request lines uploaded, relative to the workspace.
        var requests: String
        /// `custom_id` → row id, request offset and history, relative to the workspace.
        var index: String
        /// Requests in the part.
        var rows: Int
        /// Bytes of the request file.
        var bytes: Int
        /// The uploaded input file, once uploaded.
        var fileID: String?
        /// The batch, once created.
        var batchID: String?
        /// The last status seen.
        var status: String?
        /// The provider's error for a failed batch.
        var error: String?
        var outputFileID: String?
        var errorFileID: String?
        /// Whether the output and error files are on disk.
        var downloaded = false
        /// Whether every row of the part has its final record (or is in the next round).
        var collected = false
    }

    /// One round: the first requests, then (with `--batch-reask batch`) follow-up batches.
    struct Round: Codable, Sendable {
        var number: Int
        var parts: [Part]
    }

    var version = 1
    /// The input's fingerprint (``InputScan/fingerprint``): a state is never applied to another input.
    var fingerprint: String
    /// A digest of everything that shapes the requests (schema, prompt, model, provider,
    /// base URL, mode, sampling, shard): a state is never applied to other settings.
    var settings: String
    /// For messages: the provider, model and shard the run used.
    var provider: String
    var model: String
    var shard: String
    var rounds: [Round] = []

    /// Every part with its round number.
    var allParts: [(round: Int, part: Part)] {
        rounds.flatMap { round in round.parts.map { (round.number, $0) } }
    }

    /// Loads the state at `path`, or `nil` when there is none.
    /// - Throws: ``CommandFailure`` when the file exists but is not a state this version wrote.
    static func load(path: String) throws -> BatchState? {
        guard access(path, F_OK) == 0 else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read the batch state")
        }
        do {
            let state = try JSONDecoder().decode(BatchState.self, from: data)
            guard state.version == 1 else { throw CommandFailure("\(path): batch state version \(state.version) is not supported") }
            return state
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(
                "\(path): the batch state is corrupted (\(error)); it is not used, so no second batch is submitted by accident. "
                    + "Check the provider for its batches, then remove the file (or its folder) to start over")
        }
    }

    /// Writes the state to `path` atomically.
    /// - Throws: ``CommandFailure`` when it cannot be written.
    func save(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(self) } catch { throw CommandFailure("cannot encode the batch state: \(error)") }
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CommandFailure("\(temporary): cannot create: \(POSIX.lastErrorMessage())") }
        let written = data.withUnsafeBytes { OutputSink.writeAll($0.bindMemory(to: UInt8.self), to: descriptor) }
        let synced = written && fsync(descriptor) == 0
        POSIX.close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CommandFailure("\(path): cannot save the batch state: \(POSIX.lastErrorMessage())")
        }
    }
}
