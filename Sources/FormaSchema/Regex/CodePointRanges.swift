/// A set of Unicode code points as sorted, non-overlapping closed ranges, used to spell out
/// ECMA-262's ASCII-only `\d` and `\w` and its exact `\s` for PCRE2, whose UCP mode would
/// otherwise make them Unicode-aware.
struct CodePointRanges: Sendable, Equatable {
    /// The largest Unicode code point.
    static let maxCodePoint: UInt32 = 0x10FFFF

    /// Sorted, disjoint, non-adjacent ranges.
    private(set) var ranges: [ClosedRange<UInt32>]

    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = Self.normalized(ranges)
    }

    /// ECMA-262 `\d`: ASCII digits only.
    static let digits = CodePointRanges([0x30...0x39])
    /// ECMA-262 `\w`: `[A-Za-z0-9_]`.
    static let wordCharacters = CodePointRanges([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// ECMA-262 `\s`: WhiteSpace (TAB, VT, FF, SP, NBSP, ZWNBSP, Zs) plus LineTerminator.
    static let whitespace = CodePointRanges([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// ECMA-262 LineTerminator: what `.` does not match and where multiline `^`/`$` stop.
    static let lineTerminators = CodePointRanges([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])
    /// Every code point (`[^]`, `\p{Any}`).
    static let all = CodePointRanges([0...maxCodePoint])
    /// `\p{ASCII}`.
    static let ascii = CodePointRanges([0...0x7F])

    /// The code points not in this set.
    var inverted: CodePointRanges {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound == Self.maxCodePoint { return CodePointRanges(result) }
            next = range.upperBound + 1
        }
        result.append(next...Self.maxCodePoint)
        return CodePointRanges(result)
    }

    /// The ranges with the UTF-16 surrogate block removed: PCRE2 in UTF mode rejects surrogate
    /// code points, and a Swift string never contains one, so dropping them changes nothing.
    var withoutSurrogates: CodePointRanges {
        var result: [ClosedRange<UInt32>] = []
        for range in ranges {
            if range.lowerBound < 0xD800 { result.append(range.lowerBound...min(range.upperBound, 0xD7FF)) }
            if range.upperBound > 0xDFFF { result.append(max(range.lowerBound, 0xE000)...range.upperBound) }
        }
        return CodePointRanges(result)
    }

    /// The class body (without brackets) in PCRE2 syntax, for example `\x{30}-\x{39}`.
    func appendClassBody(to output: inout [UInt8]) {
        for range in withoutSurrogates.ranges {
            Self.appendHexEscape(range.lowerBound, to: &output)
            if range.upperBound != range.lowerBound {
                output.append(UInt8(ascii: "-"))
                Self.appendHexEscape(range.upperBound, to: &output)
            }
        }
    }

    /// Appends `\x{HEX}` for one code point.
    static func appendHexEscape(_ codePoint: UInt32, to output: inout [UInt8]) {
        output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x"), UInt8(ascii: "{")])
        output.append(contentsOf: String(codePoint, radix: 16, uppercase: true).utf8)
        output.append(UInt8(ascii: "}"))
    }

    private static func normalized(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
