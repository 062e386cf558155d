import ArgumentParser
import Forma
import FormaClient
import FormaJSON

extension ExtractCommand {
    /// Everything that shapes a batch run's requests, digested: a saved state is applied
    /// only to the same settings.
    func batchSettingsDigest(model: String) -> String {
        var digest = Fingerprint()
        for part in [
            schema ?? "", regex ?? "", prompt ?? "", promptFile ?? "", textField, idField, model, client.profile.name,
            client.configuration(environment: [:]).baseURL, mode.rawValue, maxTokens.map(String.init) ?? "",
            temperature.map { "\($0)" } ?? "", reasoningEffort?.rawValue ?? "", shard?.description ?? "0/1",
            batchOptions.batchReask.rawValue, String(maxReasks),
        ] {
            digest.add(part)
        }
        if let schema, let bytes = try? InputFile(path: schema).readAll(limit: 256 << 20) {
            digest.add(String(decoding: bytes, as: UTF8.self))
        }
        return digest.digest.description
    }

    /// The saved state of this output's batch run, checked against this input and these
    /// settings; `nil` when there is none.
    /// - Throws: ``CommandFailure`` when a state exists but `--resume` (or a status/cancel
    ///   flag) is missing, or it belongs to another input or other settings.
    func existingBatchState(fingerprint: RowDigest, model: String) throws -> BatchState? {
        let workspace = BatchWorkspace(output: output)
        guard let state = try BatchState.load(path: workspace.statePath) else {
            if batchOptions.batchStatus || batchOptions.cancel {
                throw CommandFailure("\(output): no batch run to \(batchOptions.cancel ? "cancel" : "report") (no \(workspace.statePath))")
            }
            return nil
        }
        guard resume || batchOptions.batchStatus || batchOptions.cancel else {
            throw CommandFailure(
                "\(output): a batch run is in progress (\(workspace.statePath)); add --resume to collect it, "
                    + "--batch-status to see it, or --cancel to stop it — running again without --resume would submit it twice")
        }
        guard state.fingerprint == fingerprint.description else {
            throw CommandFailure(
                "\(workspace.statePath) was written for another input (or the input changed since); "
                    + "it is not used, so no second batch is submitted. Use another --output, or remove the folder to start over")
        }
        guard state.settings == batchSettingsDigest(model: model) else {
            throw CommandFailure(
                "\(workspace.statePath) was written with other settings (schema, prompt, model, provider, mode, sampling or shard); "
                    + "rerun with the same ones, or use another --output")
        }
        return state
    }

    /// Runs (or resumes) the batch flow and returns the exit status.
    func runBatch(
        client chatClient: ChatClient, runner: RowRunner, rows: RowFeed, existing: BatchState?, fingerprint: RowDigest,
        model: String, descriptor: Int32, tally: ExtractTally, finals: DigestSet
    ) async throws -> ExitCode {
        let batches: BatchClient
        do { batches = try BatchClient(client: chatClient) } catch { throw CommandFailure("\(error)") }
        let workspace = BatchWorkspace(output: output)
        try workspace.prepare()
        var state = existing ?? BatchState(
            fingerprint: fingerprint.description, settings: batchSettingsDigest(model: model), provider: client.profile.name,
            model: model, shard: shard?.description ?? "0/1")
        // A batch that failed validation is submitted again on --resume.
        for (r, round) in state.rounds.enumerated() {
            for (p, part) in round.parts.enumerated() where part.status == BatchJob.Status.failed.name && !part.collected {
                state.rounds[r].parts[p].fileID = nil
                state.rounds[r].parts[p].batchID = nil
                state.rounds[r].parts[p].status = nil
            }
        }
        let watcher = InterruptWatcher(
            firstMessage: "leaving the batches running at the provider (press Ctrl-C again to stop now)")
        defer { watcher.stop() }
        let writer = RecordWriter(descriptor: descriptor, ordered: false)
        let session = BatchSession(
            batches: batches, target: BatchTarget(runner: runner), workspace: workspace, state: state, writer: writer,
            tally: tally, finals: finals, options: batchOptions, concurrency: concurrency, quiet: quiet, watcher: watcher)
        if batchOptions.batchStatus {
            await session.printStatus()
            return .success
        }
        if batchOptions.cancel {
            try await session.cancelRunning()
            return .success
        }
        if existing == nil { try session.writeFirstRound(from: rows) }
        try await session.submitPending()
        let reporter = ProgressReporter(quiet: quiet, tally: tally)
        if watcher.interrupted {
            printResumeHint(session)
            return ExitCode(130)
        }
        if batchOptions.detach {
            var standardOutput = StandardStream.output
            for (_, part) in session.state.allParts { if let id = part.batchID { print(id, to: &standardOutput) } }
            session.say("forma: submitted; collect the results later with the same command and --resume")
            return .success
        }
        let finished = try await session.waitAndCollect()
        writer.finish()
        if !finished {
            reporter.finish(interrupted: true)
            printResumeHint(session)
            return ExitCode(130)
        }
        workspace.remove()
        reporter.finish(interrupted: false)
        if let cost = costLine(tally: tally.snapshot, batchUsage: session.batchUsage, priceFactor: batches.api.priceFactor) {
            session.say(cost)
        }
        let snapshot = tally.snapshot
        return snapshot.failed + snapshot.resumedFailed > 0 ? ExitCode(1) : .success
    }

    private func printResumeHint(_ session: BatchSession) {
        let ids = session.state.allParts.compactMap(\.part.batchID)
        var text = "forma: the batches keep running at the provider (\(ids.joined(separator: ", "))); "
        text += "collect them with the same command and --resume (state in \(session.workspace.root)), or stop them with --cancel\n"
        text.withUTF8 { OutputSink.writeAll($0, to: 2) }
    }

    /// `forma: estimated cost $0.42 (…)` when prices were given.
    func costLine(tally: ExtractTally.Snapshot, batchUsage: Usage, priceFactor: Double) -> String? {
        guard batchOptions.priceIn != nil || batchOptions.priceOut != nil else { return nil }
        let priceIn = (batchOptions.priceIn ?? 0) / 1_000_000
        let priceOut = (batchOptions.priceOut ?? 0) / 1_000_000
        let onlineIn = max(0, tally.promptTokens - batchUsage.promptTokens)
        let onlineOut = max(0, tally.completionTokens - batchUsage.completionTokens)
        let batch = (Double(batchUsage.promptTokens) * priceIn + Double(batchUsage.completionTokens) * priceOut) * priceFactor
        let online = Double(onlineIn) * priceIn + Double(onlineOut) * priceOut
        let total = batch + online
        return "forma: estimated cost \(Self.dollars(total)): batch tokens \(batchUsage.promptTokens) in / "
            + "\(batchUsage.completionTokens) out at \(Int((priceFactor * 100).rounded())) % of the given prices "
            + "(\(Self.dollars(batch))), online tokens \(onlineIn) in / \(onlineOut) out (\(Self.dollars(online)))"
    }

    static func dollars(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        return "$\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}
