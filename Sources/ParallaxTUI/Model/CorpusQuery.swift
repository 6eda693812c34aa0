import ParallaxCore

/// An actor as the TUI lists it: enough to draw a row and to filter by it.
public struct ActorSummary: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: ActorKind
    public var mentions: Int
    public var articles: Int
    public init(id: String, name: String, kind: ActorKind, mentions: Int, articles: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.mentions = mentions
        self.articles = articles
    }
}

/// What a line of the article list shows.
public struct ArticleRow: Sendable, Equatable {
    /// The article's id (for its marks and tags).
    public var id: String
    public var day: Day?
    /// The outlet as displayed (the file name when the article has none).
    public var outlet: String
    /// The title, else the file name.
    public var title: String
    public init(id: String = "", day: Day?, outlet: String, title: String) {
        self.id = id
        self.day = day
        self.outlet = outlet
        self.title = title
    }

    public init(_ a: Article) {
        self.init(id: a.id, day: a.published?.day, outlet: a.outlet ?? a.fileName, title: a.title ?? a.fileName)
    }
}

/// What the TUI asks of the corpus. The in-memory model answers it today; the persistent store
/// (ParallaxStore) can answer the same questions later without the views or `update` changing.
public protocol CorpusQuery: Sendable {
    /// How many articles there are; they are addressed by their position in display order
    /// (newest first, undated last), so a store can page them instead of holding them all.
    var articleCount: Int { get }
    func article(at index: Int) -> Article
    /// The list line of the article at a display position: a store reads a screenful of these at once,
    /// without the texts.
    func row(at index: Int) -> ArticleRow
    /// The display position of an article.
    func index(ofArticle id: String) -> Int?
    /// How many actors the corpus has (0 says the actors layer found none).
    var actorCount: Int { get }
    /// Every event (there are few: one per meeting or call the corpus reports or mentions).
    var events: [Event] { get }
    /// Problems met while loading, shown once in the status bar.
    var warnings: [String] { get }
    func actor(id: String) -> Actor?
    /// The actor's name, kind, aliases and roles, for a detail line drawn every frame; its mentions and
    /// quotes may be left out (a store need not read a country's every mention for that).
    func actorCard(id: String) -> Actor?
    func event(id: String) -> Event?
    /// The event the article reports (its primary event), if any.
    func primaryEvent(ofArticle id: String) -> Event?
    /// Outlets (as displayed: an article without one is known by its file name) with their article counts.
    var outlets: [(name: String, articles: Int)] { get }
    /// Actors whose name or an alias matches what the user typed: prefix, then substring, then a
    /// spelling variant (`Fold.nameKey`); the most mentioned first.
    func completeActors(_ text: String) -> [Completion]
    /// The actors mentioned by one article, by mentions.
    func actors(inArticle id: String) -> [ActorSummary]
    /// Actors mentioned in a set of articles (given as indices into `articles`), by mentions.
    func actors(inArticles indices: [Int]) -> [ActorSummary]
    /// Mentions and quotes of the article, for highlighting its text.
    func highlights(ofArticle id: String) -> ArticleHighlights
    /// Display positions of the articles the query finds, in display order. Every implementation
    /// answers the one typed query (the conformance tests hold them to the same answers).
    func filter(_ query: ArticleQuery) -> [Int]
    /// How many undated articles the query's date ranges left out (said on the status line).
    func undatedLeftOut(_ query: ArticleQuery) -> Int
    /// The analyst's marks, tags and read state as stored.
    var userData: UserData { get }
    /// Records a change to them; returns a message when it could not be stored.
    func apply(_ change: UserDataChange) -> String?
    /// The comparison of one event as the Compare pane draws it.
    func comparison(ofEvent id: String) -> ComparisonView?
}

extension CorpusQuery {
    /// By default the complete actor.
    public func actorCard(id: String) -> Actor? { actor(id: id) }
    /// By default from the article.
    public func row(at index: Int) -> ArticleRow { ArticleRow(article(at: index)) }
}

/// The ranges of an article's clean body to highlight.
public struct ArticleHighlights: Sendable, Equatable {
    /// Actor mentions: range and the actor's kind.
    public var mentions: [(range: TextRange, kind: ActorKind)]
    public var quotes: [TextRange]
    public init(mentions: [(range: TextRange, kind: ActorKind)] = [], quotes: [TextRange] = []) {
        self.mentions = mentions
        self.quotes = quotes
    }
    public static func == (a: ArticleHighlights, b: ArticleHighlights) -> Bool {
        a.quotes == b.quotes && a.mentions.map(\.range) == b.mentions.map(\.range)
            && a.mentions.map(\.kind) == b.mentions.map(\.kind)
    }
}

/// One outlet's column of a comparison.
public struct ComparisonColumn: Sendable, Equatable {
    public var outlet: String
    public var articleID: String
    public var headline: String
    public var date: String
    public var words: Int
    public var sources: [String]
    /// Actors this outlet names (canonical names), by mentions.
    public var actors: [String]
    /// Its publication day, for the coverage sparkline.
    public var day: Day?
    /// Why the article was grouped into the event (its similarity and what it shares), if known.
    public var why: MembershipEvidence?
    public init(outlet: String, articleID: String, headline: String, date: String, words: Int,
                sources: [String], actors: [String], day: Day? = nil, why: MembershipEvidence? = nil) {
        self.day = day
        self.why = why
        self.outlet = outlet
        self.articleID = articleID
        self.headline = headline
        self.date = date
        self.words = words
        self.sources = sources
        self.actors = actors
    }
}

/// A row of the comparison: one cell per column (nil where that outlet says nothing), with a place in
/// an article to jump to.
public struct ComparisonRow: Sendable, Equatable {
    /// What the row compares, which decides its label and colour.
    public enum Kind: String, Sendable { case claim, unique, quote, number, discrepancy }
    public var kind: Kind
    public var label: String
    public var cells: [String?]
    /// Per column: the article and range that cell comes from.
    public var anchors: [(articleID: String, range: TextRange)?]
    public init(kind: Kind, label: String, cells: [String?], anchors: [(articleID: String, range: TextRange)?]) {
        self.kind = kind
        self.label = label
        self.cells = cells
        self.anchors = anchors
    }
    public static func == (a: ComparisonRow, b: ComparisonRow) -> Bool {
        a.kind == b.kind && a.label == b.label && a.cells == b.cells
    }
}

/// The event's comparison, reduced to what the TUI draws: columns per outlet and aligned rows.
public struct ComparisonView: Sendable, Equatable {
    public var event: Event
    public var columns: [ComparisonColumn]
    public var rows: [ComparisonRow]
    public init(event: Event, columns: [ComparisonColumn], rows: [ComparisonRow]) {
        self.event = event
        self.columns = columns
        self.rows = rows
    }
}
