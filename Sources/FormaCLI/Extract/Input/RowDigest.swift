/// A stable 128-bit digest of a row id: FNV-1a over the UTF-8 bytes of the id's compact
/// JSON form (``InputRow/key``), so the string `"7"` and the integer `7` differ.
///
/// Stable across runs, machines and Swift versions (unlike `Hasher`, which is seeded per
/// process): `--shard K/N` takes the rows whose digest is `K` modulo `N`, so N machines
/// split one input without coordination, and the batch state names rows by it. 128 bits
/// keep accidental collisions out of reach (about 10⁻²⁷ for a million ids); duplicate ids
/// are still confirmed on the ids themselves before they are reported.
struct RowDigest: Hashable, Comparable, Sendable, CustomStringConvertible {
    let value: UInt128

    private static let offsetBasis: UInt128 = 0x6c62272e07bb0142_62b821756295c58d
    private static let prime: UInt128 = 0x0000000001000000_000000000000013B

    /// The digest of `key` (the row's compact JSON id).
    init(key: String) {
        var hash = Self.offsetBasis
        for byte in key.utf8 {
            hash ^= UInt128(byte)
            hash = hash &* Self.prime
        }
        value = hash
    }

    init(value: UInt128) { self.value = value }

    /// The shard (0..<count) this row belongs to.
    func shard(of count: Int) -> Int { Int(value % UInt128(count)) }

    /// 32 lowercase hexadecimal digits.
    var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }

    static func < (a: RowDigest, b: RowDigest) -> Bool { a.value < b.value }
}

/// Sorted digests, searched by bisection: the compact set of ids that `--resume` found
/// final (16 bytes an id, where a `Set<String>` of the ids would keep every id in full).
struct DigestSet: Sendable {
    private(set) var sorted: [RowDigest]

    /// The set of `digests` (duplicates kept once).
    init(_ digests: [RowDigest]) {
        var list = digests
        list.sort()
        var unique: [RowDigest] = []
        unique.reserveCapacity(list.count)
        for digest in list where unique.last != digest { unique.append(digest) }
        sorted = unique
    }

    var count: Int { sorted.count }

    func contains(_ digest: RowDigest) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < digest { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == digest
    }
}
