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

extension TypeKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let value = r.object["type"] else { return [] }
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let a): names = a
        default: throw r.fail("type", "expected a type name or an array of them")
        }
        var set: TypeSet = []
        for name in names {
            guard let s = name.string, let t = TypeSet(name: s) else { throw r.fail("type", "unknown type \(name.serialized())") }
            set.insert(t)
        }
        return [TypeKeyword(name: "type", types: set)]
    }
}

extension EnumKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let value = r.object["enum"] else { return [] }
        guard case .array(let options) = value else { throw r.fail("enum", "expected an array") }
        return [EnumKeyword(name: "enum", options: options)]
    }
}

extension ConstKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        r.object["const"].map { [ConstKeyword(name: "const", value: $0)] } ?? []
    }
}

extension MultipleOfKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard let n = try r.number("multipleOf") else { return [] }
        guard !n.isNegative, !n.isZero else { throw r.fail("multipleOf", "expected a number > 0") }
        return [MultipleOfKeyword(name: "multipleOf", divisor: n)]
    }
}

extension BoundKeyword: ReadableKeyword {
    static func read(_ r: KeywordReading) throws -> [Keyword] {
        var out: [Keyword] = []
        guard r.rules.booleanExclusiveBounds else {
            for (keyword, bound) in [("maximum", Bound.maximum), ("minimum", .minimum),
                                     ("exclusiveMaximum", .exclusiveMaximum), ("exclusiveMinimum", .exclusiveMinimum)] {
                if let n = try r.number(keyword) { out.append(BoundKeyword(name: keyword, limit: n, bound: bound)) }
            }
            return out
        }
        // Draft-04: `exclusiveMaximum: true` makes `maximum` exclusive.
        func exclusive(_ keyword: String) throws -> Bool {
            guard let value = r.object[keyword] else { return false }
            guard case .bool(let flag) = value else { throw r.fail(keyword, "expected a boolean (draft-04)") }
            return flag
        }
        let exclusiveMaximum = try exclusive("exclusiveMaximum")
        let exclusiveMinimum = try exclusive("exclusiveMinimum")
        if let n = try r.number("maximum") {
            out.append(BoundKeyword(name: "maximum", limit: n, bound: exclusiveMaximum ? .exclusiveMaximum : .maximum))
        }
        if let n = try r.number("minimum") {
            out.append(BoundKeyword(name: "minimum", limit: n, bound: exclusiveMinimum ? .exclusiveMinimum : .minimum))
        }
        return out
    }
}

extension FormatKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { [] }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        guard r.assertsFormat, let value = r.object["format"] else { return [] }
        guard case .string(let name) = value else { throw r.fail("format", "expected a format name") }
        return [FormatKeyword(name: "format", format: name, rfc1123Hostnames: r.rules.hostnamesAreRFC1123)]
    }
}

extension ContentKeyword: ReadableKeyword {
    static var vocabulary: Vocabularies { [] }

    static func read(_ r: KeywordReading) throws -> [Keyword] {
        // Draft-07 lets validators assert content (opt-in: peers and schema authors treat it
        // as an annotation); 2019-09 and later make it annotation only.
        guard r.assertsContent, r.rules.contentIsAssertable else { return [] }
        let encoding = r.object["contentEncoding"]
        let mediaType = r.object["contentMediaType"]
        guard encoding != nil || mediaType != nil else { return [] }
        return [ContentKeyword(name: encoding != nil ? "contentEncoding" : "contentMediaType",
                               encoding: encoding?.string, mediaType: mediaType?.string)]
    }
}
