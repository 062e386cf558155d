import Foundation
import FormaJSON
@testable import FormaSchema
import Testing

@Suite("Bundled meta-schemas")
struct BundledMetaschemaTests {
    static var metaschemaDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Schemas/metaschemas")
    }

    @Test func embeddedCopiesMatchSchemasFolder() throws {
        let embedded = Dictionary(uniqueKeysWithValues: BundledMetaschemas.documents.map { ($0.path, $0.text) })
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.metaschemaDirectory.path))
        var onDisk: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".json") {
            onDisk.append(path)
            let text = try String(contentsOf: Self.metaschemaDirectory.appendingPathComponent(path), encoding: .utf8)
            let copy = try #require(embedded[path], "\(path) is not embedded: run scripts/embed-metaschemas")
            #expect(try JSONParser.parse(copy) == JSONParser.parse(text), "\(path) drifted: run scripts/embed-metaschemas")
        }
        #expect(Set(onDisk) == Set(embedded.keys))
        #expect(FileManager.default.fileExists(atPath: Self.metaschemaDirectory.appendingPathComponent("LICENSE").path))
    }

    @Test func everyBundledMetaschemaIsFoundByItsID() throws {
        #expect(SchemaRegistry.metaschemaIndex.count == BundledMetaschemas.documents.count)
        for (path, text) in BundledMetaschemas.documents {
            let value = try JSONParser.parse(text)
            let id = try #require(value["$id"]?.string ?? value["id"]?.string, "\(path) has no $id")
            let uri = URIReference(id).withoutFragment.text
            #expect(SchemaRegistry.metaschemaURI(path: path) == uri, "\(path): the URI read from the path is not its $id")
            #expect(SchemaRegistry.metaschema(for: uri) == value)
        }
        #expect(SchemaRegistry.metaschema(for: "http://json-schema.org/draft-03/schema") == nil)
    }

    @Test func licencesAreBundled() throws {
        for name in ["LICENSE", "LICENSE-jsonschema-specifications", "README.md"] {
            #expect(FileManager.default.fileExists(atPath: Self.metaschemaDirectory.appendingPathComponent(name).path), "\(name)")
        }
        let notice = try String(contentsOf: Self.metaschemaDirectory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("NOTICE"), encoding: .utf8)
        #expect(notice.contains("LICENSE-jsonschema-specifications"))
    }

    @Test(arguments: SchemaDraft.allCases)
    func metaschemasValidateThemselves(draft: SchemaDraft) throws {
        let document = try #require(SchemaRegistry.metaschema(for: draft.metaschemaURI))
        #expect(Validator.metaschema(for: draft).validate(document).isValid)
        #expect(!Validator.metaschema(for: draft).isValid(["minLength": "three"]))
    }
}
