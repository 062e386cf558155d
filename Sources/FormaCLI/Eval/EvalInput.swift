import FormaJSON

/// The records of a gold file or of `forma extract` output, by id, read with located errors.
struct EvalInput {
    /// Which file it is: gold lines are `{id, value}`, output lines are extract records.
    enum Kind {
        case gold, output
    }

    /// One record.
    struct Record {
        var id: JSONValue
        var ok: Bool
        var value: JSONValue?
        var confidence: [JSONPointer: Double]
    }

    /// Ids (serialized) in order of first appearance.
    var order: [String] = []
    /// The last record of each id (a resumed output may hold a failure and later a value).
    var records: [String: Record] = [:]

    /// Reads `path`.
    /// - Throws: ``CommandFailure`` naming `path:line` for a line that is not a record.
    static func read(_ path: String, kind: Kind) throws -> EvalInput {
        let reader = JSONLReader(file: try InputFile(path: path))
        var input = EvalInput()
        var batch: [LineSpan] = []
        while try reader.next(&batch) {
            for span in batch {
                let at = "\(path):\(span.number)"
                if span.isOversized { throw CommandFailure("\(at): the line is longer than \(reader.maxLineBytes) bytes") }
                let bytes = UnsafeRawBufferPointer(rebasing: reader.bytes[span.start..<span.start + span.count])
                let line: JSONValue
                do {
                    line = try JSONParser.parse(bytes)
                } catch let error as JSONParseError {
                    throw CommandFailure("\(at):\(error.column): invalid JSON: \(error.message)")
                }
                guard case .object(let object) = line else { throw CommandFailure("\(at): a JSON \(line.typeName), not an object") }
                guard let id = object["id"], id.string != nil || id.number != nil else {
                    throw CommandFailure("\(at): no \"id\" (a string or a number)")
                }
                let record: Record
                switch kind {
                case .gold:
                    guard let value = object["value"] else { throw CommandFailure("\(at): no \"value\"") }
                    let key = id.serialized()
                    if input.records[key] != nil { throw CommandFailure("\(at): the id \(key) is already used above") }
                    record = Record(id: id, ok: true, value: value, confidence: [:])
                case .output:
                    guard let ok = object["ok"]?.bool else { throw CommandFailure("\(at): not a forma extract record (no \"ok\")") }
                    var confidence: [JSONPointer: Double] = [:]
                    for member in object["confidence"]?.object ?? JSONObject() {
                        if let pointer = try? JSONPointer(parsing: member.key), let number = member.value.number {
                            confidence[pointer] = number.doubleValue
                        }
                    }
                    record = Record(id: id, ok: ok, value: object["value"], confidence: confidence)
                }
                let key = id.serialized()
                if input.records.updateValue(record, forKey: key) == nil { input.order.append(key) }
            }
        }
        return input
    }
}
