import Foundation
import ParallaxCore
import ParallaxStore
import PostgresNIO

/// The corpus on a PostgreSQL server, for a team: one collector (`parallax index --store postgres://…`)
/// writes while any number of readers query. Every write is one transaction under the store's write
/// lock, so a reader sees a file's articles all or not at all, and two collectors never insert one
/// article twice (ids are unique; the second replaces the first's rows of that file).
public final class PostgresCorpusStore: CorpusStore, @unchecked Sendable {
    // @unchecked: the only state is the session, which serialises its own use.
    let session: PostgresSession
    public var location: PostgresLocation { session.location }
    /// The migrations this open applied (empty when the schema was current).
    public let migrationsApplied: [String]

    public init(location: PostgresLocation) throws {
        session = try PostgresSession(location)
        migrationsApplied = try PostgresSchema.migrate(session)
    }

    public convenience init(url: String) throws {
        try self.init(location: PostgresLocation(url: url))
    }

    /// Drops every table of the store (tests start from nothing; `index --rebuild` does not need it).
    public func dropEverything() throws {
        try session.transaction { tx in
            for t in ["user_data", "article_event", "event", "article_actor", "actor", "article", "source_file",
                      "parallax_meta", "parallax_migration"] {
                try tx.query("DROP TABLE IF EXISTS \(t) CASCADE")
            }
        }
    }

    // MARK: - Files and articles

    public func fileStates() throws -> [String: FileState] {
        var out: [String: FileState] = [:]
        for r in try session.query("SELECT path, size, mtime_ns, hash, warnings, meta_key, position FROM source_file") {
            let path = try r.at(0, String.self), w = try r.at(4, String.self)
            out[path] = FileState(path: path, size: try r.at(1, Int64.self), mtimeNS: try r.at(2, Int64.self),
                                  hash: try r.at(3, String.self), warnings: w.isEmpty ? [] : w.components(separatedBy: "\n"),
                                  metaKey: try r.at(5, String.self), position: try r.at(6, Int.self))
        }
        return out
    }

    /// One article row as `json_to_recordset` reads it: a batch of rows is one parameter.
    private struct ArticleRow: Encodable {
        var id: String
        var position: Int
        var path: String
        var title: String?
        var outlet: String?
        var published: String?
        var published_source: String?
        var published_confidence: Double?
        var words: Int
        var record: Article
        var body: String
        var raw_text: String
        var title_words: String
        var body_words: String
    }

    public func upsertFiles(_ items: [FileBatchItem]) throws {
        guard !items.isEmpty else { return }
        try session.transaction { tx in
            for item in items {
                try deleteArticles(ofFiles: [item.state.path], tx)
                try upsertState(item.state, tx)
                let ids = try uniqueIDs(item.articles, tx)
                let rows = item.articles.enumerated().map { i, a in
                    var record = a
                    // The texts have their own columns; the record is the metadata as read.
                    record.body = ""
                    record.rawText = ""
                    record.id = ids[i]
                    return ArticleRow(id: ids[i], position: i, path: a.path, title: a.title, outlet: a.outlet,
                                      published: a.published?.day.description, published_source: a.published?.source.rawValue,
                                      published_confidence: a.published?.confidence, words: Self.wordCount(a.body),
                                      record: record, body: a.body, raw_text: a.rawText,
                                      title_words: TSVector.literal(Fold.words(a.title ?? "")),
                                      body_words: TSVector.literal(Fold.words(a.body)))
                }
                guard !rows.isEmpty else { continue }
                var b = PostgresBindings()
                b.append(String(decoding: try JSONEncoder().encode(rows), as: UTF8.self))
                b.append(item.state.path)
                b.append(item.state.position)
                try tx.query("""
                    INSERT INTO article (id, file_path, file_position, position, path, title, outlet, published,
                        published_source, published_confidence, words, record, body, raw_text, title_words, body_words)
                    SELECT x.id, $2, $3, x.position, x.path, x.title, x.outlet, x.published, x.published_source,
                        x.published_confidence, x.words, x.record, x.body, x.raw_text, x.title_words::tsvector,
                        x.body_words::tsvector
                    FROM json_to_recordset($1::json) AS x(id text, position integer, path text, title text, outlet text,
                        published text, published_source text, published_confidence double precision, words integer,
                        record jsonb, body text, raw_text text, title_words text, body_words text)
                    """, b)
            }
            try setMeta("analysis_current", "0", tx)
        }
    }

