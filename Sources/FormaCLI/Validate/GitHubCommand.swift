/// Escaping for GitHub Actions workflow commands (`::error file=…::message`).
///
/// As GitHub's runner documents and implements it: in the message, `%`, `\r` and `\n`
/// become `%25`, `%0D` and `%0A`; in property values, `:` and `,` also become `%3A` and
/// `%2C`, since they delimit properties.
enum GitHubCommand {
    /// Escapes a command's message.
    static func escapeData(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes a property value (`file=`, `title=`).
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
