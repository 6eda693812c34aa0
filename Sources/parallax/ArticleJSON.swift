import ParallaxCore

/// The JSON contract of an article (`articles --json`, `show --json`). Other tools read these names.
enum ArticleJSON {
    /// `actors`: the article's actors from `Corpus.actorSummaries()` (computed once per command).
    static func summary(_ a: Article, in corpus: Corpus,
                        actors: [String: [ArticleActorSummary]]? = nil) -> [(String, JSONValue)] {
        let list: [ArticleActorSummary] = (actors ?? corpus.actorSummaries())[a.id] ?? []
        let actorsJSON: JSONValue = .array(list.map(ActorJSON.articleActor))
        return [
            ("id", .string(a.id)),
            ("path", .string(a.path)),
            ("title", .str(a.title)),
            ("outlet", .str(a.outlet)),
            ("published", .str(a.published?.day.description)),
            ("publishedSource", a.published.map { .string($0.source.rawValue) } ?? .null),
            ("publishedConfidence", a.published.map { .double($0.confidence) } ?? .null),
            ("publishedFrom", .str(inferredFrom(a, in: corpus))),
            ("words", .int(a.wordCount)),
            ("sources", .array(a.sources.map(JSONValue.string))),
            ("actors", actorsJSON),
            ("event", .str(corpus.primaryEvent[a.id])),
            ("url", .str(a.url)),
            ("format", .string(a.format.rawValue)),
            ("truncated", .bool(a.truncated)),
        ]
    }

    /// For a date inferred from the article's event: the article of that event whose own date gave it
    /// (the first that states that day), so that a reader can check where the date came from.
    static func inferredFrom(_ a: Article, in corpus: Corpus) -> String? {
        guard let d = a.published, d.source == .event, let eid = corpus.primaryEvent[a.id],
              let e = corpus.events.first(where: { $0.id == eid }) else { return nil }
        // An article that names the day with the meeting, else one reporting it on its own date.
        if let m = e.mentions.first(where: { $0.articleID != a.id && $0.date?.day == d.day }) { return m.articleID }
        return e.articles.first { id in
            guard id != a.id, let other = corpus.article(id: id)?.published else { return false }
            return other.source != .event && other.day == d.day
        }
    }

    static func full(_ a: Article, in corpus: Corpus) -> JSONValue {
        .object(summary(a, in: corpus) + [
            ("outletSource", .string(a.outletSource.rawValue)),
            ("body", .string(a.body)),
            ("raw", .string(a.rawText)),
            ("removed", .array(a.removed.map { .object([("text", .string($0.text)), ("reason", .string($0.reason))]) })),
        ])
    }
}
