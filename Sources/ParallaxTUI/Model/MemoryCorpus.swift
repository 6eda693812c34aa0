import ParallaxCore
import Foundation

/// Answers `CorpusQuery` from an analysed `Corpus` held in memory, with the indexes the TUI needs
/// built once at load so that a keypress never scans more than it must.
public struct MemoryCorpus: CorpusQuery {
    public let articles: [Article]
    public let actors: [Actor]
    public let events: [Event]
    public let warnings: [String]

    private let articleIndex: [String: Int]
    private let actorIndex: [String: Int]
    private let eventIndex: [String: Int]
    private let primary: [String: String]
    /// Per article (by index): (actor index, mentions in that article).
    private let actorsPerArticle: [[(actor: Int, mentions: Int)]]
    /// Per article (by index): the ranges of its quotations.
    private let quotesPerArticle: [[TextRange]]
    /// Per actor (by index): indices of the articles that mention it.
    private let articlesPerActor: [Set<Int>]
    /// The query evaluator over the corpus (in corpus order), and each corpus position's place in
    /// display order.
    private let queries: QueryIndex
    private let displayPosition: [Int]
    /// Marks, tags and read state: kept for the session only (`--no-index` writes nothing).
    private let user = UserDataBox()
    /// Per actor: its name and aliases, folded and as name keys, so completion folds only what is typed.
    private let actorNames: [[(label: String, folded: String, key: String)]]
    public let outlets: [(name: String, articles: Int)]
    /// The corpus as loaded, for model functions that take a whole `Corpus`.
    public let corpus: Corpus

    public init(_ corpus: Corpus) {
        // Newest first; undated articles after the dated ones, each group in path order.
        let order = corpus.articles.indices.sorted { a, b in
            switch (corpus.articles[a].published?.day, corpus.articles[b].published?.day) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        let sorted = order.map { corpus.articles[$0] }
        var display = [Int](repeating: 0, count: order.count)
        for (d, c) in order.enumerated() { display[c] = d }
        displayPosition = display
        queries = QueryIndex(corpus)
        articles = sorted
        actors = corpus.actors
        events = corpus.events
        warnings = corpus.warnings
        var ai: [String: Int] = [:]
        for (i, a) in sorted.enumerated() where ai[a.id] == nil { ai[a.id] = i }
        articleIndex = ai
        var ac: [String: Int] = [:]
        for (i, a) in corpus.actors.enumerated() where ac[a.id] == nil { ac[a.id] = i }
        actorIndex = ac
        var ev: [String: Int] = [:]
        for (i, e) in corpus.events.enumerated() where ev[e.id] == nil { ev[e.id] = i }
        eventIndex = ev
        var prim = corpus.primaryEvent
        for e in corpus.events { for a in e.articles where prim[a] == nil { prim[a] = e.id } }
        primary = prim

        var perArticle = Array(repeating: [(actor: Int, mentions: Int)](), count: sorted.count)
        var perActor = Array(repeating: Set<Int>(), count: corpus.actors.count)
        for (k, actor) in corpus.actors.enumerated() {
            var counts: [Int: Int] = [:]
            for m in actor.mentions { if let i = ai[m.articleID] { counts[i, default: 0] += 1 } }
            for (i, n) in counts {
                perArticle[i].append((k, n))
                perActor[k].insert(i)
            }
        }
        var quotes = Array(repeating: [TextRange](), count: sorted.count)
        for actor in corpus.actors {
            for q in actor.quotes { if let i = ai[q.articleID] { quotes[i].append(q.range) } }
        }
        quotesPerArticle = quotes.map { Array(Set($0)).sorted() }
        actorsPerArticle = perArticle.map { $0.sorted { ($0.mentions, -$0.actor) > ($1.mentions, -$1.actor) } }
        articlesPerActor = perActor
        actorNames = corpus.actors.map { a in
            var seen = Set<String>()
            return ([a.name] + a.aliases).compactMap { n in
                seen.insert(n).inserted ? (n, Fold.text(n), Fold.nameKey(n)) : nil
            }
        }
        var counts: [String: Int] = [:]
        for a in sorted { counts[MemoryCorpus.outletName(a), default: 0] += 1 }
        outlets = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
        self.corpus = corpus
    }

    public func completeActors(_ text: String) -> [Completion] {
        ActorCompletion.complete(text, names: actorNames) { i in (actors[i].name, actors[i].id, actors[i].mentions.count) }
    }

    public var articleCount: Int { articles.count }
    public func article(at index: Int) -> Article { articles[index] }
    public func index(ofArticle id: String) -> Int? { articleIndex[id] }
    public var actorCount: Int { actors.count }

    public func actor(id: String) -> Actor? { actorIndex[id].map { actors[$0] } }
    public func event(id: String) -> Event? { eventIndex[id].map { events[$0] } }

    public func primaryEvent(ofArticle id: String) -> Event? {
        primary[id].flatMap { event(id: $0) }
    }

    public func actors(inArticle id: String) -> [ActorSummary] {
        guard let i = articleIndex[id] else { return [] }
        return actorsPerArticle[i].map { pair in
            let a = actors[pair.actor]
            return ActorSummary(id: a.id, name: a.name, kind: a.kind, mentions: pair.mentions, articles: 1)
        }
    }

    public func actors(inArticles indices: [Int]) -> [ActorSummary] {
        var mentions: [Int: Int] = [:]
        var arts: [Int: Int] = [:]
        for i in indices where i >= 0 && i < actorsPerArticle.count {
            for pair in actorsPerArticle[i] {
                mentions[pair.actor, default: 0] += pair.mentions
                arts[pair.actor, default: 0] += 1
            }
        }
        return mentions.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.map { k, n in
            let a = actors[k]
            return ActorSummary(id: a.id, name: a.name, kind: a.kind, mentions: n, articles: arts[k] ?? 0)
        }
    }

    public func highlights(ofArticle id: String) -> ArticleHighlights {
        guard let i = articleIndex[id] else { return ArticleHighlights() }
        var h = ArticleHighlights()
        for pair in actorsPerArticle[i] {
            let a = actors[pair.actor]
            for m in a.mentions where m.articleID == id { h.mentions.append((m.range, a.kind)) }
        }
        h.quotes = quotesPerArticle[i]
        h.mentions.sort { $0.range < $1.range }
        return h
    }

    /// The name an article's outlet is shown and filtered by.
    public static func outletName(_ a: Article) -> String { a.outlet ?? a.fileName }

    public func filter(_ q: ArticleQuery) -> [Int] {
        var out = queries.matches(q, user: user.value).map { displayPosition[$0] }.sorted()
        if let limit = q.limit, out.count > limit { out = Array(out.prefix(max(0, limit))) }
        return out
    }

    public func undatedLeftOut(_ q: ArticleQuery) -> Int {
        queries.undatedLeftOut(q, user: user.value)
    }

    public var userData: UserData { user.value }

    public func apply(_ change: UserDataChange) -> String? {
        user.apply(change)
        return nil
    }

    public func comparison(ofEvent id: String) -> ComparisonView? {
        guard let e = event(id: id) else { return nil }
        return ComparisonAdapter.view(Comparison.build(event: e, corpus: corpus))
    }
}

/// The session's user data behind a value-typed corpus: shared by its copies, locked.
final class UserDataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = UserData()

    var value: UserData {
        lock.lock()
        defer { lock.unlock() }
        return data
    }

    func apply(_ change: UserDataChange) {
        lock.lock()
        data.apply(change)
        lock.unlock()
    }
}
