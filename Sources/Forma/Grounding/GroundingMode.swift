/// How a grounded value must occur in the source text (`"x-forma-grounded"` in a schema,
/// `@Guide(.grounded)` on a property).
///
/// Either way the occurrence must sit on word boundaries: `"A"` does not match inside
/// `"Ada"`, and a match never ends inside a character (before a combining mark, a
/// variation selector or a zero-width joiner). Between letters of scripts written without
/// spaces (Han, kana, Thai, Lao, Khmer, Myanmar) any position is a boundary.
public enum GroundingMode: String, Sendable, Hashable, CaseIterable {
    /// The value occurs in the text scalar for scalar.
    case exact
    /// The value occurs after both are normalized: Unicode NFKC, case folding, and every
    /// run of whitespace (line breaks included) read as one space; the value's leading and
    /// trailing whitespace is ignored.
    case normalized

    /// The schema keyword that marks a grounded field.
    public static let keyword = "x-forma-grounded"
}
