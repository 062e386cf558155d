/// A growable stack in manually managed memory, used by the parser to hold values, keys
/// and open containers while a document is being built.
///
/// Elements are moved in and out, never copied, so building a container costs no retains or
/// releases: closing an array or object moves its elements straight into storage of the
/// exact final size. Whatever is still on the stack when it is destroyed (after a parse
/// error) is released then.
struct JSONBuildStack<Element>: ~Copyable {
    /// The first element; valid for `count` elements.
    private(set) var base: UnsafeMutablePointer<Element>
    /// The number of elements on the stack.
    private(set) var count = 0
    private var capacity: Int

    /// An empty stack with room for `capacity` elements before it grows.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    /// An empty stack that allocates nothing until its first push (for readers that may
    /// never build a value, such as ``JSONTokenizer``).
    init() {
        capacity = 0
        // Never dereferenced while the capacity is 0: the first push grows first.
        base = UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    deinit {
        base.deinitialize(count: count)
        if capacity > 0 { base.deallocate() }
    }

    /// Pushes `element` on top.
    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Removes and returns the top element. The stack must not be empty.
    @inline(__always)
    mutating func popLast() -> Element {
        count -= 1
        return (base + count).move()
    }

    /// Moves the top element over the element at `index` (releasing the one there).
    @inline(__always)
    mutating func replaceWithLast(at index: Int) {
        count -= 1
        let last = (base + count).move()
        (base + index).pointee = last
    }

    /// Forgets the elements from `newCount` up, which the caller has already moved out
    /// (through ``base``).
    @inline(__always)
    mutating func forgetMoved(downTo newCount: Int) {
        count = newCount
    }

    /// Moves the elements from `start` up into a new array of exactly their count.
    @inline(__always)
    mutating func moveToArray(from start: Int) -> [Element] {
        let n = count - start
        let source = base + start
        // `reserveCapacity` + `append` stay specialized; `init(unsafeUninitializedCapacity:)`
        // looks the storage class's metadata up at run time on every call.
        var array = [Element]()
        array.reserveCapacity(n)
        for i in 0..<n { array.append((source + i).move()) }
        count = start
        return array
    }

    @inline(never)
    private mutating func grow() {
        let newCapacity = Swift.max(capacity * 2, 16)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        if capacity > 0 { base.deallocate() }
        base = newBase
        capacity = newCapacity
    }
}
