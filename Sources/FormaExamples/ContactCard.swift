public import Forma
public import Foundation

/// Contact details found in an email signature, a business card or a web page. Keys are
/// snake_case, as many CRMs expect (encode with `keyEncodingStrategy = .convertToSnakeCase`).
@Schema(keys: .snakeCase)
public struct ContactCard: Codable, Sendable, Hashable {
    /// The person's full name.
    @Guide(.minLength(1))
    public var fullName: String
    /// Their job title, when given.
    public var jobTitle: String?
    /// The company or organization they belong to, when given.
    public var organization: String?
    /// The primary email address.
    @Guide(.format(.email))
    public var emailAddress: String?
    /// Phone numbers, in the order they appear.
    public var phoneNumbers: [PhoneNumber]
    /// The personal or company web site.
    public var website: URL?

    /// A phone number with what it is for.
    @Schema(keys: .snakeCase)
    public struct PhoneNumber: Codable, Sendable, Hashable {
        /// What the number is for.
        public var kind: Kind
        /// The number in E.164 form, such as "+14155550123".
        @Guide(.pattern("^\\+[1-9][0-9]{6,14}$"))
        public var number: String

        public init(kind: Kind, number: String) {
            self.kind = kind
            self.number = number
        }

        /// What a phone number is for.
        @Schema
        public enum Kind: String, Codable, Sendable, Hashable {
            case mobile, work, home, fax
        }
    }

    public init(
        fullName: String, jobTitle: String? = nil, organization: String? = nil, emailAddress: String? = nil,
        phoneNumbers: [PhoneNumber] = [], website: URL? = nil
    ) {
        self.fullName = fullName
        self.jobTitle = jobTitle
        self.organization = organization
        self.emailAddress = emailAddress
        self.phoneNumbers = phoneNumbers
        self.website = website
    }
}
