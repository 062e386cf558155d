import Forma
import Foundation

// Annotated types used by the integration tests; each exercises one part of `@Schema`.

/// A file-system tree: recursive through an array.
@Schema
struct TreeNode: Codable, Equatable, Sendable {
    var name: String
    var children: [TreeNode]
    var parentName: String?
}

/// A linked list: recursive through an optional and an enum payload.
@Schema
indirect enum Expression: Codable, Equatable, Sendable {
    case number(Double)
    case variable(name: String)
    case sum(Expression, Expression)
    case negate(Expression)
    case zero
}

/// A generic page of results.
@Schema
struct Page<Item: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    var items: [Item]
    var total: Int
    var sections: [Page<Item>] = []
}

/// Two generic parameters, one nested.
@Schema
struct Pair<First: Codable & Equatable & Sendable, Second: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    var first: First
    var second: [Second]
}

/// CodingKeys renames and exclusions.
@Schema
struct RenamedAccount: Codable, Equatable {
    var userName: String
    var passwordHash: String = ""
    var createdAt: Date
    var balanceCents: Int64
    enum CodingKeys: String, CodingKey {
        case userName = "login"
        case createdAt = "created"
        case balanceCents
    }
}

/// Snake-case keys, with acronyms and digits.
@Schema(keys: .snakeCase)
struct SnakeProfile: Codable, Equatable, Sendable {
    var displayName: String
    var avatarURL: URL
    var userID: UUID
    var isHTTPSEnabled: Bool
    var line2Address: String?
    var settings: Settings
    var mode: Mode

    @Schema(keys: .snakeCase)
    struct Settings: Codable, Equatable, Sendable {
        var darkMode: Bool
        var fontSizePoints: UInt8
    }

    @Schema(keys: .snakeCase)
    enum Mode: Codable, Equatable, Sendable {
        case singleUser(maxSessions: Int)
        case teamAccount(teamName: String, seatCount: Int16)
    }
}

/// Every standard conformance in one place.
@Schema
final class Kitchen: Codable {
    var text: String = ""
    var flag = false
    var int8: Int8 = 0
    var uint16: UInt16 = 0
    var int32: Int32 = 0
    var uint: UInt = 0
    var double: Double = 0
    var float: Float = 0
    var decimal: Decimal = 0
    var date: Date = Date(timeIntervalSince1970: 0)
    var url: URL = URL(filePath: "/tmp/kitchen")
    var uuid: UUID = UUID()
    var data: Data = Data()
    var optionalInts: [Int?] = []
    var set: Set<String> = []
    var map: [String: Double] = [:]
    var any: JSONValue = .null
    var nested: [[String: [Int]]] = []
    let constant: String = "fixed"

    init() {}
}

/// Integer raw values with gaps and a String raw enum with renames.
@Schema
enum Priority: Int, Codable, CaseIterable, Sendable {
    case low = 1, normal, urgent = 10
}

@Schema
enum Channel: String, Codable, CaseIterable, Sendable {
    case email, sms = "text-message", push
}

/// Payload-free enum without raw type: synthesized Codable writes `{"case":{}}`.
@Schema
enum Toggle: Codable, CaseIterable {
    case on, off
}

/// Guides on real types.
@Schema
struct Constrained: Codable, Sendable {
    @Guide(.range(1...5))
    var stars: Int
    @Guide(.pattern("^[A-Z]{3}$"))
    var code: String
    @Guide(.count(1...3), .uniqueItems)
    var tags: [String]
    @Guide(.range(0..<1))
    var ratio: Double
    @Guide(.format(.email))
    var email: String
}
