import Foundation

/// A decoding key for array positions and converted names.
struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) {
        stringValue = String(index)
        intValue = index
    }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(intValue) }
}

struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ValueDecoder
    let object: JSONObject
    /// Whether keys are snake_case in the JSON: coding keys are looked up by their
    /// snake_case form (as `JSONEncoder`'s `convertToSnakeCase` writes them).
    let snakeCase: Bool
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(decoder: ValueDecoder, object: JSONObject) {
        self.decoder = decoder
        self.object = object
        self.snakeCase = decoder.options.keyDecodingStrategy == .convertFromSnakeCase
    }

    var allKeys: [Key] {
        object.keys.compactMap { Key(stringValue: snakeCase ? SnakeCase.toCamelCase($0) : $0) }
    }

    /// The member for `key`.
    @inline(__always)
    private func member(_ key: Key) -> JSONValue? {
        guard snakeCase else { return object[key.stringValue] }
        return object[SnakeCase.cachedSnakeCase(key.stringValue)] ?? object[key.stringValue]
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    private func value(for key: Key) throws -> JSONValue {
        guard let value = member(key) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "missing key \"\(key.stringValue)\""))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(for: key).isNull }

    // Primitive fast paths: read the member directly, building coding paths only for errors
    // (the generic path allocates a decoder per value).
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        guard case .string(let s) = try value(for: key) else { throw mismatch(type, try value(for: key), codingPath + [key]) }
        return s
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        guard case .bool(let b) = try value(for: key) else { throw mismatch(type, try value(for: key), codingPath + [key]) }
        return b
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        guard case .number(let n) = try value(for: key) else { throw mismatch(type, try value(for: key), codingPath + [key]) }
        return n.doubleValue
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let member = try value(for: key)
        if case .number(let n) = member, let v = n.int64Value, let fitted = Int(exactly: v) { return fitted }
        return try decoder.unboxChild(member, as: type, key: key)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let member = member(key) else { return nil }
        switch member {
        case .null: return nil
        case .string(let s): return s
        default: throw mismatch(type, member, codingPath + [key])
        }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let member = member(key), !member.isNull else { return nil }
        if case .number(let n) = member, let v = n.int64Value, let fitted = Int(exactly: v) { return fitted }
        return try decoder.unboxChild(member, as: type, key: key)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.unboxChild(value(for: key), as: type, key: key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = member(key), !value.isNull else { return nil }
        return try decoder.unboxChild(value, as: type, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: value(for: key), parent: decoder, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: value(for: key), parent: decoder, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: object["super"] ?? .null, codingPath: codingPath + [IndexKey(stringValue: "super")!], options: decoder.options)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: member(key) ?? .null, parent: decoder, key: key)
    }
}

struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let decoder: ValueDecoder
    let array: [JSONValue]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { array.count }
    var isAtEnd: Bool { currentIndex >= array.count }

    init(decoder: ValueDecoder, array: [JSONValue]) {
        self.decoder = decoder
        self.array = array
    }

    private mutating func next(_ type: Any.Type) throws -> (JSONValue, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(
                codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "unkeyed container is at end"))
        }
        defer { currentIndex += 1 }
        return (array[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if array[currentIndex].isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(
                codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "unkeyed container is at end"))
        }
        let value = array[currentIndex]
        let index = currentIndex
        currentIndex += 1
        return try decoder.unboxChild(value, as: type, key: IndexKey(index))
    }

    mutating func decode(_ type: String.Type) throws -> String {
        guard !isAtEnd, case .string(let s) = array[currentIndex] else {
            let (value, path) = try next(type)
            throw mismatch(type, value, path)
        }
        currentIndex += 1
        return s
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next([String: JSONValue].self)
        return try ValueDecoder(value: value, codingPath: path, options: decoder.options).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next([JSONValue].self)
        return try ValueDecoder(value: value, codingPath: path, options: decoder.options).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next(JSONValue.self)
        return ValueDecoder(value: value, codingPath: path, options: decoder.options)
    }
}

struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var value: JSONValue { decoder.value }

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch(type, value, codingPath) }
        return b
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let s) = value else { throw mismatch(type, value, codingPath) }
        return s
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let n) = value else { throw mismatch(type, value, codingPath) }
        return n.doubleValue
    }

    func decode(_ type: Float.Type) throws -> Float {
        guard case .number(let n) = value else { throw mismatch(type, value, codingPath) }
        guard let value = JSONScalars.float(n) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "number \(n) does not fit Float"))
        }
        return value
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard case .number(let n) = value else { throw mismatch(type, value, codingPath) }
        if let value = JSONScalars.integer(n, as: type) { return value }
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "number \(n) does not fit \(type)"))
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.unboxSelf(as: type)
    }
}
