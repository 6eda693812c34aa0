/// What `articles --json` (and the summary part of `show --json`) says of an article: its metadata
/// without the texts, its actors, its primary event and where an inferred date came from. The index
/// answers it without loading the corpus (`SQLiteCorpusStore.articleRecords`); `Corpus.record(of:)`
/// is the same from a loaded corpus, which the tests compare it with.
public struct ArticleRecord: Sendable, Equatable {
    public var id: String
    public var path: String
    public var title: String?
    public var outlet: String?
    public var published: DatedValue?
    /// For a date inferred from the article's event: the article whose own date gave it.
    public var publishedFrom: String?
    public var words: Int
    public var sources: [String]
    public var actors: [ArticleActorSummary]
    public var event: String?
    public var url: String?
    public var format: SourceFormat
    public var truncated: Bool

    public init(id: String, path: String, title: String?, outlet: String?, published: DatedValue?,
                publishedFrom: String?, words: Int, sources: [String], actors: [ArticleActorSummary],
                event: String?, url: String?, format: SourceFormat, truncated: Bool) {
        self.id = id
        self.path = path
        self.title = title
        self.outlet = outlet
        self.published = published
        self.publishedFrom = publishedFrom
        self.words = words
        self.sources = sources
        self.actors = actors
        self.event = event
        self.url = url
        self.format = format
        self.truncated = truncated
    }
}

extension Corpus {
    /// The record of an article of this corpus. `actors`: `actorSummaries()`, computed once per
    /// command rather than once per article.
    public func record(of a: Article, actors: [String: [ArticleActorSummary]]? = nil) -> ArticleRecord {
        ArticleRecord(id: a.id, path: a.path, title: a.title, outlet: a.outlet, published: a.published,
                      publishedFrom: inferredDateSource(of: a), words: a.wordCount, sources: a.sources,
                      actors: (actors ?? actorSummaries())[a.id] ?? [], event: primaryEvent[a.id], url: a.url,
                      format: a.format, truncated: a.truncated)
    }

    /// For a date inferred from the article's event: the article of that event whose own date gave it
    /// (the first that states that day), so that a reader can check where the date came from.
    public func inferredDateSource(of a: Article) -> String? {
        guard let d = a.published, d.source == .event, let eid = primaryEvent[a.id],
              let e = events.first(where: { $0.id == eid }) else { return nil }
        return Self.inferredDateSource(of: a.id, day: d.day, mentions: e.mentions, articles: e.articles) { id in
            article(id: id)?.published
        }
    }

    /// The rule of `inferredDateSource(of:)` on an event's mentions and articles (`published`: an
    /// article's date), shared with the index's answer: an article that names the day with the
    /// meeting, else one reporting it on its own date.
    public static func inferredDateSource(of id: String, day: Day, mentions: [EventMention], articles: [String],
                                          published: (String) -> DatedValue?) -> String? {
        if let m = mentions.first(where: { $0.articleID != id && $0.date?.day == day }) { return m.articleID }
        return articles.first { other in
            guard other != id, let p = published(other) else { return false }
            return p.source != .event && p.day == day
        }
    }
}
