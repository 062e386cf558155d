import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plugin that provides Forma's macros.
@main
struct FormaMacrosPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [SchemaMacro.self, GuideMacro.self]
}
