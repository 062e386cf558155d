import ArgumentParser

/// How many instances were valid and invalid, and whether any input could not be read.
struct ValidationTally: Sendable, Equatable {
    /// Instances valid against the schema.
    var valid = 0
    /// Instances invalid against the schema, not JSON, or too long to read.
    var invalid = 0
    /// Inputs that could not be opened or read, or whose schema could not be loaded.
    var unreadableFiles = 0
    /// Files left unchecked because no schema names them.
    var skippedFiles = 0

    /// Adds another tally to this one.
    mutating func add(_ other: ValidationTally) {
        valid += other.valid
        invalid += other.invalid
        unreadableFiles += other.unreadableFiles
        skippedFiles += other.skippedFiles
    }

    /// `N valid, M invalid`, plus the unreadable files when there are any.
    var summary: String {
        var text = "\(valid) valid, \(invalid) invalid"
        if skippedFiles > 0 { text += ", \(skippedFiles) skipped file\(skippedFiles == 1 ? "" : "s")" }
        if unreadableFiles > 0 {
            text += ", \(unreadableFiles) unreadable file\(unreadableFiles == 1 ? "" : "s")"
        }
        return text
    }

    /// The process's exit status: 2 if an input was unreadable, else 1 if any instance was
    /// invalid, else 0.
    var exitStatus: ExitCode {
        if unreadableFiles > 0 { return ExitStatus.usage }
        return invalid > 0 ? ExitStatus.invalid : ExitStatus.success
    }
}
