import FormaJSON

/// What a ``ReadableKeyword`` reads itself from: the schema object, where it is, its draft's
/// rules, whether `format` and content are asserted there, and the compiler, for subschemas.
struct KeywordReading {
    let object: JSONObject
    /// The schema object's location in its document.
    let location: JSONPointer
    let rules: DraftRules
    /// Whether `format` is asserted (the option, or the format-assertion vocabulary).
    let assertsFormat: Bool
    /// Whether content is asserted (the option; the draft must also allow it).
    let assertsContent: Bool
    /// Compiles the subschema at the given tokens below this schema object.
    let compileChild: ([String]) throws -> SchemaNode

    /// The subschema at `tokens` below this schema object, compiled.
    func child(_ tokens: String...) throws -> SchemaNode { try compileChild(tokens) }

    /// The subschema `keyword` holds, compiled; `nil` when absent.
    func subschema(_ keyword: String) throws -> SchemaNode? {
        object[keyword] == nil ? nil : try compileChild([keyword])
    }

    /// The non-empty array of subschemas `keyword` holds, compiled; `nil` when absent.
    /// - Throws: ``SchemaError`` when it is not a non-empty array.
    func schemaArray(_ keyword: String) throws -> [SchemaNode]? {
        guard let value = object[keyword] else { return nil }
        guard case .array(let items) = value, !items.isEmpty else {
            throw fail(keyword, "expected a non-empty array of schemas")
        }
        return try items.indices.map { try compileChild([keyword, String($0)]) }
    }

    /// The object of subschemas `keyword` holds (not compiled); `nil` when absent.
    /// - Throws: ``SchemaError`` when it is not an object.
    func schemaMap(_ keyword: String) throws -> JSONObject? {
        guard let value = object[keyword] else { return nil }
        guard case .object(let members) = value else { throw fail(keyword, "expected an object of schemas") }
        return members
    }

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

/// A keyword that reads itself from its schema object: every keyword but the references
/// (`$ref`, `$recursiveRef`, `$dynamicRef`, read by the compiler, which resolves them). A
/// draft's ``DraftRules/keywords`` lists which it has, in the order they are read.
protocol ReadableKeyword: Keyword {
    /// The `$vocabulary` group that switches the keyword (empty: always on).
    static var vocabulary: Vocabularies { get }

    /// The keyword objects `reading`'s schema holds for this type (none when absent).
    /// - Throws: ``SchemaError`` for an invalid value.
    static func read(_ reading: KeywordReading) throws -> [Keyword]
}

extension ReadableKeyword {
    static var vocabulary: Vocabularies { .validation }
}
