import Dispatch
import Synchronization

/// Validates the lines of a JSONL stream on every core while keeping the output in input order.
///
/// The calling thread reads: the reader fills a large buffer, and its complete lines are
/// cut into slices. One lane per checker on the global dispatch queue checks the slices
/// (each lane, with its own checker, claims the next unclaimed slice), each slice writing its report into its own
/// output buffer; the calling thread waits, then writes the buffers in slice order, so
/// output follows the input exactly. Only one buffer's worth of lines is in flight, so
/// memory does not grow with the file.
///
/// Validation never runs on the calling (main) thread, also with one worker: worker
/// threads have a fixed, known stack, which the validator's recursion guard reads cheaply.
struct ParallelLineChecker: Sendable {
    /// Parse, validate and report lines: one per lane, each with its own validator.
    let checkers: [InstanceChecker]
    /// How many threads to use.
    var workers: Int { checkers.count }

    /// One slice's outcome.
    private struct SliceResult {
        var output: [UInt8] = []
        var valid = 0
        var invalid = 0
    }

    /// Raw pointers handed to the worker threads.
    ///
    /// `@unchecked Sendable` is safe here: during `concurrentPerform` the input buffer and
    /// the line spans are only read, and each iteration writes only its own result slot.
    private struct SharedBuffers: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let lines: UnsafeBufferPointer<LineSpan>
        let results: UnsafeMutableBufferPointer<SliceResult>
    }

    /// Reads `reader` to the end, writing reports to `sink`.
    /// - Returns: The counts of valid and invalid instances.
    /// - Throws: ``CommandFailure`` when reading fails.
    func run(_ reader: JSONLReader, sink: OutputSink) throws -> ValidationTally {
        var tally = ValidationTally()
        var lines: [LineSpan] = []
        lines.reserveCapacity(8192)
        var results: [SliceResult] = []
        while try reader.next(&lines) {
            let lanes = max(1, min(workers, lines.count / 32))
            let sliceCount = lanes == 1 ? 1 : lanes * 8
            results.removeAll(keepingCapacity: true)
            results.append(contentsOf: repeatElement(SliceResult(), count: sliceCount))
            // Lanes claim slices as they finish the previous one, so a lane whose thread
            // was descheduled for a while does not hold the others up at the end.
            let nextSlice = Atomic<Int>(0)
            lines.withUnsafeBufferPointer { lineBuffer in
                results.withUnsafeMutableBufferPointer { resultBuffer in
                    let shared = SharedBuffers(bytes: reader.bytes, lines: lineBuffer, results: resultBuffer)
                    let group = DispatchGroup()
                    withExtendedLifetime(nextSlice) {
                        for lane in 0..<lanes {
                            DispatchQueue.global().async(group: group) {
                                while true {
                                    let index = nextSlice.wrappingAdd(1, ordering: .relaxed).oldValue
                                    guard index < sliceCount else { break }
                                    checkSlice(index, of: sliceCount, with: checkers[lane], shared)
                                }
                            }
                        }
                        group.wait()
                    }
                }
            }
            for result in results {
                sink.write(result.output)
                tally.valid += result.valid
                tally.invalid += result.invalid
            }
        }
        return tally
    }

    /// Checks slice `index` of `count` equal slices of the lines.
    private func checkSlice(_ index: Int, of count: Int, with checker: InstanceChecker, _ shared: SharedBuffers) {
        let total = shared.lines.count
        let range = (index * total / count)..<((index + 1) * total / count)
        var result = SliceResult()
        for line in shared.lines[range] {
            if line.isOversized {
                checker.reportOversized(line: line.number, into: &result.output)
                result.invalid += 1
                continue
            }
            let bytes = UnsafeRawBufferPointer(rebasing: shared.bytes[line.start..<(line.start + line.count)])
            if checker.check(bytes, line: line.number, into: &result.output) {
                result.valid += 1
            } else {
                result.invalid += 1
            }
        }
        shared.results[index] = result
    }
}
