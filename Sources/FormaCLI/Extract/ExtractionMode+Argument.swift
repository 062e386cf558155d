public import ArgumentParser
import Forma

/// `--mode` takes the library's mode names (`json-schema`, `json-object`, `tools`, `regex`,
/// `auto`), so `--help` lists them and a typo is a usage error.
extension ExtractionMode: ExpressibleByArgument {}
