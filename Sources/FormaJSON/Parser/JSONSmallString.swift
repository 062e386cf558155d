/// Builds strings of at most 15 UTF-8 bytes directly in Swift's small-string form, which
/// skips the standard library's re-validation (the reader has already validated the bytes)
/// and costs a few instructions instead of a hundred.
///
/// The small-string layout on 64-bit little-endian platforms is part of Swift's stable ABI:
/// the bytes fill the two words in order, and the top byte of the second word holds the
/// count and the flags (`0xE0` for ASCII, `0xA0` otherwise). ``isSupported`` confirms that
/// layout once per process against strings the standard library built; when it does not
/// match, the reader falls back to `String(decoding:as:)`.
enum JSONSmallString {
    /// Whether ``make(_:length:isASCII:)`` builds correct strings on this platform.
    static let isSupported: Bool = {
        #if (arch(x86_64) || arch(arm64)) && _endian(little)
        let probes: [[UInt8]] = [
            [], Array("a".utf8), Array("abcdefgh".utf8), Array("abcdefghi".utf8),
            Array("abcdefghijklmno".utf8), Array("caf\u{E9}".utf8), Array("\u{1F600}x\u{E9}".utf8),
        ]
        for probe in probes {
            let reference = String(decoding: probe, as: UTF8.self)
            let isASCII = probe.allSatisfy { $0 < 0x80 }
            let built = probe.withUnsafeBufferPointer { buffer -> String in
                var w0: UInt64 = 0
                var w1: UInt64 = 0
                for (i, b) in buffer.enumerated() {
                    if i < 8 { w0 |= UInt64(b) << (8 * i) } else { w1 |= UInt64(b) << (8 * (i - 8)) }
                }
                return make(w0, w1, length: buffer.count, isASCII: isASCII)
            }
            let referenceBits = unsafeBitCast(reference, to: (UInt64, UInt64).self)
            let builtBits = unsafeBitCast(built, to: (UInt64, UInt64).self)
            guard referenceBits == builtBits, built.utf8.elementsEqual(probe), built == reference else {
                return false
            }
        }
        return true
        #else
        return false
        #endif
    }()

    /// The small string whose bytes are `w0` (bytes 0–7) and `w1` (bytes 8–14), with zeros
    /// past `length`. Only call when ``isSupported`` is true and `length <= 15`.
    @inline(__always)
    static func make(_ w0: UInt64, _ w1: UInt64, length: Int, isASCII: Bool) -> String {
        #if (arch(x86_64) || arch(arm64)) && _endian(little)
        let flags: UInt64 = isASCII ? 0xE0 : 0xA0
        // Moving the string out of raw storage hands over ownership without the retain that
        // `unsafeBitCast` would need (small strings own no storage, so there is none to take).
        var words = (w0, w1 | (flags | UInt64(truncatingIfNeeded: length)) &<< 56)
        return withUnsafeMutableBytes(of: &words) { raw in
            raw.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: String.self).move()
        }
        #else
        return String(decoding: [UInt8](), as: UTF8.self)
        #endif
    }
}
