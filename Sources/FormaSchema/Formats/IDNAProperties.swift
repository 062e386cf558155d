/// IDNA2008 code point classification (RFC 5892) derived from the standard library's
/// Unicode properties, plus the script, Bidi and joining data the contextual rules need.
///
/// The full IDNA tables are not shipped. PVALID/DISALLOWED is computed with the RFC 5892
/// derivation (exceptions, unassigned, LDH, join controls, unstable under NFKC case
/// folding, ignorable properties and blocks, old Hangul jamo, letter/digit categories)
/// from `Unicode.Scalar.Properties`. Script, Bidi class and joining type, which the
/// standard library does not expose, are approximated by block ranges covering the
/// scripts that participate in the rules (Greek, Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Hiragana, Katakana, Han).
enum IDNAProperties {
    enum Derived {
        case pvalid, contextJ, contextO, disallowed
    }

    static func derivedProperty(_ scalar: Unicode.Scalar) -> Derived {
        let value = scalar.value
        switch value {
        // RFC 5892 section 2.6 exceptions.
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007:
            return .pvalid
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9:
            return .contextO
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B:
            return .disallowed
        case 0x61...0x7A, 0x30...0x39, 0x2D:
            return .pvalid
        case 0x200C, 0x200D:
            return .contextJ
        default:
            break
        }
        let properties = scalar.properties
        let category = properties.generalCategory
        if category == .unassigned { return .disallowed }
        if properties.changesWhenNFKCCaseFolded { return .disallowed }
        if properties.isDefaultIgnorableCodePoint || properties.isWhitespace
            || properties.isNoncharacterCodePoint {
            return .disallowed
        }
        switch value {
        case 0x20D0...0x20FF, 0x1D100...0x1D1FF, 0x1D200...0x1D24F:  // ignorable blocks
            return .disallowed
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF:  // old Hangul jamo
            return .disallowed
        default:
            break
        }
        switch category {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter,
             .nonspacingMark, .spacingMark:
            return .pvalid
        default:
            return .disallowed
        }
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isVirama(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass == .virama
    }

    static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0370...0x0373, 0x0375...0x037D, 0x037F, 0x0384, 0x0386, 0x0388...0x03E1,
             0x03F0...0x03FF, 0x1D26...0x1D2A, 0x1F00...0x1FFE, 0x2126, 0xAB65, 0x10140...0x1018E:
            return true
        default:
            return false
        }
    }

    static func isHebrew(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0591...0x05F4, 0xFB1D...0xFB4F: return true
        default: return false
        }
    }

    /// Hiragana, Katakana or Han (the KATAKANA MIDDLE DOT rule); U+30FB itself excluded.
    static func isHiraganaKatakanaOrHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30FB: return false
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0x32D0...0x32FE, 0x3300...0x3357,
             0xFF66...0xFF9D, 0x1B000...0x1B16F:
            return true
        case 0x2E80...0x2FD5, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// The Bidi classes the RFC 5893 rules distinguish.
    enum BidiClass {
        case l, r, al, an, en, es, cs, et, on, bn, nsm, other
    }

    static func bidiClass(_ scalar: Unicode.Scalar) -> BidiClass {
        let value = scalar.value
        switch value {
        case 0x30...0x39, 0x06F0...0x06F9, 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079,
             0x2080...0x2089, 0xFF10...0xFF19, 0x1D7CE...0x1D7FF:
            return .en
        case 0x0600...0x0605, 0x0660...0x0669, 0x066B, 0x066C, 0x06DD, 0x0890, 0x0891, 0x08E2, 0x10D30...0x10D39,
             0x10E60...0x10E7E:
            return .an
        case 0x2D, 0x2B: return .es
        case 0x2C, 0x2E, 0x2F, 0x3A, 0xA0: return .cs
        case 0x200B...0x200D: return .bn
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return .nsm
        case .format: return .bn
        default: break
        }
        switch value {
        case 0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F, 0x10800...0x10CFF,
             0x10D40...0x10EBF, 0x10F00...0x10F2F, 0x1E800...0x1EC6F:
            return .r
        case 0x0600...0x07BF, 0x0860...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF,
             0x10D00...0x10D3F, 0x10F30...0x10FFF, 0x1EC70...0x1EFFF:
            return .al
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .modifierLetter, .titlecaseLetter,
             .spacingMark, .decimalNumber, .letterNumber:
            return .l
        default:
            return value < 0x80 ? .on : .l
        }
    }

    /// Joining types (Unicode ArabicShaping) relevant to the ZERO WIDTH NON-JOINER rule.
    enum JoiningType {
        case left, dual, right, transparent, none
    }

    static func joiningType(_ scalar: Unicode.Scalar) -> JoiningType {
        let value = scalar.value
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark || category == .format {
            return value == 0x200C || value == 0x200D ? .none : .transparent
        }
        switch value {
        // Right-joining letters of the Arabic, Syriac and Arabic Supplement blocks.
        case 0x0622...0x0625, 0x0627, 0x0629, 0x062F...0x0632, 0x0648, 0x0671...0x0673,
             0x0675...0x0677, 0x0688...0x0699, 0x06C0, 0x06C3...0x06CB, 0x06CD, 0x06CF,
             0x06D2, 0x06D3, 0x06D5, 0x06EE, 0x06EF, 0x0710, 0x0715...0x0719, 0x071E, 0x0728,
             0x072A, 0x072C, 0x072F, 0x074D, 0x0759...0x075B, 0x076B, 0x076C, 0x0771, 0x0773,
             0x0774, 0x0778, 0x0779:
            return .right
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FC, 0x06FF, 0x0712...0x072F,
             0x074E...0x077F, 0x07CA...0x07EA, 0x08A0...0x08C8:
            return category == .otherLetter || category == .modifierLetter ? .dual : .none
        case 0xA872:
            return .left
        default:
            return .none
        }
    }
}
