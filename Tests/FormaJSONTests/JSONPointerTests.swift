import Testing
@testable import FormaJSON

@Suite("JSONPointer")
struct JSONPointerTests {
    let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5,
        "k\"l": 6, " ": 7, "m~n": 8, "nested": ["list": [["id": 10], ["id": 11]]],
    ]

    @Test func parsesAndUnescapes() throws {
        #expect(try JSONPointer(parsing: "").tokens == [])
        #expect(try JSONPointer(parsing: "/").tokens == [""])
        #expect(try JSONPointer(parsing: "/a~1b/0").tokens == ["a/b", "0"])
        #expect(try JSONPointer(parsing: "/m~0n").tokens == ["m~n"])
        // "~01" is "~" then "1", not "/".
        #expect(try JSONPointer(parsing: "/~01").tokens == ["~1"])
        #expect(try JSONPointer(parsing: "//x/").tokens == ["", "x", ""])
    }

    @Test func descriptionEscapes() throws {
        #expect(JSONPointer(tokens: ["a/b", "m~n", "0"]).description == "/a~1b/m~0n/0")
        #expect(JSONPointer.root.description == "")
        #expect(JSONPointer.escape("~/") == "~0~1")
        #expect(JSONPointer.escape("plain") == "plain")
        for text in ["", "/", "/a~1b/0", "/~01", "/m~0n/~1~0", "/ü/世"] {
            #expect(try JSONPointer(parsing: text).description == text)
        }
    }

    @Test(arguments: ["a", "a/b", "/~2", "/~", "/a~", "/~a"])
    func rejectsInvalidPointers(_ text: String) {
        #expect(throws: JSONPointerError.self) { try JSONPointer(parsing: text) }
    }

    @Test func errorKinds() {
        #expect(throws: JSONPointerError(kind: .missingLeadingSlash, text: "a")) { try JSONPointer(parsing: "a") }
        #expect(throws: JSONPointerError(kind: .invalidEscape, text: "/~2")) { try JSONPointer(parsing: "/~2") }
    }

    @Test(arguments: [
        ("/foo", ["bar", "baz"] as JSONValue), ("/foo/0", "bar"), ("/foo/1", "baz"), ("/", 0),
        ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7),
        ("/m~0n", 8), ("/nested/list/1/id", 11),
    ])
    func resolvesRFC6901Examples(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONPointer(parsing: text).resolve(in: document) == expected)
    }

    @Test func resolvesRoot() {
        #expect(JSONPointer.root.resolve(in: document) == document)
    }

    @Test(arguments: ["/missing", "/foo/2", "/foo/-", "/foo/01", "/foo/-1", "/foo/x", "/foo/0/x", "/a~1b/0"])
    func unresolvable(_ text: String) throws {
        #expect(try JSONPointer(parsing: text).resolve(in: document) == nil)
    }

    @Test func appending() throws {
        let base = try JSONPointer(parsing: "/nested")
        #expect(base.appending("list").appending(index: 0).appending("id").description == "/nested/list/0/id")
        #expect(base.appending(try JSONPointer(parsing: "/a~1b")).tokens == ["nested", "a/b"])
        #expect(JSONPointer.root.isRoot && !base.isRoot)
        #expect(base.appending("x/y").description == "/nested/x~1y")
    }

    @Test func arrayIndex() {
        #expect(JSONPointer.arrayIndex("0") == 0)
        #expect(JSONPointer.arrayIndex("42") == 42)
        #expect(JSONPointer.arrayIndex("01") == nil)
        #expect(JSONPointer.arrayIndex("-") == nil)
        #expect(JSONPointer.arrayIndex("") == nil)
        #expect(JSONPointer.arrayIndex("1a") == nil)
        #expect(JSONPointer.arrayIndex("99999999999999999999999") == nil)
    }
}
