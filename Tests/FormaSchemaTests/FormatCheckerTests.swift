import Testing
@testable import FormaSchema

/// One string checked against one format, with the expected verdict.
struct FormatExample: Sendable, CustomTestStringConvertible {
    let format: String
    let value: String
    let valid: Bool

    var testDescription: String { "\(format) \(valid ? "accepts" : "rejects") \(value.debugDescription)" }
}

private func valid(_ format: String, _ values: String...) -> [FormatExample] {
    values.map { FormatExample(format: format, value: $0, valid: true) }
}

private func invalid(_ format: String, _ values: String...) -> [FormatExample] {
    values.map { FormatExample(format: format, value: $0, valid: false) }
}

@Suite("Format checkers")
struct FormatCheckerTests {
    static let examples: [FormatExample] =
        valid("date-time", "2024-02-29T23:59:59Z", "1998-12-31T23:59:60Z", "2000-01-01t00:00:00.5+05:30")
        + invalid("date-time", "2023-02-29T00:00:00Z", "2024-01-01T00:00:00", "2024-01-01 00:00:00Z",
                  "2024-01-01T12:00:60Z", "2024-01-01T00:00:00.Z")
        + valid("date", "2000-02-29", "0001-01-01", "2024-12-31")
        + invalid("date", "1900-02-29", "2024-04-31", "2024-1-01", "2024-01-01T00:00:00Z", "")
        + valid("time", "00:00:00Z", "23:59:60Z", "00:59:60+01:00", "12:00:00.123-00:00")
        + invalid("time", "12:00:00", "23:59:60+01:00", "12:00Z", "12:00:00+1:00", "12:00:00+01")
        + valid("duration", "P1Y", "P1Y2M3DT4H5M6S", "PT1M2S", "P3W", "P0D")
        + invalid("duration", "PT", "P", "P1W2D", "P1Y3D", "PT1H5S", "P1.5D", "P1DT", "p1d")
        + valid("email", "a@b.co", "x+y@example.org", "\"a b\"@example.com", "u@[10.0.0.1]", "u@[IPv6:2001:db8::1]")
        + invalid("email", "a@", "@b", "a..b@c.d", "a@b@c", "a@[300.0.0.1]", "a@[IPv6:::g]", "ü@example.com",
                  String(repeating: "a", count: 65) + "@example.com")
        + valid("idn-email", "ü@example.com", "user@bücher.de", "\"ü x\"@example.com")
        + invalid("idn-email", "ü", "ü@", "a@-x.de")
        + valid("hostname", "example.com", "a-b.c1", "xn--bcher-kva.de", String(repeating: "a", count: 63))
        + invalid("hostname", "-a.com", "a-.com", "a_b.com", "a..b", "ab--cd.com", "xn--abc.de",
                  "bücher.de", String(repeating: "a", count: 64))
        + valid("idn-hostname", "bücher.de", "xn--bcher-kva.de", "例え.テスト", "l\u{00B7}l", "\u{03B1}\u{0375}\u{03B2}")
        + invalid("idn-hostname", "bü--cher", "a·b", "\u{0301}a", "a\u{200D}b", "xn--bcher-kva-", "BÜ\u{2028}")
        + valid("idn-hostname", "\u{05D0}\u{05D1}.com", "\u{0628}\u{0660}\u{0628}")
        + invalid("idn-hostname", "0a.\u{05D0}", "a\u{05D0}", "\u{0628}\u{0660}\u{06F0}", "\u{30FB}")
        + valid("ipv4", "0.0.0.0", "255.255.255.255", "10.0.0.1")
        + invalid("ipv4", "01.0.0.1", "256.0.0.1", "1.2.3", "1.2.3.4.", "1.2.3.4 ")
        + valid("ipv6", "::", "::1", "1::", "2001:db8::8a2e:370:7334", "::ffff:1.2.3.4", "1:2:3:4:5:6:7::")
        + invalid("ipv6", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "::ffff:1.2.3", "12345::", "fe80::1%eth0")
        + valid("uri", "https://example.com/a?b=c#d", "urn:isbn:0451450523", "http://[::1]:8080/", "a+b-c.d:x")
        + invalid("uri", "/relative", "http://exa mple.com", "http://example.com/%zz", "1a:b", "http://[::1/")
        + valid("uri-reference", "", "../a/b?c", "#f", "//host", "a/b:c")
        + invalid("uri-reference", "a:b c", ":x", "\\a", "a b")
        + valid("iri", "https://例え.テスト/パス?q=値#断片")
        + invalid("iri", "例え/パス", "https://例え.テスト/ パス")
        + valid("iri-reference", "パス/値", "#断片")
        + invalid("iri-reference", "#a#b", "a\\b")
        + valid("uri-template", "/users/{id}", "{?q,page}", "{+path:3}/x", "{var*}", "{a.b.c}")
        + invalid("uri-template", "{", "}", "{a b}", "{=a}", "{a:0}", "{a.}", "{%4}")
        + valid("uuid", "123e4567-e89b-12d3-a456-426614174000", "ABCDEF01-2345-6789-ABCD-EF0123456789")
        + invalid("uuid", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g",
                  "{123e4567-e89b-12d3-a456-426614174000}")
        + valid("json-pointer", "", "/", "/a~0b/~1", "/0/-")
        + invalid("json-pointer", "a", "/~", "/~2", "#/a")
        + valid("relative-json-pointer", "0", "1#", "2/a/b", "0+1/x", "3-2#")
        + invalid("relative-json-pointer", "", "-1", "01", "1 #", "1##", "0+/a", "0+01")

