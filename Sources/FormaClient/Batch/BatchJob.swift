public import FormaJSON

/// A batch at the provider, as its status endpoint reports it (Together's upper-case and
/// OpenAI's lower-case statuses read as one set).
public struct BatchJob: Sendable, Hashable {
    /// Where a batch is in its life; new statuses may be added, so `switch` with a `default`.
    public struct Status: Sendable, Hashable, CustomStringConvertible {
        /// The status as the provider spelled it, lower-cased.
        public let name: String
        /// A status by name (case-insensitive).
        public init(_ name: String) { self.name = name.lowercased() }

        /// The input file is being checked.
        public static let validating = Status("validating")
        /// Requests are running.
        public static let inProgress = Status("in_progress")
        /// The output is being written (OpenAI).
        public static let finalizing = Status("finalizing")
        /// Done; the output (and error) files are ready. Rows may still have failed.
        public static let completed = Status("completed")
        /// The batch was refused (for example its input did not validate).
        public static let failed = Status("failed")
        /// The completion window passed; the output holds what finished.
        public static let expired = Status("expired")
        /// A cancel is under way (OpenAI).
        public static let cancelling = Status("cancelling")
        /// Cancelled; the output holds what finished.
        public static let cancelled = Status("cancelled")

        /// Whether the batch will not change any more.
        public var isTerminal: Bool { [.completed, .failed, .expired, .cancelled].contains(self) }

        /// The name.
        public var description: String { name }
    }

    /// The batch id.
    public var id: String
    /// Its status.
    public var status: Status
    /// The input file.
    public var inputFileID: String?
    /// The output file, once there is one.
    public var outputFileID: String?
    /// The error file (failed requests), once there is one.
    public var errorFileID: String?
    /// Percent done (Together's `progress`, 0–100), when reported.
    public var progress: Double?
    /// Requests in the batch, done and failed (OpenAI's `request_counts`), when reported.
    public var total: Int?
    /// Requests completed.
    public var completed: Int?
    /// Requests failed.
    public var failedCount: Int?
    /// Why the batch failed, when it did.
    public var error: String?

    /// A batch.
    /// - Parameters:
    ///   - id: The batch id.
    ///   - status: Its status.
    ///   - inputFileID: The input file.
    ///   - outputFileID: The output file.
    ///   - errorFileID: The error file.
    ///   - progress: Percent done.
    ///   - total: Requests in the batch.
    ///   - completed: Requests completed.
    ///   - failedCount: Requests failed.
    ///   - error: Why it failed.
    public init(
        id: String, status: Status, inputFileID: String? = nil, outputFileID: String? = nil, errorFileID: String? = nil,
        progress: Double? = nil, total: Int? = nil, completed: Int? = nil, failedCount: Int? = nil, error: String? = nil
    ) {
        self.id = id
        self.status = status
        self.inputFileID = inputFileID
        self.outputFileID = outputFileID
        self.errorFileID = errorFileID
        self.progress = progress
        self.total = total
        self.completed = completed
        self.failedCount = failedCount
        self.error = error
    }

    /// A batch object: Together's job (also inside `{"job": …}`) or OpenAI's batch.
    /// - Throws: ``APIError`` `.decoding` when it has no `id` or `status`.
    public init(json: JSONValue) throws {
        let object = json["job"]?.object != nil ? json["job"]! : json
        guard let id = object["id"]?.string, let status = object["status"]?.string else {
            throw APIError(kind: .decoding, message: "the batch object has no id or status", bodyExcerpt: json.serialized())
        }
        let counts = object["request_counts"]
        var error = object["error"]?.string
        if error == nil, let errors = object["errors"]?["data"]?.array {
            error = errors.compactMap { $0["message"]?.string }.joined(separator: "; ")
        }
        if error == nil, let message = object["error"]?["message"]?.string { error = message }
        self.init(
            id: id, status: Status(status), inputFileID: object["input_file_id"]?.string,
            outputFileID: object["output_file_id"]?.string.flatMap { $0.isEmpty ? nil : $0 },
            errorFileID: object["error_file_id"]?.string.flatMap { $0.isEmpty ? nil : $0 },
            progress: object["progress"]?.number?.doubleValue,
            total: counts?["total"]?.number?.intValue, completed: counts?["completed"]?.number?.intValue,
            failedCount: counts?["failed"]?.number?.intValue, error: error?.isEmpty == true ? nil : error)
    }
}
