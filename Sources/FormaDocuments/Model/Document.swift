public import FormaJSON

/// One instance read from a file, with the source position of every value in it.
///
/// A YAML file may hold several documents; each is its own `Document` with its own
/// ``index``. Positions are looked up by JSON Pointer: ``position(of:)`` gives where a value
/// starts, ``keyPosition(of:)`` where the key naming a member starts (for errors about the
/// member's name, such as `additionalProperties`).
///
/// ```swift
/// let document = try DocumentReader.read(Array("a:\n  b: 1\n".utf8), format: .yaml)[0]
/// document.position(of: JSONPointer(tokens: ["a", "b"]))  // 2:6
/// ```
public struct Document: Sendable {
    /// The instance.
    public var value: JSONValue
    /// Which document of its file this is, from 0 (only YAML files hold more than one).
    public var index: Int
    /// Where the document starts.
    public var start: SourcePosition
    let positions: PositionTable

    /// A document holding `value` with the positions `recorder` collected.
    init(value: JSONValue, index: Int, start: SourcePosition, recorder: PositionRecorder) {
        self.value = value
        self.index = index
        self.start = start
        self.positions = recorder.table
    }

    /// Where the value at `pointer` starts; for a pointer that names no recorded value (an
    /// alias's insides, or a member that is missing), the nearest recorded ancestor's
    /// position.
    public func position(of pointer: JSONPointer) -> SourcePosition {
        positions.lookup { values, _ in
            var tokens = pointer.tokens
            while true {
                if let found = values[JSONPointer(tokens: tokens).description] { return found }
                if tokens.isEmpty { return start }
                tokens.removeLast()
            }
        }
    }

    /// Where the key of the member at `pointer` starts (falling back to ``position(of:)``
    /// for array items and the root).
    public func keyPosition(of pointer: JSONPointer) -> SourcePosition {
        positions.lookup { _, keys in keys[pointer.description] } ?? position(of: pointer)
    }
}
