/// Punycode (RFC 3492) decoding and encoding of a single label, without the `xn--` prefix.
///
/// Both directions use checked arithmetic and return `nil` on overflow or bad input, so
/// hostile labels cannot crash or loop.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 0x80

    /// Decodes the ASCII text after `xn--` into Unicode scalars.
    static func decode<Bytes: Collection<UInt8>>(_ input: Bytes) -> [Unicode.Scalar]? {
        let bytes = Array(input)
        var output: [UInt32] = []
        var start = 0
        if let delimiter = bytes.lastIndex(of: UInt8(ascii: "-")) {
            for byte in bytes[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(UInt32(byte))
            }
            start = delimiter > 0 ? delimiter + 1 : 0
        }
        var n = initialN
        var i = 0
        var bias = initialBias
        var position = start
        while position < bytes.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard position < bytes.count, let digit = digitValue(bytes[position]) else { return nil }
                position += 1
                guard let product = multiply(digit, weight), let sum = add(i, product) else { return nil }
                i = sum
                let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < threshold { break }
                guard let nextWeight = multiply(weight, base - threshold) else { return nil }
                weight = nextWeight
                k += base
            }
            let length = output.count + 1
            bias = adapt(delta: i - oldI, count: length, first: oldI == 0)
            guard let next = add(n, i / length) else { return nil }
            n = next
            i %= length
            guard n <= 0x10FFFF, !(0xD800...0xDFFF).contains(n), n >= 0x80 else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        return output.compactMap(Unicode.Scalar.init)
    }

    /// Encodes Unicode scalars as the ASCII text that follows `xn--`.
    static func encode(_ scalars: [Unicode.Scalar]) -> [UInt8]? {
        let values = scalars.map { Int($0.value) }
        var output: [UInt8] = values.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < values.count {
            guard let m = values.filter({ $0 >= n }).min(),
                  let step = multiply(m - n, handled + 1), let newDelta = add(delta, step)
            else { return nil }
            delta = newDelta
            n = m
            for value in values {
                if value < n {
                    guard let incremented = add(delta, 1) else { return nil }
                    delta = incremented
                }
                guard value == n else { continue }
                var q = delta
                var k = base
                while true {
                    let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < threshold { break }
                    output.append(digitByte(threshold + (q - threshold) % (base - threshold)))
                    q = (q - threshold) / (base - threshold)
                    k += base
                }
                output.append(digitByte(q))
                bias = adapt(delta: delta, count: handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func adapt(delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0")) + 26
        default: return nil
        }
    }

    private static func digitByte(_ digit: Int) -> UInt8 {
        digit < 26 ? UInt8(ascii: "a") + UInt8(digit) : UInt8(ascii: "0") + UInt8(digit - 26)
    }

    /// Punycode arithmetic is bounded to 32 bits like reference implementations.
    private static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow || result > Int(Int32.max) ? nil : result
    }

    private static func add(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow || result > Int(Int32.max) ? nil : result
    }
}
