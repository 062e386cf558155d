/// Property names of a schema with fast lookup: a linear scan for the few names most
/// schemas have (cheaper than hashing short strings), a hash table beyond that.
struct PropertyTable: Sendable {
    let names: [String]
    /// UTF-8 lengths of `names`: comparing lengths first skips Swift's slow path for
    /// unequal strings.
    private let lengths: [Int]
    private let index: [String: Int]?

    static let hashThreshold = 12

    init(_ names: [String]) {
        self.names = names
        self.lengths = names.map(\.utf8.count)
        if names.count > Self.hashThreshold {
            var built = [String: Int](minimumCapacity: names.count)
            for (i, name) in names.enumerated() where built[name] == nil { built[name] = i }
            index = built
        } else {
            index = nil
        }
    }

    /// The position of `name`, if the table has it.
    @inline(__always)
    func position(of name: String) -> Int? {
        if let index { return index[name] }
        let length = name.utf8.count
        for i in names.indices where lengths[i] == length && names[i] == name { return i }
        return nil
    }

    var isEmpty: Bool { names.isEmpty }
}
