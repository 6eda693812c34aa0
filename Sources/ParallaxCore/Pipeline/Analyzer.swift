/// Runs the analysis stages over cleaned articles: actors, then events.
/// Each stage reads what the earlier ones produced; ingestion (`CorpusLoader`) feeds it.
public enum Analyzer {
    public static func analyze(articles: [Article], warnings: [String] = []) -> Corpus {
        analyze(articles: articles, warnings: warnings, cache: [:], bodies: { _ in [:] }).corpus
    }

    /// What an analysis with a cache produced: the corpus, and the extractions that are new or changed
    /// (to be kept for the next analysis).
    public struct Incremental: Sendable {
        public var corpus: Corpus
        public var extractions: [ArticleExtraction]
        /// Articles whose actors came from the cache, and whose local events did.
        public var reusedActors = 0
        public var reusedEvents = 0
        /// Seconds spent extracting actors (new articles), merging them, and in the events stage.
        public var extractSeconds = 0.0
        public var mergeSeconds = 0.0
        public var eventsSeconds = 0.0

        public init(corpus: Corpus, extractions: [ArticleExtraction]) {
            self.corpus = corpus
            self.extractions = extractions
        }
    }

    /// The analysis with the per-article steps (actor extraction, lead words, local events) taken from
    /// `cache` (article id → extraction) where they are still valid, so that only new and changed
    /// articles are read; the corpus-level steps (merging actors, grouping events) run over all.
    /// The result equals `analyze(articles:warnings:)` over the same articles with their bodies.
    ///
    /// Articles with a cached extraction may come with an empty body: `bodies` loads the texts of the
    /// articles that must be read (indexes into `articles`). The corpus returned keeps the articles as
    /// given, with the texts that had to be loaded.
    ///
    /// `extracted` holds extractions made while the articles were read (`extract(_:)`), by article id:
    /// each is used as a fresh one (and returned to be kept) when the article it was made from has the
    /// same date and title as the one given here, so a date that `DateInference` set since, or another
    /// article under the same id, is extracted again.
    public static func analyze(articles: [Article], warnings: [String], cache: [String: ArticleExtraction],
                               extracted: [String: Extracted] = [:],
                               bodies: ([Int]) -> [Int: String]) -> Incremental {
        let clock = ContinuousClock()
        func seconds(since t: ContinuousClock.Instant) -> Double {
            let d = clock.now - t
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        var t = clock.now
        var articles = articles
        func load(_ wanted: [Int]) {
            let unread = wanted.filter { articles[$0].body.isEmpty }
            guard !unread.isEmpty else { return }
            for (i, body) in bodies(unread) where articles.indices.contains(i) { articles[i].body = body }
        }
        var entries: [ArticleExtraction?] = articles.map { a in cache[a.id] }
        var missing = entries.indices.filter { entries[$0] == nil }
        // Extracted while reading: fresh (saved below), not re-extracted.
        var preExtracted: [Int] = []
        if !extracted.isEmpty {
            missing.removeAll { i in
                let a = articles[i]
                guard let x = extracted[a.id], x.day == a.published?.day, x.title == a.title else { return false }
                entries[i] = x.extraction
                preExtracted.append(i)
                return true
            }
        }
        load(missing)
        let analysis = ActorAnalysis(gazetteer: .shipped, lexicon: .shipped)
        let extractor = ActorExtractor(gazetteer: analysis.gazetteer, lexicon: analysis.lexicon)
        let snapshot = articles
        let fresh = ConcurrentMap.map(missing) { i in extract(snapshot[i], extractor: extractor) }
        for (i, e) in zip(missing, fresh) { entries[i] = e }
        missing += preExtracted
        // Every article has an entry now (cached or fresh).
        let all = entries.compactMap { $0 }
        let extractSeconds = seconds(since: t)
        t = clock.now

        var corpus = Corpus(articles: articles, warnings: warnings)
        let actors = analysis.merge(all.map(\.actors))
        corpus.actors = actors.actors
        corpus.quotes = actors.quotes
        let mergeSeconds = seconds(since: t)
        t = clock.now
        // Events read the actors (participants) and may date undated articles.
        let (grouped, used) = EventGrouper().run(corpus, vectors: LeadVectors(counts: all.map(\.lead)),
                                                 cached: all.map(\.events), bodies: { wanted in
            load(wanted)
            var out: [Int: String] = [:]
            for i in wanted { out[i] = articles[i].body }
            return out
        })
        corpus = grouped

        var result = Incremental(corpus: corpus, extractions: [])
        result.extractSeconds = extractSeconds
        result.mergeSeconds = mergeSeconds
        result.eventsSeconds = seconds(since: t)
        let isFresh = Set(missing)
        let preExtractedSet = Set(preExtracted)
        result.reusedActors = articles.count - missing.count
        for (i, var e) in all.enumerated() {
            let before = e.events.map(\.key)
            let after = used[i].map(\.key)
            if !after.isEmpty, after.allSatisfy(before.contains) { result.reusedEvents += 1 }
            // Something was extracted, so the text was loaded (or it was extracted while reading); one
            // that could not be is not cached.
            guard isFresh.contains(i) || before != after,
                  !corpus.articles[i].body.isEmpty || preExtractedSet.contains(i) else { continue }
            e.events = used[i]
            result.extractions.append(e)
        }
        return result
    }

    /// An extraction made when the article was read, with what it depended on besides the text.
    public struct Extracted: Sendable {
        public var extraction: ArticleExtraction
        public var day: Day?
        public var title: String?
    }

    /// The per-article steps of the analysis (actors, lead words) for one article, as `analyze` makes
    /// them: an indexer runs them on each article as it is read, on all cores, while it writes.
    public static func extract(_ a: Article) -> Extracted {
        let extractor = ActorExtractor(gazetteer: .shipped, lexicon: .shipped)
        return Extracted(extraction: extract(a, extractor: extractor), day: a.published?.day, title: a.title)
    }

    static func extract(_ a: Article, extractor: ActorExtractor) -> ArticleExtraction {
        ArticleExtraction(articleID: a.id, actors: extractor.extract(articleID: a.id, body: a.body, date: a.published?.day),
                          lead: LeadVectors.counts(of: a))
    }
}
