// libFuzzer target: the ECMA-262 → PCRE2 pattern translator and matcher (scripts/fuzz pattern).
//
// Input: one flags byte (bits 0–2: i, m, s), then the pattern (UTF-8), then optionally a
// NUL byte and a subject of at most 64 bytes. Properties checked on every input:
// - compiling either succeeds or throws an ECMARegexError of kind invalidPattern or
//   unsupportedPattern, with an offset inside the pattern;
// - `ECMARegex.validateSyntax` (no flags) agrees: it throws exactly for invalidPattern;
// - matching the subject never crashes and, under tight limits, throws nothing but
//   matchLimitExceeded or matchFailed (so a hang becomes a thrown error, not a timeout);
// - the answers agree: `firstMatch` (always PCRE2) finds a match exactly when `matches`
//   (a byte matcher for simple patterns, PCRE2 otherwise) says there is one, and a
//   `fullMatch` implies a match.
import FormaSchema

let limits = ECMARegex.Limits(matchLimit: 200_000, depthLimit: 20_000, heapLimitKiB: 16 * 1024)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let options = ECMARegex.Options(rawValue: data[0] & 0b111)
    let rest = UnsafeBufferPointer(start: data + 1, count: count - 1)
    let separator = rest.firstIndex(of: 0) ?? rest.endIndex
    let pattern = String(decoding: rest[..<separator], as: UTF8.self)
    let subject = separator < rest.endIndex
        ? String(decoding: rest[(separator + 1)...].prefix(64), as: UTF8.self) : ""

    let regex: ECMARegex
    do {
        regex = try ECMARegex(pattern, options: options, limits: limits)
    } catch let error as ECMARegexError {
        guard error.kind == .invalidPattern || error.kind == .unsupportedPattern else {
            fatalError("compiling \(String(reflecting: pattern)) threw \(error.kind): \(error.message)")
        }
        if let offset = error.offset, offset < 0 || offset > pattern.unicodeScalars.count {
            fatalError("error offset \(offset) outside \(String(reflecting: pattern)) (\(pattern.unicodeScalars.count) scalars)")
        }
        if options.isEmpty {
            let syntaxError = (try? ECMARegex.validateSyntax(pattern)) == nil
            if syntaxError != (error.kind == .invalidPattern) {
                fatalError("validateSyntax \(syntaxError ? "throws" : "accepts") \(String(reflecting: pattern)), init threw \(error.kind)")
            }
        }
        return 0
    } catch {
        fatalError("compiling \(String(reflecting: pattern)) threw a \(type(of: error)): \(error)")
    }
    if options.isEmpty, (try? ECMARegex.validateSyntax(pattern)) == nil {
        fatalError("validateSyntax throws for \(String(reflecting: pattern)), which compiles")
    }
    do {
        let found = try regex.matches(subject)
        let first = try regex.firstMatch(in: subject)
        let whole = try regex.fullMatch(subject)
        if found != (first != nil) {
            fatalError("matches says \(found), firstMatch \(String(describing: first)) for \(String(reflecting: pattern)) on \(String(reflecting: subject))")
        }
        if whole && !found {
            fatalError("fullMatch but no match for \(String(reflecting: pattern)) on \(String(reflecting: subject))")
        }
    } catch let error as ECMARegexError {
        guard error.kind == .matchLimitExceeded || error.kind == .matchFailed else {
            fatalError("matching \(String(reflecting: pattern)) threw \(error.kind): \(error.message)")
        }
    } catch {
        fatalError("matching threw a \(type(of: error)): \(error)")
    }
    return 0
}
