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

    @Test func everyBundledMetaschemaIsRegistered() {
        #expect(SchemaRegistry.metaschemas.count == BundledMetaschemas.documents.count)
        #expect(SchemaRegistry.metaschemas["https://json-schema.org/draft/2020-12/schema"] != nil)
        #expect(SchemaRegistry.metaschemas["http://json-schema.org/draft-07/schema"] != nil)
    }

    @Test(arguments: SchemaDraft.allCases)
    func metaschemasValidateThemselves(draft: SchemaDraft) throws {
        let document = try #require(SchemaRegistry.metaschemas[draft.metaschemaURI])
        #expect(Validator.metaschema(for: draft).validate(document).isValid)
        #expect(!Validator.metaschema(for: draft).isValid(["minLength": "three"]))
    }
}
