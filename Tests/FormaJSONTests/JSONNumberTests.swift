import Testing
@testable import FormaJSON

@Suite("JSONNumber — exactness, order, multiples, text")
struct JSONNumberTests {
    /// The number the parser produces for `literal`.
    /// Found by `scripts/fuzz json`: `12e+9999999999` serialized as `1.2e+10000000000`, which
    /// parsed back (saturated differently) as another value.
    @Test(arguments: ["12e+9999999999", "1e10000000000", "-98.7e-99999999999", "0.5e1000000001", "1e1000000000"])
    func saturatedExponentsRoundTrip(_ literal: String) throws {
        let value = try JSONParser.parse(literal)
        let text = value.serialized()
        #expect(try JSONParser.parse(text) == value, "\(literal) → \(text)")
        #expect(text.hasSuffix("e+1000000000") || text.hasSuffix("e-1000000000"), "\(text)")
    }

    /// Found by `scripts/fuzz toml`: `JSONNumber(UInt64)` above 10^19 kept 20 digits in the
    /// 19-digit decimal storage, and the parsed text of the same number compared unequal.
    @Test(arguments: [UInt64.max, 10_000_000_000_000_000_000, 16_022_306_274_308_434_602, 12_345_678_901_234_567_890])
    func largeUnsignedIntegersEqualTheirText(_ value: UInt64) throws {
        let number = JSONNumber(value)
        #expect(number == (try n(String(value))))
        #expect(number.hashValue == (try n(String(value))).hashValue)
        #expect(number.description == String(value))
        #expect(try JSONParser.parse(JSONValue.number(number).serialized()) == .number(number))
    }

    func parsed(_ literal: String) throws -> JSONNumber {
        try #require(try JSONParser.parse(literal).number)
    }

    func n(_ literal: String) throws -> JSONNumber {
        try #require(JSONNumber(parsing: literal))
    }

    @Test func exactDecimals() throws {
        #expect(try parsed("0.0075").description == "0.0075")
        #expect(try parsed("19.99").description == "19.99")
        #expect(try parsed("0.1").doubleValue == 0.1)
        #expect(try parsed("0.0075").isInteger == false)
    }

    @Test func bigIntegersStayExact() throws {
        let big = try parsed("12345678901234567890123")
        #expect(big.isInteger)
        #expect(big.int64Value == nil)
        #expect(big > JSONNumber(Int64.max))
        #expect(big == (try n("1.2345678901234567890123e22")))
        #expect(big != (try n("12345678901234567890124")))
        #expect(JSONNumber(parsing: big.description) == big)
    }

    @Test func hugeExponents() throws {
        let v = try parsed("1e308")
        #expect(v.doubleValue == 1e308)
        #expect(v.isInteger)
        #expect(v.description == "1e+308")
        #expect(try parsed("1e400").doubleValue == .infinity)
        #expect(try parsed("-1e400").doubleValue == -.infinity)
        #expect(try parsed("1e-400") > JSONNumber(0))
        #expect(try parsed("1e-400") < (try n("1e-399")))
    }

    @Test func negativeZeroIsZero() throws {
        let z = try parsed("-0")
        #expect(z == JSONNumber(0))
        #expect(z.isZero && !z.isNegative)
        #expect(z.description == "0")
        #expect(try parsed("-0.0e5") == JSONNumber(0))
    }

    @Test func equalValuesWithDifferentSpellings() throws {
        #expect(try parsed("1.0") == JSONNumber(1))
        #expect(try parsed("1e2") == JSONNumber(100))
        #expect(try parsed("10e-1") == JSONNumber(1))
        #expect(try parsed("100E-2") == (try parsed("1")))
        #expect(try parsed("0.50") == (try parsed("5e-1")))
        #expect(try parsed("1.0").hashValue == JSONNumber(1).hashValue)
        #expect(try JSONParser.parse("[1.0, 1e2]") == [1, 100])
    }

    @Test(arguments: [
        ("0.1", "0.2"), ("-1", "0"), ("-2", "-1"), ("-0.5", "-0.25"), ("0.0075", "0.008"),
        ("19.99", "20"), ("12345678901234567890123", "12345678901234567890124"),
        ("12345678901234567890123", "1e308"), ("-1e308", "-12345678901234567890123"),
        ("9223372036854775807", "9223372036854775808"), ("-9223372036854775809", "-9223372036854775808"),
        ("0.1", "0.1000000000000000000000000001"), ("1e-400", "0.0000001"), ("-0.0000001", "0"),
    ])
    func ordering(_ smaller: String, _ larger: String) throws {
        let a = try parsed(smaller), b = try parsed(larger)
        #expect(a < b)
        #expect(b > a)
        #expect(a != b)
        #expect(JSONNumber.compare(a, b) < 0 && JSONNumber.compare(b, a) > 0)
    }

