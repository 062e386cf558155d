/// Rewrites an ECMA-262 regular expression (with the `u` flag, as JSON Schema requires) into an
/// equivalent PCRE2 pattern, rejecting syntax that ECMA-262 forbids but PCRE2 would accept.
///
/// One left-to-right pass over the Unicode scalars, aware of escapes, groups and character
/// classes. It never recurses, so deeply nested input cannot exhaust the stack. It records where
/// each emitted piece came from, so PCRE2's compile-error offsets map back to the original.
struct ECMAPatternTranslator {
    /// The flags that change how the translator spells `.`, `^` and `$`.
    struct Flags: Equatable {
        var dotAll = false
        var multiline = false
    }

    /// A syntax error, located in the original pattern (offset in Unicode scalars).
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    /// The translated pattern, UTF-8, ready for `pcre2_compile`.
    var output: [UInt8] = []
    /// Pairs (output byte offset, source scalar offset) at the start of each emitted token.
    var sourceMap: [(output: Int, source: Int)] = []

    let scalars: [Unicode.Scalar]
    /// When set, lookbehinds are emitted as lookaheads: used only to check the syntax of
    /// patterns whose lookbehind PCRE2 cannot run (it requires fixed-length lookbehinds).
    let lookbehindAsLookahead: Bool
    var position = 0
    var flags: Flags
    /// Saved outer flags and whether the group is an assertion, one entry per open group.
    var groupStack: [(outerFlags: Flags, isAssertion: Bool)] = []
    var captureCount = 0
    var groupNames: Set<String> = []
    /// Whether the previous token can take a quantifier.
    var canQuantify = false

    /// The deepest group nesting accepted; deeper patterns are rejected before PCRE2 sees them.
    static let maximumNesting = 200

    init(pattern: String, flags: Flags, lookbehindAsLookahead: Bool = false) {
        self.scalars = Array(pattern.unicodeScalars)
        self.flags = flags
        self.lookbehindAsLookahead = lookbehindAsLookahead
    }

    /// Translates the whole pattern.
    mutating func translate() throws(Failure) {
        prescanGroups()
        output.reserveCapacity(scalars.count + 16)
        while position < scalars.count {
            let start = position
            mark(start)
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "\\":
                try translateEscape(at: start)
            case "[":
                try translateClass(at: start)
                canQuantify = true
            case "(":
                try openGroup(at: start)
            case ")":
                try closeGroup(at: start)
            case "|":
                emit("|")
                canQuantify = false
            case "^":
                emit(flags.multiline ? "(?<![^\\n\\r\\x{2028}\\x{2029}])" : "^")
                canQuantify = false
            case "$":
                emit(flags.multiline ? "(?![^\\n\\r\\x{2028}\\x{2029}])" : "$")
                canQuantify = false
            case ".":
                emitClass(flags.dotAll ? .all : .lineTerminators, negated: !flags.dotAll)
                canQuantify = true
            case "*", "+", "?":
                try quantifier(String(scalar), at: start)
            case "{":
                try braceQuantifier(at: start)
            case "}", "]":
                throw Failure(message: "lone '\(scalar)' must be escaped", offset: start)
            default:
                emitLiteral(scalar)
                canQuantify = true
            }
        }
        if !groupStack.isEmpty {
            throw Failure(message: "missing ')'", offset: scalars.count)
        }
    }

    /// The offset in the original pattern for a byte offset in ``output``.
    func sourceOffset(forOutputOffset offset: Int) -> Int {
        var low = 0
        var high = sourceMap.count
        while low < high {
            let middle = (low + high) / 2
            if sourceMap[middle].output <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : sourceMap[low - 1].source
    }

    // MARK: Quantifiers

    private mutating func quantifier(_ text: String, at start: Int) throws(Failure) {
        guard canQuantify else { throw Failure(message: "nothing to repeat before '\(text)'", offset: start) }
        emit(text)
        if peek() == "?" {
            position += 1
            emit("?")
        }
        canQuantify = false
    }

    private mutating func braceQuantifier(at start: Int) throws(Failure) {
        guard let minimum = decimal() else {
            throw Failure(message: "lone '{' must be escaped (or write a quantifier {n}, {n,} or {n,m})",
                          offset: start)
        }
        var maximum: Int? = minimum
        if peek() == "," {
            position += 1
            maximum = decimal()
        }
        guard peek() == "}" else {
            throw Failure(message: "incomplete quantifier", offset: start)
        }
        position += 1
        if let maximum, maximum < minimum {
            throw Failure(message: "numbers out of order in {} quantifier", offset: start)
        }
        let text = "{\(minimum)" + (maximum == minimum ? "" : ",\(maximum.map(String.init) ?? "")") + "}"
        try quantifier(text, at: start)
    }

    /// Reads decimal digits; values past Int32 are clamped (PCRE2 then reports them as too big).
    mutating func decimal() -> Int? {
        var value: Int?
        while let next = peek(), next.value >= 0x30, next.value <= 0x39 {
            value = min((value ?? 0) * 10 + Int(next.value - 0x30), Int(Int32.max))
            position += 1
        }
        return value
    }

    // MARK: Output

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    mutating func mark(_ source: Int) {
        sourceMap.append((output.count, source))
    }

    mutating func emit(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// A literal scalar outside a class: ECMA-262 and PCRE2 agree on which ones are special,
    /// so it goes through unchanged.
    mutating func emitLiteral(_ scalar: Unicode.Scalar) {
        output.append(contentsOf: String(scalar).utf8)
    }

    /// Emits a class of `set`, or of its complement when `negated`. Complements are written as
    /// `[^…]` rather than spelled out so that PCRE2's caseless matching treats them as ECMA does.
    mutating func emitClass(_ set: CodePointRanges, negated: Bool = false) {
        let allowed = set.withoutSurrogates
        if allowed.ranges.isEmpty {
            // An empty class (ECMA `[]`) matches nothing; PCRE2 has no empty class, so negate all.
            emit(negated ? "[" : "[^")
            CodePointRanges.all.appendClassBody(to: &output)
        } else {
            emit(negated ? "[^" : "[")
            allowed.appendClassBody(to: &output)
        }
        emit("]")
    }
}
