/// The cross-source comparison of one event: how each outlet told it, what they share, what only one
/// says, how each renders the same quote, which figures they give and where they contradict each other.
/// Built on demand by `Comparison.build(event:corpus:)`; every item points back to an article and range.
public struct Comparison: Sendable {
    public var event: Event
    public var outlets: [OutletCoverage]
    /// Claims that two or more outlets make, each outlet's wording side by side.
    public var shared: [AlignedClaim]
    /// Claims that only one outlet makes.
    public var unique: [Passage]
    public var quotes: [QuoteComparison]
    public var numbers: [NumberComparison]
    public var discrepancies: [Discrepancy]
    /// When each outlet reported it, and the outlets that covered its people but not it.
    public var coverage: EventCoverage
}

/// A piece of one article's text: which article, which outlet column, what it says and where.
public struct Passage: Hashable, Sendable {
    public var articleID: String
    /// The column label: the outlet, or the file name when the outlet is unknown.
    public var outlet: String
    public var text: String
    public var range: TextRange
}

/// One column of the comparison: an article and its coverage.
public struct OutletCoverage: Sendable {
    public var articleID: String
    public var outlet: String
    public var headline: String?
    public var date: DatedValue?
    public var words: Int
    /// Agencies credited by the article.
    public var sources: [String]
    /// Actors the article names, most mentioned first.
    public var named: [String]
    /// Actors the article quotes.
    public var quoted: [String]
    /// Actors no other outlet of the event names.
    public var onlyHere: [String]
}

/// Sentences of different outlets that report the same fact.
public struct AlignedClaim: Sendable {
    public var passages: [Passage]
    /// How alike the wordings are, 0…1 (content words, actors and numbers).
    public var similarity: Double
}

/// How an outlet renders a statement compared with the fullest rendering.
public enum QuoteForm: String, Sendable, Codable {
    /// The same words (possibly with minor differences).
    case full
    /// A fragment of the fuller quotation.
    case partial
    /// The same statement in other words.
    case paraphrased
}

/// One outlet's rendering of a statement.
public struct QuoteRendering: Sendable {
    public var passage: Passage
    public var form: QuoteForm
}

/// The same speaker's statement as each outlet renders it.
public struct QuoteComparison: Sendable {
    /// The canonical speaker, or nil when no outlet names one.
    public var speaker: String?
    public var renderings: [QuoteRendering]
}

/// A figure an outlet gives and what it counts.
public struct NumberMention: Sendable {
    public var passage: Passage
    /// The figure as written (`100,000`, `8,500`).
    public var figure: String
    public var value: Double
    /// The thing counted (`troops`).
    public var counts: String
}

/// The figures given for one kind of thing across outlets; `conflict` when outlets give different
/// figures in sentences that report the same fact.
public struct NumberComparison: Sendable {
    public var counts: String
    public var mentions: [NumberMention]
    public var conflict: Bool
}

/// Where outlets contradict each other.
public struct Discrepancy: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// The same actor with roles or affiliations that exclude each other.
        case role
        case date
        case place
        /// The same name spelled differently.
        case spelling
    }
    public var kind: Kind
    /// What the discrepancy is about (an actor's name, the event).
    public var subject: String
    /// One line saying what differs.
    public var note: String
    public var passages: [Passage]
}
