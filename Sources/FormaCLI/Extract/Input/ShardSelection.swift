import ArgumentParser

/// `--shard K/N`: run only the rows whose id digest is `K` modulo `N` (`0 ≤ K < N`).
///
/// K is 0-based, as Kubernetes Indexed Jobs number their pods (`JOB_COMPLETION_INDEX`);
/// a Slurm array (`--array=0-7`) or GNU parallel (`{#}` minus one) gives the same range.
/// Every shard reads the whole input (duplicate ids are checked over all of it), so the
/// concatenated outputs of shards 0…N−1 hold exactly one record per input id.
struct ShardSelection: ExpressibleByArgument, Sendable, Equatable, CustomStringConvertible {
    /// This machine's shard, `0..<count`.
    let index: Int
    /// How many shards split the input.
    let count: Int

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
            return nil
        }
        self.init(index: index, count: count)
    }

    /// Every row.
    static let all = ShardSelection(index: 0, count: 1)

    /// Whether the row with `digest` is this shard's.
    func includes(_ digest: RowDigest) -> Bool { count == 1 || digest.shard(of: count) == index }

    var description: String { "\(index)/\(count)" }

    var defaultValueDescription: String { "0/1" }
}
