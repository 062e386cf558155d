public import Forma

/// A transcribed voice memo, condensed: a title, a short summary and the tasks it mentions.
@Schema
public struct VoiceNote: Codable, Sendable, Hashable {
    /// A short title for the note.
    @Guide(.minLength(1), .maxLength(80))
    public var title: String
    /// Two or three sentences with the gist of the note.
    @Guide(.maxLength(600))
    public var summary: String
    /// Every task the speaker commits to or asks for; empty when there are none.
    public var actionItems: [ActionItem]

    /// A task mentioned in a voice note.
    @Schema
    public struct ActionItem: Codable, Sendable, Hashable {
        /// What has to be done, as an imperative sentence.
        public var task: String
        /// Who should do it, when the note names someone.
        public var owner: String?
        /// When it is due, when the note says.
        @Guide(.format(.date))
        public var dueDate: String?
        /// How urgent the speaker makes it sound.
        public var priority: Priority

        public init(task: String, owner: String? = nil, dueDate: String? = nil, priority: Priority) {
            self.task = task
            self.owner = owner
            self.dueDate = dueDate
            self.priority = priority
        }
    }

    /// The urgency of an action item.
    @Schema
    public enum Priority: String, Codable, Sendable, Hashable, CaseIterable {
        /// Whenever convenient.
        case low
        /// Within days.
        case medium
        /// Today or blocking someone.
        case high
    }

    public init(title: String, summary: String, actionItems: [ActionItem]) {
        self.title = title
        self.summary = summary
        self.actionItems = actionItems
    }
}
