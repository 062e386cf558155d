import FormaMacros
import SwiftSyntaxBuilder
import SwiftSyntaxMacroExpansion

/// The macros under test, as the `Forma` module declares them.
let formaMacros: [String: MacroSpec] = [
    "Schema": MacroSpec(type: SchemaMacro.self, conformances: ["SchemaRepresentable", "PartiallyDecodable", "JSONValueDecodable"]),
    "Guide": MacroSpec(type: GuideMacro.self),
]
