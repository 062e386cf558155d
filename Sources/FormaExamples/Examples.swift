public import Forma

/// The example extraction types whose schemas are checked in under `Schemas/examples/`.
///
/// `FORMA_REGENERATE_SCHEMAS=1 swift test --filter SchemaDriftTests` rewrites the files;
/// without the variable that test fails, with a diff, when a file and its type drift apart.
public enum ExampleSchemas {
    /// One example: the file's base name and the type's schema.
    public struct Example: Sendable {
        /// The file name without `.schema.json` (`invoice`).
        public let name: String
        /// The schema generated from the Swift type.
        public let schema: JSONSchema
    }

    /// Every example, in a stable order.
    public static var all: [Example] {
        [
            Example(name: "invoice", schema: Invoice.jsonSchema),
            Example(name: "voice-note", schema: VoiceNote.jsonSchema),
            Example(name: "contact-card", schema: ContactCard.jsonSchema),
            Example(name: "sentiment-classification", schema: SentimentClassification.jsonSchema),
            Example(name: "meeting", schema: Meeting.jsonSchema),
            Example(name: "product-review", schema: ProductReview.jsonSchema),
            Example(name: "person", schema: Person.jsonSchema),
        ]
    }

    /// The checked-in text of a schema: pretty JSON in declaration order, ending with a newline.
    /// - Parameter schema: The schema to print.
    /// - Returns: The file's contents.
    public static func fileText(of schema: JSONSchema) -> String {
        schema.value.serialized(.pretty) + "\n"
    }
}
