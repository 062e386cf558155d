import FormaJSON

/// `type`.
final class TypeKeyword: Keyword, @unchecked Sendable {
    let types: TypeSet
    init(name: String, types: TypeSet) {
        self.types = types
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.types = types
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        if types.matches(instance) { return true }
        if e.collect {
            let names = types.names
            let expected = names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
            e.report(node, name, "expected \(expected), got \(Evaluation.describe(instance))")
        }
        return false
    }
}

/// `enum`.
final class EnumKeyword: Keyword, @unchecked Sendable {
    let options: [JSONValue]
    /// The options when all are strings (the common case): compared without JSONValue copies.
    let strings: [String]?
    /// `strings` as UTF-8 bytes: an instance string is compared by its bytes, read once.
    let utf8Strings: [[UInt8]]?

    init(name: String, options: [JSONValue]) {
        self.options = options
        let strings = options.compactMap(\.string)
        self.strings = strings.count == options.count ? strings : nil
        self.utf8Strings = self.strings?.map { Array($0.utf8) }
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        if let strings { node.enumStrings = strings } else { node.enumValues = options }
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        if let utf8Strings {
            if case .string(var s) = instance, s.withUTF8({ bytes in utf8Strings.contains { $0.elementsEqual(bytes) } }) {
                return true
            }
        } else if options.contains(instance) {
            return true
        }
        if e.collect {
            let list = options.prefix(10).map { $0.serialized() }.joined(separator: ", ")
            e.report(node, name, "expected one of [\(list)\(options.count > 10 ? ", …" : "")], got \(Evaluation.describe(instance))")
        }
        return false
    }
}

/// `const`.
final class ConstKeyword: Keyword, @unchecked Sendable {
    let value: JSONValue
    init(name: String, value: JSONValue) {
        self.value = value
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.constValue = value
        node.hasConst = true
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        if instance == value { return true }
        if e.collect { e.report(node, name, "expected \(Evaluation.describe(value)), got \(Evaluation.describe(instance))") }
        return false
    }
}

/// `multipleOf`.
final class MultipleOfKeyword: Keyword, @unchecked Sendable {
    let divisor: JSONNumber
    init(name: String, divisor: JSONNumber) {
        self.divisor = divisor
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.multiplesOf.append(divisor)
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .number(let n) = instance, !n.isMultiple(of: divisor) else { return true }
        if e.collect { e.report(node, name, "expected a multiple of \(divisor), got \(n)") }
        return false
    }
}

/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
final class BoundKeyword: Keyword, @unchecked Sendable {
    enum Bound { case minimum, maximum, exclusiveMinimum, exclusiveMaximum }
    let limit: JSONNumber
    let bound: Bound
    init(name: String, limit: JSONNumber, bound: Bound) {
        self.limit = limit
        self.bound = bound
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 0 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.bounds.append((limit, bound))
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .number(let n) = instance else { return true }
        let order = JSONNumber.compare(n, limit)
        let ok: Bool
        let expected: String
        switch bound {
        case .minimum: ok = order >= 0; expected = "≥"
        case .maximum: ok = order <= 0; expected = "≤"
        case .exclusiveMinimum: ok = order > 0; expected = ">"
        case .exclusiveMaximum: ok = order < 0; expected = "<"
        }
        if ok { return true }
        if e.collect { e.report(node, name, "expected a number \(expected) \(limit), got \(n)") }
        return false
    }
}

/// `format`, when asserted.
final class FormatKeyword: Keyword, @unchecked Sendable {
    let format: String
    /// The format's check, looked up once; `nil` for unknown formats, which pass.
    let check: (@Sendable (String) -> Bool)?
    /// - Parameter rfc1123Hostnames: whether `hostname` follows RFC 1123 (drafts 04 and 06).
    init(name: String, format: String, rfc1123Hostnames: Bool = false) {
        self.format = format
        if rfc1123Hostnames, format == "hostname" {
            self.check = { HostnameFormat.isRFC1123Hostname($0) }
        } else {
            self.check = FormatChecker.checker(for: format)
        }
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 1 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        // Unknown formats pass, as they do on the tree.
        guard let check else { return .subschemas }
        node.formats.append(check)
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .string(let s) = instance, let check, !check(s) else { return true }
        if e.collect { e.report(node, name, "expected a valid \(format), got \(Evaluation.describe(instance))") }
        return false
    }
}

/// Draft-07 `contentEncoding` / `contentMediaType` assertion.
final class ContentKeyword: Keyword, @unchecked Sendable {
    let encoding: String?
    let mediaType: String?
    init(name: String, encoding: String?, mediaType: String?) {
        self.encoding = encoding
        self.mediaType = mediaType
        super.init(name: name)
    }
    override class var evaluationOrder: Int { 1 }

    override func addStreamForm(to node: StreamNode, _ compiler: inout StreamCompiler) -> StreamForm {
        node.contents.append((encoding, mediaType))
        return .value
    }

    override func evaluate(_ e: inout Evaluation, _ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        guard case .string(let s) = instance,
            let problem = ContentAssertion.problem(in: s, encoding: encoding, mediaType: mediaType)
        else { return true }
        if e.collect { e.report(node, name, problem) }
        return false
    }
}
