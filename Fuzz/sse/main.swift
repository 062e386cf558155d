// libFuzzer target: the SSE parser under every chunking (scripts/fuzz sse).
//
// The first byte of the input picks a chunk size (1…32 bytes), the rest is the stream.
// Properties: the parser never crashes, and feeding the stream in chunks of that size, or
// byte by byte, yields exactly the events of feeding it whole.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let chunk = Int(data[0] % 32) + 1
    let stream = Array(UnsafeBufferPointer(start: data + 1, count: count - 1))

    var whole = SSEParser(maxLineBytes: 1024)
    let expected = whole.feed(stream) + whole.finish()

    var chunked = SSEParser(maxLineBytes: 1024)
    var events: [ServerSentEvent] = []
    var start = 0
    while start < stream.count {
        let end = min(stream.count, start + chunk)
        events += chunked.feed(stream[start..<end])
        start = end
    }
    events += chunked.finish()
    if events != expected { fatalError("chunks of \(chunk) gave \(events.count) events, whole gave \(expected.count)") }

    var single = SSEParser(maxLineBytes: 1024)
    var bytewise: [ServerSentEvent] = []
    for byte in stream { bytewise += single.feed(CollectionOfOne(byte)) }
    bytewise += single.finish()
    if bytewise != expected { fatalError("byte by byte gave \(bytewise.count) events, whole gave \(expected.count)") }
    return 0
}
