import Foundation
public import FormaJSON

/// Token log-probabilities in Together's shape (OpenAI's `content` list is converted).
public struct Logprobs: Sendable, Hashable {
    /// The generated tokens.
    public var tokens: [String]
    /// The log-probability of each token (`nil` where the server sent null).
    public var tokenLogprobs: [Double?]
    /// The token ids, when sent.
    public var tokenIDs: [Int]?
    /// The top alternatives per position, as sent (shape varies by server).
    public var topLogprobs: JSONValue?
    /// The UTF-8 bytes of each token, when the server sent them (OpenAI's and llama.cpp's
    /// `content[].bytes`): exact where a token holds only part of a character.
    public var tokenBytes: [[UInt8]]?

    /// Log-probabilities.
    public init(tokens: [String] = [], tokenLogprobs: [Double?] = [], tokenIDs: [Int]? = nil, topLogprobs: JSONValue? = nil) {
        self.tokens = tokens
        self.tokenLogprobs = tokenLogprobs
        self.tokenIDs = tokenIDs
        self.topLogprobs = topLogprobs
    }

    /// Decodes a `logprobs` object.
    /// - Parameters:
    ///   - json: The object.
    ///   - path: Where it sits, for error messages.
    /// - Throws: ``APIError`` `.decoding` for wrong member types.
    public init(json: JSONValue, path: String = "logprobs") throws {
        let f = try JSONFields(json, path: path)
        if f.value("content") != nil {
            // OpenAI: {"content":[{"token","logprob","top_logprobs"}]}
            var tokens: [String] = [], values: [Double?] = [], tops: [JSONValue] = []
            var bytes: [[UInt8]]? = []
            for item in try f.value("content")?.array ?? [] {
                let g = try JSONFields(item, path: "\(path).content[]")
                tokens.append(try g.string("token") ?? "")
                // llama.cpp's `post_sampling_probs` sends `prob` instead of `logprob`.
                if let logprob = try g.double("logprob") {
                    values.append(logprob)
                } else if let probability = try g.double("prob"), probability > 0 {
                    values.append(Foundation.log(probability))
                } else {
                    values.append(nil)
                }
                tops.append(g.value("top_logprobs") ?? .null)
                if let list = g.value("bytes")?.array {
                    let decoded = list.compactMap { $0.number?.intValue }.filter { (0...255).contains($0) }.map { UInt8($0) }
                    bytes?.append(decoded.count == list.count ? decoded : [])
                } else {
                    bytes = nil
                }
            }
            self.init(tokens: tokens, tokenLogprobs: values, topLogprobs: .array(tops))
            tokenBytes = tokens.isEmpty ? nil : bytes
            return
        }
        let tokens = try f.array("tokens").map { $0.string ?? "" }
        let values = try f.array("token_logprobs").map { $0.number?.doubleValue }
        let ids = f.value("token_ids") == nil ? nil : try f.array("token_ids").map { $0.number?.intValue ?? -1 }
        self.init(tokens: tokens, tokenLogprobs: values, tokenIDs: ids, topLogprobs: f.value("top_logprobs"))
    }
}
