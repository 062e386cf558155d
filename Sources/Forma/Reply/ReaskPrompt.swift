package import FormaSchema

/// The message that asks the model to fix an invalid reply: one compact line per located
/// error, capped in count, without a schema dump.
package enum ReaskPrompt {
    /// The re-ask message for validation errors.
    /// - Parameters:
    ///   - errors: the located errors of the reply.
    ///   - limit: how many errors to list (the rest are counted).
    package static func message(for errors: [SchemaViolation], limit: Int = 10) -> String {
        var lines = ["Your previous reply does not match the required JSON schema:"]
        for error in errors.prefix(limit) { lines.append("- \(error.description)") }
        if errors.count > limit { lines.append("- … and \(errors.count - limit) more") }
        lines.append("Reply again with the corrected JSON only.")
        return lines.joined(separator: "\n")
    }

    /// The re-ask message for a reply that is not JSON at all.
    package static func message(forUnparseable description: String) -> String {
        "Your previous reply is not valid JSON (\(description)). Reply again with the JSON value only, no prose or code fences."
    }

    /// The re-ask message for a value the target type could not decode, or a user rule.
    package static func message(forProblems problems: [String], limit: Int = 10) -> String {
        var lines = ["Your previous reply has these problems:"]
        for problem in problems.prefix(limit) { lines.append("- \(problem)") }
        if problems.count > limit { lines.append("- … and \(problems.count - limit) more") }
        lines.append("Reply again with the corrected JSON only.")
        return lines.joined(separator: "\n")
    }
}
