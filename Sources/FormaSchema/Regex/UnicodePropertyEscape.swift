/// Translates the body of an ECMA-262 `\p{…}` / `\P{…}` escape into what PCRE2 10.42 accepts.
///
/// ECMA-262 allows long General_Category names (`Letter`, `digit`, `Uppercase_Letter`),
/// `General_Category=`/`gc=`, `Script=`/`sc=` and `Script_Extensions=`/`scx=` forms; PCRE2 10.42
/// only knows the short category names, and spells script lookups `sc:`/`scx:`.
enum UnicodePropertyEscape {
    /// What a property escape stands for.
    enum Translation: Equatable {
        /// A PCRE2 property escape body, to be written as `\p{body}` (or `\P{body}`).
        case property(String)
        /// An explicit set of code points.
        case ranges(CodePointRanges)
    }

    /// Maps the body of `\p{body}` to its PCRE2 form.
    /// - Returns: the translation, or `nil` with a reason when ECMA-262 does not know the name.
    static func translate(_ body: String) -> Result<Translation, PropertyNameError> {
        if let equals = body.firstIndex(of: "=") {
            let name = String(body[..<equals])
            let value = String(body[body.index(after: equals)...])
            guard isPlainName(value) else { return .failure(.init("invalid property value '\(value)'")) }
            switch name {
            case "General_Category", "gc":
                guard let short = generalCategories[value] else {
                    return .failure(.init("unknown General_Category value '\(value)'"))
                }
                return .success(.property(short))
            case "Script", "sc":
                return .success(.property("sc:" + value))
            case "Script_Extensions", "scx":
                return .success(.property("scx:" + value))
            default:
                return .failure(.init("unknown Unicode property name '\(name)'"))
            }
        }
        guard isPlainName(body) else { return .failure(.init("invalid Unicode property name '\(body)'")) }
        if let short = generalCategories[body] { return .success(.property(short)) }
        switch body {
        case "Any": return .success(.ranges(.all))
        case "ASCII": return .success(.ranges(.ascii))
        case "Assigned": return .success(.property("^Cn"))
        default:
            // A binary property such as Alphabetic or Emoji: PCRE2 10.42 knows most of them and
            // rejects the rest with its own "unknown property" error.
            return .success(.property(body))
        }
    }

    /// Why a property escape was rejected.
    struct PropertyNameError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
        }
    }

    /// Every General_Category value alias from Unicode's PropertyValueAliases.txt, mapped to the
    /// short name PCRE2 understands (`LC` is PCRE2's `L&`).
    static let generalCategories: [String: String] = {
        let aliases: [(short: String, long: [String])] = [
            ("C", ["Other"]), ("Cc", ["Control", "cntrl"]), ("Cf", ["Format"]),
            ("Cn", ["Unassigned"]), ("Co", ["Private_Use"]), ("Cs", ["Surrogate"]),
            ("L", ["Letter"]), ("LC", ["Cased_Letter"]), ("Ll", ["Lowercase_Letter"]),
            ("Lm", ["Modifier_Letter"]), ("Lo", ["Other_Letter"]), ("Lt", ["Titlecase_Letter"]),
            ("Lu", ["Uppercase_Letter"]), ("M", ["Mark", "Combining_Mark"]),
            ("Mc", ["Spacing_Mark"]), ("Me", ["Enclosing_Mark"]), ("Mn", ["Nonspacing_Mark"]),
            ("N", ["Number"]), ("Nd", ["Decimal_Number", "digit"]), ("Nl", ["Letter_Number"]),
            ("No", ["Other_Number"]), ("P", ["Punctuation", "punct"]),
            ("Pc", ["Connector_Punctuation"]), ("Pd", ["Dash_Punctuation"]),
            ("Pe", ["Close_Punctuation"]), ("Pf", ["Final_Punctuation"]),
            ("Pi", ["Initial_Punctuation"]), ("Po", ["Other_Punctuation"]),
            ("Ps", ["Open_Punctuation"]), ("S", ["Symbol"]), ("Sc", ["Currency_Symbol"]),
            ("Sk", ["Modifier_Symbol"]), ("Sm", ["Math_Symbol"]), ("So", ["Other_Symbol"]),
            ("Z", ["Separator"]), ("Zl", ["Line_Separator"]), ("Zp", ["Paragraph_Separator"]),
            ("Zs", ["Space_Separator"]),
        ]
        var table: [String: String] = [:]
        for (short, long) in aliases {
            let pcre = short == "LC" ? "L&" : short
            table[short] = pcre
            for name in long { table[name] = pcre }
        }
        return table
    }()
}
