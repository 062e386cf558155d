/// HTTP header fields in their original order, looked up without regard to case.
public struct RecordedHeaders: Sendable, Sequence {
    /// The fields as received, names in their original spelling.
    public private(set) var fields: [(name: String, value: String)]

    /// Headers holding `fields`.
    ///
    /// - Parameter fields: Name/value pairs, in order.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// The value of the first field named `name` (any case), or `nil`.
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// Every value of the fields named `name` (any case), in order.
    ///
    /// - Parameter name: The field name.
    /// - Returns: The values, possibly empty.
    public func values(for name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Appends a field.
    ///
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The field value.
    public mutating func append(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}
