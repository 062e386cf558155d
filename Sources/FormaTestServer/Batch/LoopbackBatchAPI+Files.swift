public import FormaJSON
import Foundation
import Synchronization

extension LoopbackBatchAPI {
    func uploadStart(_ request: RecordedRequest) -> TestResponse {
        if let reject = behaviour.rejectUpload, !state.withLock({ $0.acceptsUploads }) {
            return .json(["error": ["message": .string(reject.message), "type": "invalid_request_error"]], status: reject.status)
        }
        guard let form = MultipartBody(body: request.body, contentType: request.headers["content-type"] ?? "") else {
            return .json(["error": ["message": "expected multipart/form-data"]], status: 400)
        }
        let purpose = form.field("purpose") ?? ""
        let wanted = style == .together ? "batch-api" : "batch"
        guard purpose == wanted else {
            return .json(["error": ["message": .string("invalid purpose '\(purpose)'")]], status: 400)
        }
        switch style {
        case .openAI:
            guard let file = form.file("file") else { return .json(["error": ["message": "no file part"]], status: 400) }
            let stored = state.withLock { s -> StoredFile in
                let id = "file-\(s.nextID)"
                s.nextID += 1
                let stored = StoredFile(id: id, bytes: file.bytes, purpose: purpose, filename: file.filename ?? "input.jsonl", checksum: nil, complete: true)
                s.files[id] = stored
                s.uploads += 1
                return stored
            }
            return .json(Self.fileJSON(stored))
        case .together:
            let checksum = form.field("checksum")
            let (existing, id) = state.withLock { s -> (String?, String) in
                if let checksum, let found = s.files.values.first(where: { $0.checksum == checksum && $0.complete }) {
                    return (found.id, found.id)
                }
                let id = "file-\(s.nextID)"
                s.nextID += 1
                s.files[id] = StoredFile(
                    id: id, bytes: [], purpose: purpose, filename: form.field("file_name") ?? "input.jsonl", checksum: checksum,
                    complete: false)
                return (nil, id)
            }
            if let existing { return .json(["message": "file already exists", "file_id": .string(existing)], status: 409) }
            let host = request.headers["host"] ?? "127.0.0.1"
            return .status(302, body: "", headers: [("Location", "http://\(host)/upload/\(id)"), ("X-Together-File-Id", id)])
        }
    }

    func uploadBytes(id: String, _ request: RecordedRequest) -> TestResponse {
        if request.headers["authorization"] != nil {
            // The upload URL is not the provider's API: a key sent here would leak.
            return .json(["error": ["message": "the upload URL must not receive credentials"]], status: 400)
        }
        let found = state.withLock { s -> Bool in
            guard s.files[id] != nil else { return false }
            s.files[id]?.bytes = request.body
            return true
        }
        return found ? .json(["ok": true]) : .status(404)
    }

    func preprocess(id: String) -> TestResponse {
        let stored = state.withLock { s -> StoredFile? in
            guard var file = s.files[id] else { return nil }
            if !file.complete { s.uploads += 1 }
            file.complete = true
            s.files[id] = file
            return file
        }
        guard let stored else { return .status(404) }
        return .json(Self.fileJSON(stored))
    }

    func fileObject(id: String) -> TestResponse {
        guard let stored = state.withLock({ $0.files[id] }) else { return .status(404) }
        return .json(Self.fileJSON(stored))
    }

    func content(id: String) -> TestResponse {
        guard let stored = state.withLock({ $0.files[id] }) else { return .status(404) }
        return TestResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], body: .fixed(stored.bytes))
    }

    static func fileJSON(_ file: StoredFile) -> JSONValue {
        ["id": .string(file.id), "object": "file", "bytes": .number(JSONNumber(file.bytes.count)),
         "filename": .string(file.filename), "purpose": .string(file.purpose)]
    }

    /// The JSON lines of a file.
    static func lines(_ bytes: [UInt8]) -> [JSONValue] {
        bytes.split(separator: 0x0A).compactMap { try? JSONParser.parse(Array($0)) }
    }
}
