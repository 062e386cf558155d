/// `JSONValue` encodes as the JSON it represents and decodes from any JSON, so it can sit
/// inside `Codable` types (an "any JSON" field) and be written with `JSONEncoder`.
///
/// Through `Codable`, numbers pass as `Int64`, `UInt64` or `Double`: decimals that `Double`
/// cannot hold exactly lose precision there. `JSONParser` and `serialized()` keep them exact.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int64.self) {
            self = .number(JSONNumber(int))
        } else if let uint = try? container.decode(UInt64.self) {
            self = .number(JSONNumber(uint))
        } else if let double = try? container.decode(Double.self) {
            guard let number = JSONNumber(double) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "non-finite number \(double)")
            }
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var members = JSONObject()
            for key in object.allKeys {
                members[key.stringValue] = try object.decode(JSONValue.self, forKey: key)
            }
            self = .object(members)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let b):
            var container = encoder.singleValueContainer()
            try container.encode(b)
        case .number(let n):
            var container = encoder.singleValueContainer()
            if let int = n.int64Value {
                try container.encode(int)
            } else {
                try container.encode(n.doubleValue)
            }
        case .string(let s):
            var container = encoder.singleValueContainer()
            try container.encode(s)
        case .array(let a):
            var container = encoder.unkeyedContainer()
            for element in a { try container.encode(element) }
        case .object(let o):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for member in o { try container.encode(member.value, forKey: AnyCodingKey(member.key)) }
        }
    }
}

/// A coding key for arbitrary member names.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
