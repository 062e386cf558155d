import FormaJSON

/// Lenient, located reading of one JSON object's members for the API types.
///
/// `null` reads as absent; a member of the wrong type is a `.decoding` error naming its path.
struct JSONFields {
    let object: JSONObject
    let path: String

    init(_ value: JSONValue, path: String) throws(APIError) {
        guard case .object(let object) = value else {
            throw APIError(kind: .decoding, message: "\(path): expected an object, got \(value.typeName)")
        }
        self.object = object
        self.path = path
    }

    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    private func mismatch(_ key: String, _ expected: String, _ value: JSONValue) -> APIError {
        APIError(kind: .decoding, message: "\(path).\(key): expected \(expected), got \(value.typeName)")
    }

    func string(_ key: String) throws(APIError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let s) = value else { throw mismatch(key, "a string", value) }
        return s
    }

    func requiredString(_ key: String) throws(APIError) -> String {
        guard let s = try string(key) else {
            throw APIError(kind: .decoding, message: "\(path).\(key): missing")
        }
        return s
    }

    func int(_ key: String) throws(APIError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let n) = value else { throw mismatch(key, "an integer", value) }
        if let i = n.intValue { return i }
        let d = n.doubleValue
        guard d == d.rounded(), abs(d) < 9e18 else { throw mismatch(key, "an integer", value) }
        return Int(d)
    }

    func double(_ key: String) throws(APIError) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let n) = value else { throw mismatch(key, "a number", value) }
        return n.doubleValue
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let b) = value else { throw mismatch(key, "a boolean", value) }
        return b
    }

    /// A non-negative integer up to `UInt64.max`; larger or fractional values read as nil
    /// (seeds are informational, and servers print them as floats).
    func uint64(_ key: String) throws(APIError) -> UInt64? {
        guard let value = value(key) else { return nil }
        guard case .number(let n) = value else { throw mismatch(key, "a number", value) }
        if let i = n.int64Value { return i >= 0 ? UInt64(i) : nil }
        if n.isInteger, !n.isNegative, let u = UInt64(n.description) { return u }
        let d = n.doubleValue
        guard d >= 0, d < 18_446_744_073_709_551_615.0 else { return nil }
        return UInt64(d)
    }

    func array(_ key: String) throws(APIError) -> [JSONValue] {
        guard let value = value(key) else { return [] }
        guard case .array(let a) = value else { throw mismatch(key, "an array", value) }
        return a
    }

    func objects<T>(_ key: String, _ make: (JSONValue, String) throws -> T) throws -> [T] {
        var result: [T] = []
        for (i, element) in try array(key).enumerated() {
            result.append(try make(element, "\(path).\(key)[\(i)]"))
        }
        return result
    }
}

extension JSONObject {
    /// Sets `key` when `value` is non-nil.
    mutating func put(_ key: String, _ value: JSONValue?) {
        if let value { self[key] = value }
    }
}

extension JSONValue {
    /// A number from a `Double` (non-finite values become `null`).
    static func double(_ value: Double) -> JSONValue { JSONNumber(value).map { .number($0) } ?? .null }
    /// A number from an `Int`.
    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}