    @Test(arguments: examples)
    func checksExample(_ example: FormatExample) {
        #expect(FormatChecker.check(format: example.format, value: example.value) == example.valid)
    }

    @Test func everyKnownFormatRejectsANulCharacter() {
        // A lone NUL is a valid ECMA-262 pattern but nothing else.
        for format in FormatChecker.knownFormats where format != "regex" {
            #expect(FormatChecker.check(format: format, value: "\u{0}") == false, "\(format)")
        }
        #expect(FormatChecker.knownFormats.count == 19)
    }

    @Test(arguments: ["color", "int32", "", "DATE"])
    func unknownFormatReturnsNil(_ format: String) {
        #expect(FormatChecker.check(format: format, value: "anything") == nil)
    }

    @Test func regexFormatDelegatesToECMARegex() {
        #expect(FormatChecker.check(format: "regex", value: "^[a-z]+(?<n>\\d)\\k<n>$") == true)
        #expect(FormatChecker.check(format: "regex", value: "(unclosed") == false)
        #expect(FormatChecker.check(format: "regex", value: "(?i)x") == false)
    }

    @Test func hostileInputsFinishQuickly() {
        let long = String(repeating: "xn--a", count: 20_000)
        #expect(FormatChecker.check(format: "hostname", value: long) == false)
        #expect(FormatChecker.check(format: "idn-hostname", value: String(repeating: "ü", count: 100_000)) == false)
        #expect(FormatChecker.check(format: "idn-hostname", value: "xn--" + String(repeating: "9", count: 59)) == false)
        #expect(FormatChecker.check(format: "uri-template", value: String(repeating: "{", count: 50_000)) == false)
        #expect(FormatChecker.check(format: "duration", value: "P" + String(repeating: "9", count: 10_000) + "D") == true)
    }

    @Test func punycodeRoundTrips() throws {
        let samples = ["bücher", "例え", "ñandú", "ελληνικά", "😀x"]
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            let encoded = try #require(Punycode.encode(scalars))
            #expect(Punycode.decode(encoded) == scalars, "\(sample)")
        }
        #expect(Punycode.encode(Array("bücher".unicodeScalars)) == Array("bcher-kva".utf8))
        #expect(Punycode.decode(Array("zzzzzzzzzzzzzzzzzzzzzzzzzzzz".utf8)) == nil)
    }
}
