/// An exact JSON number.
///
/// JSON numbers are decimal; `JSONNumber` keeps their exact value instead of rounding them
/// to `Double`: integers beyond `Int64`, decimals such as `0.0075` and exponents such as
/// `1e308` are all represented exactly. The representation is normalized, so `1`, `1.0`
/// and `10e-1` are the same number (as JSON Schema requires) and hash alike.
///
/// ```swift
/// JSONNumber(parsing: "0.0075")!.isMultiple(of: JSONNumber(parsing: "0.0001")!)  // true
/// JSONNumber(parsing: "1.0") == JSONNumber(1)                                    // true
/// ```
public struct JSONNumber: Sendable {
    enum Storage: Sendable, Hashable {
        /// Any integer that fits `Int64`.
        case int(Int64)
        /// `significand × 10^exponent`, significand non-zero without trailing zeros, ≤ 19 digits.
        case decimal(negative: Bool, significand: UInt64, exponent: Int)
        /// Values with more than 19 significant digits: ASCII digits without leading or
        /// trailing zeros, value `digits × 10^exponent`.
        case big(negative: Bool, digits: [UInt8], exponent: Int)
    }

    var storage: Storage

    init(storage: Storage) { self.storage = storage }

    /// The number `value`.
    public init(_ value: Int) { storage = .int(Int64(value)) }
    /// The number `value`.
    public init(_ value: Int64) { storage = .int(value) }
    /// The number `value`.
    public init(_ value: UInt64) {
        if value <= UInt64(Int64.max) {
            storage = .int(Int64(value))
        } else {
            self = JSONNumber.make(negative: false, significand: value, exponent: 0)
        }
    }

