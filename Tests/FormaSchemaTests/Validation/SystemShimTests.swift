import CFormaSystem
import Testing

/// The C shim that replaced `@_silgen_name` declarations: the stack bounds it reports
/// contain the caller's own stack, and the malloc-arena cap is accepted by glibc.
@Suite("Platform shims")
struct SystemShimTests {
    @Test func stackBoundsContainTheCurrentFrame() {
        var low: UInt = 0
        var high: UInt = 0
        #expect(forma_thread_stack_bounds(&low, &high) == 0)
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        #expect(low < here && here < high, "low \(low), here \(here), high \(high)")
        #expect(high - low >= 64 * 1024)
    }

    @Test func mallocArenaCapIsAccepted() {
        #if os(Linux)
        #expect(forma_limit_malloc_arenas(8) == 0)
        #else
        #expect(forma_limit_malloc_arenas(8) == -1)
        #endif
    }
}
