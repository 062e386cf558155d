import FormaJSON

/// Turns a `DecodingError` into a located problem.
enum DecodingProblem {
    static func problem(for error: DecodingError) -> ExtractionProblem {
        let (path, message): ([any CodingKey], String)
        switch error {
        case .typeMismatch(let type, let context): (path, message) = (context.codingPath, "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context): (path, message) = (context.codingPath, "missing \(type): \(context.debugDescription)")
        case .keyNotFound(let key, let context): (path, message) = (context.codingPath, "missing property \"\(key.stringValue)\"")
        case .dataCorrupted(let context): (path, message) = (context.codingPath, context.debugDescription)
        @unknown default: (path, message) = ([], "\(error)")
        }
        let pointer = JSONPointer(tokens: path.map { $0.intValue.map(String.init) ?? $0.stringValue })
        return ExtractionProblem(stage: .decoding, location: pointer, message: message)
    }
}
