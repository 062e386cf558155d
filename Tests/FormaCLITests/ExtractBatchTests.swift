import FormaJSON
import FormaTestServer
import Foundation
import Synchronization
import Testing

/// `forma extract --batch` against the loopback Batch API: splitting, checking, re-asks,
/// resume at each stage, expiry, failures, custom_id mapping, and no key anywhere.
@Suite("forma extract --batch")
struct ExtractBatchTests {
    @Test("Together: split into parts, replies checked, invalid and failed rows re-asked online, one record per id")
    func togetherEndToEnd() throws {
        let harness = try BatchHarness(invalid: [2], failing: [5])
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 7))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try harness.records()
        #expect(records.count == 7)
        for n in 1...7 {
            let record = try #require(records["r\(n)"])
            #expect(record["ok"] == true)
            #expect(record["value"]?["n"] == .number(JSONNumber(n)))
        }
        // Row 2: the batch reply was invalid, one online re-ask; row 5 failed, asked online.
        #expect(records["r2"]?["attempts"] == 2)
        #expect(records["r5"]?["attempts"] == 1)
        #expect(records["r1"]?["attempts"] == 1)
        #expect(harness.online.count == 2)
        let counts = harness.api.counts
        #expect(counts.uploads == 3 && counts.creations == 3)  // 7 rows, 3 per file
        #expect(harness.api.inputLines.map(\.count) == [3, 3, 1])
        #expect(!FileManager.default.fileExists(atPath: harness.workspace))  // removed when done
        // The PUT to the upload URL carried no key (the loopback rejects one), and the key never landed anywhere.
        #expect(!outcome.standardError.contains(BatchHarness.secret))
        #expect(!outcome.standardOutput.contains(BatchHarness.secret))
        #expect(!harness.everythingWritten().contains(BatchHarness.secret))
    }

    @Test("OpenAI: multipart upload, lower-case statuses, request_counts, method/url input lines")
    func openAIEndToEnd() throws {
        let harness = try BatchHarness(style: .openAI, invalid: [3])
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 4, provider: "openai"), provider: "openai")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try harness.records()
        #expect(records.count == 4)
        #expect(records.values.allSatisfy { $0["ok"] == true })
        let first = try #require(harness.api.inputLines.first?.first)
        #expect(first["method"] == "POST")
        #expect(first["url"] == "/v1/chat/completions")
        #expect(first["body"]?["model"] == "test-model")
        #expect(first["body"]?["response_format"]?["type"] == "json_schema")
    }

    @Test("a custom_id too long for the provider is a digest, mapped back to the row's id")
    func longIDsAreDigested() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        let long = String(repeating: "x", count: 80)
        _ = try harness.directory.write("in.jsonl", #"{"id":"\#(long)","text":"row 1"}"# + "\n" + #"{"id":7,"text":"row 2"}"# + "\n")
        let outcome = try harness.run(try harness.arguments())
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let ids = harness.api.inputLines.flatMap { $0 }.compactMap { $0["custom_id"]?.string }
        #expect(ids.count == 2)
        #expect(ids.allSatisfy { $0.count <= 64 })
        #expect(ids.allSatisfy { $0.hasPrefix("~") })
        let records = try ExtractHarness.records(at: harness.output)
        #expect(Set(records.compactMap { $0["id"] }) == [.string(long), 7])
    }

    @Test("killed while waiting, --resume re-attaches to the same batches: nothing uploaded or created twice")
    func resumeWhileWaiting() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        harness.api.hold(true)
        let arguments = try harness.arguments(rows: 5)
        let process = try ExtractHarness.start(arguments, directory: harness.directory, environment: BatchHarness.environment())
        #expect(waitFor { (harness.state?["rounds"]?[0]?["parts"]?.array ?? []).allSatisfy { $0["batchID"] != nil } && harness.api.counts.creations == 2 })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        harness.api.hold(false)
        let resumed = try harness.run(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try harness.records().count == 5)
        #expect(harness.api.counts.uploads == 2)
        #expect(harness.api.counts.creations == 2)
    }

    @Test("killed after the upload, before the batch id was saved: the batch is found, not created again")
    func resumeAfterCreationWasLost() throws {
        let harness = try BatchHarness(slowCreation: .seconds(20))
        defer { harness.stop() }
        let arguments = try harness.arguments(rows: 2)
        let process = try ExtractHarness.start(arguments, directory: harness.directory, environment: BatchHarness.environment())
        #expect(waitFor { harness.api.counts.creations == 1 })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(harness.state?["rounds"]?[0]?["parts"]?[0]?["fileID"] != nil)
        #expect(harness.state?["rounds"]?[0]?["parts"]?[0]?["batchID"] == nil)
        let resumed = try harness.run(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try harness.records().count == 2)
        #expect(harness.api.counts.creations == 1)
        #expect(harness.api.counts.uploads == 1)
    }

    @Test("a state that lost a part's file and batch ids: the same checksum and the batch list find them, nothing is paid twice; a finished output is not run again")
    func resumeWithLostIDsAndAfterDownload() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        let arguments = try harness.arguments(rows: 4)
        harness.api.hold(true)
        let process = try ExtractHarness.start(arguments, directory: harness.directory, environment: BatchHarness.environment())
        #expect(waitFor { harness.api.counts.creations == 2 })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var state = try #require(harness.state)
        // Forget part 2's ids, as if the kill had come between its upload and saving the state.
        if case .object(var root) = state, case .array(var rounds)? = root["rounds"], case .object(var round) = rounds[0],
            case .array(var parts)? = round["parts"], case .object(var part) = parts[1]
        {
            part["fileID"] = nil
            part["batchID"] = nil
            parts[1] = .object(part)
            round["parts"] = .array(parts)
            rounds[0] = .object(round)
            root["rounds"] = .array(rounds)
            state = .object(root)
        }
        try Data(state.serializedBytes()).write(to: URL(fileURLWithPath: harness.workspace + "/state.json"))
        harness.api.hold(false)
        let resumed = try harness.run(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try harness.records().count == 4)
        // Part 2's file was found by its checksum (409) and its batch by its input file.
        #expect(harness.api.counts.creations == 2)
        #expect(harness.api.counts.uploads == 2)
        // After download and collection: rerunning a finished output does nothing more.
        let again = try harness.run(arguments + ["--resume"])
        #expect(again.status == 0)
        #expect(harness.api.counts.creations == 2)
        #expect(try harness.records().count == 4)
    }

    @Test("--detach submits and exits; a later --resume collects")
    func detachThenResume() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        let arguments = try harness.arguments(rows: 4)
        let detached = try harness.run(arguments + ["--detach"])
        #expect(detached.status == 0, "\(detached.standardError)")
        #expect(detached.outputLines.count == 2)
        #expect(detached.outputLines.allSatisfy { $0.hasPrefix("batch-") })
        #expect(try harness.records().isEmpty)
        let status = try harness.run(arguments + ["--batch-status"])
        #expect(status.status == 0)
        #expect(status.standardOutput.contains("batch-"))
        let collected = try harness.run(arguments + ["--resume"])
        #expect(collected.status == 0, "\(collected.standardError)")
        #expect(try harness.records().count == 4)
        #expect(harness.api.counts.creations == 2)
    }

    @Test("running again without --resume while a batch run is pending is refused")
    func secondRunWithoutResumeIsRefused() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        let arguments = try harness.arguments(rows: 2)
        #expect(try harness.run(arguments + ["--detach"]).status == 0)
        let again = try harness.run(arguments)
        #expect(again.status == 2)
        #expect(again.standardError.contains("--resume"))
        #expect(harness.api.counts.creations == 1)
    }

    @Test("an expired batch: what finished is kept, the missing rows are asked online")
    func expiredBatch() throws {
        var behaviour = LoopbackBatchAPI.Behaviour()
        behaviour.ending = .expired(fraction: 0.5)
        let harness = try BatchHarness(behaviour: behaviour)
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 6, extra: ["--batch-max-requests", "6"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try harness.records()
        #expect(records.count == 6)
        #expect(records.values.allSatisfy { $0["ok"] == true })
        #expect(harness.online.count == 3)
    }

    @Test("a batch that fails validation: the provider's message, exit 2, the state kept for --resume")
    func failedBatch() throws {
        var behaviour = LoopbackBatchAPI.Behaviour()
        behaviour.ending = .failed(message: "line 2: unknown model 'test-model'")
        let harness = try BatchHarness(behaviour: behaviour)
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 2))
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("unknown model 'test-model'"))
        #expect(harness.state != nil)
        #expect(try harness.records().isEmpty)
    }

    @Test("an upload the provider refuses: its message, exit 2, nothing lost")
    func refusedUpload() throws {
        var behaviour = LoopbackBatchAPI.Behaviour()
        behaviour.rejectUpload = (413, "file too large for batch processing")
        let harness = try BatchHarness(behaviour: behaviour)
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 2))
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("file too large for batch processing"))
        #expect(outcome.standardError.contains("--resume"))
        #expect(FileManager.default.fileExists(atPath: harness.workspace + "/round-1/part-1.requests.jsonl"))
        // Killed (here: refused) before anything was uploaded: --resume uploads and finishes.
        harness.api.acceptUploads(true)
        let resumed = try harness.run(try harness.arguments(rows: 2) + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try harness.records().count == 2)
        #expect(harness.api.counts.uploads == 1 && harness.api.counts.creations == 1)
    }

    @Test("--batch-reask batch: invalid and failed rows go into a follow-up batch, not online")
    func reaskByBatch() throws {
        let harness = try BatchHarness(invalid: [1], failing: [2])
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 3, extra: ["--batch-reask", "batch"]))
        #expect(outcome.status == 1, "\(outcome.standardError)")  // rows 1 and 2 stay invalid/failing in every round
        #expect(harness.online.count == 0)
        let records = try harness.records()
        #expect(records.count == 3)
        #expect(records["r3"]?["ok"] == true)
        #expect(records["r1"]?["ok"] == false)
        #expect(records["r1"]?["error"]?["kind"] == "invalid")
        #expect(records["r1"]?["attempts"] == 3)  // 1 + 2 re-ask rounds
        #expect(harness.api.counts.creations == 3)  // one batch per round
        // The re-ask round carries the reply and the located re-ask message.
        let round2 = try #require(harness.api.inputLines.dropFirst().first?.first)
        let messages = round2["body"]?["messages"]?.array ?? []
        #expect(messages.contains { $0["role"] == "assistant" })
        #expect(messages.last?["content"]?.string?.contains("/n") == true)
    }

    @Test("a corrupted state file is a clear error and submits nothing")
    func corruptedState() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        let arguments = try harness.arguments(rows: 2)
        try FileManager.default.createDirectory(atPath: harness.workspace, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: harness.workspace + "/state.json"))
        let outcome = try harness.run(arguments + ["--resume"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("corrupted"))
        #expect(harness.api.counts.creations == 0)
    }

    @Test("a state from another input is refused")
    func stateFromAnotherInput() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        let arguments = try harness.arguments(rows: 2)
        #expect(try harness.run(arguments + ["--detach"]).status == 0)
        _ = try harness.directory.write("in.jsonl", ExtractHarness.jsonl(3))
        let outcome = try harness.run(arguments + ["--resume"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("another input"))
        #expect(harness.api.counts.creations == 1)
    }

    @Test("--cancel cancels the running batches; --resume collects and re-asks the rest")
    func cancelThenResume() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        harness.api.hold(true)
        let arguments = try harness.arguments(rows: 2)
        #expect(try harness.run(arguments + ["--detach"]).status == 0)
        let cancelled = try harness.run(arguments + ["--cancel"])
        #expect(cancelled.status == 0, "\(cancelled.standardError)")
        #expect(harness.api.counts.cancels == 1)
        let resumed = try harness.run(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try harness.records().count == 2)
        #expect(harness.online.count == 2)  // cancelled before anything ran
    }

    @Test("output lines with unknown or repeated custom_ids are ignored with a warning; a malformed line's row is re-asked")
    func damagedOutput() throws {
        var behaviour = LoopbackBatchAPI.Behaviour()
        behaviour.damagedOutput = true
        let harness = try BatchHarness(behaviour: behaviour)
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 4, extra: ["--batch-max-requests", "4"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // The cut-short line, the repeat and the stranger: three ignored lines in the one output file.
        #expect(outcome.standardError.contains("ignored 3 output lines"))
        let records = try harness.records()
        #expect(records.count == 4)
        #expect(records.values.allSatisfy { $0["ok"] == true })
        #expect(harness.online.count == 1)  // only the malformed line's row
    }

    @Test("a part whose output file spans many read chunks: every row gets its own reply")
    func largeOutputFile() throws {
        let harness = try BatchHarness(invalid: [], failing: [])
        defer { harness.stop() }
        let rows = 1_200  // ~300 KB of output lines, read in 64 KiB chunks
        let outcome = try harness.run(try harness.arguments(rows: rows, extra: ["--batch-max-requests", "5000", "--concurrency", "16"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try harness.records()
        #expect(records.count == rows)
        for n in 1...rows { #expect(records["r\(n)"]?["value"]?["n"] == .number(JSONNumber(n))) }
        #expect(harness.online.count == 0)
        // Batch API calls (upload, create, polls, download) are not counted as retries.
        #expect(outcome.standardError.contains("0 re-asks, 0 retries"))
    }

    @Test("status polls honour retry-after and survive dropped connections")
    func pollingFaults() throws {
        var behaviour = LoopbackBatchAPI.Behaviour()
        behaviour.firstPollRetryAfter = 1
        behaviour.droppedPolls = 4
        let harness = try BatchHarness(behaviour: behaviour)
        defer { harness.stop() }
        let started = ContinuousClock.now
        let outcome = try harness.run(try harness.arguments(rows: 2, extra: ["--max-retries", "1"]))
        let elapsed = ContinuousClock.now - started
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try harness.records().count == 2)
        // Polls are 0.05 s apart here; the 429's retry-after made one wait a whole second.
        #expect(elapsed >= .milliseconds(900))
        // Four dropped connections with one retry each: two failed polls, each a warning, then success.
        #expect(outcome.standardError.contains("polling batch batch-"))
        #expect(outcome.standardError.contains("trying again"))
    }

    @Test("Ctrl-C while waiting leaves the batches running, says how to resume, exits 130")
    func interruptWhileWaiting() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        harness.api.hold(true)
        let arguments = try harness.arguments(rows: 2)
        let process = try ExtractHarness.start(arguments, directory: harness.directory, environment: BatchHarness.environment())
        #expect(waitFor { harness.state?["rounds"]?[0]?["parts"]?[0]?["batchID"] != nil })
        usleep(200_000)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let said = (try? String(contentsOfFile: harness.directory.path("stderr"), encoding: .utf8)) ?? ""
        #expect(said.contains("leaving the batches running"))
        #expect(said.contains("--resume"))
        #expect(harness.api.counts.cancels == 0)
        #expect(harness.state != nil)
        harness.api.hold(false)
        let resumed = try harness.run(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try harness.records().count == 2)
        #expect(harness.api.counts.creations == 1)
    }

    @Test("the summary estimates the cost with the batch discount")
    func costEstimate() throws {
        let harness = try BatchHarness()
        defer { harness.stop() }
        let outcome = try harness.run(try harness.arguments(rows: 2, extra: ["--price-in", "1000000", "--price-out", "1000000"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // 2 rows × (10 + 3) tokens at 50 %: $13.00.
        #expect(outcome.standardError.contains("estimated cost $13.00"))
    }

    private func waitFor(timeout: Duration = .seconds(30), _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return false
    }
}
