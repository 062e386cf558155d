import ArgumentParser

/// The output formats of `forma validate`.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One line per error: `FILE:LINE:COLUMN: POINTER: message`.
    case text
    /// One JSON object per instance (JSON Lines).
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), one per error.
    case github
    /// One SARIF 2.1.0 log for the whole run, for code-scanning upload.
    case sarif
}
