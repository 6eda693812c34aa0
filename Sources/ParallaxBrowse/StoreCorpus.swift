import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxTUI

/// Answers the TUI's `CorpusQuery` from the persistent index without loading the corpus: the list
/// order, outlets and dates of every article are held as compact rows (a few bytes each); texts,
/// actors, highlights and comparisons are read from the index when a pane needs them and kept in
/// small caches; actor, event and text filters are answered by the index (text through FTS5).
///
/// The typed query is answered by the index in one parameterised statement (words through FTS5):
/// the same answers as `MemoryCorpus` (the conformance tests compare them).
public struct StoreCorpus: CorpusQuery {
    let store: any BrowsingStore
    /// Display order (newest first, undated last, then corpus order): the index row of each article.
    private let seqs: [Int64]
    /// Per display position: index into `outlets`, and the day as `yyyymmdd` (0 undated).
    private let outletOf: [Int32]
    private let dayOf: [Int32]
    /// Display position by index row number (-1: not an article of this list).
    private let positionBySeq: [Int32]
    private let outletIndex: [String: Int32]
    public let outlets: [(name: String, articles: Int)]
    public let warnings: [String]
    public let actorCount: Int
    private let caches: Caches
    private let lazy: LazyParts

    /// Opens the browse view of an index: reads the compact rows (the only work proportional to the
    /// corpus before the first frame). The actor directory and the event list, for the prompts and
    /// the timeline, are read in the background from `warmUp()` or when first asked for.
    public init(store: any BrowsingStore, warnings: [String]? = nil) throws {
        self.store = store
        let rows = try store.browseRows()
        // Newest first; undated after dated; equal days in corpus order.
        let order = rows.indices.sorted { a, b in
            let x = rows[a].day ?? Int32.min, y = rows[b].day ?? Int32.min
            return x != y ? x > y : rows[a].corpusOrder < rows[b].corpusOrder
        }
        var names: [String] = []
        var index: [String: Int32] = [:]
        var counts: [Int] = []
        var seqs: [Int64] = []
        var outletOf: [Int32] = []
        var dayOf: [Int32] = []
        seqs.reserveCapacity(rows.count)
        outletOf.reserveCapacity(rows.count)
        dayOf.reserveCapacity(rows.count)
        var maxSeq: Int64 = 0
        for i in order {
            let r = rows[i]
            let k: Int32
            if let known = index[r.outlet] {
                k = known
            } else {
                k = Int32(names.count)
                index[r.outlet] = k
                names.append(r.outlet)
                counts.append(0)
            }
            counts[Int(k)] += 1
            seqs.append(r.seq)
            outletOf.append(k)
            dayOf.append(r.day ?? 0)
            maxSeq = max(maxSeq, r.seq)
        }
        var bySeq = [Int32](repeating: -1, count: rows.isEmpty ? 0 : Int(maxSeq) + 1)
        for (p, s) in seqs.enumerated() where s >= 0 { bySeq[Int(s)] = Int32(p) }
        self.seqs = seqs
        self.outletOf = outletOf
        self.dayOf = dayOf
        positionBySeq = bySeq
        outletIndex = index
        outlets = zip(names, counts).sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map { ($0.0, $0.1) }
        self.warnings = try warnings ?? store.storedWarnings()
        actorCount = try store.actorCount()
        caches = Caches()
        lazy = LazyParts(store: store)
    }

    /// Starts reading the actor directory and the event list in the background (call it once the
    /// first frame is drawn: they would compete with it for the cores).
    public func warmUp() {
        lazy.directory.start()
        lazy.events.start()
    }

    // MARK: - Articles

    public var articleCount: Int { seqs.count }

    public func article(at index: Int) -> Article {
        guard index >= 0, index < seqs.count else { return Self.missing }
        let seq = seqs[index]
        if let a = caches.articles.get(seq) { return a }
        guard let a = (try? store.article(seq: seq)) ?? nil else { return Self.missing }
        caches.articles.put(seq, a)
        return a
    }

    /// What a row shows if its article vanished from the index under us (another process rebuilt it).
    static let missing = Article(id: "", path: "(missing)", format: .text, rawText: "", body: "", title: "(missing)",
                                 outlet: nil, outletSource: .none, published: nil, url: nil, sources: [],
                                 removed: [], truncated: false)

    /// List lines are read a page at a time (the rows from `index` on, in display order), so that
    /// drawing the list costs one query per new screenful.
    public func row(at index: Int) -> ArticleRow {
        guard index >= 0, index < seqs.count else { return ArticleRow(Self.missing) }
        if let r = caches.rows.get(seqs[index]) { return r }
        let page = Array(seqs[index..<min(seqs.count, index + Self.rowPage)])
        let lines = (try? store.listLines(seqs: page)) ?? [:]
        for (seq, l) in lines { caches.rows.put(seq, ArticleRow(id: l.id, day: l.day, outlet: l.outlet, title: l.title)) }
        guard let l = lines[seqs[index]] else { return ArticleRow(Self.missing) }
        return ArticleRow(id: l.id, day: l.day, outlet: l.outlet, title: l.title)
    }

    static let rowPage = 100

    public func index(ofArticle id: String) -> Int? {
        guard let seq = (try? store.seq(ofArticle: id)) ?? nil else { return nil }
        return position(ofSeq: seq)
    }

    private func position(ofSeq seq: Int64) -> Int? {
        guard seq >= 0, seq < Int64(positionBySeq.count) else { return nil }
        let p = positionBySeq[Int(seq)]
        return p < 0 ? nil : Int(p)
    }

    // MARK: - Filters

