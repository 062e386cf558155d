/// The first pass over an input: how many rows it has and how many this run will do, a
/// fingerprint of its content, and a check that no id repeats — keeping 16 bytes a row
/// (``RowDigest``), not the rows.
struct InputScan: Sendable {
    /// Rows in the input.
    var rows = 0
    /// Rows of this shard that still need a record (not final in the existing output).
    var toRun = 0
    /// Rows of this shard that `--resume` found final.
    var resumed = 0
    /// A digest of every row's id and text, in order: a batch state file written for a
    /// different input (or an edited one) is recognized by it.
    var fingerprint = RowDigest(value: 0)

    /// Reads `input` once.
    /// - Parameters:
    ///   - input: The rows.
    ///   - finals: Digests of ids the existing output already has final records for.
    ///   - shard: The rows this run takes.
    /// - Throws: ``CommandFailure`` when the input cannot be read or an id repeats.
    static func run(_ input: RowInput, finals: DigestSet, shard: ShardSelection) throws -> InputScan {
        var scan = InputScan()
        var digests: [RowDigest] = []
        var fingerprint = Fingerprint()
        let reader = try input.open()
        while let row = try reader.next() {
            let digest = RowDigest(key: row.key)
            digests.append(digest)
            fingerprint.add(row.key)
            fingerprint.add(row.text)
            scan.rows += 1
            guard shard.includes(digest) else { continue }
            if finals.contains(digest) { scan.resumed += 1 } else { scan.toRun += 1 }
        }
        scan.fingerprint = fingerprint.digest
        try checkUnique(digests, input: input)
        return scan
    }

    /// Fails when two rows share an id, naming the first few repeats and where they stand.
    private static func checkUnique(_ digests: [RowDigest], input: RowInput) throws {
        var sorted = digests
        sorted.sort()
        var repeated: Set<RowDigest> = []
        for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] {
            repeated.insert(sorted[index])
        }
        guard !repeated.isEmpty else { return }
        // A second look at the ids themselves names the places (and rules out the
        // astronomically unlikely digest collision of two different ids).
        var firstSeen: [String: String] = [:]
        var duplicates: [String] = []
        let reader = try input.open()
        while let row = try reader.next(), duplicates.count < 5 {
            guard repeated.contains(RowDigest(key: row.key)) else { continue }
            if let first = firstSeen[row.key] {
                duplicates.append("id \(row.key) at \(row.location) repeats \(first)")
            } else {
                firstSeen[row.key] = row.location
            }
        }
        guard !duplicates.isEmpty else { return }
        throw CommandFailure(
            "\(input.displayName): duplicate ids (each input needs its own): " + duplicates.joined(separator: "; "))
    }
}

/// FNV-1a over a sequence of strings, each followed by a separator byte.
struct Fingerprint {
    private var hash = RowDigest(key: "").value

    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0xFF)  // never in UTF-8: separates the strings
    }

    private mutating func mix(_ byte: UInt8) {
        hash ^= UInt128(byte)
        hash = hash &* 0x0000000001000000_000000000000013B
    }

    var digest: RowDigest { RowDigest(value: hash) }
}
