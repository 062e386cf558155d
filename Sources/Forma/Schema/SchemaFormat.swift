/// A JSON Schema `format` for ``GuideConstraint/format(_:)``.
///
/// The predefined formats are the ones of JSON Schema 2020-12; `Validator` checks them
/// when format assertion is on. A string literal names any other format.
public struct SchemaFormat: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The format's name as written in the schema (`date-time`).
    public let name: String

    /// A format named `name`.
    /// - Parameter name: The format's name as written in the schema.
    public init(_ name: String) { self.name = name }

    /// A format named by a string literal.
    public init(stringLiteral name: String) { self.name = name }

    /// `date-time` (RFC 3339, `2024-05-01T09:30:00Z`).
    public static let dateTime = SchemaFormat("date-time")
    /// `date` (`2024-05-01`).
    public static let date = SchemaFormat("date")
    /// `time` (`09:30:00Z`).
    public static let time = SchemaFormat("time")
    /// `duration` (ISO 8601, `P3DT4H`).
    public static let duration = SchemaFormat("duration")
    /// `email`.
    public static let email = SchemaFormat("email")
    /// `idn-email`.
    public static let idnEmail = SchemaFormat("idn-email")
    /// `hostname`.
    public static let hostname = SchemaFormat("hostname")
    /// `idn-hostname`.
    public static let idnHostname = SchemaFormat("idn-hostname")
    /// `ipv4`.
    public static let ipv4 = SchemaFormat("ipv4")
    /// `ipv6`.
    public static let ipv6 = SchemaFormat("ipv6")
    /// `uri`.
    public static let uri = SchemaFormat("uri")
    /// `uri-reference`.
    public static let uriReference = SchemaFormat("uri-reference")
    /// `iri`.
    public static let iri = SchemaFormat("iri")
    /// `iri-reference`.
    public static let iriReference = SchemaFormat("iri-reference")
    /// `uri-template`.
    public static let uriTemplate = SchemaFormat("uri-template")
    /// `uuid`.
    public static let uuid = SchemaFormat("uuid")
    /// `json-pointer`.
    public static let jsonPointer = SchemaFormat("json-pointer")
    /// `relative-json-pointer`.
    public static let relativeJSONPointer = SchemaFormat("relative-json-pointer")
    /// `regex` (ECMA-262).
    public static let regex = SchemaFormat("regex")
}