    /// The ids the articles are stored under: their own, else (taken by another file's article with
    /// the same name and text) suffixed as `SQLiteCorpusStore` suffixes them, so both stores agree.
    private func uniqueIDs(_ articles: [Article], _ tx: PostgresSession.Transaction) throws -> [String] {
        var b = PostgresBindings()
        b.append(articles.map(\.id))
        var taken = Set(try tx.query("SELECT id FROM article WHERE id = ANY($1)", b).map { try $0.at(0, String.self) })
        func exists(_ id: String) throws -> Bool {
            if taken.contains(id) { return true }
            var b = PostgresBindings()
            b.append(id)
            return try !tx.query("SELECT 1 FROM article WHERE id = $1", b).isEmpty
        }
        var out: [String] = []
        for a in articles {
            var id = a.id
            if try exists(id) {
                let name = (a.path as NSString).lastPathComponent
                var candidates = [name, a.path].map { a.id + "~" + String(ContentHash.hex(of: Array($0.utf8)).prefix(6)) }
                var n = 2
                while let c = candidates.first, try exists(c) {
                    candidates.removeFirst()
                    if candidates.isEmpty {
                        candidates.append(a.id + "~" + String(ContentHash.hex(of: Array(a.path.utf8)).prefix(6)) + "-\(n)")
                        n += 1
                    }
                }
                id = candidates.first ?? id
            }
            taken.insert(id)
            out.append(id)
        }
        return out
    }

    public func updateFileStates(_ states: [FileState]) throws {
        guard !states.isEmpty else { return }
        try session.transaction { tx in
            for s in states {
                try upsertState(s, tx)
                // Articles sort by their file's place in the listing, which moved.
                var b = PostgresBindings()
                b.append(s.position)
                b.append(s.path)
                try tx.query("UPDATE article SET file_position = $1 WHERE file_path = $2 AND file_position <> $1", b)
            }
        }
    }

    public func removeFiles(_ paths: [String]) throws {
        for start in stride(from: 0, to: paths.count, by: 500) {
            let slice = Array(paths[start..<min(start + 500, paths.count)])
            try session.transaction { tx in
                try deleteArticles(ofFiles: slice, tx)
                var b = PostgresBindings()
                b.append(slice)
                try tx.query("DELETE FROM source_file WHERE path = ANY($1)", b)
                try setMeta("analysis_current", "0", tx)
            }
        }
    }

    private func upsertState(_ s: FileState, _ tx: PostgresSession.Transaction) throws {
        var b = PostgresBindings()
        b.append(s.path)
        b.append(s.position)
        b.append(s.metaKey)
        b.append(s.size)
        b.append(s.mtimeNS)
        b.append(s.hash)
        b.append(s.warnings.joined(separator: "\n"))
        try tx.query("""
            INSERT INTO source_file (path, position, meta_key, size, mtime_ns, hash, warnings)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (path) DO UPDATE SET position = excluded.position, meta_key = excluded.meta_key,
                size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash, warnings = excluded.warnings
            """, b)
    }

    /// The articles of these files go; what analysis derived from them goes with the next analysis
    /// (`analysis_current` is cleared by every caller).
    private func deleteArticles(ofFiles paths: [String], _ tx: PostgresSession.Transaction) throws {
        var b = PostgresBindings()
        b.append(paths)
        try tx.query("DELETE FROM article WHERE file_path = ANY($1)", b)
    }

    /// As `SQLiteCorpusStore.wordCount`: words are runs of non-whitespace.
    static func wordCount(_ text: String) -> Int {
        var n = 0
        var inWord = false
        for u in text.unicodeScalars {
            let isSpace = u.value < 0x80 ? (u.value == 0x20 || (u.value >= 0x09 && u.value <= 0x0D)) : u.properties.isWhitespace
            if !isSpace && !inWord { n += 1 }
            inWord = !isSpace
        }
        return n
    }

    // MARK: - Analysis

    public func analysisIsCurrent() throws -> Bool {
        try meta("analysis_current") == "1"
    }

    private struct ActorRow: Encodable {
        var id: String
        var position: Int
        var name: String
        var names: [String]
        var record: Actor
    }

    private struct EventRow: Encodable {
        var id: String
        var position: Int
        var kind: String
        var record: Event
    }

    private struct ArticleAnalysisRow: Encodable {
        var id: String
        var published: String?
        var published_source: String?
        var published_confidence: Double?
        var primary_event: String?
        var has_quote: Bool
    }

    private struct Link: Encodable {
        var a: String
        var b: String
    }

