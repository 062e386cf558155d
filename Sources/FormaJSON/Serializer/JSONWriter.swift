/// Writes JSON text into a byte buffer; the engine behind ``JSONValue/serializedBytes(_:)``.
struct JSONWriter {
    var output: [UInt8] = []
    let style: JSONSerializationStyle

    init(style: JSONSerializationStyle) {
        self.style = style
    }

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: writeASCII("null")
        case .bool(let b): writeASCII(b ? "true" : "false")
        case .number(let n): writeNumber(n)
        case .string(let s): writeString(s)
        case .array(let elements): writeArray(elements, depth: depth)
        case .object(let object): writeObject(object, depth: depth)
        }
    }

    mutating func writeArray(_ elements: [JSONValue], depth: Int) {
        output.append(UInt8(ascii: "["))
        if elements.isEmpty {
            output.append(UInt8(ascii: "]"))
            return
        }
        for (i, element) in elements.enumerated() {
            if i > 0 { output.append(UInt8(ascii: ",")) }
            newline(depth: depth + 1)
            write(element, depth: depth + 1)
        }
        newline(depth: depth)
        output.append(UInt8(ascii: "]"))
    }

    mutating func writeObject(_ object: JSONObject, depth: Int) {
        output.append(UInt8(ascii: "{"))
        if object.isEmpty {
            output.append(UInt8(ascii: "}"))
            return
        }
        var members = object.members
        if style.sortedKeys {
            members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
        for (i, member) in members.enumerated() {
            if i > 0 { output.append(UInt8(ascii: ",")) }
            newline(depth: depth + 1)
            writeString(member.key)
            output.append(UInt8(ascii: ":"))
            if style.pretty { output.append(UInt8(ascii: " ")) }
            write(member.value, depth: depth + 1)
        }
        newline(depth: depth)
        output.append(UInt8(ascii: "}"))
    }

    /// In pretty style, a line break and two spaces per level.
    @inline(__always)
    mutating func newline(depth: Int) {
        guard style.pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    mutating func writeASCII(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes `number` exactly as ``JSONNumber/description`` spells it, without building
    /// intermediate strings for the common storages.
    mutating func writeNumber(_ number: JSONNumber) {
        switch number.storage {
        case .int(let v):
            writeInteger(v)
        case .decimal(let negative, let significand, let exponent):
            writeDecimal(negative: negative, significand: significand, exponent: exponent)
        case .big:
            output.append(contentsOf: number.description.utf8)
        }
    }

    /// `±significand × 10^exponent` in the layout of ``JSONNumber/description``: plain
    /// notation when short (`0.0075`, `19.99`), scientific otherwise (`1.5e+300`).
    mutating func writeDecimal(negative: Bool, significand: UInt64, exponent: Int) {
        if negative { output.append(UInt8(ascii: "-")) }
        let start = output.count
        var magnitude = significand
        repeat {
            output.append(UInt8(magnitude % 10) &+ 0x30)
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
        let count = output.count - start
        let order = count + exponent  // position of the decimal point from the left
        if exponent >= 0 && order <= 21 {
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
        } else if exponent < 0 && order > 0 {
            output.insert(UInt8(ascii: "."), at: start + order)
        } else if exponent < 0 && order > -6 {
            var prefix: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: ".")]
            prefix.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -order))
            output.insert(contentsOf: prefix, at: start)
        } else {
            if count > 1 { output.insert(UInt8(ascii: "."), at: start + 1) }
            let e = order - 1
            output.append(UInt8(ascii: "e"))
            output.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            writeInteger(Int64(e.magnitude))
        }
    }

    /// Writes the decimal digits of `v` without going through `String`.
    mutating func writeInteger(_ v: Int64) {
        if v < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = v.magnitude
        if magnitude < 10 {
            output.append(UInt8(magnitude) &+ 0x30)
            return
        }
        let start = output.count
        while magnitude > 0 {
            output.append(UInt8(magnitude % 10) &+ 0x30)
            magnitude /= 10
        }
        output[start...].reverse()
    }

    /// Writes `s` quoted, escaping `"`, `\` and control characters; everything else
    /// (including `/` and non-ASCII) is copied as UTF-8.
    mutating func writeString(_ s: String) {
        output.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                output.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(b)
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    output.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        hex.utf8Start[Int(b >> 4)], hex.utf8Start[Int(b & 0xF)],
                    ])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
