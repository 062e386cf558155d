import ArgumentParser

/// The output formats of `forma validate`.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One line per error: `FILE:LINE: POINTER: message`.
    case text
    /// One JSON object per instance (JSON Lines).
    case json
}