    /// The whole analysis in one transaction: readers see the old one until it commits.
    public func replaceAnalysis(of corpus: Corpus) throws -> AnalysisWriteReport {
        var report = AnalysisWriteReport()
        report.actors = corpus.actors.count
        report.events = corpus.events.count
        report.eventsRewritten = corpus.events.count
        report.articlesRewritten = corpus.articles.count
        let encoder = JSONEncoder()
        func json<T: Encodable>(_ v: T) throws -> PostgresBindings {
            var b = PostgresBindings()
            b.append(String(decoding: try encoder.encode(v), as: UTF8.self))
            return b
        }
        let quoted = Set(corpus.quotes.map(\.articleID))
        var actorLinks: [Link] = [], eventLinks: [Link] = []
        for a in corpus.actors { for id in a.articleIDs { actorLinks.append(Link(a: a.id, b: id)) } }
        var seen = Set<[String]>()
        func link(_ event: String, _ article: String) {
            if seen.insert([event, article]).inserted { eventLinks.append(Link(a: event, b: article)) }
        }
        for e in corpus.events { for id in e.articles + e.mentionedBy { link(e.id, id) } }
        for (article, event) in corpus.primaryEvent.sorted(by: { $0.key < $1.key }) { link(event, article) }
        try session.transaction { tx in
            for t in ["actor", "article_actor", "event", "article_event"] { try tx.query("DELETE FROM \(t)") }
            try tx.query("""
                INSERT INTO actor (id, position, name, names, record)
                SELECT id, position, name, names, record FROM json_to_recordset($1::json)
                    AS x(id text, position integer, name text, names text[], record jsonb)
                """, try json(corpus.actors.enumerated().map { i, a in
                    ActorRow(id: a.id, position: i, name: a.name, names: [a.name] + a.aliases, record: a)
                }))
            try tx.query("""
                INSERT INTO article_actor (actor_id, article_id)
                SELECT DISTINCT a, b FROM json_to_recordset($1::json) AS x(a text, b text)
                """, try json(actorLinks))
            try tx.query("""
                INSERT INTO event (id, position, kind, record)
                SELECT id, position, kind, record FROM json_to_recordset($1::json)
                    AS x(id text, position integer, kind text, record jsonb)
                """, try json(corpus.events.enumerated().map { i, e in
                    // Stored as the SQLite index stores it, so that both read back alike: it keeps no
                    // `ahead` of a mention (a grouping input, read only before the events exist).
                    var stored = e
                    for j in stored.mentions.indices { stored.mentions[j].ahead = nil }
                    return EventRow(id: e.id, position: i, kind: e.kind.rawValue, record: stored)
                }))
            try tx.query("""
                INSERT INTO article_event (event_id, article_id)
                SELECT a, b FROM json_to_recordset($1::json) AS x(a text, b text)
                """, try json(eventLinks))
            try tx.query("""
                UPDATE article a SET published = x.published, published_source = x.published_source,
                    published_confidence = x.published_confidence, primary_event = x.primary_event, has_quote = x.has_quote
                FROM json_to_recordset($1::json) AS x(id text, published text, published_source text,
                    published_confidence double precision, primary_event text, has_quote boolean)
                WHERE a.id = x.id
                """, try json(corpus.articles.map { a in
                    ArticleAnalysisRow(id: a.id, published: a.published?.day.description,
                                       published_source: a.published?.source.rawValue,
                                       published_confidence: a.published?.confidence,
                                       primary_event: corpus.primaryEvent[a.id], has_quote: quoted.contains(a.id))
                }))
            try setMeta("quotes", String(decoding: try encoder.encode(corpus.quotes), as: UTF8.self), tx)
            try setMeta("analysis_current", "1", tx)
        }
        return report
    }

    // MARK: - Meta

    func meta(_ key: String) throws -> String? {
        var b = PostgresBindings()
        b.append(key)
        return try session.query("SELECT value FROM parallax_meta WHERE key = $1", b).first?.at(0, String.self)
    }

