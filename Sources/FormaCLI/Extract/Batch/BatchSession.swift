import ArgumentParser
import Forma
import FormaClient
import FormaJSON
import Synchronization

/// `forma extract --batch`: writes the rows' requests into batch input files, uploads them
/// and creates the batches, persists what it submitted before waiting, polls with backoff,
/// downloads output and error files, checks every reply as online replies are checked, and
/// re-asks the rows whose reply is invalid, failed or missing — online (default) or in a
/// follow-up batch — so each input id ends with exactly one final record.
final class BatchSession {
    let batches: BatchClient
    let target: BatchTarget
    let workspace: BatchWorkspace
    var state: BatchState
    let writer: RecordWriter
    let tally: ExtractTally
    /// Ids already final in the output when the run started: collecting a part again after
    /// a crash skips them, so no id gets a second record.
    let finals: DigestSet
    let options: BatchOptions
    let concurrency: Int
    let quiet: Bool
    let watcher: InterruptWatcher
    let started = ContinuousClock.now
    /// Tokens the batch replies used (charged at the batch price).
    var batchUsage = Usage()
    /// Warnings about output lines (unknown or repeated `custom_id`s), counted.
    var ignoredLines = 0

    init(
        batches: BatchClient, target: BatchTarget, workspace: BatchWorkspace, state: BatchState, writer: RecordWriter,
        tally: ExtractTally, finals: DigestSet, options: BatchOptions, concurrency: Int, quiet: Bool, watcher: InterruptWatcher
    ) {
        self.batches = batches
        self.target = target
        self.workspace = workspace
        self.state = state
        self.writer = writer
        self.tally = tally
        self.finals = finals
        self.options = options
        self.concurrency = concurrency
        self.quiet = quiet
        self.watcher = watcher
    }

    /// The most requests and bytes per input file: the provider's limits, or the hidden test overrides.
    var limits: (requests: Int, bytes: Int) {
        (options.batchMaxRequests ?? batches.api.maxRequestsPerFile, options.batchMaxBytes ?? batches.api.maxBytesPerFile)
    }

    func save() throws { try state.save(path: workspace.statePath) }

    // MARK: Round 1

    /// Writes the first round's request files from `rows`; rows that cannot be sent get
    /// their input-error record now.
    func writeFirstRound(from rows: RowFeed) throws {
        let writerForRound = try BatchPartWriter(
            workspace: workspace, round: 1, maxRequests: limits.requests, maxBytes: limits.bytes)
        let limit = batches.api.maxCustomIDLength
        while let row = rows.next() {
            switch target.runner.messages(for: row) {
            case .failure(let problem):
                let record = target.runner.inputFailure(id: row.id, problem.message, started: .now)
                writer.submit(position: 0, line: record.line)
                tally.finished(record, reasks: 0)
            case .success(let messages):
                let customID = BatchPartWriter.customID(for: row, limit: limit)
                let request = target.request(target.conversation(messages))
                let line = try lineOrFailure(customID: customID, request: request)
                try writerForRound.add(customID: customID, id: row.id, line: line, history: .init())
            }
        }
        if let failure = rows.failure { throw failure }
        state.rounds = [BatchState.Round(number: 1, parts: try writerForRound.finish())]
        try save()
    }

    private func lineOrFailure(customID: String, request: ChatRequest) throws -> [UInt8] {
        do {
            return try batches.inputLine(customID: customID, request: request)
        } catch {
            throw CommandFailure("cannot write a batch request: \(error)")
        }
    }

    // MARK: Submission

    /// Uploads and creates every batch not yet created, saving the state after each step.
    /// A part whose file was uploaded but whose batch id was never saved (a kill between
    /// the two) is looked up among the provider's batches first, so it is not created twice.
    func submitPending() async throws {
        for (roundIndex, round) in state.rounds.enumerated() {
            for (partIndex, part) in round.parts.enumerated() where part.batchID == nil && !part.collected && part.rows > 0 {
                if watcher.interrupted { return }
                var part = part
                if part.fileID == nil {
                    let file = try await providerStep("upload of \(describe(round.number, part))") {
                        try await self.batches.upload(path: self.workspace.path(part.requests), filename: "forma-round-\(round.number)-part-\(part.number).jsonl")
                    }
                    part.fileID = file.id
                    state.rounds[roundIndex].parts[partIndex] = part
                    try save()
                }
                let fileID = part.fileID!
                let existing = try? await batches.list().first { $0.inputFileID == fileID }
                let job: BatchJob
                if let existing {
                    job = existing
                } else {
                    job = try await providerStep("creating the batch of \(describe(round.number, part))") {
                        try await self.batches.create(inputFileID: fileID)
                    }
                }
                part.batchID = job.id
                part.status = job.status.name
                state.rounds[roundIndex].parts[partIndex] = part
                try save()
                say("forma: submitted \(describe(round.number, part)): batch \(job.id) (\(part.rows) rows)")
            }
        }
    }

