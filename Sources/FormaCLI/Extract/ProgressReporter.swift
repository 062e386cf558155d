#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of `forma extract` on standard error: a live line redrawn in place when stderr
/// is a terminal, a plain line every few seconds otherwise, nothing with `--quiet`; and the
/// summary at the end.
struct ProgressReporter: Sendable {
    /// How progress is shown.
    enum Style: Sendable {
        case live, periodic, none
    }

    let style: Style
    let tally: ExtractTally
    let started: ContinuousClock.Instant

    /// A reporter choosing live or periodic output by whether stderr is a terminal.
    init(quiet: Bool, tally: ExtractTally, started: ContinuousClock.Instant = .now) {
        style = quiet ? .none : (isatty(2) == 1 ? .live : .periodic)
        self.tally = tally
        self.started = started
    }

    /// Reports until cancelled.
    func run() async {
        let interval: Duration
        switch style {
        case .none: return
        case .live: interval = .milliseconds(200)
        case .periodic: interval = .seconds(5)
        }
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { break }
            let line = progressLine(tally.snapshot)
            write(style == .live ? "\r\u{1B}[K" + line : line + "\n")
        }
    }

    /// Clears the live line and prints the summary (unless quiet).
    func finish(interrupted: Bool) {
        if style == .live { write("\r\u{1B}[K") }
        guard style != .none else { return }
        write(summary(tally.snapshot, interrupted: interrupted) + "\n")
    }

    /// `forma: 120/1000 done (118 ok, 2 failed), 40.1 rows/s, 35210 tokens, ETA 22s`.
    func progressLine(_ s: ExtractTally.Snapshot) -> String {
        let elapsed = Self.seconds(ContinuousClock.now - started)
        let rate = elapsed > 0 ? Double(s.done) / elapsed : 0
        var line = "forma: \(s.done)/\(s.total) done (\(s.ok) ok, \(s.failed) failed), \(Self.format(rate)) rows/s, \(s.tokens) tokens"
        if rate > 0 && s.done < s.total { line += ", ETA \(Self.duration(Double(s.total - s.done) / rate))" }
        return line
    }

    /// The end summary: counts, re-asks, retries, tokens and wall time.
    func summary(_ s: ExtractTally.Snapshot, interrupted: Bool) -> String {
        let elapsed = Self.seconds(ContinuousClock.now - started)
        var text = "forma: \(interrupted ? "interrupted after" : "done:") \(s.done) of \(s.total) rows: \(s.ok) ok, \(s.failed) failed"
        if s.resumed > 0 { text += "; \(s.resumed) already done before (\(s.resumedFailed) failed)" }
        if interrupted && s.done < s.total { text += "; \(s.total - s.done) not run (use --resume)" }
        text += "; \(s.reasks) re-asks, \(s.retries) retries (\(s.rateLimited) rate-limited)"
        if s.cached > 0 { text += "; \(s.cached) replies from the cache" }
        text += "; tokens \(s.promptTokens) in / \(s.completionTokens) out"
        text += "; \(Self.duration(elapsed)) wall, \(Self.format(elapsed > 0 ? Double(s.done) / elapsed : 0)) rows/s"
        return text
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { OutputSink.writeAll($0, to: 2) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return format(seconds) + "s" }
        let whole = Int(seconds.rounded())
        return whole < 3600 ? "\(whole / 60)m\(whole % 60)s" : "\(whole / 3600)h\(whole / 60 % 60)m"
    }
}
