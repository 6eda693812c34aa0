import ParallaxCore

/// The JSON contract of events (`events --json`, `timeline --json`). Other tools read these names.
enum EventJSON {
    static func summary(_ e: Event, in corpus: Corpus) -> JSONValue {
        .object([
            ("id", .string(e.id)),
            ("title", .string(e.title)),
            ("kind", .string(e.kind.rawValue)),
            ("date", .str(e.date?.description)),
            ("place", .str(e.place)),
            ("participants", .array(e.participants.map(JSONValue.string))),
            ("articles", .array(e.articles.map(JSONValue.string))),
            ("mentionedBy", .array(e.mentionedBy.map(JSONValue.string))),
            ("outlets", .array(outlets(of: e, in: corpus).map(JSONValue.string))),
            ("why", .object(e.articles.map { a in (a, e.why[a].map(why) ?? .null) })),
            ("coverage", coverage(EventCoverage.of(e, in: corpus).outlets)),
        ])
    }

    /// Per outlet, the days its articles on the event appeared (first report and follow-ups).
    static func coverage(_ outlets: [EventCoverage.Outlet]) -> JSONValue {
        .array(outlets.map { o in
            .object([("outlet", .string(o.outlet)), ("dates", .array(o.days.map { .string($0.description) })),
                     ("articles", .array(o.articles.map(JSONValue.string)))])
        })
    }

    /// Why one article is in the event: its similarity when it joined (`score`, 1 for the article
    /// that opened it) and what it shares with the articles before it.
    static func why(_ w: MembershipEvidence) -> JSONValue {
        .object([
            ("score", .double(w.score)),
            ("actors", .array(w.actors.map(JSONValue.string))),
            ("terms", .array(w.terms.map(JSONValue.string))),
            ("date", .str(w.date?.description)),
            ("place", .str(w.place)),
        ])
    }

    /// Outlet (or file name) of each article reporting the event, in article order, without repeats.
    static func outlets(of e: Event, in corpus: Corpus) -> [String] {
        var seen = Set<String>()
        return e.articles.compactMap { corpus.article(id: $0) }.map { $0.outlet ?? $0.fileName }
            .filter { seen.insert($0).inserted }
    }
}