    /// Runs a provider call, turning its failure into a message that names the step.
    func providerStep<T>(_ step: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as APIError {
            throw CommandFailure("\(step) failed: \(error); nothing was lost: the rows are in \(workspace.root), rerun with --resume")
        }
    }

    /// `round 1, part 2 of 3`.
    func describe(_ round: Int, _ part: BatchState.Part) -> String {
        let count = state.rounds.first { $0.number == round }?.parts.count ?? 1
        return "round \(round), part \(part.number) of \(count)"
    }

    // MARK: Waiting

    /// Polls every unfinished batch with backoff, collecting each one that ends, until all
    /// are collected (`true`) or the user interrupts (`false`).
    func waitAndCollect() async throws -> Bool {
        var interval = options.pollInterval
        var lastLine = ""
        while true {
            if watcher.interrupted { return false }
            var pending = false
            for (roundIndex, round) in state.rounds.enumerated() {
                for (partIndex, part) in round.parts.enumerated() where !part.collected {
                    if part.rows == 0 {
                        state.rounds[roundIndex].parts[partIndex].collected = true
                        continue
                    }
                    guard let batchID = part.batchID else {
                        pending = true
                        continue
                    }
                    var current = part
                    if !(BatchJob.Status(current.status ?? "").isTerminal) {
                        do {
                            let job = try await batches.job(batchID)
                            current.status = job.status.name
                            current.outputFileID = job.outputFileID ?? current.outputFileID
                            current.errorFileID = job.errorFileID ?? current.errorFileID
                            current.error = job.error
                            let line = progressLine(round.number, current, job)
                            if line != lastLine { say(line); lastLine = line }
                        } catch {
                            say("forma: warning: polling batch \(batchID) failed (\(error)); trying again")
                        }
                        state.rounds[roundIndex].parts[partIndex] = current
                        try save()
                    }
                    let status = BatchJob.Status(current.status ?? "")
                    if status == .failed {
                        throw CommandFailure(
                            "batch \(batchID) (\(describe(round.number, current))) failed: \(current.error ?? "no reason given"); "
                                + "its \(current.rows) rows have no records yet; rerun with --resume to submit it again")
                    }
                    if status.isTerminal {
                        try await collect(roundIndex: roundIndex, partIndex: partIndex)
                        if watcher.interrupted { return false }
                    } else {
                        pending = true
                    }
                }
            }
            try await submitPending()
            if !pending && state.rounds.allSatisfy({ $0.parts.allSatisfy(\.collected) }) { return true }
            if try await sleep(seconds: interval) == false { return false }
            interval = min(60, interval * 1.5)
        }
    }

    /// Sleeps in short steps so Ctrl-C is noticed; `false` when interrupted.
    func sleep(seconds: Double) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if watcher.interrupted { return false }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return !watcher.interrupted
    }

    func progressLine(_ round: Int, _ part: BatchState.Part, _ job: BatchJob) -> String {
        var line = "forma: batch \(job.id) (\(describe(round, part)), \(part.rows) rows): \(job.status)"
        if let progress = job.progress { line += " \(Int(progress))%" }
        if let total = job.total, total > 0 {
            line += " (\(job.completed ?? 0) done, \(job.failedCount ?? 0) failed of \(total))"
        }
        line += ", \(ProgressReporter.duration(ProgressReporter.seconds(ContinuousClock.now - started))) elapsed"
        return line
    }

    func say(_ line: String) {
        guard !quiet else { return }
        var text = line + "\n"
        text.withUTF8 { OutputSink.writeAll($0, to: 2) }
    }

    // MARK: Status and cancel

    /// Prints every batch's status (`--batch-status`).
    func printStatus() async {
        var standardOutput = StandardStream.output
        for (round, part) in state.allParts {
            var line = "round \(round) part \(part.number): \(part.rows) rows"
            if let id = part.batchID {
                if let job = try? await batches.job(id) {
                    line += ", batch \(id): \(job.status)"
                    if let progress = job.progress { line += " \(Int(progress))%" }
                    if let total = job.total { line += " (\(job.completed ?? 0) done, \(job.failedCount ?? 0) failed of \(total))" }
                } else {
                    line += ", batch \(id): status unavailable"
                }
            } else {
                line += ", not submitted"
            }
            if part.collected { line += ", collected" }
            print(line, to: &standardOutput)
        }
    }

    /// Cancels every running batch (`--cancel`).
    func cancelRunning() async throws {
        for (roundIndex, round) in state.rounds.enumerated() {
            for (partIndex, part) in round.parts.enumerated() {
                guard let id = part.batchID, !BatchJob.Status(part.status ?? "").isTerminal else { continue }
                let job = try await providerStep("cancelling batch \(id)") { try await self.batches.cancel(id) }
                state.rounds[roundIndex].parts[partIndex].status = job.status.name
                try save()
                say("forma: cancelled batch \(id) (\(job.status)); --resume collects what it finished and re-asks the rest")
            }
        }
    }
}
