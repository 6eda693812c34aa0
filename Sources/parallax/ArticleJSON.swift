import ParallaxCore

/// The JSON contract of an article (`articles --json`, `show --json`). Other tools read these names.
enum ArticleJSON {
    /// The fields both commands print, from the article's record (`articles --json` reads the records
    /// from the index, `show --json` from the part of the corpus it loads).
    static func summary(_ r: ArticleRecord) -> [(String, JSONValue)] {
        [
            ("id", .string(r.id)),
            ("path", .string(r.path)),
            ("title", .str(r.title)),
            ("outlet", .str(r.outlet)),
            ("published", .str(r.published?.day.description)),
            ("publishedSource", r.published.map { .string($0.source.rawValue) } ?? .null),
            ("publishedConfidence", r.published.map { .double($0.confidence) } ?? .null),
            ("publishedFrom", .str(r.publishedFrom)),
            ("words", .int(r.words)),
            ("sources", .array(r.sources.map(JSONValue.string))),
            ("actors", .array(r.actors.map(ActorJSON.articleActor))),
            ("event", .str(r.event)),
            ("url", .str(r.url)),
            ("format", .string(r.format.rawValue)),
            ("truncated", .bool(r.truncated)),
        ]
    }

    static func full(_ a: Article, in corpus: Corpus) -> JSONValue {
        .object(summary(corpus.record(of: a)) + [
            ("outletSource", .string(a.outletSource.rawValue)),
            ("body", .string(a.body)),
            ("raw", .string(a.rawText)),
            ("removed", .array(a.removed.map { .object([("text", .string($0.text)), ("reason", .string($0.reason))]) })),
        ])
    }
}
