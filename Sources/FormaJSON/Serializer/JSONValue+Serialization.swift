extension JSONValue {
    /// The value as JSON text.
    ///
    /// Numbers are written exactly (``JSONNumber/description``), strings escape only `"`,
    /// `\` and control characters, and object members keep their insertion order unless
    /// the style sorts keys.
    ///
    /// - Parameter style: Compact (the default) or pretty, optionally with sorted keys.
    /// - Returns: JSON text that ``JSONParser`` parses back to an equal value.
    ///
    /// ```swift
    /// let value: JSONValue = ["name": "Ada", "tags": ["math"]]
    /// value.serialized()         // {"name":"Ada","tags":["math"]}
    /// value.serialized(.pretty)  // {\n  "name": "Ada",\n  "tags": [\n    "math"\n  ]\n}
    /// ```
    public func serialized(_ style: JSONSerializationStyle = .compact) -> String {
        String(decoding: serializedBytes(style), as: UTF8.self)
    }

    /// The value as UTF-8 JSON text; see ``serialized(_:)``.
    ///
    /// - Parameter style: Compact (the default) or pretty, optionally with sorted keys.
    /// - Returns: The UTF-8 bytes of the JSON text.
    public func serializedBytes(_ style: JSONSerializationStyle = .compact) -> [UInt8] {
        var writer = JSONWriter(style: style)
        writer.write(self, depth: 0)
        return writer.output
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text.
    public var description: String { serialized() }
}
