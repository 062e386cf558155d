import SwiftParser
import SwiftDiagnostics
import SwiftSyntax

/// What a `@Guide` attribute says about a property: a description and schema keywords.
struct Guide {
    var description: String?
    var keywords: [(String, JSONLiteral)] = []
}

/// Reads `@Guide(description:, constraints…)`, checking each constraint against the
/// property's type.
struct GuideReader {
    /// The attribute being read.
    let attribute: AttributeSyntax
    /// The property's declared type, if written.
    let propertyType: TypeSyntax?
    /// Problems found, at the offending constraint.
    private(set) var diagnostics: [Diagnostic] = []

    init(attribute: AttributeSyntax, propertyType: TypeSyntax?) {
        self.attribute = attribute
        self.propertyType = propertyType
    }

    private var kind: ValueKind { propertyType.map(ValueKind.init(of:)) ?? .unknown }

    /// Reads the attribute, recording diagnostics.
    mutating func read() -> Guide {
        var guide = Guide()
        guard case .argumentList(let arguments) = attribute.arguments else { return guide }
        for argument in arguments {
            if argument.label?.text == "description" {
                if let text = argument.expression.as(StringLiteralExprSyntax.self)?.representedLiteralValue {
                    guide.description = text
                } else {
                    diagnose(argument.expression, .descriptionNotLiteral)
                }
                continue
            }
            guide.keywords += constraint(argument, in: arguments)
        }
        return guide
    }

    private mutating func diagnose(_ node: some SyntaxProtocol, _ message: SchemaDiagnostic, fixIts: [FixIt] = []) {
        diagnostics.append(Diagnostic(node: node, message: message, fixIts: fixIts))
    }

    /// The keywords of one constraint argument, or none after a diagnostic.
    private mutating func constraint(_ argument: LabeledExprSyntax, in list: LabeledExprListSyntax) -> [(String, JSONLiteral)] {
        let expression = argument.expression
        let name: String
        var values: [ExprSyntax] = []
        if let call = expression.as(FunctionCallExprSyntax.self),
            let member = call.calledExpression.as(MemberAccessExprSyntax.self)
        {
            name = member.declName.baseName.text
            values = call.arguments.map(\.expression)
        } else if let member = expression.as(MemberAccessExprSyntax.self) {
            name = member.declName.baseName.text
        } else {
            diagnose(expression, .unknownConstraint(expression.trimmedDescription))
            return []
        }
        guard let rule = Self.rules[name] else {
            diagnose(expression, .unknownConstraint(name))
            return []
        }
        if kind != .unknown, let kinds = rule.kinds, !kinds.contains(kind) {
            let typeName = propertyType?.trimmedDescription ?? "?"
            diagnose(
                expression, .constraintMismatch(name, kinds[0].plural, typeName),
                fixIts: [removalFixIt(argument, from: list)])
            return []
        }
        guard let keywords = rule.read(values) else {
            if name == "format", let first = values.first, let member = first.as(MemberAccessExprSyntax.self) {
                diagnose(first, .unknownFormat(member.declName.baseName.text))
            } else {
                diagnose(expression, .notLiteral(name))
            }
            return []
        }
        if name == "constant", let constant = keywords.first?.1, !fits(constant) {
            diagnose(expression, .constantMismatch(propertyType?.trimmedDescription ?? "?"))
            return []
        }
        return keywords
    }

    /// Whether a `const` value can be a value of the property's type.
    private func fits(_ value: JSONLiteral) -> Bool {
        switch (kind, value) {
        case (.unknown, _): return true
        case (.string, .string), (.boolean, .bool), (.number, .number), (.array, .array), (.dictionary, .object):
            return true
        case (.integer, .number): return value.isIntegerNumber
        default: return false
        }
    }

