public import Forma
public import Foundation

/// An invoice extracted from a document or an email: who billed whom, for what, and how much.
@Schema
public struct Invoice: Codable, Sendable, Hashable {
    /// The invoice number exactly as printed, such as "INV-2024-0042".
    @Guide(.minLength(1), .maxLength(64))
    public var number: String
    /// The date the invoice was issued.
    @Guide(.format(.date))
    public var issueDate: String
    /// The date payment is due, when the invoice states one.
    @Guide(.format(.date))
    public var dueDate: String?
    /// The business that issued the invoice.
    public var vendor: Party
    /// The customer being billed.
    public var customer: Party
    /// The ISO 4217 currency code of all amounts.
    @Guide(.pattern("^[A-Z]{3}$"), .examples("EUR", "USD"))
    public var currency: String
    /// One entry per billed product or service, in the order printed.
    @Guide(.minCount(1))
    public var lineItems: [LineItem]
    /// The total before tax.
    @Guide(.minimum(0))
    public var subtotal: Decimal
    /// The tax amount, when the invoice shows one.
    @Guide(.minimum(0))
    public var tax: Decimal?
    /// The amount to pay, tax included.
    @Guide(.minimum(0))
    public var total: Decimal

    /// A business or person on an invoice.
    @Schema
    public struct Party: Codable, Sendable, Hashable {
        /// The legal or trading name.
        public var name: String
        /// The postal address on one line, when printed.
        public var address: String?
        /// The VAT or tax identification number, when printed.
        public var taxID: String?

        public init(name: String, address: String? = nil, taxID: String? = nil) {
            self.name = name
            self.address = address
            self.taxID = taxID
        }
    }

    /// One billed product or service.
    @Schema
    public struct LineItem: Codable, Sendable, Hashable {
        /// What was sold, as described on the invoice.
        public var description: String
        /// How many units were billed.
        @Guide(.exclusiveMinimum(0))
        public var quantity: Double
        /// The price of one unit, before tax.
        public var unitPrice: Decimal
        /// quantity × unit price, as printed.
        public var amount: Decimal

        public init(description: String, quantity: Double, unitPrice: Decimal, amount: Decimal) {
            self.description = description
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.amount = amount
        }
    }

    public init(
        number: String, issueDate: String, dueDate: String? = nil, vendor: Party, customer: Party,
        currency: String, lineItems: [LineItem], subtotal: Decimal, tax: Decimal? = nil, total: Decimal
    ) {
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.vendor = vendor
        self.customer = customer
        self.currency = currency
        self.lineItems = lineItems
        self.subtotal = subtotal
        self.tax = tax
        self.total = total
    }
}
