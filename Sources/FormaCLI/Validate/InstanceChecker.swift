import FormaJSON
import FormaSchema
import Foundation

/// Parses and validates one instance and reports the outcome.
///
/// The fast path builds neither a tree nor messages: `Validator.quickCheck(json:)` checks the
/// text while reading it (where the schema allows); anything it does not call valid is
/// parsed, checked with `Validator.isValid`, and given the full `Validator.validate` only
/// when it is invalid.
struct InstanceChecker: Sendable {
    /// The compiled schema.
    let validator: Validator
    /// Where the outcome is written.
    let reporter: InstanceReporter
    /// The largest instance accepted, in bytes (also the parser's size limit).
    let maxInstanceBytes: Int
    private let parseOptions: JSONParser.Options

    /// A checker validating against `validator` and reporting through `reporter`.
    init(validator: Validator, reporter: InstanceReporter, maxInstanceBytes: Int) {
        self.validator = validator
        self.reporter = reporter
        self.maxInstanceBytes = maxInstanceBytes
        self.parseOptions = JSONParser.Options(maxDepth: 512, maxBytes: maxInstanceBytes)
    }

    /// Checks the instance in `bytes`, which starts on `line` of the file.
    /// - Returns: Whether the instance is valid JSON and valid against the schema.
    func check(_ bytes: UnsafeRawBufferPointer, line: Int, into output: inout [UInt8]) -> Bool {
        // Most instances are valid: checked while the text is read, they never become a tree.
        var knownInvalid = false
        if bytes.count <= maxInstanceBytes {
            switch validator.quickCheck(json: bytes) {
            case .valid:
                reporter.valid(line: line, into: &output)
                return true
            case .invalid:
                knownInvalid = true  // or malformed, which parsing reports below
            case .undecided:
                break
            }
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, options: parseOptions)
        } catch let error as JSONParseError {
            reporter.malformed(line: line, error: error, into: &output)
            return false
        } catch {
            // JSONParser documents JSONParseError only; anything else is still a bad instance.
            let located = JSONParseError(
                kind: .unexpectedCharacter, byteOffset: 0, line: 1, column: 1, message: "\(error)")
            reporter.malformed(line: line, error: located, into: &output)
            return false
        }
        if !knownInvalid, validator.isValid(value) {
            reporter.valid(line: line, into: &output)
            return true
        }
        let result = validator.validate(value)
        if result.isValid {
            // Only when the text check and the tree disagree (never seen in the conformance
            // suite, which compares them): the tree, which also makes the messages, decides.
            reporter.valid(line: line, into: &output)
            return true
        }
        reporter.invalid(line: line, errors: LocatedViolation.locate(result.errors, inJSON: bytes, line: line), into: &output)
        return false
    }

    /// Reports the instance on `line` as too long to read.
    func reportOversized(line: Int, into output: inout [UInt8]) {
        reporter.oversized(line: line, limit: maxInstanceBytes, into: &output)
    }
}