    /// The decimal number that `value` prints as (its shortest round-tripping form), so
    /// `JSONNumber(0.1)` is exactly one tenth. Returns `nil` for NaN and infinities.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 9.0e18 {
            storage = .int(Int64(value))
            return
        }
        guard let parsed = JSONNumber(parsing: "\(value)") else { return nil }
        self = parsed
    }

    /// Parses a JSON number literal (`-12.5e3`); `nil` when the text is not one.
    public init?<S: StringProtocol>(parsing text: S) {
        var utf8 = Array(text.utf8)
        let parsed: JSONNumber? = utf8.withUnsafeMutableBufferPointer { buffer in
            guard JSONNumber.isValidLiteral(UnsafeBufferPointer(buffer)) else { return nil }
            return JSONNumber(validLiteral: UnsafeBufferPointer(buffer))
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Whether `bytes` is exactly one JSON number literal per RFC 8259.
    public static func isValidLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        func digit(_ j: Int) -> Bool { j < n && bytes[j] >= 0x30 && bytes[j] <= 0x39 }
        if i < n, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return false }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while digit(i) { i += 1 }
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == n
    }

    /// Builds the number from a literal already checked by ``isValidLiteral(_:)`` (the
    /// parser checks the grammar while scanning, so it calls this directly).
    public init(validLiteral bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        // Fast path: a plain integer of at most 18 digits.
        var fast: Int64 = 0
        var j = i
        while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39, j - i < 18 {
            fast = fast &* 10 &+ Int64(bytes[j] &- 0x30)
            j += 1
        }
        if j == n {
            storage = .int(negative ? -fast : fast)
            return
        }
        // General path: collect significant digits and the decimal exponent.
        var digits: [UInt8] = []
        digits.reserveCapacity(n)
        var exponent = 0
        var seenNonZero = false
        while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            if bytes[i] != 0x30 || seenNonZero {
                seenNonZero = true
                digits.append(bytes[i])
            }
            i += 1
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                if bytes[i] != 0x30 || seenNonZero {
                    seenNonZero = true
                    digits.append(bytes[i])
                }
                exponent -= 1
                i += 1
            }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if bytes[i] == UInt8(ascii: "+") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "-") {
                expNegative = true
                i += 1
            }
            var e = 0
            while i < n {
                // Saturate: exponents beyond a billion are kept as a billion.
                if e < 1_000_000_000 { e = e * 10 + Int(bytes[i] &- 0x30) }
                i += 1
            }
            exponent += expNegative ? -e : e
        }
        // Magnitudes beyond 10^±1,000,000,000 are kept at that bound (the leading digit's
        // power saturates), so that the serialized text parses back to the same value.
        if !digits.isEmpty {
            let leading = exponent + digits.count - 1
            let bound = Self.maxDecimalExponent
            if leading > bound { exponent = bound - (digits.count - 1) }
            if leading < -bound { exponent = -bound - (digits.count - 1) }
        }
        self = JSONNumber.make(negative: negative, asciiDigits: digits, exponent: exponent)
    }

    /// The largest decimal power kept: `1e1000000001` reads as `1e1000000000`.
    static let maxDecimalExponent = 1_000_000_000

    /// Normalizes digits (leading zeros already removed) into the smallest storage.
    static func make(negative: Bool, asciiDigits digits: [UInt8], exponent: Int) -> JSONNumber {
        var digits = digits
        var exponent = exponent
        while let last = digits.last, last == 0x30 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return JSONNumber(storage: .int(0)) }
        if digits.count <= 19 {
            var significand: UInt64 = 0
            for d in digits { significand = significand * 10 + UInt64(d &- 0x30) }
            return make(negative: negative, significand: significand, exponent: exponent)
        }
        return JSONNumber(storage: .big(negative: negative, digits: digits, exponent: exponent))
    }

    /// Normalizes `±significand × 10^exponent` (trailing zeros allowed) into the smallest storage.
    static func make(negative: Bool, significand: UInt64, exponent: Int) -> JSONNumber {
        var significand = significand
        var exponent = exponent
        if significand == 0 { return JSONNumber(storage: .int(0)) }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        if exponent >= 0, exponent <= 19 {
            // An integer: does it fit Int64?
            let (scaled, overflow) = significand.multipliedReportingOverflow(by: pow10(exponent))
            if !overflow {
                if !negative, scaled <= UInt64(Int64.max) { return JSONNumber(storage: .int(Int64(scaled))) }
                if negative, scaled <= UInt64(Int64.max) + 1 {
                    return JSONNumber(storage: .int(scaled == UInt64(Int64.max) + 1 ? Int64.min : -Int64(scaled)))
                }
            }
        }
        if significand >= 10_000_000_000_000_000_000 {
            // 20 digits: past `.decimal`'s 19, so stored as the parser stores it (`.big`), or
            // the same number would have two representations that compare unequal.
            return JSONNumber(storage: .big(negative: negative, digits: Array(String(significand).utf8), exponent: exponent))
        }
        return JSONNumber(storage: .decimal(negative: negative, significand: significand, exponent: exponent))
    }

    static func pow10(_ e: Int) -> UInt64 {
        var r: UInt64 = 1
        for _ in 0..<e { r = r &* 10 }
        return r
    }
}

// MARK: - Properties

extension JSONNumber {
    /// Whether the number is an integer (JSON Schema's `integer` type: `1.0` counts).
    public var isInteger: Bool {
        switch storage {
        case .int: return true
        case .decimal(_, _, let e), .big(_, _, let e): return e >= 0
        }
    }

    /// Whether the number is below zero.
    public var isNegative: Bool {
        switch storage {
        case .int(let v): return v < 0
        case .decimal(let n, _, _), .big(let n, _, _): return n
        }
    }

    /// Whether the number is zero.
    public var isZero: Bool { if case .int(0) = storage { return true } else { return false } }

    /// The value as `Int64`, when it is an integer in range.
    public var int64Value: Int64? { if case .int(let v) = storage { return v } else { return nil } }

