import FormaJSON

/// A table while a TOML document is being read: mutable, because headers and dotted keys
/// reopen tables defined earlier, and marked with how it was made, because that decides
/// whether it may be reopened.
final class TOMLTable {
    /// How a table came to be.
    enum Origin {
        /// A parent named by a longer header (`[a]` for `[a.b]`), not yet defined itself.
        case implicit
        /// Defined by its own `[header]` or `[[header]]`.
        case header
        /// Made by a dotted key (`a.b = 1` makes `a`) in the section with this number.
        case dotted(section: Int)
    }

    /// What a key holds.
    enum Entry {
        case value(JSONValue)
        case table(TOMLTable)
        case tables([TOMLTable])
    }

    var origin: Origin
    private(set) var keys: [String] = []
    private(set) var entries: [String: Entry] = [:]
    /// The table's JSON Pointer text.
    let pointer: String
    /// How deep the table's JSON object sits: 1 for the root, one more for each object or
    /// array around it (an array of tables adds two), as JSONParser counts `maxDepth`.
    let level: Int

    init(origin: Origin, pointer: String, level: Int) {
        self.origin = origin
        self.pointer = pointer
        self.level = level
    }

    subscript(key: String) -> Entry? {
        get { entries[key] }
        set {
            if entries[key] == nil { keys.append(key) }
            entries[key] = newValue
        }
    }

    /// The table as a JSON object, members in the order they were first defined.
    func jsonValue() -> JSONValue {
        var object = JSONObject()
        for key in keys {
            switch entries[key]! {
            case .value(let value): object.appendUnchecked(key: key, value: value)
            case .table(let table): object.appendUnchecked(key: key, value: table.jsonValue())
            case .tables(let tables): object.appendUnchecked(key: key, value: .array(tables.map { $0.jsonValue() }))
            }
        }
        return .object(object)
    }
}
