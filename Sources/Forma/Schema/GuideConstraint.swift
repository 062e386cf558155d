public import FormaJSON

/// A constraint for ``Guide(description:_:)``: one or more JSON Schema keywords.
///
/// `@Schema` reads constraints from the source at compile time, so their arguments must be
/// literals. Each constraint applies to some kinds of property; using it on another kind is
/// a compile-time error:
///
/// | constraint | keywords | properties |
/// |---|---|---|
/// | `.range(1...5)`, `.range(0..<1)`, `.range(0...)` | `minimum`, `maximum`, `exclusiveMaximum` | numbers |
/// | `.minimum`, `.maximum`, `.exclusiveMinimum`, `.exclusiveMaximum`, `.multipleOf` | the same | numbers |
/// | `.pattern`, `.minLength`, `.maxLength`, `.format`, `.anyOf` | `pattern`, …, `enum` | strings |
/// | `.count(2...5)`, `.minCount`, `.maxCount`, `.uniqueItems` | `minItems`, `maxItems`, `uniqueItems` | arrays, sets |
/// | `.constant`, `.examples`, `.deprecated` | `const`, `examples`, `deprecated` | any |
/// | `.grounded`, `.grounded(.normalized)` | `x-forma-grounded` | strings, arrays of strings |
public struct GuideConstraint: Sendable, Hashable {
    /// The keywords this constraint adds, in order.
    public let keywords: JSONObject

    private init(_ keywords: JSONObject) { self.keywords = keywords }

    private static func number(_ value: Double) -> JSONValue { JSONValue(floatLiteral: value) }

    /// `minimum` and `maximum`: the value lies in `range`.
    public static func range(_ range: ClosedRange<Double>) -> GuideConstraint {
        GuideConstraint(["minimum": number(range.lowerBound), "maximum": number(range.upperBound)])
    }
    /// `minimum` and `exclusiveMaximum`: the value lies in `range`.
    public static func range(_ range: Range<Double>) -> GuideConstraint {
        GuideConstraint(["minimum": number(range.lowerBound), "exclusiveMaximum": number(range.upperBound)])
    }
    /// `minimum`: the value is at least the range's lower bound.
    public static func range(_ range: PartialRangeFrom<Double>) -> GuideConstraint {
        GuideConstraint(["minimum": number(range.lowerBound)])
    }
    /// `maximum`: the value is at most the range's upper bound.
    public static func range(_ range: PartialRangeThrough<Double>) -> GuideConstraint {
        GuideConstraint(["maximum": number(range.upperBound)])
    }
    /// `minimum`: the value is at least `value`.
    public static func minimum(_ value: Double) -> GuideConstraint { GuideConstraint(["minimum": number(value)]) }
    /// `maximum`: the value is at most `value`.
    public static func maximum(_ value: Double) -> GuideConstraint { GuideConstraint(["maximum": number(value)]) }
    /// `exclusiveMinimum`: the value is greater than `value`.
    public static func exclusiveMinimum(_ value: Double) -> GuideConstraint {
        GuideConstraint(["exclusiveMinimum": number(value)])
    }
    /// `exclusiveMaximum`: the value is less than `value`.
    public static func exclusiveMaximum(_ value: Double) -> GuideConstraint {
        GuideConstraint(["exclusiveMaximum": number(value)])
    }
    /// `multipleOf`: the value is a multiple of `value`.
    public static func multipleOf(_ value: Double) -> GuideConstraint { GuideConstraint(["multipleOf": number(value)]) }

    /// `pattern`: the string matches the ECMA-262 regular expression `regex` (unanchored).
    public static func pattern(_ regex: String) -> GuideConstraint { GuideConstraint(["pattern": .string(regex)]) }
    /// `minLength`: the string has at least `length` characters (code points).
    public static func minLength(_ length: Int) -> GuideConstraint { GuideConstraint(["minLength": JSONValue(integerLiteral: length)]) }
    /// `maxLength`: the string has at most `length` characters (code points).
    public static func maxLength(_ length: Int) -> GuideConstraint { GuideConstraint(["maxLength": JSONValue(integerLiteral: length)]) }
    /// `format`: the string has the given format.
    public static func format(_ format: SchemaFormat) -> GuideConstraint { GuideConstraint(["format": .string(format.name)]) }
    /// `enum`: the string is one of `values`.
    public static func anyOf(_ values: [String]) -> GuideConstraint {
        GuideConstraint(["enum": .array(values.map(JSONValue.string))])
    }

    /// `minItems` and `maxItems`: the collection has a count in `range`.
    public static func count(_ range: ClosedRange<Int>) -> GuideConstraint {
        GuideConstraint(["minItems": JSONValue(integerLiteral: range.lowerBound), "maxItems": JSONValue(integerLiteral: range.upperBound)])
    }
    /// `minItems`: the collection has at least `count` elements.
    public static func minCount(_ count: Int) -> GuideConstraint { GuideConstraint(["minItems": JSONValue(integerLiteral: count)]) }
    /// `maxItems`: the collection has at most `count` elements.
    public static func maxCount(_ count: Int) -> GuideConstraint { GuideConstraint(["maxItems": JSONValue(integerLiteral: count)]) }
    /// `uniqueItems`: the array has no duplicate elements.
    public static let uniqueItems = GuideConstraint(["uniqueItems": true])

    /// `const`: the value is exactly `value`.
    public static func constant(_ value: JSONValue) -> GuideConstraint { GuideConstraint(["const": value]) }
    /// `examples`: sample values shown to the model; they do not constrain validation.
    public static func examples(_ values: JSONValue...) -> GuideConstraint { GuideConstraint(["examples": .array(values)]) }
    /// `deprecated: true`.
    public static let deprecated = GuideConstraint(["deprecated": true])

    /// `"x-forma-grounded": "exact"`: the value must occur in the source text, on word
    /// boundaries (for an array, each element). Checked locally after validation; a value
    /// not found is a located problem that leads to a re-ask, and every value found gets
    /// its span in ``Extraction/spans``.
    public static let grounded = GuideConstraint([GroundingMode.keyword: .string(GroundingMode.exact.rawValue)])
    /// `"x-forma-grounded"` with a mode: ``GroundingMode/normalized`` also matches after
    /// NFKC, case folding and whitespace collapsing.
    public static func grounded(_ mode: GroundingMode) -> GuideConstraint {
        GuideConstraint([GroundingMode.keyword: .string(mode.rawValue)])
    }
}