    func setMeta(_ key: String, _ value: String, _ tx: PostgresSession.Transaction) throws {
        var b = PostgresBindings()
        b.append(key)
        b.append(value)
        try tx.query("""
            INSERT INTO parallax_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, b)
    }

    public func rulesVersion() throws -> String? { try meta("rules_version") }

    public func setRulesVersion(_ version: String) throws {
        try session.transaction { tx in try setMeta("rules_version", version, tx) }
    }

    public func recordRules(_ version: String, markingFilesStale: Bool) throws {
        try session.transaction { tx in
            // No real file has size -1 or an empty hash: each is read again, under `version`.
            if markingFilesStale { try tx.query("UPDATE source_file SET size = -1, hash = ''") }
            try setMeta("rules_version", version, tx)
            try setMeta("build_in_progress", "1", tx)
        }
    }

    public func beginBuild() throws {
        if try buildInProgress() { return }
        try session.transaction { tx in try setMeta("build_in_progress", "1", tx) }
    }

    public func finishBuild() throws {
        guard try buildInProgress() else { return }
        try session.transaction { tx in try setMeta("build_in_progress", "0", tx) }
    }

    public func buildInProgress() throws -> Bool { try meta("build_in_progress") == "1" }

    // MARK: - Reading

    /// The article from its row: the record as read, its texts, and (unless `asRead`) the analysed date.
    private static let articleColumns = "a.record::text, a.body, a.raw_text, a.published, a.published_source, a.published_confidence"

    private static func article(_ r: PostgresRow, asRead: Bool, includeRaw: Bool) throws -> Article {
        var a = try JSONDecoder().decode(Article.self, from: Data(try r.at(0, String.self).utf8))
        a.body = try r.at(1, String.self)
        a.rawText = includeRaw ? try r.at(2, String.self) : ""
        if !asRead {
            let day = try r.at(3, String?.self).flatMap(Day.init(iso:))
            let source = try r.at(4, String?.self).flatMap(MetadataSource.init(rawValue:)) ?? .none
            a.published = day.map { DatedValue(day: $0, source: source, confidence: (try? r.at(5, Double?.self)) ?? 0) }
            // Kept until a date resolves it, as DateInference does.
            if a.published != nil { a.partialDate = nil }
        }
        return a
    }

    private func loadArticles(includeRaw: Bool, asRead: Bool) throws -> [Article] {
        let cols = includeRaw ? Self.articleColumns : Self.articleColumns.replacingOccurrences(of: "a.raw_text", with: "''")
        return try session.query("""
            SELECT \(cols) FROM source_file f JOIN article a ON a.file_path = f.path ORDER BY f.position, a.position
            """).map { try Self.article($0, asRead: asRead, includeRaw: includeRaw) }
    }

    public func loadArticles(includeRaw: Bool) throws -> [Article] {
        try loadArticles(includeRaw: includeRaw, asRead: false)
    }

    public func loadArticlesForAnalysis() throws -> [Article] {
        try loadArticles(includeRaw: false, asRead: true)
    }

    public func article(id: String) throws -> Article? {
        var b = PostgresBindings()
        b.append(id)
        return try session.query("SELECT \(Self.articleColumns) FROM article a WHERE a.id = $1", b)
            .first.map { try Self.article($0, asRead: false, includeRaw: true) }
    }

    public func loadCorpus() throws -> Corpus {
        // One snapshot: a collector committing between these reads would otherwise mix two analyses.
        try session.transaction(writing: false) { tx in
            let decoder = JSONDecoder()
            let articles = try tx.query("""
                SELECT \(Self.articleColumns) FROM source_file f JOIN article a ON a.file_path = f.path ORDER BY f.position, a.position
                """).map { try Self.article($0, asRead: false, includeRaw: true) }
            let actors = try tx.query("SELECT record::text FROM actor ORDER BY position").map {
                try decoder.decode(Actor.self, from: Data(try $0.at(0, String.self).utf8))
            }
            let events = try tx.query("SELECT record::text FROM event ORDER BY position").map {
                try decoder.decode(Event.self, from: Data(try $0.at(0, String.self).utf8))
            }
            var primary: [String: String] = [:]
            for r in try tx.query("SELECT id, primary_event FROM article WHERE primary_event IS NOT NULL") {
                primary[try r.at(0, String.self)] = try r.at(1, String.self)
            }
            let warnings = try tx.query("SELECT warnings FROM source_file WHERE warnings <> '' ORDER BY path COLLATE \"C\"")
                .flatMap { try $0.at(0, String.self).components(separatedBy: "\n") }
            var corpus = Corpus(articles: articles, actors: actors, events: events, primaryEvent: primary, warnings: warnings)
            if let q = try tx.query("SELECT value FROM parallax_meta WHERE key = 'quotes'").first {
                corpus.quotes = try decoder.decode([Quote].self, from: Data(try q.at(0, String.self).utf8))
            }
            return corpus
        }
    }

    /// Every event in corpus order, whole.
    public func events() throws -> [Event] {
        let decoder = JSONDecoder()
        return try session.query("SELECT record::text FROM event ORDER BY position").map {
            try decoder.decode(Event.self, from: Data(try $0.at(0, String.self).utf8))
        }
    }

    public func actorIDs(named name: String) throws -> [String] {
        let key = LookupKey.fold(name)
        return try session.query("SELECT id, names FROM actor ORDER BY position").compactMap { r in
            try r.at(1, [String].self).contains { LookupKey.fold($0) == key } ? try r.at(0, String.self) : nil
        }
    }

    public func articleCount() throws -> Int {
        try session.query("SELECT count(*) FROM article").first?.at(0, Int.self) ?? 0
    }

    public func hasArticles() throws -> Bool {
        try session.query("SELECT EXISTS (SELECT 1 FROM article)").first?.at(0, Bool.self) ?? false
    }

    public func stats() throws -> StoreStats {
        try session.transaction(writing: false) { tx in
            var s = StoreStats()
            func count(_ sql: String) throws -> Int { try tx.query(sql).first?.at(0, Int?.self) ?? 0 }
            s.files = try count("SELECT count(*) FROM source_file")
            s.articles = try count("SELECT count(*) FROM article")
            s.actors = try count("SELECT count(*) FROM actor")
            s.aliases = try count("SELECT (sum(cardinality(names) - 1))::bigint FROM actor")
            s.mentions = try count("SELECT (sum(jsonb_array_length(record->'mentions')))::bigint FROM actor")
            s.quotes = try count("SELECT (jsonb_array_length(value::jsonb))::bigint FROM parallax_meta WHERE key = 'quotes'")
            s.events = try count("SELECT count(*) FROM event")
            s.eventLinks = try count("""
                SELECT (sum(jsonb_array_length(record->'articles') + jsonb_array_length(record->'mentionedBy')))::bigint FROM event
                """)
            s.bytes = try tx.query("SELECT pg_database_size(current_database())").first?.at(0, Int64.self)
            s.schemaVersion = PostgresSchema.version
            return s
        }
    }

    // MARK: - User data

    /// Marks, tags and read state, shared by everyone reading the store; no index update deletes them.
    public func userData() throws -> UserData {
        var u = UserData()
        for r in try session.query("SELECT article_id, kind, value FROM user_data ORDER BY seq") {
            let id = try r.at(0, String.self)
            switch try r.at(1, String.self) {
            case "mark": u.marked.insert(id)
            case "read": u.read.insert(id)
            case "tag": u.tags[id, default: []].append(try r.at(2, String.self))
            default: break
            }
        }
        return u
    }

    public func apply(_ change: UserDataChange) throws {
        try session.transaction { tx in
            func set(_ ids: [String], kind: String, key: String, value: String, on: Bool) throws {
                var b = PostgresBindings()
                b.append(ids)
                b.append(kind)
                b.append(key)
                if on {
                    b.append(value)
                    try tx.query("""
                        INSERT INTO user_data (article_id, kind, key, value) SELECT id, $2, $3, $4 FROM unnest($1::text[]) AS id
                        ON CONFLICT (article_id, kind, key) DO UPDATE SET value = excluded.value
                        """, b)
                } else {
                    try tx.query("DELETE FROM user_data WHERE article_id = ANY($1) AND kind = $2 AND key = $3", b)
                }
            }
            switch change {
            case .mark(let ids, let on): try set(ids, kind: "mark", key: "", value: "", on: on)
            case .read(let ids, let on): try set(ids, kind: "read", key: "", value: "", on: on)
            case .tag(let ids, let tag, let on):
                let key = UserData.tagKey(tag)
                guard !key.isEmpty else { return }
                try set(ids, kind: "tag", key: key, value: tag.trimmingCharacters(in: .whitespaces), on: on)
            }
        }
    }
}

/// A `tsvector` written as its literal, lexeme by lexeme: the words are `Fold.words` already, so
/// PostgreSQL's own parser (which splits and folds otherwise) must not see them.
enum TSVector {
    /// Positions above this are stored as it (PostgreSQL's limit); a lexeme keeps at most 256.
    static let maxPosition = 16_383

    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func literal(_ words: [String]) -> String {
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (i, w) in words.enumerated() where w.utf8.count < 2_000 {
            let p = min(i + 1, maxPosition)
            if positions[w] == nil { order.append(w) }
            if let last = positions[w]?.last, last == p { continue }
            if positions[w, default: []].count < 256 { positions[w, default: []].append(p) }
        }
        return order.map { w in quoted(w) + ":" + (positions[w] ?? []).map(String.init).joined(separator: ",") }
            .joined(separator: " ")
    }

    /// A text term as a `tsquery`: its words in sequence, the last one a prefix if so typed.
    static func query(_ t: TextTerm) -> String {
        t.words.enumerated().map { i, w in
            quoted(w) + (t.prefix && i == t.words.count - 1 ? ":*" : "")
        }.joined(separator: " <-> ")
    }
}
