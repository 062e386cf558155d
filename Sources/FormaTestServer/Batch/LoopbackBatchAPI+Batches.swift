public import FormaJSON
import Foundation
import Synchronization

extension LoopbackBatchAPI {
    func create(_ request: RecordedRequest) -> TestResponse {
        guard let body = request.json, let fileID = body["input_file_id"]?.string else {
            return .json(["error": ["message": "input_file_id is required"]], status: 400)
        }
        let created = state.withLock { s -> StoredBatch? in
            guard let file = s.files[fileID], file.complete else { return nil }
            let id = "batch-\(s.nextID)"
            s.nextID += 1
            var batch = StoredBatch(id: id, inputFileID: fileID, status: "validating")
            batch.total = Self.lines(file.bytes).count
            s.batches[id] = batch
            s.order.append(id)
            s.creations += 1
            return batch
        }
        guard let created else { return .json(["error": ["message": .string("no file \(fileID)")]], status: 404) }
        switch style {
        case .together: return .json(["job": batchJSON(created), "warning": .null], status: 201)
        case .openAI: return .json(batchJSON(created))
        }
    }

    func list() -> TestResponse {
        let batches = state.withLock { s in s.order.reversed().compactMap { s.batches[$0] } }
        let items = JSONValue.array(batches.map(batchJSON))
        return .json(style == .together ? items : ["object": "list", "data": items])
    }

    func poll(id: String) -> TestResponse {
        if state.withLock({ s -> Bool in
            guard s.droppedPolls < behaviour.droppedPolls else { return false }
            s.droppedPolls += 1
            return true
        }) {
            return .disconnect
        }
        if let seconds = behaviour.firstPollRetryAfter,
            state.withLock({ $0.rateLimitedPolls.insert(id).inserted })
        {
            return .json(["error": ["message": "rate limited"]], status: 429, headers: [("retry-after", "\(seconds)")])
        }
        guard let batch = state.withLock({ s -> StoredBatch? in
            guard var batch = s.batches[id] else { return nil }
            if !Self.terminal.contains(batch.status) && !s.held {
                batch.polls += 1
                if batch.polls > behaviour.validatingPolls + behaviour.runningPolls {
                    finish(&batch, in: &s)
                } else if batch.polls > behaviour.validatingPolls {
                    batch.status = "in_progress"
                }
            }
            s.batches[id] = batch
            return batch
        }) else { return .status(404) }
        return .json(batchJSON(batch))
    }

    func cancel(id: String) -> TestResponse {
        guard let batch = state.withLock({ s -> StoredBatch? in
            guard var batch = s.batches[id] else { return nil }
            s.cancels += 1
            if !Self.terminal.contains(batch.status) {
                run(&batch, fraction: 0, in: &s)
                batch.status = "cancelled"
            }
            s.batches[id] = batch
            return batch
        }) else { return .status(404) }
        return .json(batchJSON(batch))
    }

    static let terminal: Set<String> = ["completed", "failed", "expired", "cancelled"]

    /// Ends a batch as the behaviour says.
    private func finish(_ batch: inout StoredBatch, in s: inout State) {
        switch behaviour.ending {
        case .completed:
            run(&batch, fraction: 1, in: &s)
            batch.status = "completed"
        case .expired(let fraction):
            run(&batch, fraction: fraction, in: &s)
            batch.status = "expired"
        case .failed(let message):
            batch.status = "failed"
            batch.error = message
        }
    }

    /// Runs the first `fraction` of the batch's requests: replies to the output file,
    /// failures to the error file, each in a shuffled order.
    private func run(_ batch: inout StoredBatch, fraction: Double, in s: inout State) {
        let lines = Self.lines(s.files[batch.inputFileID]?.bytes ?? [])
        let count = Int((Double(lines.count) * fraction).rounded(.down))
        var output: [JSONValue] = []
        var errors: [JSONValue] = []
        for line in lines.prefix(count) {
            let customID = line["custom_id"]?.string ?? ""
            let body = line["body"] ?? .null
            if let completion = reply(body, customID) {
                var response: JSONObject = ["status_code": 200, "body": completion]
                if style == .openAI { response["request_id"] = .string("req-\(customID)") }
                var out: JSONObject = ["custom_id": .string(customID), "response": .object(response)]
                if style == .openAI { out["id"] = .string("batch_req_\(output.count)"); out["error"] = .null }
                output.append(.object(out))
            } else {
                errors.append(["custom_id": .string(customID), "error": ["message": "the request failed", "code": "server_error"]])
            }
        }
        var generator = SeededGenerator(seed: behaviour.shuffleSeed)
        output.shuffle(using: &generator)
        errors.shuffle(using: &generator)
        var damage: [[UInt8]] = []
        if behaviour.damagedOutput, let first = output.first {
            output.removeFirst()
            damage.append(Array(first.serializedBytes().dropLast(5)))
            if let repeated = output.first { damage.append(repeated.serializedBytes()) }
            var stranger = first.object ?? [:]
            stranger["custom_id"] = "nobody-asked-for-this"
            damage.append(JSONValue.object(stranger).serializedBytes())
        }
        if !output.isEmpty || !damage.isEmpty { batch.outputFileID = store(output, raw: damage, in: &s) }
        if !errors.isEmpty { batch.errorFileID = store(errors, in: &s) }
        batch.completed = output.count
        batch.failed = errors.count
    }

    /// Stores `raw` lines (as given) before `lines` (serialized) as an output file.
    private func store(_ lines: [JSONValue], raw: [[UInt8]] = [], in s: inout State) -> String {
        let id = "file-\(s.nextID)"
        s.nextID += 1
        var bytes: [UInt8] = []
        for line in raw + lines.map({ $0.serializedBytes() }) {
            bytes.append(contentsOf: line)
            bytes.append(0x0A)
        }
        s.files[id] = StoredFile(id: id, bytes: bytes, purpose: "batch-output", filename: "\(id).jsonl", checksum: nil, complete: true)
        return id
    }

    func batchJSON(_ batch: StoredBatch) -> JSONValue {
        let status = style == .together ? batch.status.uppercased() : batch.status
        var object: JSONObject = [
            "id": .string(batch.id), "status": .string(status), "input_file_id": .string(batch.inputFileID),
            "endpoint": "/v1/chat/completions",
        ]
        if let id = batch.outputFileID { object["output_file_id"] = .string(id) }
        if let id = batch.errorFileID { object["error_file_id"] = .string(id) }
        switch style {
        case .together:
            let done = Self.terminal.contains(batch.status) ? 100 : (batch.status == "in_progress" ? 50 : 0)
            object["progress"] = .number(JSONNumber(done))
            if let error = batch.error { object["error"] = .string(error) }
        case .openAI:
            object["request_counts"] = [
                "total": .number(JSONNumber(batch.total)), "completed": .number(JSONNumber(batch.completed)),
                "failed": .number(JSONNumber(batch.failed)),
            ]
            if let error = batch.error { object["errors"] = ["data": [["message": .string(error)]]] }
        }
        return .object(object)
    }
}

/// A small deterministic generator (SplitMix64) so shuffled output is the same every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
