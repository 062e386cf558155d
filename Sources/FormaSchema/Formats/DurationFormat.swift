/// ISO 8601 durations as restricted by RFC 3339 appendix A (JSON Schema `duration`).
///
/// ```
/// duration = "P" (dur-date / dur-time / dur-week)
/// dur-date = (dur-day / dur-month / dur-year) [dur-time]
/// dur-time = "T" (dur-hour / dur-minute / dur-second)
/// ```
/// Date units appear as a contiguous run of `Y`, `M`, `D` in that order (so `P1Y2D` is
/// rejected), time units as a contiguous run of `H`, `M`, `S`; weeks stand alone.
/// Components are unsigned integers: no fractions, signs or exponents.
enum DurationFormat {
    static func isDuration(_ value: String) -> Bool {
        var bytes = value.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "P") else { return false }
        let dateUnits: [UInt8] = Array("YMD".utf8)
        let timeUnits: [UInt8] = Array("HMS".utf8)
        var units = dateUnits
        var inTime = false
        var lastUnitIndex = -1
        var componentCount = 0
        var sawWeek = false
        var digits = 0
        var timeComponents = 0
        while let byte = bytes.next() {
            if ASCII.isDigit(byte) {
                digits += 1
                continue
            }
            if byte == UInt8(ascii: "T") {
                guard !inTime, digits == 0, !sawWeek else { return false }
                inTime = true
                units = timeUnits
                lastUnitIndex = -1
                continue
            }
            guard digits > 0 else { return false }
            digits = 0
            if byte == UInt8(ascii: "W"), !inTime {
                guard componentCount == 0 else { return false }
                sawWeek = true
                componentCount += 1
                continue
            }
            guard !sawWeek, let unitIndex = units.firstIndex(of: byte) else { return false }
            // Units must be contiguous and in order: the first may be any, the next the one after it.
            if lastUnitIndex >= 0, unitIndex != lastUnitIndex + 1 { return false }
            lastUnitIndex = unitIndex
            componentCount += 1
            if inTime { timeComponents += 1 }
        }
        guard digits == 0, componentCount > 0 else { return false }
        if inTime, timeComponents == 0 { return false }
        if sawWeek, componentCount != 1 { return false }
        return true
    }
}
