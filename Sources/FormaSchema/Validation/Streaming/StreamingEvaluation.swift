import FormaJSON

/// Checks JSON text against a ``StreamNode`` program while reading it, without building the
/// instance's tree: members and elements are checked as they pass, strings are built only
/// where a keyword reads them, and subschemas that apply to the same value (`$ref`, `allOf`,
/// `anyOf`, `oneOf`, `not`, `if`) read it again from its start.
///
/// `check` answers `true` only when the text is well-formed and valid. `false` means
/// "invalid or malformed"; ``StreamingEvaluation/Stop`` means the text needs the tree (a
/// nesting deeper than the stream evaluator recurses, a pattern that could not run). The
/// conformance suite runs every case through both evaluators and compares.
struct StreamingEvaluation: ~Copyable {
    /// Why the text must be checked on the tree instead.
    enum Stop: Error {
        case malformed
        case needsTree
    }

    /// Deeper than this, the tree evaluator (which guards its stack) takes over.
    static let maxDepth = 128

    private var reader: JSONTokenizer
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        reader = JSONTokenizer(bytes, maxDepth: maxDepth)
    }

    /// Whether the whole text is one value valid against `root`.
    mutating func check(_ root: StreamNode) throws(Stop) -> Bool {
        guard try evaluate(root) else { return false }
        do { try reader.finish() } catch { throw .malformed }
        return true
    }

    // MARK: Nodes

    /// Checks the value at the cursor. On `true` the cursor is after the value; on `false`
    /// it is anywhere (callers that go on rewind).
    private mutating func evaluate(_ node: StreamNode) throws(Stop) -> Bool {
        if node.alwaysFails { return false }
        if node.acceptsAll {
            try skip()
            return true
        }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw .needsTree }
        guard node.hasSubschemas else { return try direct(node) }

        let start = reader.mark
        var end: JSONTokenizer.Mark?
        if node.hasDirectKeywords {
            guard try direct(node) else { return false }
            end = reader.mark
        }
        for child in node.applied {
            reader.rewind(to: start)
            guard try evaluate(child) else { return false }
            if end == nil { end = reader.mark }
        }
        if let alternatives = node.anyOf {
            var matched = false
            for child in alternatives {
                reader.rewind(to: start)
                if try evaluate(child) {
                    matched = true
                    if end == nil { end = reader.mark }
                    break
                }
            }
            guard matched else { return false }
        }
        if let alternatives = node.oneOf {
            var matches = 0
            for child in alternatives {
                reader.rewind(to: start)
                if try evaluate(child) {
                    matches += 1
                    if matches > 1 { return false }
                    if end == nil { end = reader.mark }
                }
            }
            guard matches == 1 else { return false }
        }
        for child in node.negated {
            reader.rewind(to: start)
            if try evaluate(child) { return false }
        }
        for (condition, thenNode, elseNode) in node.conditionals {
            reader.rewind(to: start)
            let holds = try evaluate(condition)
            guard let branch = holds ? thenNode : elseNode else { continue }
            reader.rewind(to: start)
            guard try evaluate(branch) else { return false }
            if end == nil { end = reader.mark }
        }
        if let end {
            reader.rewind(to: end)
        } else {
            reader.rewind(to: start)
            try skip()
        }
        return true
    }

    /// The keywords that look at the value itself; consumes the value.
    private mutating func direct(_ node: StreamNode) throws(Stop) -> Bool {
        let kind: JSONTokenizer.Kind
        do { kind = try reader.peek() } catch { throw .malformed }
        if node.needsTree, kind == .object || kind == .array {
            let start = reader.mark
            let value: JSONValue
            do { value = try reader.readValue() } catch { throw .malformed }
            guard matchesValueLists(node, value) else { return false }
            reader.rewind(to: start)
        }
        do {
            switch kind {
            case .string:
                if let types = node.types, !types.contains(.string) { return false }
                guard node.needsStringValue || node.needsTree else {
                    try reader.skipString()
                    return true
                }
                if node.stringBytesSuffice {
                    return try reader.withString { try Self.stringBytes(node, $0) }
                }
                let text = try reader.readString()
                return try string(node, text)
            case .number:
                let number = try reader.readNumber()
                if let types = node.types,
                    !(types.contains(.number) || (types.contains(.integer) && number.isInteger))
                {
                    return false
                }
                if node.needsTree, !matchesValueLists(node, .number(number)) { return false }
                for (limit, bound) in node.bounds {
                    let order = JSONNumber.compare(number, limit)
                    switch bound {
                    case .minimum: if order < 0 { return false }
                    case .maximum: if order > 0 { return false }
                    case .exclusiveMinimum: if order <= 0 { return false }
                    case .exclusiveMaximum: if order >= 0 { return false }
                    }
                }
                for divisor in node.multiplesOf where !number.isMultiple(of: divisor) { return false }
                if node.enumStrings != nil { return false }
                return true
            case .bool:
                if let types = node.types, !types.contains(.boolean) { return false }
                let value = try reader.readBool()
                if node.enumStrings != nil { return false }
                return !node.needsTree || matchesValueLists(node, .bool(value))
            case .null:
                if let types = node.types, !types.contains(.null) { return false }
                try reader.readNull()
                if node.enumStrings != nil { return false }
                return !node.needsTree || matchesValueLists(node, .null)
            case .object:
                if let types = node.types, !types.contains(.object) { return false }
                if node.enumStrings != nil { return false }
                return try object(node)
            case .array:
                if let types = node.types, !types.contains(.array) { return false }
                if node.enumStrings != nil { return false }
                return try array(node)
            }
        } catch let stop as Stop {
            throw stop
        } catch {
            throw .malformed
        }
    }

    private func matchesValueLists(_ node: StreamNode, _ value: JSONValue) -> Bool {
        if let options = node.enumValues, !options.contains(value) { return false }
        if node.hasConst, let constant = node.constValue, value != constant { return false }
        return true
    }

    /// The string keywords on the string's UTF-8 bytes, when no keyword needs a `String`.
    private static func stringBytes(_ node: StreamNode, _ bytes: UnsafeBufferPointer<UInt8>) throws(Stop) -> Bool {
        if let options = node.enumUTF8, !options.contains(where: { $0.elementsEqual(bytes) }) { return false }
        if node.maxLength != nil || node.minLength != nil {
            // Code points: every byte but UTF-8 continuation bytes starts one.
            var length = 0
            for byte in bytes where byte & 0xC0 != 0x80 { length += 1 }
            if let limit = node.maxLength, length > limit { return false }
            if let limit = node.minLength, length < limit { return false }
        }
        if !node.patterns.isEmpty {
            for regex in node.patterns {
                do {
                    guard try regex.matches(utf8: bytes) else { return false }
                } catch {
                    throw .needsTree
                }
            }
        }
        return true
    }

    private func string(_ node: StreamNode, _ text: String) throws(Stop) -> Bool {
        if let strings = node.enumStrings, !strings.contains(where: { JSONValue.sameCodePoints($0, text) }) { return false }
        if node.needsTree, !matchesValueLists(node, .string(text)) { return false }
        if let limit = node.maxLength, text.utf8.count > limit, text.unicodeScalars.count > limit { return false }
        if let limit = node.minLength, text.utf8.count < limit * 4, text.unicodeScalars.count < limit { return false }
        // Empty lists are skipped without touching them (iterating retains the storage).
        if !node.patterns.isEmpty {
            for regex in node.patterns {
                do {
                    guard try regex.matches(text) else { return false }
                } catch {
                    throw .needsTree
                }
            }
        }
        if !node.formats.isEmpty {
            for check in node.formats where !check(text) { return false }
        }
        if !node.contents.isEmpty {
            for (encoding, mediaType) in node.contents
            where ContentAssertion.problem(in: text, encoding: encoding, mediaType: mediaType) != nil {
                return false
            }
        }
        return true
    }

    // MARK: Containers

    private mutating func object(_ node: StreamNode) throws -> Bool {
        var found: UInt64 = 0
        var keys: [String] = []
        guard try reader.beginObject() else { return try closeObject(node, found: found, keys: keys) }
        repeat {
            let index: Int?
            var key = ""
            if node.needsKeyStrings {
                key = try reader.readKey()
                index = node.table?.table.position(of: key)
                if node.needsKeys {
                    if keys.contains(key) { throw Stop.needsTree }  // repeated: see below
                    keys.append(key)
                }
            } else if let table = node.table {
                index = try reader.withKey { table.position(ofUTF8: $0) }
            } else {
                _ = try reader.withKey { _ in 0 }
                index = nil
            }
            let valueStart = reader.mark
            var valueEnd: JSONTokenizer.Mark?
            if let i = index {
                if i < 64 {
                    // A repeated key: the tree keeps only its last value, which a check of
                    // every value as it passes could judge differently.
                    if found & (1 << UInt64(i)) != 0 { throw Stop.needsTree }
                    found |= 1 << UInt64(i)
                }
                guard try evaluate(node.propertyNodes[i]) else {
                    return try failsUnlessRepeated(node, index: i, key: key, valueStart: valueStart)
                }
                valueEnd = reader.mark
            } else if node.additionalIsFused, let additional = node.additional {
                // The common closed object: a member outside `properties` is additional
                // (and with `false`, its presence alone fails, repeated or not).
                if additional.alwaysFails { return false }
                guard try evaluate(additional) else {
                    return try failsUnlessRepeated(node, index: nil, key: key, valueStart: valueStart)
                }
                valueEnd = reader.mark
            }
            if node.needsKeyStrings {
                guard try beyondTable(node, key: key, inTable: index != nil, valueStart: valueStart, valueEnd: &valueEnd) else {
                    return try failsUnlessRepeated(node, index: index, key: key, valueStart: valueStart)
                }
            }
            if let valueEnd {
                reader.rewind(to: valueEnd)
            } else {
                reader.rewind(to: valueStart)
                try skip()
            }
        } while try reader.nextMember()
        return try closeObject(node, found: found, keys: keys)
    }

    /// A member's value failed. The tree keeps only the last value of a repeated key, so the
    /// object is invalid only if the key does not come again: the rest of the object is read
    /// to find out (repeated keys are left to the tree).
    private mutating func failsUnlessRepeated(
        _ node: StreamNode, index: Int?, key: String, valueStart: JSONTokenizer.Mark
    ) throws -> Bool {
        reader.rewind(to: valueStart)
        try skip()
        while try reader.nextMember() {
            let repeated: Bool
            if let index, !node.needsKeyStrings, let table = node.table {
                repeated = try reader.withKey { table.position(ofUTF8: $0) } == index
            } else {
                let other = try reader.readKey()
                repeated = index.map { node.table?.table.position(of: other) == $0 } ?? (other == key)
            }
            if repeated { throw Stop.needsTree }
            try skip()
        }
        return false
    }

    /// `patternProperties` and `additionalProperties` for one member.
    private mutating func beyondTable(
        _ node: StreamNode, key: String, inTable: Bool, valueStart: JSONTokenizer.Mark, valueEnd: inout JSONTokenizer.Mark?
    ) throws -> Bool {
        var matchesPattern = false
        for (regex, child) in node.patternProperties {
            let matches: Bool
            do { matches = try regex.matches(key) } catch { throw Stop.needsTree }
            guard matches else { continue }
            matchesPattern = true
            reader.rewind(to: valueStart)
            guard try evaluate(child) else { return false }
            if valueEnd == nil { valueEnd = reader.mark }
        }
        // A fused `additionalProperties` was checked by the caller.
        guard let additional = node.additional, !node.additionalIsFused else { return true }
        var isKnown: Bool
        do {
            isKnown = node.additionalKnown?.table.position(of: key) != nil || matchesPattern
            if !isKnown {
                for regex in node.additionalPatterns {
                    let matches: Bool
                    do { matches = try regex.matches(key) } catch { throw Stop.needsTree }
                    if matches {
                        isKnown = true
                        break
                    }
                }
            }
        }
        guard !isKnown else { return true }
        if additional.alwaysFails { return false }
        reader.rewind(to: valueStart)
        guard try evaluate(additional) else { return false }
        if valueEnd == nil { valueEnd = reader.mark }
        return true
    }

    private func closeObject(_ node: StreamNode, found: UInt64, keys: [String]) throws -> Bool {
        if node.requiredMask & ~found != 0 { return false }
        for name in node.otherRequired where !keys.contains(name) { return false }
        if let limit = node.minProperties, keys.count < limit { return false }
        if let limit = node.maxProperties, keys.count > limit { return false }
        return true
    }

    private mutating func array(_ node: StreamNode) throws -> Bool {
        var index = 0
        var matches = 0
        var elements: [JSONValue] = []
        if try reader.beginArray() {
            repeat {
                let elementStart = reader.mark
                var elementEnd: JSONTokenizer.Mark?
                let child: StreamNode? =
                    index < node.prefixItems.count ? node.prefixItems[index] : (index >= node.itemsStart ? node.items : nil)
                if let child {
                    guard try evaluate(child) else { return false }
                    elementEnd = reader.mark
                }
                if let contains = node.contains {
                    reader.rewind(to: elementStart)
                    if try evaluate(contains.node) {
                        matches += 1
                        if elementEnd == nil { elementEnd = reader.mark }
                    }
                }
                if node.uniqueItems {
                    reader.rewind(to: elementStart)
                    elements.append(try reader.readValue())
                    elementEnd = reader.mark
                }
                if let elementEnd {
                    reader.rewind(to: elementEnd)
                } else {
                    reader.rewind(to: elementStart)
                    try skip()
                }
                index += 1
            } while try reader.nextElement()
        }
        if let limit = node.minItems, index < limit { return false }
        if let limit = node.maxItems, index > limit { return false }
        if let contains = node.contains {
            if matches < contains.minimum { return false }
            if let maximum = contains.maximum, matches > maximum { return false }
        }
        if node.uniqueItems, elements.count > 1 {
            var seen = Set<JSONValue>(minimumCapacity: elements.count)
            for element in elements where !seen.insert(element).inserted { return false }
        }
        return true
    }

    private mutating func skip() throws(Stop) {
        do { try reader.skipValue() } catch { throw .malformed }
    }
}
