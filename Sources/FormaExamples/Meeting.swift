public import Forma
public import Foundation

/// A meeting described in an invitation, an email thread or a chat message.
@Schema
public struct Meeting: Codable, Sendable, Hashable {
    /// The meeting's subject.
    @Guide(.minLength(1), .maxLength(120))
    public var title: String
    /// When it starts, with its UTC offset.
    public var start: Date
    /// When it ends, when stated.
    public var end: Date?
    /// Where it takes place.
    public var location: Location
    /// Everyone invited, the organizer included.
    @Guide(.minCount(1))
    public var attendees: [Attendee]
    /// The topics to cover, in order.
    public var agenda: [String]

    /// Where a meeting takes place.
    @Schema
    public enum Location: Codable, Sendable, Hashable {
        /// A room or street address.
        case inPerson(address: String)
        /// A video call link.
        case online(url: URL)
        /// A dial-in number, with the access code when there is one.
        case phone(number: String, accessCode: String?)
        /// The invitation does not say.
        case unspecified
    }

    /// A person invited to a meeting.
    @Schema
    public struct Attendee: Codable, Sendable, Hashable {
        /// The person's name.
        public var name: String
        /// Their email address, when given.
        @Guide(.format(.email))
        public var email: String?
        /// Their part in the meeting.
        public var role: Role

        public init(name: String, email: String? = nil, role: Role) {
            self.name = name
            self.email = email
            self.role = role
        }
    }

    /// An attendee's part in a meeting.
    @Schema
    public enum Role: String, Codable, Sendable, Hashable {
        case organizer, required, optional
    }

    public init(
        title: String, start: Date, end: Date? = nil, location: Location, attendees: [Attendee], agenda: [String]
    ) {
        self.title = title
        self.start = start
        self.end = end
        self.location = location
        self.attendees = attendees
        self.agenda = agenda
    }
}