    /// A fix-it deleting `argument` from the attribute's arguments.
    private func removalFixIt(_ argument: LabeledExprSyntax, from list: LabeledExprListSyntax) -> FixIt {
        var kept = Array(list.filter { $0.id != argument.id })
        if let last = kept.indices.last { kept[last] = kept[last].with(\.trailingComma, nil) }
        return FixIt(
            message: SchemaFixIt.removeConstraint,
            changes: [.replace(oldNode: Syntax(list), newNode: Syntax(LabeledExprListSyntax(kept)))])
    }
}

extension GuideReader {
    /// What a constraint applies to and how its arguments become keywords.
    struct Rule: Sendable {
        /// The kinds of property it fits; `nil` for any.
        let kinds: [ValueKind]?
        /// The keywords for the arguments, or `nil` when they are not literals.
        let read: @Sendable ([ExprSyntax]) -> [(String, JSONLiteral)]?
    }

    private static let numbers: [ValueKind] = [.number, .integer]

    private static func single(_ keyword: String, _ convert: @escaping @Sendable (ExprSyntax) -> JSONLiteral?) -> @Sendable ([ExprSyntax]) -> [(String, JSONLiteral)]? {
        { values in
            guard values.count == 1, let value = convert(values[0]) else { return nil }
            return [(keyword, value)]
        }
    }

    private static func number(_ expression: ExprSyntax) -> JSONLiteral? {
        JSONLiteral.numberText(expression).map(JSONLiteral.number)
    }

    private static func integer(_ expression: ExprSyntax) -> JSONLiteral? {
        guard let value = number(expression), value.isIntegerNumber else { return nil }
        return value
    }

    private static func string(_ expression: ExprSyntax) -> JSONLiteral? {
        expression.as(StringLiteralExprSyntax.self)?.representedLiteralValue.map(JSONLiteral.string)
    }

    /// `lower...upper`, `lower..<upper`, `lower...`, `...upper` as keywords.
    private static func range(
        _ minimum: String, _ maximum: String, _ exclusiveMaximum: String?,
        _ convert: @escaping @Sendable (ExprSyntax) -> JSONLiteral?
    ) -> @Sendable ([ExprSyntax]) -> [(String, JSONLiteral)]? {
        { values in
            guard values.count == 1, let bounds = RangeBounds(values[0]) else { return nil }
            var keywords: [(String, JSONLiteral)] = []
            if let lower = bounds.lower {
                guard let value = convert(lower) else { return nil }
                keywords.append((minimum, value))
            }
            if let upper = bounds.upper {
                guard let value = convert(upper) else { return nil }
                if bounds.isHalfOpen {
                    guard let exclusiveMaximum else { return nil }
                    keywords.append((exclusiveMaximum, value))
                } else {
                    keywords.append((maximum, value))
                }
            }
            return keywords
        }
    }

    static let rules: [String: Rule] = [
        "range": Rule(kinds: numbers, read: range("minimum", "maximum", "exclusiveMaximum", number)),
        "minimum": Rule(kinds: numbers, read: single("minimum", number)),
        "maximum": Rule(kinds: numbers, read: single("maximum", number)),
        "exclusiveMinimum": Rule(kinds: numbers, read: single("exclusiveMinimum", number)),
        "exclusiveMaximum": Rule(kinds: numbers, read: single("exclusiveMaximum", number)),
        "multipleOf": Rule(kinds: numbers, read: single("multipleOf", number)),
        "pattern": Rule(kinds: [.string], read: single("pattern", string)),
        "minLength": Rule(kinds: [.string], read: single("minLength", integer)),
        "maxLength": Rule(kinds: [.string], read: single("maxLength", integer)),
        "format": Rule(kinds: [.string], read: single("format", format)),
        "anyOf": Rule(
            kinds: [.string],
            read: single("enum") { expression in
                guard let array = expression.as(ArrayExprSyntax.self) else { return nil }
                var values: [JSONLiteral] = []
                for element in array.elements {
                    guard let value = string(element.expression) else { return nil }
                    values.append(value)
                }
                return .array(values)
            }),
        "count": Rule(kinds: [.array], read: range("minItems", "maxItems", nil, integer)),
        "minCount": Rule(kinds: [.array], read: single("minItems", integer)),
        "maxCount": Rule(kinds: [.array], read: single("maxItems", integer)),
        "uniqueItems": Rule(kinds: [.array], read: { $0.isEmpty ? [("uniqueItems", .bool(true))] : nil }),
        "constant": Rule(kinds: nil, read: single("const") { JSONLiteral($0) }),
        "examples": Rule(
            kinds: nil,
            read: { values in
                var examples: [JSONLiteral] = []
                for value in values {
                    guard let literal = JSONLiteral(value) else { return nil }
                    examples.append(literal)
                }
                return [("examples", .array(examples))]
            }),
        "deprecated": Rule(kinds: nil, read: { $0.isEmpty ? [("deprecated", .bool(true))] : nil }),
        "grounded": Rule(kinds: [.string, .array], read: grounded),
    ]

