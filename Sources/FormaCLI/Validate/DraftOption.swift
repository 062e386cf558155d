import ArgumentParser
import FormaSchema

/// A `--default-draft` value: a draft by its short name (`4`, `6`, `7`, `2019-09`, `2020-12`;
/// `draft-04` and the like also parse), listed by `--help` from ``SchemaDraft``, not restated.
struct DraftOption: ExpressibleByArgument, Sendable, Equatable {
    /// The draft chosen.
    var draft: SchemaDraft

    init(_ draft: SchemaDraft) { self.draft = draft }

    init?(argument: String) {
        guard let draft = SchemaDraft(name: argument) else { return nil }
        self.draft = draft
    }

    var defaultValueDescription: String { draft.name }

    static var allValueStrings: [String] { SchemaDraft.allCases.map(\.name) }
}
