internal import CCurl

/// Owns one `CURL*` easy handle, its header list and its error buffer.
///
/// Only the thread that currently drives the handle touches it: the caller while
/// configuring, then the multi loop's thread.
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(APIError) {
        try CurlGlobal.initialize()
        guard let handle = curl_easy_init() else {
            throw APIError(kind: .configuration, message: "curl_easy_init failed")
        }
        raw = handle
        let size = forma_curl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
        try CurlCheck.easy(forma_curl_easy_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
    }

    deinit {
        curl_easy_cleanup(raw)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// curl's detailed message for the last failure, if any.
    var errorDetail: String { String(cString: errorBuffer) }

    func set(_ option: CURLoption, _ value: Int, _ name: String) throws(APIError) {
        try CurlCheck.easy(forma_curl_easy_setopt_long(raw, option, value), "curl_easy_setopt(\(name))")
    }

    func set(_ option: CURLoption, _ value: String, _ name: String) throws(APIError) {
        let code = value.withCString { forma_curl_easy_setopt_string(raw, option, $0) }
        try CurlCheck.easy(code, "curl_easy_setopt(\(name))")
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?, _ name: String) throws(APIError) {
        try CurlCheck.easy(forma_curl_easy_setopt_pointer(raw, option, pointer), "curl_easy_setopt(\(name))")
    }

    /// Installs the request header fields (the list lives as long as the handle).
    func setHeaders(_ headers: HTTPHeaders) throws(APIError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for field in headers {
            // `Name:` with no value tells curl not to send that header at all.
            let line = field.value.isEmpty ? "\(field.name):" : "\(field.name): \(field.value)"
            guard let appended = line.withCString({ curl_slist_append(list, $0) }) else {
                curl_slist_free_all(list)
                throw APIError(kind: .configuration, message: "curl_slist_append failed")
            }
            list = appended
        }
        curl_slist_free_all(headerList)
        headerList = list
        try CurlCheck.easy(forma_curl_easy_setopt_slist(raw, CURLOPT_HTTPHEADER, list), "curl_easy_setopt(CURLOPT_HTTPHEADER)")
    }

    /// Sets the request body; curl copies the bytes.
    func setBody(_ body: [UInt8]) throws(APIError) {
        try CurlCheck.easy(forma_curl_easy_setopt_off_t(raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), "CURLOPT_POSTFIELDSIZE_LARGE")
        var copy = body
        if copy.isEmpty { copy = [0] }
        let code = copy.withUnsafeMutableBytes { forma_curl_easy_setopt_pointer(raw, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
        try CurlCheck.easy(code, "curl_easy_setopt(CURLOPT_COPYPOSTFIELDS)")
    }

    /// Resumes a paused transfer; call only on the multi loop's thread.
    func unpause() throws(APIError) {
        try CurlCheck.easy(forma_curl_easy_unpause(raw), "curl_easy_pause(CURLPAUSE_CONT)")
    }
}

/// `curl_global_init`, exactly once per process.
enum CurlGlobal {
    private static let result: CURLcode = forma_curl_global_init_default()

    static func initialize() throws(APIError) {
        try CurlCheck.easy(result, "curl_global_init")
    }
}
