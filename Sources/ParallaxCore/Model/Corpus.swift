/// The analysed corpus: articles with their actors and events. What the CLI, the TUI and the store read.
public struct Corpus: Sendable {
    public var articles: [Article]
    public var actors: [Actor]
    public var events: [Event]
    /// Every direct quotation of the corpus, attributed or not (the actors stage fills it).
    public var quotes: [Quote] = []
    /// Article id → id of the event it reports (its primary event).
    public var primaryEvent: [String: String]
    /// Problems met while loading (unreadable files, bad JSON …), one line each, naming the file.
    public var warnings: [String]

    public init(articles: [Article], actors: [Actor] = [], events: [Event] = [],
                primaryEvent: [String: String] = [:], warnings: [String] = []) {
        self.articles = articles
        self.actors = actors
        self.events = events
        self.primaryEvent = primaryEvent
        self.warnings = warnings
    }

    public func article(id: String) -> Article? {
        articles.first { $0.id == id }
    }
}
