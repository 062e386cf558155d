import Forma
import FormaExamples
import Foundation
import Testing

/// Realistic values of the example types: their encodings must match their own schemas.
@Suite struct ExampleSchemaTests {
    static let acme = Invoice.Party(name: "ACME GmbH", address: "Hauptstr. 1, 10115 Berlin", taxID: "DE123456789")
    static let invoices: [Invoice] = [
        Invoice(
            number: "INV-2024-0042", issueDate: "2024-05-01", dueDate: "2024-05-31", vendor: acme,
            customer: .init(name: "Jane Doe"), currency: "EUR",
            lineItems: [
                .init(description: "Consulting", quantity: 1.5, unitPrice: 120, amount: 180),
                .init(description: "Travel", quantity: 1, unitPrice: Decimal(string: "42.10") ?? 0, amount: Decimal(string: "42.10") ?? 0),
            ],
            subtotal: Decimal(string: "222.10") ?? 0, tax: Decimal(string: "42.20") ?? 0, total: Decimal(string: "264.30") ?? 0),
        Invoice(
            number: "7", issueDate: "2023-12-31", vendor: .init(name: "Solo"), customer: acme, currency: "USD",
            lineItems: [.init(description: "Widget", quantity: 3, unitPrice: 2, amount: 6)], subtotal: 6, total: 6),
    ]

    @Test(arguments: invoices) func invoicesRoundTrip(_ invoice: Invoice) throws { try roundTrip(invoice) }

    @Test func invoiceLineItemsAreSharedDefinitions() {
        let schema = Invoice.jsonSchema
        #expect(schema["$defs"]?.object?.keys == ["Party", "LineItem"])
        #expect(schema["properties"]?["customer"]?["$ref"] == "#/$defs/Party")
        #expect(schema["properties"]?["currency"]?["examples"] == ["EUR", "USD"])
    }

    static let voiceNotes: [VoiceNote] = [
        VoiceNote(title: "Groceries", summary: "Buy milk.", actionItems: []),
        VoiceNote(
            title: "Launch prep", summary: "Ship on Friday. Sam checks the docs.",
            actionItems: [
                .init(task: "Check the docs", owner: "Sam", dueDate: "2024-06-07", priority: .high),
                .init(task: "Book a room", priority: .low),
            ]),
    ]

    @Test(arguments: voiceNotes) func voiceNotesRoundTrip(_ note: VoiceNote) throws { try roundTrip(note) }

    static let contacts: [ContactCard] = [
        ContactCard(fullName: "Ada Lovelace"),
        ContactCard(
            fullName: "Grace Hopper", jobTitle: "Rear Admiral", organization: "US Navy", emailAddress: "grace@navy.mil",
            phoneNumbers: [.init(kind: .work, number: "+12025550123"), .init(kind: .mobile, number: "+442071234567")],
            website: URL(string: "https://example.com/grace")),
    ]

    @Test(arguments: contacts) func contactCardsUseSnakeCase(_ card: ContactCard) throws {
        try roundTrip(card, keys: .convertToSnakeCase, decoding: .convertFromSnakeCase)
        #expect(ContactCard.jsonSchema.required == ["full_name", "phone_numbers"])
    }

    static let sentiments: [SentimentClassification] = [
        .init(sentiment: .mixed, confidence: 0.8, aspects: [.init(aspect: "price", sentiment: .negative)], evidence: ["too pricey"]),
        .init(sentiment: .neutral, confidence: 0, aspects: [], evidence: []),
        .init(sentiment: .positive, confidence: 1, aspects: [], evidence: []),
    ]

    @Test(arguments: sentiments) func sentimentsRoundTrip(_ value: SentimentClassification) throws { try roundTrip(value) }

    static let meetings: [Meeting] = [
        Meeting(
            title: "Kickoff", start: Date(timeIntervalSince1970: 1_717_000_000), end: Date(timeIntervalSince1970: 1_717_003_600),
            location: .online(url: URL(string: "https://meet.example.com/abc") ?? URL(filePath: "/")),
            attendees: [.init(name: "Ada", email: "ada@example.com", role: .organizer), .init(name: "Bob", role: .optional)],
            agenda: ["Goals", "Timeline"]),
        Meeting(
            title: "Call", start: Date(timeIntervalSince1970: 1_700_000_000), location: .phone(number: "+15550100", accessCode: nil),
            attendees: [.init(name: "Cy", role: .required)], agenda: []),
        Meeting(
            title: "Offsite", start: Date(timeIntervalSince1970: 1_700_000_000), location: .inPerson(address: "Room 4"),
            attendees: [.init(name: "Di", role: .required)], agenda: []),
        Meeting(
            title: "TBD", start: Date(timeIntervalSince1970: 1_700_000_000), location: .unspecified,
            attendees: [.init(name: "Ed", role: .required)], agenda: []),
    ]

    @Test(arguments: meetings) func meetingsRoundTrip(_ meeting: Meeting) throws { try roundTrip(meeting) }

    static let reviews: [ProductReview] = [
        .init(product: "Kettle", rating: 1, pros: [], cons: ["Leaks"], wouldRecommend: false),
        .init(product: "Lamp", rating: 5, headline: "Great", pros: ["Bright"], cons: [], wouldRecommend: true, verifiedPurchase: true),
    ]

    @Test(arguments: reviews) func reviewsRoundTrip(_ review: ProductReview) throws { try roundTrip(review) }

    @Test func ratingOutsideOneToFiveIsRejected() throws {
        let review = ProductReview(product: "X", rating: 6, pros: [], cons: [], wouldRecommend: true)
        #expect(try !validate(review).result.isValid)
    }

    @Test(arguments: ExampleSchemas.all.map(\.name)) func exampleSchemasAreValidSchemas(_ name: String) throws {
        let schema = try #require(ExampleSchemas.all.first { $0.name == name }?.schema)
        #expect(Validator.checkSchema(schema).isValid)
        #expect(schema["additionalProperties"] == false)
        #expect(schema.description?.isEmpty == false)
    }
}
