// An annotated type as `@Schema` expands it (see Tests/FormaMacrosTests/SchemaExpansionTests
// for the expansion): the struct, its `Partial` of optionals, and `partial(from:)` reading
// each property through its own type's partial form. Written out here because the fuzz
// build compiles sources with swiftc, without the macro plugin.
import FormaJSON
import Foundation

enum Status: String, Decodable, Equatable, PartiallyDecodable {
    case draft, sent, paid
}

struct LineItem: Decodable, Equatable, PartiallyDecodable {
    var description: String
    var quantity: Int
    var unitPrice: Decimal
    var tags: [String]?

    struct Partial: Equatable {
        var description: PartialOf<String>?
        var quantity: PartialOf<Int>?
        var unitPrice: PartialOf<Decimal>?
        var tags: PartialOf<[String]>?
    }

    static func partial(from value: JSONValue) -> Partial? {
        guard case .object(let object) = value else { return nil }
        var partial = Partial()
        partial.description = object["description"].flatMap { String.partial(from: $0) }
        partial.quantity = object["quantity"].flatMap { Int.partial(from: $0) }
        partial.unitPrice = object["unitPrice"].flatMap { Decimal.partial(from: $0) }
        partial.tags = object["tags"].flatMap { [String].partial(from: $0) }
        return partial
    }
}

struct Invoice: Decodable, PartiallyDecodable {
    var number: String
    var customer: String?
    var status: Status
    var items: [LineItem]
    var notes: [String: String]?
    var paid: Bool?

    struct Partial: Equatable {
        var number: PartialOf<String>?
        var customer: PartialOf<String>?
        var status: PartialOf<Status>?
        var items: PartialOf<[LineItem]>?
        var notes: PartialOf<[String: String]>?
        var paid: PartialOf<Bool>?
    }

    static func partial(from value: JSONValue) -> Partial? {
        guard case .object(let object) = value else { return nil }
        var partial = Partial()
        partial.number = object["number"].flatMap { String.partial(from: $0) }
        partial.customer = object["customer"].flatMap { String?.partial(from: $0) }
        partial.status = object["status"].flatMap { Status.partial(from: $0) }
        partial.items = object["items"].flatMap { [LineItem].partial(from: $0) }
        partial.notes = object["notes"].flatMap { [String: String]?.partial(from: $0) }
        partial.paid = object["paid"].flatMap { Bool?.partial(from: $0) }
        return partial
    }

    /// The partial form a complete value has: what the last snapshot must read as.
    var asPartial: Partial {
        Partial(
            number: number, customer: customer, status: status,
            items: items.map { LineItem.Partial(description: $0.description, quantity: $0.quantity, unitPrice: $0.unitPrice, tags: $0.tags) },
            notes: notes, paid: paid)
    }
}
