/// Splits an ECMA-262 pattern that is one long alternation into patterns that together match
/// what it matches, for PCRE2, whose compiled patterns are limited to 64 KiB (a 46,277-character
/// alternation of names compiles to more).
///
/// Two shapes split: a top-level alternation `A|B|C` (some part matches where the whole would),
/// and `^(A|B|C)$` / `^(?:A|B|C)$` with optional anchors, whose parts keep the anchors
/// (`^(?:A|B)$`, `^(?:C)$`). Patterns with backreferences never split: renumbered groups would
/// change what they mean.
enum AlternationSplitter {
    /// A pattern's alternatives and the text around them.
    struct Alternation {
        /// Text before the alternatives in every part (`""`, `"^"`, `"^(?:"`).
        var prefix: String
        /// Text after them (`""`, `")$"`).
        var suffix: String
        /// The alternatives, in order.
        var alternatives: [String]

        /// The pattern of alternatives `range`.
        func part(_ range: Range<Int>) -> String {
            prefix + alternatives[range].joined(separator: "|") + suffix
        }
    }

    /// The alternatives of `pattern`, or `nil` when it has neither splittable shape.
    static func alternation(of pattern: String) -> Alternation? {
        let scalars = Array(pattern.unicodeScalars)
        guard !hasBackreference(scalars) else { return nil }
        let top = topLevelBars(scalars, from: 0, to: scalars.count)
        if !top.isEmpty {
            return Alternation(prefix: "", suffix: "", alternatives: pieces(scalars, 0, scalars.count, top))
        }
        var start = 0
        var end = scalars.count
        var prefix = ""
        var suffix = ""
        if start < end, scalars[start] == "^" {
            start += 1
            prefix = "^"
        }
        if end - start >= 2, scalars[end - 1] == "$", !isEscaped(scalars, end - 1) {
            end -= 1
            suffix = "$"
        }
        guard end - start >= 2, scalars[start] == "(", scalars[end - 1] == ")",
            matchingParenthesis(scalars, start) == end - 1
        else { return nil }
        var bodyStart = start + 1
        if bodyStart + 1 < end, scalars[bodyStart] == "?" {
            guard scalars[bodyStart + 1] == ":" else { return nil }  // lookarounds, named groups
            bodyStart += 2
        }
        let bars = topLevelBars(scalars, from: bodyStart, to: end - 1)
        guard !bars.isEmpty else { return nil }
        return Alternation(prefix: prefix + "(?:", suffix: ")" + suffix,
                           alternatives: pieces(scalars, bodyStart, end - 1, bars))
    }

    private static func pieces(_ s: [Unicode.Scalar], _ from: Int, _ to: Int, _ bars: [Int]) -> [String] {
        var out: [String] = []
        var start = from
        for bar in bars + [to] {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: s[start..<bar])
            out.append(String(piece))
            start = bar + 1
        }
        return out
    }

    /// Whether `s[i]` is preceded by an odd number of backslashes.
    private static func isEscaped(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var count = 0
        var j = i - 1
        while j >= 0, s[j] == "\\" {
            count += 1
            j -= 1
        }
        return count % 2 == 1
    }

    /// `\1`…`\9` or `\k<name>` outside character classes.
    private static func hasBackreference(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        var inClass = false
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count {
                let next = s[i + 1]
                if !inClass, ("1"..."9").contains(next) || next == "k" { return true }
                i += 2
                continue
            }
            if c == "[" { inClass = true } else if c == "]" { inClass = false }
            i += 1
        }
        return false
    }

    /// Positions of `|` at nesting depth 0 in `s[from..<to]`, outside classes and escapes;
    /// empty also when the parentheses do not balance there.
    private static func topLevelBars(_ s: [Unicode.Scalar], from: Int, to: Int) -> [Int] {
        var bars: [Int] = []
        var balanced = true
        let end = walkStructure(s, from: from, to: to) { i, c, depth in
            if c == ")", depth < 0 {
                balanced = false
                return false
            }
            if c == "|", depth == 0 { bars.append(i) }
            return true
        }
        return balanced && end.depth == 0 && !end.inClass ? bars : []
    }

    /// The index of the `)` closing the `(` at `open`, or `nil`.
    private static func matchingParenthesis(_ s: [Unicode.Scalar], _ open: Int) -> Int? {
        var closing: Int?
        _ = walkStructure(s, from: open, to: s.count) { i, c, depth in
            if c == ")", depth == 0 {
                closing = i
                return false
            }
            return true
        }
        return closing
    }

    /// Walks `s[from..<to]`, skipping escapes and character classes, and calls `visit` with
    /// each `(`, `)` and `|` outside them and the nesting depth after it (`(` raises it, `)`
    /// lowers it); stops when `visit` returns `false`. Returns the depth and whether a class
    /// was still open where it stopped.
    private static func walkStructure(
        _ s: [Unicode.Scalar], from: Int, to: Int, visit: (Int, Unicode.Scalar, Int) -> Bool
    ) -> (depth: Int, inClass: Bool) {
        var depth = 0
        var inClass = false
        var i = from
        while i < to {
            let c = s[i]
            if c == "\\" {
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" || c == ")" || c == "|" {
                if c == "(" { depth += 1 }
                if c == ")" { depth -= 1 }
                if !visit(i, c, depth) { return (depth, inClass) }
            }
            i += 1
        }
        return (depth, inClass)
    }
}
