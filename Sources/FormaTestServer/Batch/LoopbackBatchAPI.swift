public import FormaJSON
import Foundation

/// A Batch API on the loopback ``TestServer``, in Together's or OpenAI's shape: files
/// (Together's three-step upload with a `302`, or OpenAI's multipart one), batches whose
/// status moves on as they are polled, output and error files in a shuffled order, expiry,
/// validation failures and cancels.
///
/// ```swift
/// let api = LoopbackBatchAPI(style: .together) { body, _ in TogetherFixtures.chatCompletion(content: #"{"n":1}"#) }
/// let server = try TestServer { request in api.handle(request) ?? .status(404) }
/// ```
public final class LoopbackBatchAPI: Sendable {
    /// Which provider's wire shapes to speak.
    public enum Style: Sendable {
        case together, openAI
    }

    /// How batches behave.
    public struct Behaviour: Sendable {
        /// Status polls a batch answers with `VALIDATING`, then with `IN_PROGRESS`, before it ends.
        public var validatingPolls = 1
        /// Polls in `IN_PROGRESS` before the batch ends.
        public var runningPolls = 1
        /// How batches end.
        public var ending: Ending = .completed
        /// The first status poll of each batch answers `429` with this `retry-after` (seconds).
        public var firstPollRetryAfter: Int?
        /// The first this-many status polls (over all batches) close the connection without a reply.
        public var droppedPolls = 0
        /// An upload answers with this status and message instead (a file too large, a bad purpose).
        public var rejectUpload: (status: Int, message: String)?
        /// Seed of the order output lines come back in.
        public var shuffleSeed: UInt64 = 42
        /// Output files also hold a line with an unknown `custom_id` and a repeat of another
        /// line, and their first line is cut short (malformed JSON).
        public var damagedOutput = false

        /// The defaults: one poll validating, one running, then completed.
        public init() {}
    }

    /// How a batch ends.
    public enum Ending: Sendable {
        /// Every request ran (some may still be in the error file).
        case completed
        /// The window passed after the first `fraction` of the requests (their output is kept).
        case expired(fraction: Double)
        /// The input was refused.
        case failed(message: String)
    }

    /// A file the API holds.
    struct StoredFile {
        var id: String
        var bytes: [UInt8]
        var purpose: String
        var filename: String
        var checksum: String?
        var complete: Bool
    }

    /// A batch the API holds.
    struct StoredBatch {
        var id: String
        var inputFileID: String
        var status: String
        var polls = 0
        var outputFileID: String?
        var errorFileID: String?
        var total = 0
        var completed = 0
        var failed = 0
        var error: String?
    }

    struct State {
        var files: [String: StoredFile] = [:]
        var batches: [String: StoredBatch] = [:]
        var order: [String] = []
        var nextID = 1
        var uploads = 0
        var creations = 0
        var cancels = 0
        var rateLimitedPolls: Set<String> = []
        var droppedPolls = 0
        var held = false
        var acceptsUploads = true
    }

    /// Whose shapes it speaks.
    public let style: Style
    let behaviour: Behaviour
    let reply: @Sendable (_ body: JSONValue, _ customID: String) -> JSONValue?
    let state = Locked(State())

    /// A Batch API.
    /// - Parameters:
    ///   - style: Together's or OpenAI's shapes.
    ///   - behaviour: Statuses, ending, faults.
    ///   - reply: The chat completion body for one request (`nil`: the request fails and
    ///     goes to the error file).
    public init(
        style: Style, behaviour: Behaviour = Behaviour(),
        reply: @escaping @Sendable (_ body: JSONValue, _ customID: String) -> JSONValue?
    ) {
        self.style = style
        self.behaviour = behaviour
        self.reply = reply
        state.withLock { $0.acceptsUploads = behaviour.rejectUpload == nil }
    }

    /// Files uploaded (finished uploads), batches created and cancels received.
    public var counts: (uploads: Int, creations: Int, cancels: Int) {
        state.withLock { ($0.uploads, $0.creations, $0.cancels) }
    }

    /// While held, batches stay where they are however often they are polled (a run that
    /// waits can then be killed and resumed at a known point).
    public func hold(_ held: Bool) { state.withLock { $0.held = held } }

    /// Makes `behaviour.rejectUpload` apply (the default) or not: a run refused at upload
    /// can then be resumed once the provider accepts again.
    public func acceptUploads(_ accept: Bool) { state.withLock { $0.acceptsUploads = accept } }

    /// The ids of the batches created, in order.
    public var batchIDs: [String] { state.withLock { $0.order } }

    /// The input lines of every batch created, in order of creation.
    public var inputLines: [[JSONValue]] {
        state.withLock { s in
            s.order.compactMap { s.batches[$0] }.map { batch in
                Self.lines(s.files[batch.inputFileID]?.bytes ?? [])
            }
        }
    }

    /// The response for a Batch API request, or `nil` when the request is not one.
    public func handle(_ request: RecordedRequest) -> TestResponse? {
        let path = request.path
        let parts = path.split(separator: "/").map(String.init)
        switch (request.method, parts.count, parts) {
        case ("POST", 2, ["v1", "files"]): return uploadStart(request)
        case ("PUT", 2, let p) where p[0] == "upload": return uploadBytes(id: p[1], request)
        case ("POST", 4, let p) where p[0] == "v1" && p[1] == "files" && p[3] == "preprocess": return preprocess(id: p[2])
        case ("GET", 3, let p) where p[0] == "v1" && p[1] == "files": return fileObject(id: p[2])
        case ("GET", 4, let p) where p[0] == "v1" && p[1] == "files" && p[3] == "content": return content(id: p[2])
        case ("POST", 2, ["v1", "batches"]): return create(request)
        case ("GET", 2, ["v1", "batches"]): return list()
        case ("GET", 3, let p) where p[0] == "v1" && p[1] == "batches": return poll(id: p[2])
        case ("POST", 4, let p) where p[0] == "v1" && p[1] == "batches" && p[3] == "cancel": return cancel(id: p[2])
        default: return nil
        }
    }
}
