#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Forma
import FormaClient
import FormaJSON

extension BatchSession {
    /// What became of one row of a finished batch.
    enum RowResult {
        /// The batch replied: the reply and its request id.
        case reply(ChatResponse, requestID: String?)
        /// The request failed, with the provider's message.
        case failed(String)
        /// No line for the row (an expired or cancelled batch, or a lost line).
        case missing
    }

    /// Downloads a finished batch's output and error files, checks every reply, writes the
    /// rows' final records and re-asks the others (online, or into the next round), then
    /// marks the part collected.
    func collect(roundIndex: Int, partIndex: Int) async throws {
        var part = state.rounds[roundIndex].parts[partIndex]
        let round = state.rounds[roundIndex].number
        let outputPath = workspace.path("round-\(round)/part-\(part.number).output.jsonl")
        let errorPath = workspace.path("round-\(round)/part-\(part.number).errors.jsonl")
        if !part.downloaded {
            if let id = part.outputFileID {
                _ = try await providerStep("downloading the output of batch \(part.batchID ?? "")") {
                    try await self.batches.download(fileID: id, to: outputPath)
                }
            }
            if let id = part.errorFileID {
                _ = try await providerStep("downloading the errors of batch \(part.batchID ?? "")") {
                    try await self.batches.download(fileID: id, to: errorPath)
                }
            }
            part.downloaded = true
            state.rounds[roundIndex].parts[partIndex] = part
            try save()
        }
        let index = try BatchRowIndex(path: workspace.path(part.index))
        let results = try indexResults(output: part.outputFileID == nil ? nil : outputPath,
                                       errors: part.errorFileID == nil ? nil : errorPath, index: index)
        let outputFile = part.outputFileID == nil ? -1 : open(outputPath, O_RDONLY | O_CLOEXEC)
        let errorFile = part.errorFileID == nil ? -1 : open(errorPath, O_RDONLY | O_CLOEXEC)
        defer {
            if outputFile >= 0 { POSIX.close(outputFile) }
            if errorFile >= 0 { POSIX.close(errorFile) }
        }
        let requests = open(workspace.path(part.requests), O_RDONLY | O_CLOEXEC)
        guard requests >= 0 else { throw CommandFailure("\(workspace.path(part.requests)): cannot open: \(POSIX.lastErrorMessage())") }
        defer { POSIX.close(requests) }

        let lastRound = round > target.maxReasks  // rounds 1 + maxReasks at most
        let nextRound = options.batchReask == .batch && !lastRound
            ? try BatchPartWriter(workspace: workspace, round: round + 1, maxRequests: limits.requests, maxBytes: limits.bytes)
            : nil
        var entries = index.entries.makeIterator()
        var failure: (any Error)?
        await withTaskGroup(of: (ExtractRecord, Int).self) { group in
            var inFlight = 0
            func startMore() {
                while failure == nil, inFlight < concurrency, !watcher.interrupted, let entry = entries.next() {
                    guard !finals.contains(RowDigest(key: InputRow.key(of: entry.id))) else { continue }
                    do {
                        let request = try BatchRowIndex.requestLine(entry, in: requests)
                        let conversation = try Self.messages(in: request)
                        let result = Self.result(results[entry.customID], output: outputFile, errors: errorFile)
                        if case .reply(let response, _) = result, let usage = response.usage { batchUsage = batchUsage + usage }
                        if options.batchReask == .batch {
                            if let nextRound {
                                try queueOrFinish(entry, conversation: conversation, result: result, next: nextRound)
                            } else {
                                let record = finishLastRound(entry, result: result, conversation: conversation)
                                writer.submit(position: 0, line: record.line)
                                tally.finished(record, reasks: max(0, record.attempts - 1))
                            }
                        } else {
                            group.addTask { [target] in await Self.finishOnline(entry, conversation: conversation, result: result, target: target) }
                            inFlight += 1
                        }
                    } catch {
                        failure = error
                    }
                }
            }
            startMore()
            while let (record, reasks) = await group.next() {
                inFlight -= 1
                writer.submit(position: 0, line: record.line)
                tally.finished(record, reasks: reasks)
                startMore()
            }
        }
        if let failure { throw failure }
        if watcher.interrupted { return }
        if let nextRound {
            let parts = try nextRound.finish()
            if !parts.isEmpty {
                if let existing = state.rounds.firstIndex(where: { $0.number == round + 1 }) {
                    // Another part of this round already queued rows: number the new parts after its.
                    let offset = state.rounds[existing].parts.count
                    state.rounds[existing].parts += parts.map { var p = $0; p.number += offset; return p }
                } else {
                    state.rounds.append(BatchState.Round(number: round + 1, parts: parts))
                }
            }
        }
        state.rounds[roundIndex].parts[partIndex].collected = true
        try save()
        if ignoredLines > 0 {
            say("forma: warning: ignored \(ignoredLines) output lines with unknown or repeated custom_ids")
            ignoredLines = 0
        }
    }

    /// Online: the row's record, re-asking (or asking anew) within the usual budgets.
    static func finishOnline(
        _ entry: BatchRowIndex.Entry, conversation: [ChatMessage], result: RowResult, target: BatchTarget
    ) async -> (ExtractRecord, Int) {
        let started = ContinuousClock.now
        switch result {
        case .reply(let response, let requestID):
            return await target.run(id: entry.id, conversation: conversation, first: response, requestID: requestID,
                                    history: entry.history, started: started)
        case .failed, .missing:
            return await target.run(id: entry.id, conversation: conversation, first: nil, requestID: nil,
                                    history: entry.history, started: started)
        }
    }

