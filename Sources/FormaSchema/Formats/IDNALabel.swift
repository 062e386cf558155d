/// IDNA2008 validity of U-labels (RFC 5891 section 5.4, RFC 5892 contextual rules) and
/// the Bidi rule for domain names (RFC 5893).
enum IDNALabel {
    /// Whether `label` (Unicode scalars, already decoded from an A-label if needed) is a
    /// valid U-label on its own. ASCII capital letters are accepted as their lowercase form.
    static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first, let last = label.last else { return false }
        guard first != "-", last != "-" else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        if IDNAProperties.isCombiningMark(first) { return false }
        for (position, scalar) in label.enumerated() {
            if scalar.isASCII, ASCII.isAlpha(UInt8(scalar.value)) { continue }
            switch IDNAProperties.derivedProperty(scalar) {
            case .pvalid:
                continue
            case .disallowed:
                return false
            case .contextJ:
                guard satisfiesContextJ(label, at: position) else { return false }
            case .contextO:
                guard satisfiesContextO(label, at: position) else { return false }
            }
        }
        return true
    }

    /// RFC 5892 appendix A.1 (ZERO WIDTH NON-JOINER) and A.2 (ZERO WIDTH JOINER).
    static func satisfiesContextJ(_ label: [Unicode.Scalar], at position: Int) -> Bool {
        if position > 0, IDNAProperties.isVirama(label[position - 1]) { return true }
        guard label[position] == "\u{200C}" else { return false }
        // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
        var before = position - 1
        while before >= 0, IDNAProperties.joiningType(label[before]) == .transparent { before -= 1 }
        guard before >= 0 else { return false }
        let leading = IDNAProperties.joiningType(label[before])
        guard leading == .left || leading == .dual else { return false }
        var after = position + 1
        while after < label.count, IDNAProperties.joiningType(label[after]) == .transparent { after += 1 }
        guard after < label.count else { return false }
        let trailing = IDNAProperties.joiningType(label[after])
        return trailing == .right || trailing == .dual
    }

    /// RFC 5892 appendix A.3–A.9.
    static func satisfiesContextO(_ label: [Unicode.Scalar], at position: Int) -> Bool {
        let scalar = label[position]
        switch scalar.value {
        case 0x00B7:  // MIDDLE DOT: between two 'l'.
            return position > 0 && position + 1 < label.count
                && label[position - 1] == "l" && label[position + 1] == "l"
        case 0x0375:  // GREEK LOWER NUMERAL SIGN: followed by Greek.
            return position + 1 < label.count && IDNAProperties.isGreek(label[position + 1])
        case 0x05F3, 0x05F4:  // HEBREW GERESH / GERSHAYIM: preceded by Hebrew.
            return position > 0 && IDNAProperties.isHebrew(label[position - 1])
        case 0x30FB:  // KATAKANA MIDDLE DOT: some Hiragana, Katakana or Han in the label.
            return label.contains(where: IDNAProperties.isHiraganaKatakanaOrHan)
        case 0x0660...0x0669:  // ARABIC-INDIC DIGITS: no Extended Arabic-Indic digits.
            return !label.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9:  // EXTENDED ARABIC-INDIC DIGITS: no Arabic-Indic digits.
            return !label.contains { (0x0660...0x0669).contains($0.value) }
        default:
            return false
        }
    }

    /// RFC 5893: when any label holds a right-to-left character, every label must satisfy
    /// the six conditions of the Bidi rule.
    static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let isBidiDomain = labels.contains { label in
            label.contains { scalar in
                switch IDNAProperties.bidiClass(scalar) {
                case .r, .al, .an: return true
                default: return false
                }
            }
        }
        guard isBidiDomain else { return true }
        return labels.allSatisfy(labelSatisfiesBidiRule)
    }

    static func labelSatisfiesBidiRule(_ label: [Unicode.Scalar]) -> Bool {
        let classes = label.map(IDNAProperties.bidiClass)
        guard let first = classes.first else { return false }
        let lastStrong = classes.last { $0 != .nsm }
        switch first {
        case .r, .al:
            // Rules 2–4.
            let allowed: Set<IDNAProperties.BidiClass> = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
            guard classes.allSatisfy(allowed.contains) else { return false }
            guard let lastStrong, [.r, .al, .en, .an].contains(lastStrong) else { return false }
            return !(classes.contains(.en) && classes.contains(.an))
        case .l:
            // Rules 5–6.
            let allowed: Set<IDNAProperties.BidiClass> = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
            guard classes.allSatisfy(allowed.contains) else { return false }
            guard let lastStrong, lastStrong == .l || lastStrong == .en else { return false }
            return true
        default:
            return false
        }
    }
}
