/// Anchored patterns made only of ASCII literals and ASCII character classes with counts,
/// such as `^[A-Z]{2}[0-9A-Z]{8,12}$` or `^INV-\d{4}-\d{6}$`, matched byte by byte.
///
/// These are most of the `pattern`s extraction schemas carry (codes, ids, postal codes), and
/// the strings they check are short, so the fixed cost of a PCRE2 call (match data, JIT
/// entry) was most of their check. ``ECMARegex`` uses this matcher when the pattern fits and
/// PCRE2 otherwise. To be exact without backtracking, every element but the last must
/// repeat a fixed number of times; anything else (alternation, groups, negated classes,
/// `\w`/`\s`/`\p`, lazy quantifiers, flags) is left to PCRE2. Tests compare both matchers
/// on generated strings.
struct SimplePattern: Sendable {
    /// One element: a set of ASCII bytes and how many times it repeats.
    struct Element: Sendable {
        /// Bit `b` for byte `b` below 64.
        var low: UInt64 = 0
        /// Bit `b - 64` for bytes 64–127.
        var high: UInt64 = 0
        var minimum = 1
        var maximum = 1

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : byte < 128 && (high >> UInt64(byte - 64)) & 1 == 1
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }

        mutating func insert(_ range: ClosedRange<UInt8>) {
            for byte in range { insert(byte) }
        }
    }

    let elements: [Element]

    /// The matcher for `pattern`, or `nil` when the pattern is not of this simple shape.
    init?(_ pattern: String) {
        let bytes = Array(pattern.utf8)
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "^"), bytes.last == UInt8(ascii: "$") else { return nil }
        var elements: [Element] = []
        var i = 1
        let end = bytes.count - 1
        while i < end {
            var element = Element()
            switch bytes[i] {
            case UInt8(ascii: "["):
                guard let (set, next) = Self.parseClass(bytes, from: i + 1, end: end) else { return nil }
                element = set
                i = next
            case UInt8(ascii: "\\"):
                guard i + 1 < end, let set = Self.escape(bytes[i + 1], inClass: false) else { return nil }
                element = set
                i += 2
            case let byte where Self.isPlainLiteral(byte):
                element.insert(byte)
                i += 1
            default:
                return nil
            }
            if i < end {
                guard let (minimum, maximum, next) = Self.parseQuantifier(bytes, from: i, end: end) else { return nil }
                element.minimum = minimum
                element.maximum = maximum
                i = next
            }
            elements.append(element)
        }
        // The last `$` must not be escaped: `^a\$` ends with an escaped dollar, consumed above
        // as a literal, which leaves no anchor.
        guard i == end else { return nil }
        // Exact without backtracking: only the last element may vary in length.
        for element in elements.dropLast() where element.minimum != element.maximum { return nil }
        self.elements = elements
    }

    /// Whether `bytes` (valid UTF-8) match the whole pattern.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        let count = bytes.count
        for (index, element) in elements.enumerated() {
            let length: Int
            if index == elements.count - 1 {
                length = count - position
                guard length >= element.minimum, length <= element.maximum else { return false }
            } else {
                length = element.minimum
                guard count - position >= length else { return false }
            }
            for offset in position..<(position + length) where !element.contains(bytes[offset]) { return false }
            position += length
        }
        return position == count
    }

    // MARK: Parsing

    /// Characters that stand for themselves outside a class.
    private static func isPlainLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "#"),
            UInt8(ascii: ","), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "!"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: ";"):
            return true
        default:
            return false
        }
    }

    /// The set an escape `\c` stands for: `\d`, or an escaped ASCII punctuation character.
    private static func escape(_ byte: UInt8, inClass: Bool) -> Element? {
        var element = Element()
        switch byte {
        case UInt8(ascii: "d"):
            element.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"),
            UInt8(ascii: "|"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            element.insert(byte)
        default:
            return nil  // \w, \s, \b, \p{…}, \u…, control escapes: PCRE2's job
        }
        return element
    }

    /// A class `[...]` whose opening bracket is before `start`: ASCII literals, ranges,
    /// `\d` and escaped punctuation; no negation.
    private static func parseClass(_ bytes: [UInt8], from start: Int, end: Int) -> (Element, Int)? {
        var element = Element()
        var i = start
        guard i < end, bytes[i] != UInt8(ascii: "^"), bytes[i] != UInt8(ascii: "]") else { return nil }
        while i < end, bytes[i] != UInt8(ascii: "]") {
            let low: UInt8
            if bytes[i] == UInt8(ascii: "\\") {
                guard i + 1 < end, let set = escape(bytes[i + 1], inClass: true) else { return nil }
                i += 2
                if bytes[i - 1] == UInt8(ascii: "d") {
                    element.low |= set.low
                    element.high |= set.high
                    continue
                }
                low = bytes[i - 1]
            } else {
                let byte = bytes[i]
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "[") else { return nil }
                low = byte
                i += 1
            }
            // A range `a-z` (a `-` first, last or after a range is a literal).
            if i + 1 < end, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] != UInt8(ascii: "]") {
                var high = bytes[i + 1]
                if high == UInt8(ascii: "\\") {
                    guard i + 2 < end, escape(bytes[i + 2], inClass: true) != nil, bytes[i + 2] != UInt8(ascii: "d") else { return nil }
                    high = bytes[i + 2]
                    i += 3
                } else {
                    guard high >= 0x20, high < 0x7F, high != UInt8(ascii: "[") else { return nil }
                    i += 2
                }
                guard low <= high else { return nil }
                element.insert(low...high)
            } else {
                element.insert(low)
            }
        }
        guard i < end else { return nil }  // no closing bracket before the anchor
        return (element, i + 1)
    }

    /// A quantifier at `start`, if any: `{n}`, `{n,m}`, `{n,}`, `?`, `*`, `+` (greedy only).
    private static func parseQuantifier(_ bytes: [UInt8], from start: Int, end: Int) -> (Int, Int, Int)? {
        var result: (Int, Int, Int)
        switch bytes[start] {
        case UInt8(ascii: "?"): result = (0, 1, start + 1)
        case UInt8(ascii: "*"): result = (0, Int.max, start + 1)
        case UInt8(ascii: "+"): result = (1, Int.max, start + 1)
        case UInt8(ascii: "{"):
            var i = start + 1
            func number() -> Int? {
                var value = 0
                var digits = 0
                while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9"), digits < 6 {
                    value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                    digits += 1
                    i += 1
                }
                return digits > 0 ? value : nil
            }
            guard let minimum = number() else { return nil }
            var maximum = minimum
            if i < end, bytes[i] == UInt8(ascii: ",") {
                i += 1
                maximum = number() ?? Int.max
            }
            guard i < end, bytes[i] == UInt8(ascii: "}"), minimum <= maximum else { return nil }
            result = (minimum, maximum, i + 1)
        default:
            return (1, 1, start)
        }
        // A lazy or possessive suffix changes nothing for a whole-string match, but keep
        // the shapes this matcher accepts plain.
        if result.2 < end, bytes[result.2] == UInt8(ascii: "?") || bytes[result.2] == UInt8(ascii: "+") { return nil }
        return result
    }
}
