public import Forma

/// A product review, structured: what was reviewed, the rating and the reasons behind it.
@Schema
public struct ProductReview: Codable, Sendable, Hashable {
    /// The product's name as the reviewer calls it.
    public var product: String
    /// The star rating, from 1 (worst) to 5 (best).
    @Guide(.range(1...5))
    public var rating: Int
    /// The review's headline, when it has one.
    @Guide(.maxLength(120))
    public var headline: String?
    /// What the reviewer liked, one point per entry.
    @Guide(.maxCount(10))
    public var pros: [String]
    /// What the reviewer disliked, one point per entry.
    @Guide(.maxCount(10))
    public var cons: [String]
    /// Whether the reviewer would recommend the product.
    public var wouldRecommend: Bool
    /// Whether the reviewer says they bought the product themselves.
    public var verifiedPurchase: Bool?

    public init(
        product: String, rating: Int, headline: String? = nil, pros: [String], cons: [String],
        wouldRecommend: Bool, verifiedPurchase: Bool? = nil
    ) {
        self.product = product
        self.rating = rating
        self.headline = headline
        self.pros = pros
        self.cons = cons
        self.wouldRecommend = wouldRecommend
        self.verifiedPurchase = verifiedPurchase
    }
}