    /// `.grounded` (exact) or `.grounded(.exact | .normalized)`.
    private static func grounded(_ values: [ExprSyntax]) -> [(String, JSONLiteral)]? {
        guard let first = values.first else { return [("x-forma-grounded", .string("exact"))] }
        guard values.count == 1, let member = first.as(MemberAccessExprSyntax.self) else { return nil }
        let mode = member.declName.baseName.text
        guard mode == "exact" || mode == "normalized" else { return nil }
        return [("x-forma-grounded", .string(mode))]
    }

    /// The `format` names of `SchemaFormat`'s members.
    static let formats: [String: String] = [
        "dateTime": "date-time", "date": "date", "time": "time", "duration": "duration", "email": "email",
        "idnEmail": "idn-email", "hostname": "hostname", "idnHostname": "idn-hostname", "ipv4": "ipv4",
        "ipv6": "ipv6", "uri": "uri", "uriReference": "uri-reference", "iri": "iri",
        "iriReference": "iri-reference", "uriTemplate": "uri-template", "uuid": "uuid",
        "jsonPointer": "json-pointer", "relativeJSONPointer": "relative-json-pointer", "regex": "regex",
    ]

    private static func format(_ expression: ExprSyntax) -> JSONLiteral? {
        if let member = expression.as(MemberAccessExprSyntax.self) {
            return formats[member.declName.baseName.text].map(JSONLiteral.string)
        }
        if let call = expression.as(FunctionCallExprSyntax.self), call.arguments.count == 1,
            let first = call.arguments.first
        {
            return string(first.expression)  // SchemaFormat("name") or .init("name")
        }
        return string(expression)
    }
}

/// The bounds of a range literal.
struct RangeBounds {
    let lower: ExprSyntax?
    let upper: ExprSyntax?
    let isHalfOpen: Bool

    init?(_ expression: ExprSyntax) {
        if let sequence = expression.as(SequenceExprSyntax.self) {
            let elements = Array(sequence.elements)
            guard elements.count == 3, let op = elements[1].as(BinaryOperatorExprSyntax.self) else { return nil }
            self.init(lower: elements[0], operator: op.operator.text, upper: elements[2])
        } else if let infix = expression.as(InfixOperatorExprSyntax.self),
            let op = infix.operator.as(BinaryOperatorExprSyntax.self)
        {
            self.init(lower: infix.leftOperand, operator: op.operator.text, upper: infix.rightOperand)
        } else if let postfix = expression.as(PostfixOperatorExprSyntax.self), postfix.operator.text == "..." {
            self.init(lower: postfix.expression, operator: "...", upper: nil)
        } else if let prefix = expression.as(PrefixOperatorExprSyntax.self),
            prefix.operator.text == "..." || prefix.operator.text == "..<"
        {
            self.init(lower: nil, operator: prefix.operator.text, upper: prefix.expression)
        } else {
            return nil
        }
    }

    private init?(lower: ExprSyntax?, operator op: String, upper: ExprSyntax?) {
        guard op == "..." || op == "..<" else { return nil }
        self.lower = lower
        self.upper = upper
        self.isHalfOpen = op == "..<"
    }
}
