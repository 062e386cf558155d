import FormaJSON
import FormaSchema

/// Drops the `null`s a strict schema made a model send for optional properties, so the
/// reply can be validated against the original schema (where an optional property may be
/// absent but not null).
///
/// A `null` member is removed only when the original schema rejects it and removing it
/// does not make the object miss a required property.
enum NullPruning {
    static func prune(_ value: JSONValue, validator: Validator) -> JSONValue {
        if validator.isValid(value) { return value }
        return pruneInvalid(value, validator: validator)
    }

    /// ``prune(_:validator:)`` for a value already known to be invalid.
    static func pruneInvalid(_ value: JSONValue, validator: Validator) -> JSONValue {
        let errors = validator.validate(value).errors
        var candidates: [JSONPointer] = []
        for error in errors where !error.instanceLocation.isRoot && error.instanceLocation.resolve(in: value) == .null {
            if !candidates.contains(error.instanceLocation) { candidates.append(error.instanceLocation) }
        }
        guard !candidates.isEmpty else { return value }
        var pruned = value
        for pointer in candidates { pruned = pruned.removing(at: pointer) }
        // Restore members whose removal made a required property go missing.
        let missing = Set(validator.validate(pruned).errors.compactMap { error -> JSONPointer? in
            guard error.keyword == "required", let name = error.message.split(separator: "\"").dropFirst().first else { return nil }
            return error.instanceLocation.appending(String(name))
        })
        if missing.isEmpty { return pruned }
        var result = value
        for pointer in candidates where !missing.contains(pointer) { result = result.removing(at: pointer) }
        return result
    }
}

extension JSONValue {
    /// This value with the member or element at `pointer` removed (unchanged when absent).
    func removing(at pointer: JSONPointer) -> JSONValue {
        guard let first = pointer.tokens.first else { return self }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var object):
            guard let child = object[first] else { return self }
            // Spelled out: a bare `nil` here would become JSONValue.null (the type is
            // ExpressibleByNilLiteral) and set the member instead of removing it.
            if rest.isRoot {
                object[first] = JSONValue?.none
            } else {
                object[first] = child.removing(at: rest)
            }
            return .object(object)
        case .array(var array):
            guard let index = JSONPointer.arrayIndex(first), index < array.count else { return self }
            if rest.isRoot { array.remove(at: index) } else { array[index] = array[index].removing(at: rest) }
            return .array(array)
        default:
            return self
        }
    }
}
