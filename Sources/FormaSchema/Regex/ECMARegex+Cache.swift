import FormaJSON

extension ECMARegex {
    /// The most compiled patterns ``cached(_:)`` keeps.
    public static let cacheCapacity = 1024

    /// A shared, compiled instance of `pattern` (default options and limits).
    ///
    /// Thread-safe. The cache holds at most ``cacheCapacity`` patterns, evicting the oldest
    /// first; concurrent callers asking for the same pattern get the same instance once it is
    /// cached. Invalid patterns are not cached.
    /// - Parameter pattern: the ECMA-262 pattern.
    /// - Returns: the compiled regular expression.
    /// - Throws: ``ECMARegexError`` as ``init(_:options:limits:)`` does.
    public static func cached(_ pattern: String) throws -> ECMARegex {
        if let hit = patternCache.withLock({ $0.entries[pattern] }) { return hit }
        // Compile outside the lock so a slow pattern does not block other threads.
        let compiled = try ECMARegex(pattern)
        return patternCache.withLock { $0.insert(compiled, capacity: cacheCapacity) }
    }
}

/// The storage behind ``ECMARegex/cached(_:)``: a dictionary plus insertion order for eviction.
struct ECMARegexCache: ~Copyable {
    var entries: [String: ECMARegex] = [:]
    private var order: [String] = []
    private var oldest = 0

    /// Inserts `regex` unless its pattern is already present, and returns the cached instance.
    mutating func insert(_ regex: ECMARegex, capacity: Int) -> ECMARegex {
        if let existing = entries[regex.pattern] { return existing }
        if entries.count >= capacity, !order.isEmpty {
            // `order` is a ring once full: overwrite the oldest slot.
            entries[order[oldest]] = nil
            order[oldest] = regex.pattern
            oldest = (oldest + 1) % order.count
        } else {
            order.append(regex.pattern)
        }
        entries[regex.pattern] = regex
        return regex
    }
}

let patternCache = Locked(ECMARegexCache())
