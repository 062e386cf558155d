import Foundation
import FormaClient

extension Extractor {
    /// Strips, parses, validates (against the original schema), decodes and runs the user's
    /// validators on one reply.
    func check(_ answer: Substring) -> (result: CheckOutcome<Value>, parsed: JSONValue?, repairs: RepairFlags) {
        if target.isPattern { return checkPattern(answer) }
        if answer.trimmedRange().isEmpty {
            return (.failure([ExtractionProblem(stage: .parse, location: nil, message: "the reply is empty")]), nil, [])
        }
        let candidate = JSONCandidateFinder.candidate(in: answer).text
        var repairs: RepairFlags = []
        var parsed: JSONValue
        do {
            parsed = try JSONParser.parse(candidate)
        } catch let parseError as JSONParseError {
            let lenient = options.lenientRepair ?? (mode == .jsonObject)
            guard lenient else {
                return (.failure([ExtractionProblem(stage: .parse, location: nil, message: parseError.description)]), nil, [])
            }
            let repaired = LenientJSONRepair.repair(candidate)
            guard let value = try? JSONParser.parse(repaired.text) else {
                return (.failure([ExtractionProblem(stage: .parse, location: nil, message: parseError.description)]), nil, repaired.flags)
            }
            parsed = value
            repairs = repaired.flags
        } catch {
            return (.failure([ExtractionProblem(stage: .parse, location: nil, message: "\(error)")]), nil, [])
        }
        if let validator = target.validator {
            // The fast check first: messages and paths are only built for invalid replies,
            // and strict-mode nulls are pruned only from a reply that fails with them.
            // Checked on the reply text where the schema allows (cheaper than walking the
            // tree, which decoding needs anyway); the tree decides otherwise.
            var valid: Bool
            if repairs.isEmpty, Self.textIsValid(candidate, validator) {
                valid = true
            } else {
                valid = validator.isValid(parsed)
            }
            if !valid, sendsStrictSchema {
                parsed = NullPruning.pruneInvalid(parsed, validator: validator)
                valid = validator.isValid(parsed)
            }
            if !valid {
                let result = validator.validate(parsed)
                let problems = result.errors.map {
                    ExtractionProblem(stage: .schema, location: $0.instanceLocation, message: $0.message)
                }
                return (.failure(problems), parsed, repairs)
            }
        }
        // JSON targets decode from the parsed value; the text is only read by pattern targets.
        return (finish(parsed: parsed, text: ""), parsed, repairs)
    }

    /// Whether the text check calls `text` valid (`false` also when it cannot tell).
    static func textIsValid(_ text: Substring, _ validator: Validator) -> Bool {
        var text = text
        return text.withUTF8 { validator.quickCheck(json: UnsafeRawBufferPointer($0)) } == .valid
    }

    func checkPattern(_ answer: Substring) -> (result: CheckOutcome<Value>, parsed: JSONValue?, repairs: RepairFlags) {
        let text = answer.trimmingWhitespace()
        do {
            guard let regex = target.regex, try regex.fullMatch(text) else {
                let shown = text.count > 80 ? String(text.prefix(77)) + "…" : text
                let problem = ExtractionProblem(stage: .parse, location: nil, message: "expected a reply matching /\(target.pattern ?? "")/, got \"\(shown)\"")
                return (.failure([problem]), nil, [])
            }
        } catch {
            return (.failure([ExtractionProblem(stage: .parse, location: nil, message: "\(error)")]), nil, [])
        }
        return (finish(parsed: nil, text: text), nil, [])
    }

    /// Decodes and runs the user's validators.
    func finish(parsed: JSONValue?, text: String) -> CheckOutcome<Value> {
        let value: Value
        do {
            value = try target.decode(parsed, text)
        } catch let error as DecodingError {
            return .failure([DecodingProblem.problem(for: error)])
        } catch {
            return .failure([ExtractionProblem(stage: .decoding, location: nil, message: "\(error)")])
        }
        var problems: [ExtractionProblem] = []
        for validate in target.validators {
            do {
                try validate(value)
            } catch {
                problems.append(ExtractionProblem(stage: .validator, location: nil, message: "\(error)"))
            }
        }
        return problems.isEmpty ? .success(value) : .failure(problems)
    }
}

/// The outcome of checking one reply: the value, or why it was rejected.
enum CheckOutcome<Value> {
    case success(Value)
    case failure([ExtractionProblem])
}

/// Turns a `DecodingError` into a located problem.
enum DecodingProblem {
    static func problem(for error: DecodingError) -> ExtractionProblem {
        let (path, message): ([any CodingKey], String)
        switch error {
        case .typeMismatch(let type, let context): (path, message) = (context.codingPath, "expected \(type): \(context.debugDescription)")
        case .valueNotFound(let type, let context): (path, message) = (context.codingPath, "missing \(type): \(context.debugDescription)")
        case .keyNotFound(let key, let context): (path, message) = (context.codingPath, "missing property \"\(key.stringValue)\"")
        case .dataCorrupted(let context): (path, message) = (context.codingPath, context.debugDescription)
        @unknown default: (path, message) = ([], "\(error)")
        }
        let pointer = JSONPointer(tokens: path.map { $0.intValue.map(String.init) ?? $0.stringValue })
        return ExtractionProblem(stage: .decoding, location: pointer, message: message)
    }
}
