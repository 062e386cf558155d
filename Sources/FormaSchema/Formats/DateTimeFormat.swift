/// RFC 3339 `full-date`, `full-time` and `date-time` checkers (JSON Schema `date`,
/// `time`, `date-time`).
///
/// Days are checked against the month length with Gregorian leap years. A leap second
/// (`:60`) is accepted only when the time, shifted to UTC by its offset, is `23:59:60`.
enum DateTimeFormat {
    static func isFullDate(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { bytes in
            bytes.count == 10 && parseDate(bytes, from: 0) != nil
        }
    }

    static func isFullTime(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { bytes in parseTime(bytes, from: 0) == bytes.count }
    }

    static func isDateTime(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { bytes in
            guard bytes.count > 11, parseDate(bytes, from: 0) == 10 else { return false }
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
            return parseTime(bytes, from: 11) == bytes.count
        }
    }

    /// Parses `YYYY-MM-DD` at `start`; returns the index after it.
    static func parseDate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard bytes.count - start >= 10,
              let year = number(bytes, at: start, digits: 4),
              bytes[start + 4] == UInt8(ascii: "-"),
              let month = number(bytes, at: start + 5, digits: 2),
              bytes[start + 7] == UInt8(ascii: "-"),
              let day = number(bytes, at: start + 8, digits: 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return nil
        }
        return start + 10
    }

    /// Parses `HH:MM:SS[.frac](Z|±HH:MM)` at `start`; returns the index after it.
    static func parseTime(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard bytes.count - start >= 9,
              let hour = number(bytes, at: start, digits: 2),
              bytes[start + 2] == UInt8(ascii: ":"),
              let minute = number(bytes, at: start + 3, digits: 2),
              bytes[start + 5] == UInt8(ascii: ":"),
              let second = number(bytes, at: start + 6, digits: 2),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var index = start + 8
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            guard bytes.count - index >= 6,
                  let offsetHour = number(bytes, at: index + 1, digits: 2),
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinute = number(bytes, at: index + 4, digits: 2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
            index += 6
        default:
            return nil
        }
        if second == 60 {
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            guard utcMinutes == 23 * 60 + 59 else { return nil }
        }
        return index
    }

    /// Reads exactly `digits` ASCII digits at `index` as a decimal number.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var result = 0
        for offset in 0..<digits {
            let byte = bytes[index + offset]
            guard ASCII.isDigit(byte) else { return nil }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
