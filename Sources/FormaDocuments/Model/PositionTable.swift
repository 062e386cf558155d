import FormaJSON

/// The positions a reader recorded, in reading order, indexed by pointer text only when
/// first asked.
///
/// Readers record one entry per value; most documents are valid and never looked up, so
/// appending to arrays (no hashing) keeps reading fast, and only invalid documents pay for
/// the index.
final class PositionTable: Sendable {
    private let values: [(String, SourcePosition)]
    private let keys: [(String, SourcePosition)]
    private let index = Locked<(values: [String: SourcePosition], keys: [String: SourcePosition])?>(nil)

    init(values: [(String, SourcePosition)], keys: [(String, SourcePosition)]) {
        self.values = values
        self.keys = keys
    }

    /// The value and key positions by pointer text (the first record of a pointer wins).
    func lookup<R>(_ body: ([String: SourcePosition], [String: SourcePosition]) -> R) -> R {
        index.withLock { index in
            if index == nil {
                index = (Self.first(values), Self.first(keys))
            }
            return body(index!.values, index!.keys)
        }
    }

    private static func first(_ entries: [(String, SourcePosition)]) -> [String: SourcePosition] {
        var result: [String: SourcePosition] = [:]
        result.reserveCapacity(entries.count)
        for (pointer, position) in entries where result[pointer] == nil { result[pointer] = position }
        return result
    }
}
