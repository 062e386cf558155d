import FormaJSON

/// One run of a compiled schema over one instance.
///
/// In `collect` mode it records every error with its instance and keyword locations; in
/// fast mode it stops at the first failure and tracks no paths. It is a struct created per
/// call — a shared ``Validator`` needs no locking, and the hot recursion pays no dynamic
/// exclusivity checks or reference counting for its state.
struct Evaluation {
    /// Whether errors (and the paths they need) are being recorded right now. Turned off
    /// temporarily under `not`, `if` and `contains`, whose failures are not errors.
    var collect: Bool
    var errors: [SchemaViolation] = []
    var instancePath: [String] = []
    var keywordPath: [String] = []
    var dynamicScope: [Int] = []
    var depth = 0
    let maxDepth: Int
    let stack = StackGuard()
    let dynamicAnchors: [[String: SchemaNode]]
    /// Whether any `$dynamicRef` exists, so the dynamic scope must be tracked.
    let tracksDynamicScope: Bool

    init(collect: Bool, maxDepth: Int, dynamicAnchors: [[String: SchemaNode]]) {
        self.collect = collect
        self.maxDepth = maxDepth
        self.dynamicAnchors = dynamicAnchors
        self.tracksDynamicScope = dynamicAnchors.contains { !$0.isEmpty }
    }

    // MARK: Errors and paths

    mutating func report(_ node: SchemaNode, _ keyword: String, _ message: String, at extraInstanceToken: String? = nil) {
        var instance = JSONPointer(tokens: instancePath)
        if let extraInstanceToken { instance = instance.appending(extraInstanceToken) }
        let absolute = keyword.isEmpty ? node.absoluteLocation : node.absoluteLocation + "/" + JSONPointer.escape(keyword)
        errors.append(SchemaViolation(
            instanceLocation: instance,
            keywordLocation: JSONPointer(tokens: keywordPath),
            absoluteKeywordLocation: absolute.hasPrefix("#") ? nil : absolute,
            keyword: keywordPath.last ?? keyword,
            message: message))
    }

    @inline(__always) mutating func pushKeyword(_ token: @autoclosure () -> String) {
        if collect { keywordPath.append(token()) }
    }

    @inline(__always) mutating func popKeyword() {
        if collect { keywordPath.removeLast() }
    }

    @inline(__always) mutating func pushInstance(_ token: @autoclosure () -> String) {
        if collect { instancePath.append(token()) }
    }

    @inline(__always) mutating func popInstance() {
        if collect { instancePath.removeLast() }
    }

    /// Evaluates `node` with error collection off (for `not`, `if`, `contains`).
    mutating func evaluateSilently(_ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        let saved = collect
        collect = false
        let result = evaluate(node, instance, track: track, &evaluated)
        collect = saved
        return result
    }

    /// Evaluates `node` at a child location (`token` added to both paths).
    /// The tokens are built only when errors are being collected (an array index becomes a
    /// string only then).
    @inline(__always)
    mutating func evaluateChild(
        _ node: SchemaNode, _ instance: JSONValue, keywordToken: @autoclosure () -> String?,
        instanceToken: @autoclosure () -> String
    ) -> Bool {
        guard collect else { return evaluate(node, instance) }
        let keyword = keywordToken()
        if let keyword { keywordPath.append(keyword) }
        instancePath.append(instanceToken())
        let ok = evaluate(node, instance)
        if keyword != nil { keywordPath.removeLast() }
        instancePath.removeLast()
        return ok
    }

    // MARK: Nodes

    /// Evaluates `node` against `instance`. When `track` is set, the locations evaluated by
    /// a successful evaluation are merged into `evaluated`.
    mutating func evaluate(_ node: SchemaNode, _ instance: JSONValue, track: Bool, _ evaluated: inout EvaluatedLocations) -> Bool {
        if node.alwaysFails {
            if collect { report(node, "", "no value is allowed here (the schema is false), got \(Self.describe(instance))") }
            return false
        }
        if node.keywords.isEmpty { return true }
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth || !stack.hasRoom() {
            if collect {
                report(node, "", "schema evaluation nested too deep (over \(depth - 1) levels; hostile nesting or a reference cycle?)")
            }
            return false
        }
        let entersResource = tracksDynamicScope && dynamicScope.last != node.resourceID
        if entersResource { dynamicScope.append(node.resourceID) }
        defer { if entersResource { dynamicScope.removeLast() } }

        let trackChildren = track || node.needsAnnotations
        var local = EvaluatedLocations()
        var valid = true
        for keyword in node.keywords {
            if collect { keywordPath.append(keyword.name) }
            let ok = keyword.evaluate(&self, node, instance, track: trackChildren, &local)
            if collect { keywordPath.removeLast() }
            if !ok {
                valid = false
                if !collect { return false }
            }
        }
        if valid && track { evaluated.merge(local) }
        return valid
    }

    /// Evaluates a child schema that does not contribute annotations to the caller.
    @inline(__always)
    mutating func evaluate(_ node: SchemaNode, _ instance: JSONValue) -> Bool {
        var ignored = EvaluatedLocations()
        return evaluate(node, instance, track: false, &ignored)
    }

    // MARK: Messages

    /// A short rendering of a value for messages: JSON text, cut at 60 characters.
    static func describe(_ value: JSONValue) -> String {
        let text: String
        switch value {
        case .object(let o): text = o.isEmpty ? "{}" : "an object"
        case .array(let a): text = "an array of \(a.count) item\(a.count == 1 ? "" : "s")"
        default: text = value.serialized()
        }
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "…"
    }
}
