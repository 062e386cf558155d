import ArgumentParser

/// `forma extract`'s Batch API options.
struct BatchOptions: ParsableArguments {
    @Flag(help: "Run through the provider's Batch API (up to 50 % cheaper, within 24 h) instead of one request per row.")
    var batch = false

    @Flag(help: "With --batch: submit, print the batch ids and exit; collect later with the same command and --resume.")
    var detach = false

    @Flag(help: "Print the status of this output's batches and exit.")
    var batchStatus = false

    @Flag(help: "Cancel this output's running batches and exit; --resume later collects what finished.")
    var cancel = false

    @Option(help: "Seconds before the first status poll; later polls back off to about a minute.")
    var pollInterval: Double = 5

    @Option(help: "Where invalid, failed or missing batch rows are asked again.")
    var batchReask: BatchReaskMode = .online

    @Option(help: "Price per million prompt tokens (online list price), for the cost estimate in the summary.")
    var priceIn: Double?

    @Option(help: "Price per million completion tokens (online list price), for the cost estimate.")
    var priceOut: Double?

    @Option(help: .hidden) var batchMaxRequests: Int?
    @Option(help: .hidden) var batchMaxBytes: Int?

    func validate() throws {
        if (detach || batchStatus || cancel) && !batch {
            throw ValidationError("--detach, --batch-status and --cancel go with --batch")
        }
        if [detach, batchStatus, cancel].filter({ $0 }).count > 1 {
            throw ValidationError("use at most one of --detach, --batch-status and --cancel")
        }
        guard pollInterval > 0 else { throw ValidationError("--poll-interval must be positive") }
        if let priceIn, priceIn < 0 { throw ValidationError("--price-in must not be negative") }
        if let priceOut, priceOut < 0 { throw ValidationError("--price-out must not be negative") }
    }
}

/// Where `--batch` re-asks rows whose batch reply was invalid, failed or missing.
enum BatchReaskMode: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One request per row, with the usual budgets (the default: fast, full price).
    case online
    /// A follow-up batch per re-ask round (slow, discounted).
    case batch
}
