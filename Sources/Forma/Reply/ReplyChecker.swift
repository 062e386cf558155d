public import FormaClient

/// The pure per-reply part of an extraction: strip reasoning (and, where lenient, fences
/// and prose), parse, repair, validate against the original schema, decode and run the
/// user's validators — with no client, request or network.
///
/// ``Extractor`` runs one for every reply it receives; use one on its own to check replies
/// that arrived another way (a Batch API output file, a log, a recorded reply).
///
/// ```swift
/// let checker = try ReplyChecker(target: .type(Invoice.self), provider: .openAI)
/// let check = checker.check(replyText)
/// if let invoice = check.value { … } else { print(check.problems) }
/// let invoice = try checker.decode(replyText)   // throws ExtractionError(kind: .invalid)
/// ```
public struct ReplyChecker<Value: Sendable>: Sendable {
    /// What replies are checked against and decoded into.
    public let target: ExtractionTarget<Value>
    /// The mode the replies were asked for in (``ExtractionMode/auto`` resolved for the provider).
    public let mode: ExtractionMode
    /// Whether the request carried the provider's strict schema shape, so a reply's
    /// strict-mode `null`s for optional members are pruned before validation.
    public let prunesStrictNulls: Bool
    /// Whether near-JSON is repaired before parsing.
    public let repairsLeniently: Bool
    /// The grounded fields of the target's schema (`"x-forma-grounded"`), checked against
    /// the source text after validation.
    public let grounded: GroundedFields

    /// A checker for replies to requests an extraction with `options` would send to `provider`.
    /// - Parameters:
    ///   - target: What replies are decoded into.
    ///   - provider: The provider the replies came from (decides the mode `.auto` picks and
    ///     whether strict-mode nulls are pruned).
    ///   - options: The mode and lenient-repair settings.
    public init(target: ExtractionTarget<Value>, provider: Provider = .together, options: ExtractionOptions = ExtractionOptions()) {
        let mode = options.mode.resolved(for: provider, patternTarget: target.isPattern)
        self.target = target
        self.mode = mode
        self.prunesStrictNulls = (mode == .jsonSchema || mode == .tools) && (options.strictSchema ?? provider.needsStrictSchema)
        self.repairsLeniently = options.lenientRepair ?? (mode == .jsonObject)
        self.grounded = GroundedFields(schema: options.grounding ? target.schema?.value ?? .bool(true) : .bool(true))
    }

    /// A checker as the former `ReplyDecoder` was built: from a dialect.
    @available(*, deprecated, message: "use init(target:provider:options:)")
    public init(target: ExtractionTarget<Value>, dialect: ProviderDialect, options: ExtractionOptions = ExtractionOptions()) throws {
        self.init(target: target, provider: Provider(speaking: dialect), options: options)
    }

    /// Checks one reply.
    /// - Parameters:
    ///   - reply: The reply text (content, or tool-call arguments), reasoning included.
    ///   - source: The document the value was extracted from: grounded fields
    ///     (`"x-forma-grounded"`) must occur in it. Without a source they are not checked.
    /// - Returns: The value (with the spans of grounded fields), or the located problems.
    public func check(_ reply: String, source: String? = nil) -> ReplyCheck<Value> {
        check(answer: ReasoningSplitter.split(reply).answer, source: source.map(GroundingText.init))
    }

    /// Checks one reply and returns its value.
    /// - Parameters:
    ///   - reply: The reply text.
    ///   - source: The document grounded fields must occur in (not checked without one).
    /// - Returns: The value.
    /// - Throws: ``ExtractionError`` of kind ``ExtractionError/Kind/invalid`` with the located problems.
    public func decode(_ reply: String, source: String? = nil) throws -> Value {
        let checked = check(reply, source: source)
        if let value = checked.value { return value }
        throw ExtractionError(
            kind: .invalid, message: "the reply is invalid", lastRaw: reply, lastParsed: checked.parsed,
            problems: checked.problems)
    }

