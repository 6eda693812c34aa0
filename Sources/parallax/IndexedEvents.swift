import ParallaxCore
import ParallaxStore

/// The events and the labels of their articles, read from the index for `events` and `timeline`:
/// what they print, without loading the corpus (its actors, mentions and quotes, which these commands
/// do not print, were most of their time).
struct IndexedEvents {
    var events: [Event]
    /// Article id → its label and its place in corpus order.
    private var labels: [String: (label: ArticleLabel, order: Int)] = [:]

    init(events: [Event], articles: [ArticleLabel]) {
        self.events = events
        for (i, a) in articles.enumerated() where labels[a.id] == nil { labels[a.id] = (a, i) }
    }

    /// Opens the index, brings it up to date and reads the events (`why` only when `evidence`), or
    /// exits with one line as `CorpusOptions.load` does (an empty corpus included).
    static func read(_ options: CorpusOptions, evidence: Bool) throws -> IndexedEvents {
        try IndexedLoading.withIndex(paths: options.paths, options: options.index, quiet: options.quiet,
                                     reader: options.reader) { roots, store, _ in
            guard try store.hasArticles() else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            return IndexedEvents(events: try store.eventList(withEvidence: evidence), articles: try store.articleLabels())
        }
    }

    /// Outlet, else file name, of an article; its id when the index has no such article.
    func label(_ id: String) -> String {
        labels[id].map { $0.label.outlet ?? $0.label.article.fileName } ?? id
    }

    /// The part of the corpus `EventJSON.summary` reads of an event: its articles, in corpus order
    /// (the outlet list and the coverage by outlet depend on nothing else).
    func corpus(of event: Event) -> Corpus {
        let members = Set(event.articles).compactMap { labels[$0] }.sorted { $0.order < $1.order }
        return Corpus(articles: members.map(\.label.article), events: [event])
    }
}
