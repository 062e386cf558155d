public import Forma

/// The sentiment of a piece of customer feedback, overall and per aspect.
@Schema
public struct SentimentClassification: Codable, Sendable, Hashable {
    /// The overall sentiment of the text.
    public var sentiment: Sentiment
    /// How sure the classification is, from 0 (guess) to 1 (certain).
    @Guide(.range(0...1))
    public var confidence: Double
    /// Sentiment towards the specific things the text talks about (price, support, delivery…).
    public var aspects: [AspectSentiment]
    /// Short verbatim quotes that justify the classification.
    @Guide(.maxCount(5))
    public var evidence: [String]

    /// A sentiment label.
    @Schema
    public enum Sentiment: String, Codable, Sendable, Hashable, CaseIterable {
        /// Mostly favourable.
        case positive
        /// Mostly unfavourable.
        case negative
        /// Factual, no opinion.
        case neutral
        /// Favourable and unfavourable in similar measure.
        case mixed
    }

    /// The sentiment towards one aspect.
    @Schema
    public struct AspectSentiment: Codable, Sendable, Hashable {
        /// The aspect, in one or two lowercase words.
        @Guide(.maxLength(40))
        public var aspect: String
        /// The sentiment towards it.
        public var sentiment: Sentiment

        public init(aspect: String, sentiment: Sentiment) {
            self.aspect = aspect
            self.sentiment = sentiment
        }
    }

    public init(sentiment: Sentiment, confidence: Double, aspects: [AspectSentiment], evidence: [String]) {
        self.sentiment = sentiment
        self.confidence = confidence
        self.aspects = aspects
        self.evidence = evidence
    }
}
