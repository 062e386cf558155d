/// What the word-boundary rule of grounding needs to know about one Unicode scalar.
enum ScalarClass {
    /// Whether the scalar extends the character before it (a combining mark, a variation
    /// selector, a zero-width joiner, an emoji skin-tone modifier): no boundary lies before it.
    static func isExtending(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether the scalar is part of a word: a letter, a digit, a mark or `_`.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    /// Whether the scalar belongs to a script written without spaces between words, where
    /// any position between two of its letters is a boundary.
    static func isSpaceless(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,  // kana
            0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F,  // Myanmar
            0x1780...0x17FF:  // Khmer
            return true
        default:
            return scalar.properties.isIdeographic
        }
    }

    /// Whether a word boundary lies between `before` and `after` (either may be absent: the
    /// edge of the text is a boundary).
    static func isBoundary(_ before: Unicode.Scalar?, _ after: Unicode.Scalar?) -> Bool {
        guard let after else { return true }
        if isExtending(after) { return false }
        guard let before else { return true }
        guard isWord(before), isWord(after) else { return true }
        return isSpaceless(before) || isSpaceless(after)
    }
}
