internal import CCurl

/// The one place where libcurl return codes become Swift errors.
enum CurlCheck {
    /// Throws when `code` is not `CURLE_OK`, naming the call that failed.
    /// - Parameters:
    ///   - code: What the call returned.
    ///   - context: The call, such as `curl_easy_setopt(CURLOPT_URL)`.
    static func easy(_ code: CURLcode, _ context: @autoclosure () -> String) throws(APIError) {
        guard code != CURLE_OK else { return }
        throw error(for: code, context: context(), detail: nil)
    }

    /// Throws when `code` is not `CURLM_OK`, naming the call that failed.
    static func multi(_ code: CURLMcode, _ context: @autoclosure () -> String) throws(APIError) {
        guard code != CURLM_OK else { return }
        let text = curl_multi_strerror(code).map { String(cString: $0) } ?? "code \(code.rawValue)"
        throw APIError(kind: .connection, message: "\(context()) failed: \(text)")
    }

    /// The error for a failed transfer or call.
    /// - Parameters:
    ///   - code: The curl result.
    ///   - context: What was being done.
    ///   - detail: curl's error buffer text, when it has one.
    static func error(for code: CURLcode, context: String, detail: String?) -> APIError {
        let summary = curl_easy_strerror(code).map { String(cString: $0) } ?? "code \(code.rawValue)"
        var message = "\(context): \(summary)"
        if code == CURLE_PEER_FAILED_VERIFICATION {
            // curl's summary ("SSL peer certificate or SSH remote key was not OK") does not say what to do.
            message = "\(context): TLS certificate verification failed"
        }
        if let detail, !detail.isEmpty, detail != summary { message += " (\(detail))" }
        if code == CURLE_PEER_FAILED_VERIFICATION {
            message += "; to trust a private CA, give its PEM file as CurlTransport.Configuration.caBundlePath (forma: --ca-bundle FILE)"
        }
        return APIError(kind: kind(for: code), message: message)
    }

    /// The error kind for a curl result.
    static func kind(for code: CURLcode) -> APIError.Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND:
            return .tls
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_BAD_FUNCTION_ARGUMENT, CURLE_UNKNOWN_OPTION:
            return .configuration
        default: return .connection
        }
    }
}