    /// Checks the answer part of a reply (reasoning already split off).
    func check(answer: Substring, source: GroundingText?) -> ReplyCheck<Value> {
        if target.isPattern { return checkPattern(answer) }
        if answer.trimmedRange().isEmpty { return .failed([ExtractionProblem(stage: .parse, location: nil, message: "the reply is empty")]) }
        let candidate = JSONCandidateFinder.candidate(in: answer).text
        var repairs: RepairFlags = []
        var parsed: JSONValue
        do {
            parsed = try JSONParser.parse(candidate)
        } catch let parseError as JSONParseError {
            let problem = ExtractionProblem(stage: .parse, location: nil, message: parseError.description)
            guard repairsLeniently else { return .failed([problem]) }
            let repaired = LenientJSONRepair.repair(candidate)
            guard let value = try? JSONParser.parse(repaired.text) else { return .failed([problem], repairs: repaired.flags) }
            parsed = value
            repairs = repaired.flags
        } catch {
            return .failed([ExtractionProblem(stage: .parse, location: nil, message: "\(error)")])
        }
        if let validator = target.validator {
            // The fast check first: messages and paths are only built for invalid replies,
            // and strict-mode nulls are pruned only from a reply that fails with them.
            // Checked on the reply text where the schema allows (cheaper than walking the
            // tree, which decoding needs anyway); the tree decides otherwise.
            var valid = repairs.isEmpty && Self.textIsValid(candidate, validator) || validator.isValid(parsed)
            if !valid, prunesStrictNulls {
                parsed = NullPruning.pruneInvalid(parsed, validator: validator)
                valid = validator.isValid(parsed)
            }
            if !valid {
                let problems = validator.validate(parsed).errors.map {
                    ExtractionProblem(stage: .schema, location: $0.instanceLocation, message: $0.message)
                }
                return .failed(problems, parsed: parsed, repairs: repairs)
            }
        }
        var spans: [JSONPointer: Range<Int>] = [:]
        if !grounded.isEmpty, let source {
            let grounding = GroundingCheck(parsed, fields: grounded, source: source)
            if !grounding.problems.isEmpty { return .failed(grounding.problems, parsed: parsed, repairs: repairs) }
            spans = grounding.spans
        }
        // JSON targets decode from the parsed value; the text is only read by pattern targets.
        var result = finish(parsed: parsed, text: "", repairs: repairs)
        if result.value != nil { result.spans = spans }
        return result
    }

    /// Whether the text check calls `text` valid (`false` also when it cannot tell).
    static func textIsValid(_ text: Substring, _ validator: Validator) -> Bool {
        var text = text
        return text.withUTF8 { validator.quickCheck(json: UnsafeRawBufferPointer($0)) } == .valid
    }

    func checkPattern(_ answer: Substring) -> ReplyCheck<Value> {
        let text = answer.trimmingWhitespace()
        do {
            guard let regex = target.regex, try regex.fullMatch(text) else {
                let shown = text.count > 80 ? String(text.prefix(77)) + "…" : text
                return .failed([ExtractionProblem(
                    stage: .parse, location: nil, message: "expected a reply matching /\(target.pattern ?? "")/, got \"\(shown)\"")])
            }
        } catch {
            return .failed([ExtractionProblem(stage: .parse, location: nil, message: "\(error)")])
        }
        return finish(parsed: nil, text: text, repairs: [])
    }

    /// Decodes and runs the user's validators.
    func finish(parsed: JSONValue?, text: String, repairs: RepairFlags) -> ReplyCheck<Value> {
        let value: Value
        do {
            value = try target.decode(parsed, text)
        } catch let error as DecodingError {
            return .failed([DecodingProblem.problem(for: error)], parsed: parsed, repairs: repairs)
        } catch {
            return .failed([ExtractionProblem(stage: .decoding, location: nil, message: "\(error)")], parsed: parsed, repairs: repairs)
        }
        var problems: [ExtractionProblem] = []
        for validate in target.validators {
            do {
                try validate(value)
            } catch {
                problems.append(ExtractionProblem(stage: .validator, location: nil, message: "\(error)"))
            }
        }
        guard problems.isEmpty else { return .failed(problems, parsed: parsed, repairs: repairs) }
        return ReplyCheck(value: value, problems: [], parsed: parsed, repairs: repairs)
    }
}

/// The former name of ``ReplyChecker``.
@available(*, deprecated, renamed: "ReplyChecker")
public typealias ReplyDecoder<Value: Sendable> = ReplyChecker<Value>

/// The former error of `ReplyDecoder.decode(_:)`; ``ReplyChecker/decode(_:)`` throws ``ExtractionError``.
@available(*, deprecated, renamed: "ExtractionError")
public typealias ReplyDecodingError = ExtractionError