    public func filter(_ q: ArticleQuery) -> [Int] {
        if q.isEmpty { return Array(0..<(q.limit.map { min($0, seqs.count) } ?? seqs.count)) }
        // Answers are kept a while (filters are combined, cleared and set again; a query typed back
        // with Backspace asks again), except those that marks or tags change.
        let key = String(describing: q.root)  // exact: the text form does not say whether the last word is a prefix
        let found: [Int64]
        if !q.root.usesUserData, let hit = caches.sets.get(key) {
            found = hit
        } else {
            found = (try? store.articleSeqs(matching: ArticleQuery(q.root), ordered: false)) ?? []
            if !q.root.usesUserData { caches.sets.put(key, found) }
        }
        var out = found.compactMap { position(ofSeq: $0) }.sorted()
        if let limit = q.limit, out.count > limit { out = Array(out.prefix(max(0, limit))) }
        return out
    }

    public func undatedLeftOut(_ q: ArticleQuery) -> Int {
        (try? store.undatedLeftOut(q)) ?? 0
    }

    public var userData: UserData { (try? store.userData()) ?? UserData() }

    public func apply(_ change: UserDataChange) -> String? {
        do {
            try store.apply(change)
            return nil
        } catch {
            return "could not save to the index: \(error)"
        }
    }

    // MARK: - Actors

    public func actor(id: String) -> Actor? {
        if let a = caches.actors.get(id) { return a }
        guard let a = (try? store.actor(id: id)) ?? nil else { return nil }
        caches.actors.put(id, a)
        return a
    }

    public func actorCard(id: String) -> Actor? {
        if let a = caches.cards.get(id) { return a }
        guard let a = (try? store.actorCard(id: id)) ?? nil else { return nil }
        caches.cards.put(id, a)
        return a
    }

    public func completeActors(_ text: String) -> [Completion] {
        lazy.directory.value.completions(text)
    }

    public func actors(inArticle id: String) -> [ActorSummary] {
        Self.summaries((try? store.actorCounts(inArticle: id)) ?? [])
    }

    public func actors(inArticles indices: [Int]) -> [ActorSummary] {
        let valid = indices.filter { $0 >= 0 && $0 < seqs.count }
        if valid.isEmpty { return [] }
        if valid.count == seqs.count {
            // The whole corpus: the directory has the totals (one pass over the mention index).
            return Self.summaries(lazy.directory.value.entries.filter { $0.mentions > 0 }.map {
                ActorCount(actorID: $0.id, name: $0.name, kind: $0.kind, position: $0.position, mentions: $0.mentions,
                           articles: $0.articles)
            })
        }
        return Self.summaries((try? store.actorCounts(inArticleSeqs: valid.map { seqs[$0] })) ?? [])
    }

    /// Most mentioned first; equal counts in corpus order of the actors, as `MemoryCorpus` lists them.
    static func summaries(_ counts: [ActorCount]) -> [ActorSummary] {
        counts.sorted { ($0.mentions, -$0.position) > ($1.mentions, -$1.position) }.map {
            ActorSummary(id: $0.actorID, name: $0.name, kind: $0.kind, mentions: $0.mentions, articles: $0.articles)
        }
    }

    public func highlights(ofArticle id: String) -> ArticleHighlights {
        guard let h = try? store.highlights(ofArticle: id) else { return ArticleHighlights() }
        return ArticleHighlights(mentions: h.mentions.map { ($0.range, $0.kind) }, quotes: h.quotes)
    }

    // MARK: - Events

    /// Without their `mentions`, which only the comparison reads (see `event(id:)`).
    public var events: [Event] { lazy.events.value }

    /// The complete event (with its mentions).
    public func event(id: String) -> Event? {
        if let e = caches.events.get(id) { return e }
        guard let e = (try? store.event(id: id)) ?? nil else { return nil }
        caches.events.put(id, e)
        return e
    }

    public func primaryEvent(ofArticle id: String) -> Event? {
        guard let e = (try? store.primaryEventID(ofArticle: id)) ?? nil else { return nil }
        return event(id: e)
    }

    public func comparison(ofEvent id: String) -> ComparisonView? {
        if let c = caches.comparisons.get(id) { return c }
        guard let e = event(id: id), let corpus = try? store.comparisonCorpus(ofEvent: e) else { return nil }
        let view = ComparisonAdapter.view(Comparison.build(event: e, corpus: corpus))
        caches.comparisons.put(id, view)
        return view
    }
}

/// The caches behind the query: a value type's methods share them, so they are a class, locked.
final class Caches: @unchecked Sendable {
    let articles = LRU<Int64, Article>(capacity: 64)
    let rows = LRU<Int64, ArticleRow>(capacity: 2_000)
    let actors = LRU<String, Actor>(capacity: 16)
    let cards = LRU<String, Actor>(capacity: 64)
    let events = LRU<String, Event>(capacity: 64)
    let comparisons = LRU<String, ComparisonView>(capacity: 16)
    /// Row numbers of the articles a query finds, by the query's text.
    let sets = LRU<String, [Int64]>(capacity: 64)
}

/// A small least-recently-used cache, safe to use from any thread.
final class LRU<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Key: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func get(_ k: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        guard let hit = items[k] else { return nil }
        clock += 1
        items[k] = (hit.value, clock)
        return hit.value
    }

    func put(_ k: Key, _ v: Value) {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        items[k] = (v, clock)
        // Evicting scans the entries: they are few, and a put follows a read from disk.
        if items.count > capacity, let oldest = items.min(by: { $0.value.used < $1.value.used })?.key {
            items[oldest] = nil
        }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return items.count
    }
}