    @Test(arguments: [
        ("0.0075", "0.0001", true), ("0.0075", "0.001", false), ("1e308", "0.5", true),
        ("19.99", "0.01", true), ("19.999", "0.01", false), ("0.3", "0.1", true),
        ("-10", "5", true), ("-7.5", "2.5", true), ("-7.4", "2.5", false), ("10", "3", false),
        ("0", "0.3", true), ("4.5", "1.5", true), ("1e-5", "1e-6", true), ("1e-6", "1e-5", false),
        ("12345678901234567890123", "3", true), ("12345678901234567890123", "7", false),
        ("12345678901234567890123", "41", false), ("123456789012345678901230", "10", true),
        ("9007199254740993", "1", true), ("9007199254740993", "2", false), ("-9223372036854775808", "-1", true),
    ])
    func multiples(_ value: String, _ divisor: String, _ expected: Bool) throws {
        #expect(try parsed(value).isMultiple(of: parsed(divisor)) == expected)
    }

    @Test(arguments: [
        "0", "1", "-1", "0.0075", "19.99", "1e308", "-1e-308", "12345678901234567890123",
        "123456789012345678901234567890.5", "0.1000000000000000000000000001", "1.5e300",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "18446744073709551616", "1e21", "1e20", "0.000001", "0.0000001", "123.456e-10",
    ])
    func descriptionRoundTrips(_ literal: String) throws {
        let value = try parsed(literal)
        let again = try #require(JSONNumber(parsing: value.description))
        #expect(again == value)
        #expect(try JSONParser.parse(value.description).number == value)
    }

    @Test func descriptionForms() throws {
        #expect(try parsed("1e20").description == "100000000000000000000")
        #expect(try parsed("1e21").description == "1e+21")
        #expect(try parsed("0.000001").description == "0.000001")
        #expect(try parsed("1.5e-7").description == "1.5e-7")
        #expect(try parsed("-12.50").description == "-12.5")
    }

    /// The parser's allocation-free number path must normalize exactly like
    /// `JSONNumber(validLiteral:)`; equality compares the normalized storage.
    @Test(arguments: [
        "0", "-0", "0.0", "-0.0", "0e10", "1.10", "100", "120", "1000000000000000000",
        "999999999999999999", "9999999999999999999", "99999999999999999999", "9223372036854775807",
        "-9223372036854775808", "9223372036854775808", "18446744073709551615", "18446744073709551616",
        "1234567890123456789.5", "12345678901234567890.5", "0.00000000000000000001",
        "0.12345678901234567890123", "1e-400", "1E+2", "123e-2", "1.5e300", "1e1000000000000",
        "1e999999999", "-1e-999999999", "0.0075", "-19.99", "1e0", "5E-0", "10.000000000000000000000",
    ])
    func parserMatchesLiteralInitializer(_ literal: String) throws {
        let viaParser = try parsed(literal)
        let viaInit = try n(literal)
        #expect(viaParser == viaInit)
        #expect(viaParser.storage == viaInit.storage)
    }

    @Test func randomLiteralsAgreeWithDoubleAndLiteralInitializer() throws {
        var rng = SplitMix64(seed: 0x5EED)
        for _ in 0..<3_000 {
            var literal = rng.next() % 4 == 0 ? "-" : ""
            let intDigits = Int(rng.next() % 22)
            literal += intDigits == 0 ? "0" : String(rng.next() % 9 + 1)
            for _ in 0..<max(0, intDigits - 1) { literal += String(rng.next() % 10) }
            if rng.next() % 2 == 0 {
                literal += "."
                for _ in 0...(rng.next() % 20) { literal += String(rng.next() % 10) }
            }
            if rng.next() % 3 == 0 { literal += "e" + (rng.next() % 2 == 0 ? "-" : "") + String(rng.next() % 40) }
            let viaParser = try parsed(literal)
            #expect(viaParser == (try n(literal)), "\(literal)")
            let double = try #require(Double(literal))
            #expect(viaParser.doubleValue == double, "\(literal)")
        }
    }

    @Test func invalidLiteralsAreRejectedByBothPaths() throws {
        for literal in ["01", "1.", ".5", "+1", "1e", "--1", "1e+-1", "0x1", "1_000"] {
            #expect(JSONNumber(parsing: literal) == nil, "\(literal)")
            #expect(throws: JSONParseError.self) { try JSONParser.parse("[" + literal + "]") }
        }
    }
}

/// A small deterministic generator for property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
