import FormaSchema

/// Derives a JSON Schema for a `Codable` struct, enum or final class.
///
/// Structs and enums need nothing else: when they do not declare `Codable` or `Sendable`,
/// the macro adds them (synthesized, as if declared). Final classes and generic types
/// declare their own conformances.
///
/// The macro adds a `SchemaRepresentable` conformance whose `jsonSchema` describes exactly
/// what `JSONEncoder` writes and `JSONDecoder` reads for the type's synthesized `Codable`:
///
/// - stored properties become `properties`, in declaration order; non-optional ones are
///   `required` (synthesized decoding ignores default values, so a defaulted `var` is
///   required too); computed and static properties are ignored;
/// - `CodingKeys` renames and exclusions are respected; `keys: .snakeCase` matches
///   `JSONEncoder.keyEncodingStrategy = .convertToSnakeCase`;
/// - `///` comments on the type and its properties become `description`; ``Guide(description:_:)``
///   adds a description and constraints;
/// - enums with `String` or `Int` raw values become `enum`; enums with associated values
///   become a `oneOf` of `{"case": {"label": …}}` objects (`_0`, `_1` for unlabelled values),
///   as synthesized `Codable` writes them;
/// - nested `@Schema` types are defined once under `$defs` and referenced with `$ref`,
///   which also makes recursive types work; generic parameters must be `SchemaRepresentable`;
/// - non-generic structs also get a `Partial` struct (every property optional, nested
///   `@Schema` properties as their own partials) and `partial(from:)`, filled from a
///   streamed reply's snapshot (see ``PartiallyDecodable``); enums are their own partial;
/// - structs and enums whose decoding is synthesized also get `init(jsonValue:)`
///   (`JSONValueDecodable`), which the extractor uses to build the value straight from
///   the parsed reply, reading what synthesized `Decodable` reads, several times faster. It
///   is left out when the body declares `init(from:)`, a property wrapper or a `lazy`
///   property. **If you write `init(from:)` in an extension** (where the macro cannot see
///   it), declare it in the type's body instead, or the fast path will not run it.
///
/// ```swift
/// /// A line of an invoice.
/// @Schema
/// struct LineItem: Codable {
///     /// What was sold.
///     var description: String
///     @Guide(description: "Units sold", .minimum(1))
///     var quantity: Int
/// }
/// let schema = LineItem.jsonSchema   // {"type":"object","description":"A line of an invoice.",…}
/// ```
///
/// - Parameters:
///   - keys: How property names become JSON keys; match the encoder's `keyEncodingStrategy`.
///   - additionalProperties: Whether objects may have keys other than the declared ones.
@attached(member, names: named(jsonSchema), named(schema), named(Partial), named(partial))
@attached(
    extension, conformances: SchemaRepresentable, PartiallyDecodable, JSONValueDecodable, Encodable, Decodable, Sendable,
    names: named(jsonSchema), named(schema), named(Partial), named(partial), named(init(jsonValue:))
)
public macro Schema(keys: SchemaKeyStrategy = .useDefaultKeys, additionalProperties: Bool = false) =
    #externalMacro(module: "FormaMacros", type: "SchemaMacro")

/// Describes and constrains a stored property of a ``Schema(keys:additionalProperties:)`` type.
///
/// Constraint arguments must be literals; a constraint that does not fit the property's type
/// (`.minLength` on an `Int`) is a compile-time error.
///
/// ```swift
/// @Guide(description: "Overall rating", .range(1...5))
/// var rating: Int
/// ```
///
/// - Parameters:
///   - description: The property's `description`, used instead of its `///` comment.
///   - constraints: Keywords that narrow the property's values.
@attached(peer)
public macro Guide(description: String, _ constraints: GuideConstraint...) =
    #externalMacro(module: "FormaMacros", type: "GuideMacro")

/// Constrains a stored property of a ``Schema(keys:additionalProperties:)`` type.
///
/// ```swift
/// @Guide(.format(.email))
/// var email: String
/// ```
///
/// - Parameter constraints: Keywords that narrow the property's values.
@attached(peer)
public macro Guide(_ constraints: GuideConstraint...) =
    #externalMacro(module: "FormaMacros", type: "GuideMacro")
