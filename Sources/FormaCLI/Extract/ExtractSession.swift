import ArgumentParser
import Dispatch
import FormaClient
import Synchronization

/// The async part of `forma extract`: runs the rows with bounded concurrency, writes each
/// record as it may go out, reports progress and decides the exit status.
struct ExtractSession: Sendable {
    /// The rows still to run, in input order, read as they are started.
    let rows: RowFeed
    let runner: RowRunner
    let pacer: RequestPacer<ContinuousClock>
    let tally: ExtractTally
    /// Rows in flight at most.
    let concurrency: Int
    /// Whether records keep input order.
    let ordered: Bool
    /// Where records go.
    let descriptor: Int32
    let quiet: Bool

    /// Exit statuses: 0 all ok, 1 some failed, 130 interrupted.
    static let interruptedStatus = ExitCode(130)

    func run() async -> ExitCode {
        let watcher = InterruptWatcher()
        defer { watcher.stop() }
        let reporter = ProgressReporter(quiet: quiet, tally: tally)
        let progress = Task { await reporter.run() }
        let writer = RecordWriter(descriptor: descriptor, ordered: ordered)
        // In order, a row may start only this far ahead of the first unwritten one: this
        // bounds the reorder buffer when one slow row holds back the rest.
        let window = ordered ? max(concurrency * 8, 256) : Int.max

        await withTaskGroup(of: (Int, ExtractRecord?, Int).self) { group in
            var next = 0
            var inFlight = 0
            var exhausted = false
            func startMore() {
                while !watcher.interrupted, !exhausted, inFlight < concurrency, next - writer.nextPosition < window {
                    guard let row = rows.next() else {
                        exhausted = true
                        return
                    }
                    let position = next
                    group.addTask {
                        // A row that had not started when SIGINT came is left for --resume.
                        if watcher.interrupted { return (position, nil, 0) }
                        let (record, reasks) = await runner.run(row)
                        return (position, record, reasks)
                    }
                    next += 1
                    inFlight += 1
                }
            }
            startMore()
            while let (position, record, reasks) = await group.next() {
                inFlight -= 1
                if let record {
                    writer.submit(position: position, line: record.line)
                    tally.finished(record, reasks: reasks)
                    if record.usage.completionTokens > 0 { await pacer.charge(extraTokens: record.usage.completionTokens) }
                } else {
                    writer.submit(position: position, line: nil)
                }
                startMore()
            }
        }
        writer.finish()
        progress.cancel()
        await progress.value
        let interrupted = watcher.interrupted
        reporter.finish(interrupted: interrupted)
        let snapshot = tally.snapshot
        if interrupted { return Self.interruptedStatus }
        return snapshot.failed + snapshot.resumedFailed > 0 ? ExitCode(1) : .success
    }
}
