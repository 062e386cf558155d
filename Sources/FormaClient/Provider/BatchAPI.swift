/// The shape of a provider's Batch API: how the input file is written and uploaded, where
/// batches are created, and the provider's limits. Part of a ``Provider`` profile.
///
/// Both Together and OpenAI run a JSONL file of requests on their own fleet within a
/// completion window (24 h) at a discount, and return output and error files whose lines
/// come back in any order, matched by `custom_id`.
public struct BatchAPI: Sendable, Hashable {
    /// How one request is written as a line of the input file.
    public enum InputLine: Sendable, Hashable {
        /// `{"custom_id": …, "body": {…}}` (Together).
        case customIDAndBody
        /// `{"custom_id": …, "method": "POST", "url": "/v1/chat/completions", "body": {…}}` (OpenAI).
        case customIDMethodURLAndBody
    }

    /// How the input file is uploaded.
    public enum Upload: Sendable, Hashable {
        /// `POST /files` answers 302 with `Location` and a file id; the bytes are `PUT` to
        /// `Location`, then `POST /files/{id}/preprocess` (Together's SDK). A direct
        /// multipart answer is accepted too.
        case redirectedPut
        /// `POST /files` as `multipart/form-data` with `purpose` and `file` (OpenAI).
        case multipart
    }

    /// How input lines are written.
    public var inputLine: InputLine
    /// How the file is uploaded.
    public var upload: Upload
    /// The `purpose` of the uploaded file (`batch-api` at Together, `batch` at OpenAI).
    public var filePurpose: String
    /// The endpoint the batch runs (`/v1/chat/completions`).
    public var endpoint: String
    /// The completion window asked for.
    public var completionWindow: String
    /// The most requests one input file may hold.
    public var maxRequestsPerFile: Int
    /// The largest input file, in bytes.
    public var maxBytesPerFile: Int
    /// The longest `custom_id`, when the provider limits it.
    public var maxCustomIDLength: Int?
    /// The price of batch tokens relative to online ones (0.5 = half price).
    public var priceFactor: Double

    /// A Batch API shape.
    /// - Parameters:
    ///   - inputLine: How input lines are written.
    ///   - upload: How the file is uploaded.
    ///   - filePurpose: The file's `purpose`.
    ///   - endpoint: The endpoint batches run.
    ///   - completionWindow: The completion window.
    ///   - maxRequestsPerFile: Requests per file at most.
    ///   - maxBytesPerFile: Bytes per file at most.
    ///   - maxCustomIDLength: The longest `custom_id`.
    ///   - priceFactor: Batch price relative to online.
    public init(
        inputLine: InputLine, upload: Upload, filePurpose: String, endpoint: String = "/v1/chat/completions",
        completionWindow: String = "24h", maxRequestsPerFile: Int = 50_000, maxBytesPerFile: Int,
        maxCustomIDLength: Int? = nil, priceFactor: Double = 0.5
    ) {
        self.inputLine = inputLine
        self.upload = upload
        self.filePurpose = filePurpose
        self.endpoint = endpoint
        self.completionWindow = completionWindow
        self.maxRequestsPerFile = maxRequestsPerFile
        self.maxBytesPerFile = maxBytesPerFile
        self.maxCustomIDLength = maxCustomIDLength
        self.priceFactor = priceFactor
    }

    /// Together AI's Batch API.
    public static let together = BatchAPI(
        inputLine: .customIDAndBody, upload: .redirectedPut, filePurpose: "batch-api", maxBytesPerFile: 100_000_000,
        maxCustomIDLength: 64)

    /// OpenAI's Batch API.
    public static let openAI = BatchAPI(
        inputLine: .customIDMethodURLAndBody, upload: .multipart, filePurpose: "batch", maxBytesPerFile: 200_000_000)
}