    /// Batch re-ask: a valid reply's record is written; an invalid, failed or missing one
    /// goes into the next round's requests (with the re-ask message, or as it was).
    private func queueOrFinish(_ entry: BatchRowIndex.Entry, conversation: [ChatMessage], result: RowResult, next: BatchPartWriter) throws {
        var history = entry.history
        var nextConversation = conversation
        switch result {
        case .reply(let response, _):
            Self.count(response, into: &history)
            switch target.check(conversation, reply: response) {
            case .valid(let value):
                let record = valueRecord(entry, value, history)
                writer.submit(position: 0, line: record.line)
                tally.finished(record, reasks: max(0, history.attempts - 1))
                return
            case .invalid(let followUp, _):
                nextConversation = followUp
            }
        case .failed:
            history.attempts += 1
        case .missing:
            break
        }
        let line = try batches.inputLine(customID: entry.customID, request: target.request(nextConversation))
        try next.add(customID: entry.customID, id: entry.id, line: line, history: history)
    }

    /// Counts one batch reply (an attempt and its tokens) into a row's history.
    private static func count(_ response: ChatResponse, into history: inout BatchPartWriter.History) {
        history.attempts += 1
        history.promptTokens += response.usage?.promptTokens ?? 0
        history.completionTokens += response.usage?.completionTokens ?? 0
    }

    /// The record of a row whose batch reply was valid.
    private func valueRecord(_ entry: BatchRowIndex.Entry, _ value: JSONValue, _ history: BatchPartWriter.History) -> ExtractRecord {
        ExtractRecord(
            id: entry.id, result: .value(value), attempts: history.attempts,
            usage: Usage(promptTokens: history.promptTokens, completionTokens: history.completionTokens),
            model: target.runner.model, latency: .zero)
    }

    /// Final records for rows still without a value after the last batch round (batch re-ask).
    func finishLastRound(_ entry: BatchRowIndex.Entry, result: RowResult, conversation: [ChatMessage]) -> ExtractRecord {
        var history = entry.history
        switch result {
        case .reply(let response, _):
            Self.count(response, into: &history)
            switch target.check(conversation, reply: response) {
            case .valid(let value):
                return valueRecord(entry, value, history)
            case .invalid(_, let problems):
                return target.runner.failure(
                    id: entry.id, kind: "invalid", "the reply was invalid after the last batch re-ask round", errors: problems,
                    retryable: false, history: history, started: .now)
            }
        case .failed(let message):
            history.attempts += 1
            return target.runner.failure(id: entry.id, kind: "api", message, retryable: true, history: history, started: .now)
        case .missing:
            return target.runner.failure(
                id: entry.id, kind: "api", "the batch returned no result for this row (expired or cancelled)", retryable: true,
                history: history, started: .now)
        }
    }

    /// Where a row's result line sits: in the output file or the error file, at a byte range.
    /// Only these are kept while a part is collected (a 50,000-row part's parsed replies
    /// would not keep memory flat); each line is read again when its row is finished.
    struct ResultLine {
        var isOutput: Bool
        var offset: Int
        var length: Int
    }

    /// Indexes a part's output and error files by `custom_id`, ignoring (and counting)
    /// lines with unknown or repeated ids and lines that are not JSON or name no
    /// `custom_id` (their rows are then missing and asked again).
    private func indexResults(output: String?, errors: String?, index: BatchRowIndex) throws -> [String: ResultLine] {
        var results: [String: ResultLine] = [:]
        for (path, isOutput) in [(output, true), (errors, false)] {
            guard let path else { continue }
            let reader = JSONLReader(file: try InputFile(path: path), chunkBytes: 1 << 16, maxLineBytes: 64 << 20)
            var batch: [LineSpan] = []
            while try reader.next(&batch) {
                for span in batch where !span.isOversized {
                    let bytes = UnsafeRawBufferPointer(rebasing: reader.bytes[span.start..<span.start + span.count])
                    guard let json = try? JSONParser.parse(bytes), let line = try? BatchResultLine(json: json) else {
                        ignoredLines += 1
                        continue
                    }
                    guard index.positions[line.customID] != nil, results[line.customID] == nil else {
                        ignoredLines += 1
                        continue
                    }
                    results[line.customID] = ResultLine(isOutput: isOutput, offset: reader.fileOffset + span.start, length: span.count)
                }
            }
        }
        return results
    }

    /// Reads an indexed result line again and turns it into the row's result.
    static func result(_ location: ResultLine?, output: Int32, errors: Int32) -> RowResult {
        guard let location else { return .missing }
        var bytes = [UInt8](repeating: 0, count: location.length)
        let descriptor = location.isOutput ? output : errors
        let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, location.length, off_t(location.offset)) }
        guard n == location.length, let json = try? JSONParser.parse(bytes), let line = try? BatchResultLine(json: json) else {
            return .failed("the batch result line could not be read again")
        }
        if location.isOutput, line.hasReply, let body = line.body, let response = try? ChatResponse(json: body) {
            return .reply(response, requestID: json["response"]?["request_id"]?.string ?? body["id"]?.string)
        }
        return .failed(line.error ?? "the batch reply could not be read")
    }

    /// The messages of a request line (`body.messages`).
    static func messages(in line: JSONValue) throws -> [ChatMessage] {
        guard case .array(let items)? = line["body"]?["messages"] else {
            throw CommandFailure("a batch request line has no messages; remove the batch folder to start over")
        }
        return try items.map { try ChatMessage(json: $0) }
    }
}
