import FormaJSON

/// The rows a run takes, streamed from the input: this shard's rows without a final
/// record yet. Read by the session one row at a time, as it starts them.
final class RowFeed: Sendable {
    private struct State {
        var reader: any RowReader
        var failure: CommandFailure?
    }

    // The reader is used from one task at a time (the session's loop); the mutex makes
    // that explicit and keeps the class Sendable.
    private let state: Locked<State>
    private let finals: DigestSet
    private let shard: ShardSelection

    /// The rows of `input` in `shard` that `finals` does not hold.
    /// - Throws: ``CommandFailure`` when the input cannot be opened.
    init(input: RowInput, finals: DigestSet, shard: ShardSelection) throws {
        state = Locked(State(reader: try input.open()))
        self.finals = finals
        self.shard = shard
    }

    /// The next row to run, or `nil` at the end (or after a read failure, see ``failure``).
    func next() -> InputRow? {
        state.withLock { state in
            guard state.failure == nil else { return nil }
            do {
                while let row = try state.reader.next() {
                    let digest = RowDigest(key: row.key)
                    if shard.includes(digest) && !finals.contains(digest) { return row }
                }
            } catch let failure as CommandFailure {
                state.failure = failure
            } catch {
                state.failure = CommandFailure("\(error)")
            }
            return nil
        }
    }

    /// Why reading stopped early, if it did.
    var failure: CommandFailure? { state.withLock { $0.failure } }
}
