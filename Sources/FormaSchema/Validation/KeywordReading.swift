import FormaJSON

/// What an ``AssertionKeyword`` reads itself from: the schema object, where it is, its
/// draft's rules, and whether `format` and content are asserted there.
struct KeywordReading {
    let object: JSONObject
    /// The schema object's location in its document.
    let location: JSONPointer
    let rules: DraftRules
    /// Whether `format` is asserted (the option, or the format-assertion vocabulary).
    let assertsFormat: Bool
    /// Whether content is asserted (the option; the draft must also allow it).
    let assertsContent: Bool

    /// A bad value of `keyword`.
    func fail(_ keyword: String, _ expected: String) -> SchemaError {
        SchemaError.invalidKeywordValue(keyword: keyword, location: location.appending(keyword), expected: expected)
    }

    /// The number `keyword` holds, `nil` when absent.
    /// - Throws: ``SchemaError`` when it holds something else.
    func number(_ keyword: String) throws -> JSONNumber? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let n) = value else { throw fail(keyword, "expected a number, got \(value.typeName)") }
        return n
    }

    /// The non-negative integer `keyword` holds (`Int.max` past it), `nil` when absent.
    /// - Throws: ``SchemaError`` when it holds something else.
    func count(_ keyword: String) throws -> Int? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let n) = value, n.isInteger, !n.isNegative else {
            throw fail(keyword, "expected a non-negative integer, got \(value.serialized())")
        }
        return n.intValue ?? Int.max
    }

    /// `pattern` compiled (shared through the regex cache).
    /// - Throws: ``SchemaError`` locating an invalid pattern at `pointer`.
    func regex(_ pattern: String, at pointer: JSONPointer) throws -> ECMARegex {
        do {
            return try ECMARegex.cached(pattern)
        } catch {
            throw SchemaError.invalidPattern(pattern, reason: "\(error)", location: pointer)
        }
    }
}

/// A keyword made from its value alone, with no subschemas: the validation vocabulary,
/// `format` and content. Each reads itself; a draft's ``DraftRules/assertions`` lists which
/// it has, in the order they are read.
protocol AssertionKeyword: Keyword {
    /// The `$vocabulary` group that switches the keyword (empty: always on).
    static var vocabulary: Vocabularies { get }

    /// The keyword objects `reading`'s schema holds for this type (none when absent).
    /// - Throws: ``SchemaError`` for an invalid value.
    static func read(_ reading: KeywordReading) throws -> [Keyword]
}

extension AssertionKeyword {
    static var vocabulary: Vocabularies { .validation }
}
