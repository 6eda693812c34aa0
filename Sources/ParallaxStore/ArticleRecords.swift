import Foundation
import GRDB
import ParallaxCore

/// `articles --json` from the index: each listed article's record (`ArticleRecord`) read in a few
/// queries for all of them, not one per article, and without loading the corpus (its texts, every
/// actor's mentions and quotes, the events), which was 0.7 s of the command at 5,660 articles.
extension SQLiteCorpusStore {
    /// The records of the articles the query finds, in the order `summaries` lists them (bm25 for
    /// words, else corpus order); each equals `Corpus.record(of:)` on the loaded corpus.
    public func articleRecords(_ query: ArticleQuery) throws -> [ArticleRecord] {
        let ids = try summaries(query).map(\.id)
        guard !ids.isEmpty else { return [] }
        let list = Self.jsonList(ids)
        return try writer.read { db in
            let actors = try actorSummaries(inArticles: list, db: db)
            // As `loadCorpus` keeps it: the last primary row in (event id, position) order.
            var primary: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT article_id, event_id FROM article_event
                WHERE role = 'primary' AND article_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, position
                """, arguments: [list]) {
                primary[r[0]] = r[1]
            }
            var byID: [String: ArticleRecord] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT id, path, format, title, outlet, published, published_source, published_confidence, url,
                    sources, truncated, words
                FROM article WHERE id IN (SELECT value FROM json_each(?))
                """, arguments: [list]) {
                let id: String = r[0]
                let format: String = r[2]
                let sources: String = r[9]
                byID[id] = ArticleRecord(id: id, path: r[1], title: r[3], outlet: r[4], published: Self.dated(r, at: 5),
                                         publishedFrom: nil, words: r[11],
                                         sources: sources.isEmpty ? [] : sources.components(separatedBy: "\n"),
                                         actors: actors[id] ?? [], event: primary[id], url: r[8],
                                         format: SourceFormat(rawValue: format) ?? .text, truncated: r[10])
            }
            var records = ids.compactMap { byID[$0] }
            try fillInferredDateSources(&records, db: db)
            return records
        }
    }

    /// A stored date (the day, its source and confidence at `i`, `i+1`, `i+2`), as every reader of article rows takes it.
    static func dated(_ r: Row, at i: Int) -> DatedValue? {
        guard let iso: String = r[i], let day = Day(iso: iso) else { return nil }
        let src: String? = r[i + 1]
        return DatedValue(day: day, source: src.flatMap(MetadataSource.init(rawValue:)) ?? .none, confidence: r[i + 2] ?? 0)
    }

    /// `Corpus.actorSummaries()` for these articles (a `jsonList`): per article and actor the number
    /// of mentions and the first one's offset (grouped by SQLite), the actor's distinct roles there,
    /// most mentioned first, then first named, then corpus order (the loaded list's order before its
    /// stable sort).
    func actorSummaries(inArticles list: String, db: Database) throws -> [String: [ArticleActorSummary]] {
        var roles: [String: [String: [String]]] = [:]
        let rc = try Row.fetchCursor(db, sql: """
            SELECT article_id, actor_id, role FROM actor_role WHERE article_id IN (SELECT value FROM json_each(?))
            ORDER BY article_id, actor_id, position
            """, arguments: [list])
        while let r = try rc.next() {
            let role: String = r[2]
            let art: String = r[0], actor: String = r[1]
            if !(roles[art]?[actor]?.contains(role) ?? false) { roles[art, default: [:]][actor, default: []].append(role) }
        }
        var rows: [String: [(summary: ArticleActorSummary, first: Int, position: Int)]] = [:]
        let mc = try Row.fetchCursor(db, sql: """
            SELECT m.article_id, m.actor_id, count(*), min(m.range_start), ac.name, ac.kind, ac.is_source, ac.position
            FROM mention m JOIN actor ac ON ac.id = m.actor_id
            WHERE m.article_id IN (SELECT value FROM json_each(?)) GROUP BY m.article_id, m.actor_id
            """, arguments: [list])
        while let r = try mc.next() {
            let art: String = r[0], actor: String = r[1], kind: String = r[5]
            let s = ArticleActorSummary(name: r[4], kind: ActorKind(rawValue: kind) ?? .person, mentions: r[2],
                                        roles: roles[art]?[actor] ?? [], isSource: r[6])
            rows[art, default: []].append((s, r[3], r[7]))
        }
        return rows.mapValues { list in
            list.sorted { a, b in
                if a.summary.mentions != b.summary.mentions { return a.summary.mentions > b.summary.mentions }
                if a.first != b.first { return a.first < b.first }
                return a.position < b.position
            }.map(\.summary)
        }
    }

    /// `publishedFrom` of the records dated from their event (`Corpus.inferredDateSource`): those
    /// events' mentions and articles with their dates, read once for all the records.
    private func fillInferredDateSources(_ records: inout [ArticleRecord], db: Database) throws {
        let events = Set(records.compactMap { r in r.published?.source == .event ? r.event : nil })
        guard !events.isEmpty else { return }
        let list = Self.jsonList(events.sorted())
        let existing = Set(try String.fetchAll(db, sql: "SELECT id FROM event WHERE id IN (SELECT value FROM json_each(?))",
                                               arguments: [list]))
        var mentions: [String: [EventMention]] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT event_id, \(EventMentionRows.columns) FROM event_mention
            WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, position
            """, arguments: [list]) {
            mentions[r[0], default: []].append(EventMentionRows.mention(from: r, at: 1))
        }
        var members: [String: [String]] = [:]
        var published: [String: DatedValue] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT e.event_id, e.article_id, a.published, a.published_source, a.published_confidence
            FROM article_event e LEFT JOIN article a ON a.id = e.article_id
            WHERE e.role = 'article' AND e.event_id IN (SELECT value FROM json_each(?)) ORDER BY e.event_id, e.position
            """, arguments: [list]) {
            let art: String = r[1]
            members[r[0], default: []].append(art)
            if let d = Self.dated(r, at: 2) { published[art] = d }
        }
        for i in records.indices {
            guard let d = records[i].published, d.source == .event, let e = records[i].event, existing.contains(e) else { continue }
            records[i].publishedFrom = Corpus.inferredDateSource(of: records[i].id, day: d.day, mentions: mentions[e] ?? [],
                                                                 articles: members[e] ?? []) { published[$0] }
        }
    }
}
