/// Object keys: repeated keys are found by comparing UTF-8 bytes (code points, as JSON
/// requires), by a linear scan for small objects and through a hash index for large ones.
extension JSONReader {
    /// Pushes `pending` as the next key of the innermost object, or, when the object already
    /// has that key, marks the earlier member's value slot for replacement.
    @inline(__always)
    mutating func recordKey(_ key: consuming String, sourceStart: Int, length: Int) {
        let top = frames.count - 1
        let frame = frames.base[top]
        let existing = keys.count - frame.keyStart
        if !frame.isIndexed {
            let spans = keySpans.base + frame.keyStart
            var i = 0
            while i < existing {
                if spans[i].length == length
                    && sameKey(spans[i], keys.base[frame.keyStart + i], sourceStart, key, length: length)
                {
                    frames.base[top].duplicateSlot = frame.valueStart + i
                    return
                }
                i += 1
            }
            if existing < Self.linearKeyScanLimit {
                keySpans.push(KeySpan(sourceStart: sourceStart, length: length))
                keys.push(key)
                return
            }
            buildKeyIndex(top)
        }
        let wrapped = JSONKeyBytes(copy key)
        let last = keyIndexes.count - 1
        if let slot = keyIndexes[last][wrapped] {
            frames.base[top].duplicateSlot = frame.valueStart + slot
            return
        }
        keyIndexes[last][wrapped] = existing
        keySpans.push(KeySpan(sourceStart: sourceStart, length: length))
        keys.push(key)
    }

    /// Switches the innermost object (frame `top`) to a hash index of its keys.
    @inline(never)
    mutating func buildKeyIndex(_ top: Int) {
        let frame = frames.base[top]
        let existing = keys.count - frame.keyStart
        var index = [JSONKeyBytes: Int](minimumCapacity: 2 * (existing + 1))
        for i in 0..<existing { index[JSONKeyBytes(keys.base[frame.keyStart + i])] = i }
        keyIndexes.append(index)
        frames.base[top].isIndexed = true
    }

    /// Whether two keys of equal UTF-8 length `length` have the same bytes.
    @inline(__always)
    func sameKey(_ a: KeySpan, _ aKey: borrowing String, _ bStart: Int, _ bKey: borrowing String, length: Int) -> Bool {
        guard a.sourceStart >= 0, bStart >= 0, let base = bytes.baseAddress else {
            return JSONValue.sameCodePoints(copy aKey, copy bKey)
        }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= length {
            let x = raw.loadUnaligned(fromByteOffset: a.sourceStart + i, as: UInt64.self)
            let y = raw.loadUnaligned(fromByteOffset: bStart + i, as: UInt64.self)
            if x != y { return false }
            i += 8
        }
        while i < length {
            if base[a.sourceStart + i] != base[bStart + i] { return false }
            i += 1
        }
        return true
    }
}

/// A string that hashes and compares by its UTF-8 bytes rather than by Swift's canonical
/// equivalence, so `"é"` and `"e\u{301}"` stay different keys.
struct JSONKeyBytes: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: JSONKeyBytes, rhs: JSONKeyBytes) -> Bool {
        JSONValue.sameCodePoints(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