    /// The value as `Int`, when it is an integer in range.
    public var intValue: Int? { int64Value.flatMap { Int(exactly: $0) } }

    /// The nearest `Double` (correctly rounded; ±infinity beyond its range).
    public var doubleValue: Double {
        switch storage {
        case .int(let v): return Double(v)
        case .decimal(let negative, let significand, let exponent):
            if exponent >= -22 && exponent <= 22 && significand < (1 << 53) {
                // Both factors exact in Double: one rounding, so the result is exact-rounded.
                let m = Double(significand)
                let p = Self.exactPowersOfTen[abs(exponent)]
                let v = exponent < 0 ? m / p : m * p
                return negative ? -v : v
            }
            return Double(description) ?? (negative ? -.infinity : .infinity)
        case .big(let negative, _, _):
            return Double(description) ?? (negative ? -.infinity : .infinity)
        }
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// The decimal digits (ASCII, no leading or trailing zeros; `"0"` for zero) and the
    /// exponent such that the magnitude is `digits × 10^exponent`.
    var decimalParts: (negative: Bool, digits: [UInt8], exponent: Int) {
        switch storage {
        case .int(let v):
            if v == 0 { return (false, [0x30], 0) }
            var magnitude = v.magnitude
            var exponent = 0
            while magnitude % 10 == 0 {
                magnitude /= 10
                exponent += 1
            }
            return (v < 0, Array(String(magnitude).utf8), exponent)
        case .decimal(let negative, let significand, let exponent):
            return (negative, Array(String(significand).utf8), exponent)
        case .big(let negative, let digits, let exponent):
            return (negative, digits, exponent)
        }
    }
}

// MARK: - Equality and order

extension JSONNumber: Hashable {
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.storage == rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

extension JSONNumber: Comparable {
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool { compare(lhs, rhs) < 0 }

    /// Exact three-way comparison: negative, zero or positive.
    public static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if case .int(let a) = lhs.storage, case .int(let b) = rhs.storage {
            return a < b ? -1 : (a == b ? 0 : 1)
        }
        let ln = lhs.isNegative, rn = rhs.isNegative
        if ln != rn { return ln ? -1 : 1 }
        if lhs.isZero || rhs.isZero {
            if lhs.isZero && rhs.isZero { return 0 }
            // Signs are equal here, so the zero one is non-negative and the other positive.
            return lhs.isZero ? -1 : 1
        }
        let magnitude = compareMagnitude(lhs, rhs)
        return ln ? -magnitude : magnitude
    }

