import Testing
@testable import FormaJSON

@Suite("JSONObject and JSONValue equality")
struct JSONObjectTests {
    @Test func keepsInsertionOrder() {
        var object = JSONObject()
        object["z"] = 1
        object["a"] = 2
        object["m"] = 3
        #expect(object.keys == ["z", "a", "m"])
        #expect(object.map(\.key) == ["z", "a", "m"])
    }

    @Test func replacingKeepsPositionRemovingDrops() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["a"] = "new"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["a"] == "new")
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(!object.contains("b"))
        #expect(object.count == 2)
    }

    @Test func largeObjectsUseTheIndexConsistently() {
        var object = JSONObject()
        for i in 0..<100 { object["k\(i)"] = .number(JSONNumber(i)) }
        #expect(object.count == 100)
        #expect(object["k57"] == 57)
        object["k57"] = nil
        #expect(object["k57"] == nil)
        #expect(object["k58"] == 58)
        #expect(object.keys[57] == "k58")
        object["k10"] = "x"
        #expect(object.keys[10] == "k10" && object["k10"] == "x")
        object.appendUnchecked(key: "new", value: true)
        #expect(object["new"] == true)
    }

    @Test func equalityIgnoresOrder() throws {
        let a = try JSONParser.parse(#"{"x": 1, "y": [1, 2], "z": {"p": null, "q": true}}"#)
        let b = try JSONParser.parse(#"{"z": {"q": true, "p": null}, "y": [1, 2], "x": 1.0}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
    }

    @Test func inequality() throws {
        #expect(try JSONParser.parse(#"{"x": 1}"#) != JSONParser.parse(#"{"x": 2}"#))
        #expect(try JSONParser.parse(#"{"x": 1}"#) != JSONParser.parse(#"{"x": 1, "y": 1}"#))
        #expect(try JSONParser.parse(#"{"x": 1}"#) != JSONParser.parse(#"{"y": 1}"#))
        // Array order matters.
        #expect(try JSONParser.parse("[1, 2]") != JSONParser.parse("[2, 1]"))
        #expect(JSONValue.bool(true) != .number(JSONNumber(1)))
        #expect(JSONValue.null != .string("null"))
    }

    @Test func duplicateKeysInLiteralAndSequenceInit() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func valueAccessors() throws {
        let value = try JSONParser.parse(#"{"s": "x", "n": 1.5, "b": true, "a": [null], "o": {}}"#)
        #expect(value["s"]?.string == "x")
        #expect(value["n"]?.number?.doubleValue == 1.5)
        #expect(value["b"]?.bool == true)
        #expect(value["a"]?[0]?.isNull == true)
        #expect(value["a"]?[1] == nil)
        #expect(value["o"]?.object?.isEmpty == true)
        #expect(value["missing"] == nil)
        #expect(value["n"]?.typeName == "number")
        #expect(try JSONParser.parse("2.0").typeName == "integer")
    }
}