    /// Compares |lhs| with |rhs| exactly, both non-zero.
    static func compareMagnitude(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if let a = lhs.smallParts, let b = rhs.smallParts {
            let orderA = digitCount(a.significand) + a.exponent
            let orderB = digitCount(b.significand) + b.exponent
            if orderA != orderB { return orderA < orderB ? -1 : 1 }
            // Same order of magnitude: align to the smaller exponent; the scaled value has
            // as many digits as the other significand (≤ 19), so it cannot overflow.
            var x = a.significand, y = b.significand
            if a.exponent > b.exponent { x *= pow10(a.exponent - b.exponent) }
            if b.exponent > a.exponent { y *= pow10(b.exponent - a.exponent) }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        let a = lhs.decimalParts, b = rhs.decimalParts
        let orderA = a.digits.count + a.exponent
        let orderB = b.digits.count + b.exponent
        if orderA != orderB { return orderA < orderB ? -1 : 1 }
        let length = max(a.digits.count, b.digits.count)
        for k in 0..<length {
            let x = k < a.digits.count ? a.digits[k] : 0x30
            let y = k < b.digits.count ? b.digits[k] : 0x30
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// `|value| = significand × 10^exponent` for values with at most 19 significant digits.
    var smallParts: (significand: UInt64, exponent: Int)? {
        switch storage {
        case .int(let v):
            var m = v.magnitude
            var e = 0
            while m != 0, m % 10 == 0 {
                m /= 10
                e += 1
            }
            return (m, e)
        case .decimal(_, let s, let e): return (s, e)
        case .big: return nil
        }
    }

    static func digitCount(_ v: UInt64) -> Int {
        var count = 1
        var x = v
        while x >= 10 {
            x /= 10
            count += 1
        }
        return count
    }
}

// MARK: - Arithmetic needed by JSON Schema

extension JSONNumber {
    /// Whether `self` is an integer multiple of `divisor` (which must be positive), exactly.
    ///
    /// Decimal divisors are handled exactly (`0.0075` is a multiple of `0.0001`, and `1e308`
    /// of `0.5`). Divisors with more than 19 significant digits fall back to `Double`.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if isZero { return true }
        if case .int(let a) = storage, case .int(let b) = divisor.storage, b != 0 {
            if b == -1 { return true }
            return a % b == 0
        }
        guard let d = divisor.smallParts, d.significand != 0 else {
            let q = doubleValue / divisor.doubleValue
            return q.isFinite && q == q.rounded()
        }
        // self = sa × 10^ea, divisor = sb × 10^eb, with sa and sb free of factors of ten.
        // self / divisor = (sa × 10^(ea − eb)) / sb. If ea < eb, sa (not a multiple of 10)
        // would have to absorb 10^(eb − ea): impossible.
        let parts = decimalParts
        let shift = parts.exponent - d.exponent
        if shift < 0 { return false }
        let m = d.significand
        var remainder: UInt64 = 0
        for digit in parts.digits { remainder = Self.mulMod(remainder, 10, m, plus: UInt64(digit &- 0x30)) }
        if remainder == 0 { return true }
        // remainder × 10^shift mod m, by square-and-multiply.
        var base: UInt64 = 10 % m
        var e = shift
        var power: UInt64 = 1 % m
        while e > 0 {
            if e & 1 == 1 { power = Self.mulMod(power, base, m, plus: 0) }
            base = Self.mulMod(base, base, m, plus: 0)
            e >>= 1
        }
        return Self.mulMod(remainder, power, m, plus: 0) == 0
    }

    /// `(a × b + c) mod m` without overflow.
    static func mulMod(_ a: UInt64, _ b: UInt64, _ m: UInt64, plus c: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        let (low, carry) = product.low.addingReportingOverflow(c)
        // Reducing the high word mod m changes the value by a multiple of m·2⁶⁴, so the
        // remainder is unchanged, and dividingFullWidth needs high < m.
        let high = (carry ? product.high &+ 1 : product.high) % m
        return m.dividingFullWidth((high, low)).remainder
    }
}

// MARK: - Text

extension JSONNumber: CustomStringConvertible {
    /// The number as JSON text: integers in full, decimals in plain notation when short
    /// (`0.0075`), scientific otherwise (`1.5e+300`).
    public var description: String {
        if case .int(let v) = storage { return String(v) }
        let (negative, digits, exponent) = decimalParts
        var out = negative ? "-" : ""
        let count = digits.count
        let order = count + exponent  // position of the decimal point from the left
        if exponent >= 0 && order <= 21 {
            out += String(decoding: digits, as: UTF8.self)
            out += String(repeating: "0", count: exponent)
        } else if exponent < 0 && order > 0 {
            out += String(decoding: digits[..<order], as: UTF8.self)
            out += "."
            out += String(decoding: digits[order...], as: UTF8.self)
        } else if exponent < 0 && order > -6 {
            out += "0."
            out += String(repeating: "0", count: -order)
            out += String(decoding: digits, as: UTF8.self)
        } else {
            out += String(decoding: digits[..<1], as: UTF8.self)
            if count > 1 {
                out += "."
                out += String(decoding: digits[1...], as: UTF8.self)
            }
            let e = order - 1
            out += e < 0 ? "e-\(-e)" : "e+\(e)"
        }
        return out
    }
}
