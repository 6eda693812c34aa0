import Foundation
import GRDB
import ParallaxCore

/// The embedded index: one SQLite file (WAL mode, so several processes can read while one writes),
/// or an in-memory database for `--no-index` and tests.
public final class SQLiteCorpusStore: CorpusStore {
    /// GRDB's writer: a `DatabasePool` on disk, a `DatabaseQueue` in memory.
    public let writer: any DatabaseWriter
    /// The index file, nil in memory.
    public let path: String?
    /// When opening migrated an index that already existed: the migrations it had, and those applied.
    public let migratedFrom: [String]
    public let migrationsApplied: [String]

    /// Opens (creating or migrating) the index at `path` with a `DatabasePool` (WAL).
    /// Throws if the file is not a usable SQLite database or was written by a newer schema;
    /// `IndexOpener` turns those into "moved aside and rebuilt".
    /// `holdingLock`: the caller holds the index lock (creating the index), so migrating must not
    /// take it again (flock would wait for this very process).
    public convenience init(path: String, busy: BusyWait = BusyWait(), holdingLock: Bool = false) throws {
        let pool = try DatabasePool(path: path, configuration: Self.configuration(busy: busy))
        try self.init(writer: pool, path: path, holdingLock: holdingLock)
    }

    /// Articles (or events, or extractions) per write transaction of an analysis: each well under a
    /// second, so that another process's write never waits past its busy timeout.
    let rowsPerTransaction: Int

    /// Closes the file (before it is moved aside); the store must not be used afterwards.
    public func close() {
        guard let pool = writer as? DatabasePool else { return }
        // Checkpointed first, so that the main file holds everything when it is moved or copied.
        _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try? pool.close()
    }

    /// `PRAGMA quick_check`: nil when the file is sound, else SQLite's first finding. Reads every
    /// page (seconds on a large index), so it runs only after an update that did not finish.
    public func quickCheckProblem() throws -> String? {
        let result = try writer.read { try String.fetchAll($0, sql: "PRAGMA quick_check(1)") }
        return result == ["ok"] ? nil : (result.first ?? "quick_check failed")
    }

    /// True when a failure says the file is damaged (a bad page, not a database), as opposed to busy,
    /// full or unreadable: the cases where moving it aside and rebuilding is the right answer.
    public static func isDamage(_ error: any Error) -> Bool {
        if case StoreError.corrupt = error { return true }
        guard let e = error as? DatabaseError else { return false }
        return [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(e.resultCode)
    }

    /// True when a failure is another process holding SQLite's lock past the wait.
    public static func isBusy(_ error: any Error) -> Bool {
        guard let e = error as? DatabaseError else { return false }
        return [.SQLITE_BUSY, .SQLITE_LOCKED].contains(e.resultCode)
    }

    /// An empty index in memory.
    public static func inMemory() throws -> SQLiteCorpusStore {
        try SQLiteCorpusStore(writer: DatabaseQueue(configuration: configuration()), path: nil)
    }

    init(writer: any DatabaseWriter, path: String?, rowsPerTransaction: Int = 2_000, holdingLock: Bool = false) throws {
        self.writer = writer
        self.path = path
        self.rowsPerTransaction = max(1, rowsPerTransaction)
        let migrator = Schema.migrator
        func appliedMigrations() throws -> [String] {
            try writer.read { db in
                // Reading the schema is the first touch of the file: a non-database fails here.
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema }
                return try Array(migrator.appliedIdentifiers(db))
            }
        }
        var applied = try appliedMigrations()
        var lock: IndexLock?
        // Only when there is something to apply: migrating takes the write lock, which a reader
        // opening next to a running update must not wait for. Under the index lock, read again:
        // two processes creating one new index both found "v1" pending, and the second failed on
        // "table meta already exists" (GRDB reads the applied migrations outside their transactions).
        if applied.count < Schema.migrationIDs.count, !holdingLock, let path {
            lock = IndexLock.acquireBlocking(index: path)
            applied = try appliedMigrations()
        }
        let pending = Schema.migrationIDs.filter { !applied.contains($0) }
        self.migratedFrom = applied.isEmpty || pending.isEmpty ? [] : applied.sorted()
        self.migrationsApplied = applied.isEmpty ? [] : pending
        if !pending.isEmpty { try migrator.migrate(writer) }
        withExtendedLifetime(lock) {}
        let id = try writer.read { try Int64.fetchOne($0, sql: "PRAGMA application_id") } ?? 0
        if id != Int64(Schema.applicationID) {
            // The pragma takes a signed 32-bit literal.
            try writer.writeWithoutTransaction {
                try $0.execute(sql: "PRAGMA application_id = \(Int32(bitPattern: Schema.applicationID))")
            }
        }
    }

    static func configuration(busy: BusyWait = BusyWait()) -> Configuration {
        var config = Configuration()
        // Another process holds SQLite's write lock for one short transaction at a time (updates
        // themselves are serialised by `IndexLock`): wait for it, telling `busy.report` so that a
        // terminal shows the wait, and give up with SQLITE_BUSY after `busy.seconds`.
        let step = 0.02
        config.busyMode = .callback { tries in
            let waited = Double(tries) * step
            guard waited < busy.seconds else { return false }
            if tries > 0, tries % 25 == 0 { busy.report?(waited) }
            usleep(UInt32(step * 1_000_000))
            return true
        }
        config.prepareDatabase { db in
            // In WAL mode NORMAL keeps the database consistent after a crash (only the last
            // transactions may be lost), which is all an index that can be rebuilt needs.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -32000")
        }
        return config
    }

    // MARK: - Files and articles

    public func fileStates() throws -> [String: FileState] {
        try writer.read { db in
            var out: [String: FileState] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT path, size, mtime_ns, hash, warnings, meta_key, position FROM source_file
                """)
            while let row = try rows.next() {
                let path: String = row[0]
                let w: String = row[4]
                out[path] = FileState(path: path, size: row[1], mtimeNS: row[2], hash: row[3],
                                      warnings: w.isEmpty ? [] : w.components(separatedBy: "\n"),
                                      metaKey: row[5], position: row[6])
            }
            return out
        }
    }

    public func upsertFiles(_ items: [FileBatchItem]) throws {
        guard !items.isEmpty else { return }
        try writer.write { db in
            for item in items {
                try deleteArticles(ofFiles: [item.state.path], db: db)
                try upsertState(item.state, db: db)
                for (i, article) in item.articles.enumerated() {
                    try insert(article, filePath: item.state.path, filePosition: item.state.position, position: i, db: db)
                }
            }
            try setMeta("analysis_current", "0", db: db)
        }
    }

    public func updateFileStates(_ states: [FileState]) throws {
        guard !states.isEmpty else { return }
        try writer.write { db in
            for s in states { try upsertState(s, db: db) }
        }
    }

    public func removeFiles(_ paths: [String]) throws {
        // A few hundred files per transaction: removing a whole corpus must not hold the lock for long.
        for start in stride(from: 0, to: paths.count, by: 500) {
            let slice = Array(paths[start..<min(start + 500, paths.count)])
            try writer.write { db in
                try deleteArticles(ofFiles: slice, db: db)
                let stmt = try db.cachedStatement(sql: "DELETE FROM source_file WHERE path = ?")
                for p in slice { try stmt.execute(arguments: [p]) }
                try setMeta("analysis_current", "0", db: db)
            }
        }
    }

    private func upsertState(_ s: FileState, db: Database) throws {
        let stmt = try db.cachedStatement(sql: """
            INSERT INTO source_file (path, position, meta_key, size, mtime_ns, hash, warnings)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET position = excluded.position, meta_key = excluded.meta_key,
                size = excluded.size, mtime_ns = excluded.mtime_ns, hash = excluded.hash,
                warnings = excluded.warnings
            """)
        try stmt.execute(arguments: [s.path, s.position, s.metaKey, s.size, s.mtimeNS, s.hash,
                                     s.warnings.joined(separator: "\n")])
    }

    /// Statements deleting the rows derived from one article alone (the event rows stay until the
    /// next `replaceAnalysis`, which rewrites the events that changed).
    static func perArticleDeletes(_ db: Database) throws -> [Statement] {
        try ["DELETE FROM mention WHERE article_id = ?", "DELETE FROM actor_role WHERE article_id = ?",
             "DELETE FROM quote WHERE article_id = ?", "DELETE FROM article_quote WHERE article_id = ?",
             "DELETE FROM article_event WHERE article_id = ? AND role = 'primary'"].map { try db.cachedStatement(sql: $0) }
    }

    /// Deletes the articles of these files and the per-article rows derived from them.
    private func deleteArticles(ofFiles paths: [String], db: Database) throws {
        let ids = try db.cachedStatement(sql: "SELECT id FROM article WHERE file_path = ?")
        var old: [String] = []
        for p in paths { old += try String.fetchAll(ids, arguments: [p]) }
        guard !old.isEmpty else { return }
        for stmt in try Self.perArticleDeletes(db) {
            for id in old { try stmt.execute(arguments: [id]) }
        }
        let del = try db.cachedStatement(sql: "DELETE FROM article WHERE file_path = ?")
        for p in paths { try del.execute(arguments: [p]) }
    }

    private func insert(_ a: Article, filePath: String, filePosition: Int, position: Int, db: Database) throws {
        // Ids are hashes of file name and text: two identical files under one name collide. The later
        // one gets a suffix from its path rather than being lost.
        // The suffix comes from the file's name (with the record number of a JSONL line), not its
        // folder, so that moving a folder keeps it; the full path and then a counter settle the rare
        // case of the same name and text twice (the UNIQUE constraint would otherwise fail the chunk).
        var id = a.id
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM article WHERE id = ?")
        if try Bool.fetchOne(exists, arguments: [id]) != nil {
            let name = (a.path as NSString).lastPathComponent
            var candidates = [name, a.path].map { a.id + "~" + String(ContentHash.hex(of: Array($0.utf8)).prefix(6)) }
            var n = 2
            while let c = candidates.first, try Bool.fetchOne(exists, arguments: [c]) != nil {
                candidates.removeFirst()
                if candidates.isEmpty { candidates.append(a.id + "~" + String(ContentHash.hex(of: Array(a.path.utf8)).prefix(6)) + "-\(n)"); n += 1 }
            }
            id = candidates.first ?? id
        }
        let stmt = try db.cachedStatement(sql: """
            INSERT INTO article (id, file_path, position, path, format, title, outlet, outlet_key,
                outlet_source, published, published_source, published_confidence, read_published,
                read_published_source, read_published_confidence, partial_date, url, sources,
                removed, truncated, words, file_position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let removed: String
        if a.removed.isEmpty {
            removed = ""
        } else {
            removed = String(decoding: try JSONEncoder().encode(a.removed), as: UTF8.self)
        }
        let partial = try a.partialDate.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let args: [(any DatabaseValueConvertible)?] = [
            id, filePath, position, a.path, a.format.rawValue, a.title, a.outlet,
            a.outlet.map(LookupKey.fold), a.outletSource.rawValue,
            a.published?.day.description, a.published?.source.rawValue, a.published?.confidence,
            a.published?.day.description, a.published?.source.rawValue, a.published?.confidence,
            partial, a.url, a.sources.joined(separator: "\n"), removed, a.truncated, Self.wordCount(a.body),
            filePosition,
        ]
        try stmt.execute(arguments: StatementArguments(args))
        let text = try db.cachedStatement(sql: "INSERT INTO article_text (seq, body, raw_text) VALUES (?, ?, ?)")
        try text.execute(arguments: [db.lastInsertedRowID, a.body, a.rawText])
    }

    /// `Article.wordCount` with an ASCII fast path: the Unicode property lookup per scalar was 5% of
    /// a whole index build.
    static func wordCount(_ text: String) -> Int {
        var n = 0
        var inWord = false
        for u in text.unicodeScalars {
            let isSpace: Bool
            if u.value < 0x80 {
                isSpace = u.value == 0x20 || (u.value >= 0x09 && u.value <= 0x0D)
            } else {
                isSpace = u.properties.isWhitespace
            }
            if !isSpace && !inWord { n += 1 }
            inWord = !isSpace
        }
        return n
    }

    // MARK: - Analysis

    public func analysisIsCurrent() throws -> Bool {
        try writer.read { db in try meta("analysis_current", db: db) == "1" }
    }

    public func replaceAnalysis(of corpus: Corpus) throws -> AnalysisWriteReport {
        let rows = AnalysisRows(corpus: corpus)
        var report = AnalysisWriteReport()
        report.actors = corpus.actors.count
        report.events = corpus.events.count
        // Written as a series of short transactions, not one: at 34,000 articles a single one held the
        // write lock for ~30 s, past other processes' busy timeout. Until the last one sets
        // `analysis_current`, an interruption leaves the analysis marked stale, and the next run
        // rewrites only what is still missing (per-article and per-event fingerprints).
        try writer.write { db in
            // Actors and events are small next to mentions: replaced whole when any of them changed.
            if try meta("actors_hash", db: db) != rows.actorsHash {
                try db.execute(sql: "DELETE FROM actor_alias")
                try db.execute(sql: "DELETE FROM actor")
                let ins = try db.cachedStatement(sql: """
                    INSERT INTO actor (id, position, name, kind, affiliation, is_source, mention_runs, role_runs, quote_runs,
                        mention_count, article_count, short_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let alias = try db.cachedStatement(sql: """
                    INSERT INTO actor_alias (actor_id, position, alias, alias_key, name_key, name_key_reversed)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
                for (i, a) in corpus.actors.enumerated() {
                    let runs = rows.actorRuns[a.id] ?? ("", "", "")
                    // The counts and short name are the actor's aggregates, kept with it (they change
                    // only with its mention runs, which `actorsHash` covers).
                    try ins.execute(arguments: [a.id, i, a.name, a.kind.rawValue, a.affiliation, a.isSource,
                                                runs.0, runs.1, runs.2, a.mentions.count, a.articleIDs.count, a.shortName])
                    // Position 0 is the canonical name, so every actor can be found by it.
                    for (j, name) in ([a.name] + a.aliases).enumerated() {
                        let k = NameLookup.keys(name)
                        try alias.execute(arguments: [a.id, j, name, LookupKey.fold(name), k.key, k.reversed])
                    }
                }
                try setMeta("actors_hash", rows.actorsHash, db: db)
            }
            if try meta("quote_runs", db: db) != rows.quoteRuns {
                try setMeta("quote_runs", rows.quoteRuns, db: db)
            }
            try setMeta("analysis_current", "0", db: db)
        }
        // Events: only those whose fingerprint changed are rewritten (with their participants,
        // article lists and mentions); positions are rewritten when the order changed.
        var storedEvents: [String: (hash: String, position: Int)] = [:]
        for r in try writer.read({ try Row.fetchAll($0, sql: "SELECT id, hash, position FROM event") }) {
            storedEvents[r[0]] = (r[1], r[2])
        }
        let eventChunks = stride(from: 0, to: corpus.events.count, by: rowsPerTransaction).map {
            $0..<min($0 + rowsPerTransaction, corpus.events.count)
        }
        for range in eventChunks {
            report.eventsRewritten += try writer.write { db in
                var rewritten = 0
                let delEvent = try ["event_participant", "event_mention"].map {
                    try db.cachedStatement(sql: "DELETE FROM \($0) WHERE event_id = ?")
                } + [try db.cachedStatement(sql: "DELETE FROM article_event WHERE event_id = ? AND role <> 'primary'"),
                     try db.cachedStatement(sql: "DELETE FROM event WHERE id = ?")]
                let ins = try db.cachedStatement(sql: """
                    INSERT INTO event (id, position, title, kind, date, place, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                let part = try db.cachedStatement(sql: "INSERT INTO event_participant (event_id, position, name) VALUES (?, ?, ?)")
                let link = try db.cachedStatement(sql: """
                    INSERT INTO article_event (article_id, event_id, role, position, evidence) VALUES (?, ?, ?, ?, ?)
                    """)
                let mention = try db.cachedStatement(sql: EventMentionRows.insertSQL)
                let move = try db.cachedStatement(sql: "UPDATE event SET position = ? WHERE id = ?")
                let encoder = JSONEncoder()
                for i in range {
                    let e = corpus.events[i]
                    let hash = rows.eventHashes[e.id] ?? ""
                    if let old = storedEvents[e.id], old.hash == hash {
                        if old.position != i { try move.execute(arguments: [i, e.id]) }
                        continue
                    }
                    if storedEvents[e.id] != nil { for d in delEvent { try d.execute(arguments: [e.id]) } }
                    rewritten += 1
                    try ins.execute(arguments: [e.id, i, e.title, e.kind.rawValue, e.date?.description, e.place, hash])
                    for (j, p) in e.participants.enumerated() { try part.execute(arguments: [e.id, j, p]) }
                    for (j, a) in e.articles.enumerated() {
                        let why = try e.why[a].map { String(decoding: try encoder.encode($0), as: UTF8.self) }
                        try link.execute(arguments: [a, e.id, "article", j, why])
                    }
                    for (j, a) in e.mentionedBy.enumerated() { try link.execute(arguments: [a, e.id, "mention", j, nil]) }
                    for (j, m) in e.mentions.enumerated() {
                        try mention.execute(arguments: EventMentionRows.arguments(eventID: e.id, position: j, m))
                    }
                }
                return rewritten
            }
        }
        let current = Set(corpus.events.map(\.id))
        let stale = storedEvents.keys.filter { !current.contains($0) }
        try writer.write { db in
            let delEvent = try ["event_participant", "event_mention"].map {
                try db.cachedStatement(sql: "DELETE FROM \($0) WHERE event_id = ?")
            } + [try db.cachedStatement(sql: "DELETE FROM article_event WHERE event_id = ? AND role <> 'primary'"),
                 try db.cachedStatement(sql: "DELETE FROM event WHERE id = ?")]
            for id in stale {
                for d in delEvent { try d.execute(arguments: [id]) }
            }
            // Dates that analysis inferred (from events) overlay the dates as read.
            var finalDates: [String: (String?, String?, Double?)] = [:]
            let dc = try Row.fetchCursor(db, sql: "SELECT id, published, published_source, published_confidence FROM article")
            while let r = try dc.next() { finalDates[r[0]] = (r[1], r[2], r[3]) }
            let setDate = try db.cachedStatement(sql: """
                UPDATE article SET published = ?, published_source = ?, published_confidence = ? WHERE id = ?
                """)
            for a in corpus.articles {
                guard let old = finalDates[a.id] else { continue }
                let new = (a.published?.day.description, a.published?.source.rawValue, a.published?.confidence)
                if old.0 != new.0 || old.1 != new.1 || old.2 != new.2 {
                    try setDate.execute(arguments: [new.0, new.1, new.2, a.id])
                }
            }
        }
        // Per-article rows: only articles whose own analysis changed are rewritten.
        var stored: [(String, String?)] = []
        try writer.read { db in
            let cur = try Row.fetchCursor(db, sql: "SELECT id, analysis_hash FROM article")
            while let r = try cur.next() { stored.append((r[0], r[1])) }
        }
        let changed = stored.filter { $0.1 != (rows.perArticle[$0.0]?.hash ?? ContentHash.emptyHex) }
        report.articlesRewritten = changed.count
        var offset = 0
        repeat {
            let slice = changed[offset..<min(offset + rowsPerTransaction, changed.count)]
            offset += rowsPerTransaction
            let last = offset >= changed.count
            try writer.write { db in
                let setHash = try db.cachedStatement(sql: "UPDATE article SET analysis_hash = ? WHERE id = ?")
                let insM = try db.cachedStatement(sql: """
                    INSERT INTO mention (article_id, actor_id, position, range_start, range_end, surface)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
                let insR = try db.cachedStatement(sql: """
                    INSERT INTO actor_role (article_id, actor_id, position, role) VALUES (?, ?, ?, ?)
                    """)
                let insQ = try db.cachedStatement(sql: """
                    INSERT INTO quote (article_id, actor_id, position, text, range_start, range_end, speaker, speaker_label)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insAQ = try db.cachedStatement(sql: """
                    INSERT INTO article_quote (article_id, position, text, range_start, range_end, speaker, speaker_label)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                let insPrimary = try db.cachedStatement(sql: """
                    INSERT INTO article_event (article_id, event_id, role, position) VALUES (?, ?, 'primary', 0)
                    """)
                let dels = try Self.perArticleDeletes(db)
                for (articleID, storedHash) in slice {
                    let r = rows.perArticle[articleID]
                    let newHash = r?.hash ?? ContentHash.emptyHex
                    if storedHash != nil {
                        for d in dels { try d.execute(arguments: [articleID]) }
                    }
                    if let r {
                        for x in r.mentions {
                            let actor = corpus.actors[Int(x.actor)], m = actor.mentions[Int(x.item)]
                            try insM.execute(arguments: [articleID, actor.id, Int(x.position), m.range.start,
                                                         m.range.end, m.surface])
                        }
                        for x in r.roles {
                            let actor = corpus.actors[Int(x.actor)]
                            try insR.execute(arguments: [articleID, actor.id, Int(x.position), actor.roles[Int(x.item)].role])
                        }
                        for x in r.quotes {
                            let actor = corpus.actors[Int(x.actor)], q = actor.quotes[Int(x.item)]
                            try insQ.execute(arguments: [articleID, actor.id, Int(x.position), q.text, q.range.start,
                                                         q.range.end, q.speaker, q.speakerLabel])
                        }
                        for (j, k) in r.allQuotes.enumerated() {
                            let q = corpus.quotes[Int(k)]
                            try insAQ.execute(arguments: [articleID, j, q.text, q.range.start, q.range.end, q.speaker, q.speakerLabel])
                        }
                        if let e = r.primaryEvent { try insPrimary.execute(arguments: [articleID, e]) }
                    }
                    try setHash.execute(arguments: [newHash, articleID])
                }
                if last { try setMeta("analysis_current", "1", db: db) }
            }
        } while offset < changed.count
        return report
    }


    // MARK: - Reading

    static let articleColumns = """
        a.id, a.path, a.format, t.raw_text, t.body, a.title, a.outlet, a.outlet_source, a.published,
        a.published_source, a.published_confidence, a.url, a.sources, a.removed, a.truncated, a.partial_date
        """

    static func article(from row: Row) -> Article {
        let published = dated(row, at: 8)
        let sources: String = row[12]
        let removedJSON: String = row[13]
        let removed = removedJSON.isEmpty ? [] :
            ((try? JSONDecoder().decode([RemovedLine].self, from: Data(removedJSON.utf8))) ?? [])
        let format: String = row[2]
        let outletSource: String = row[7]
        var article = Article(id: row[0], path: row[1], format: SourceFormat(rawValue: format) ?? .text,
                              rawText: row[3], body: row[4], title: row[5], outlet: row[6],
                              outletSource: MetadataSource(rawValue: outletSource) ?? .none, published: published,
                              url: row[11], sources: sources.isEmpty ? [] : sources.components(separatedBy: "\n"),
                              removed: removed, truncated: row[14])
        // Kept until a date resolves it, as DateInference does.
        if published == nil, let json: String = row[15] {
            article.partialDate = try? JSONDecoder().decode(DateMention.self, from: Data(json.utf8))
        }
        return article
    }

    public func loadArticles(includeRaw: Bool) throws -> [Article] {
        try loadArticles(includeRaw: includeRaw, asRead: false)
    }

    /// Without the raw text: the analysis stages read the clean body, and at 100,000 articles the raw
    /// text would double the memory this needs.
    public func loadArticlesForAnalysis() throws -> [Article] {
        try loadArticles(includeRaw: false, asRead: true)
    }

    /// `asRead`: the metadata as ingestion produced it, before corpus analysis changed it.
    /// `withBodies` false: metadata only, with empty bodies (the analysis loads the texts it needs).
    func loadArticles(includeRaw: Bool, asRead: Bool, withBodies: Bool = true) throws -> [Article] {
        var cols = includeRaw ? Self.articleColumns : Self.articleColumns.replacingOccurrences(of: "t.raw_text", with: "''")
        if asRead {
            cols = cols.replacingOccurrences(of: "a.published", with: "a.read_published")
        }
        if !withBodies {
            cols = cols.replacingOccurrences(of: "t.body", with: "''")
        }
        let text = withBodies || includeRaw ? "JOIN article_text t ON t.seq = a.seq" : ""
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(cols) FROM source_file f JOIN article a ON a.file_path = f.path
                \(text)
                ORDER BY f.position, a.position
                """)
                .map(Self.article(from:))
        }
    }

    public func article(id: String) throws -> Article? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.articleColumns) FROM article a JOIN article_text t ON t.seq = a.seq WHERE a.id = ?", arguments: [id])
                .map(Self.article(from:))
        }
    }

    public func loadCorpus() throws -> Corpus {
        try loadCorpus(parts: .all)
    }

    /// What of the corpus a command reads: the texts (body and raw text) and the events' mentions
    /// are most of its memory, and most commands print neither.
    public struct CorpusParts: Sendable, Equatable {
        public var texts: Bool
        public var eventMentions: Bool
        public init(texts: Bool, eventMentions: Bool) {
            self.texts = texts
            self.eventMentions = eventMentions
        }
        public static let all = CorpusParts(texts: true, eventMentions: true)
    }

    /// The corpus with only `parts` of it: articles without their texts carry empty bodies, events
    /// without their mentions an empty `mentions`; everything else is as `loadCorpus()`.
    public func loadCorpus(parts: CorpusParts) throws -> Corpus {
        let articles = try loadArticles(includeRaw: parts.texts, asRead: false, withBodies: parts.texts)
        return try writer.read { db in
            // Derived rows come back in corpus order of their article, then their position in it.
            var order: [String: Int] = [:]
            for (i, a) in articles.enumerated() { order[a.id] = i }
            func rank(_ id: String) -> Int { order[id] ?? Int.max }

            var mentions: [String: [(String, Int, Mention)]] = [:]
            let mc = try Row.fetchCursor(db, sql: """
                SELECT actor_id, article_id, position, range_start, range_end, surface FROM mention
                """)
            while let r = try mc.next() {
                let art: String = r[1]
                mentions[r[0], default: []].append(
                    (art, r[2], Mention(articleID: art, range: TextRange(start: r[3], end: r[4]), surface: r[5])))
            }
            var roles: [String: [(String, Int, RoleMention)]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT actor_id, article_id, position, role FROM actor_role") {
                let art: String = r[1]
                roles[r[0], default: []].append((art, r[2], RoleMention(articleID: art, role: r[3])))
            }
            var quotes: [String: [(String, Int, Quote)]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT actor_id, article_id, position, text, range_start, range_end, speaker, speaker_label FROM quote
                """) {
                let art: String = r[1]
                quotes[r[0], default: []].append((art, r[2], Quote(
                    articleID: art, text: r[3], range: TextRange(start: r[4], end: r[5]),
                    speaker: r[6], speakerLabel: r[7])))
            }
            var aliases: [String: [String]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT actor_id, alias FROM actor_alias WHERE position > 0 ORDER BY actor_id, position") {
                aliases[r[0], default: []].append(r[1])
            }
            let actors: [Actor] = try Row.fetchAll(db, sql: """
                SELECT id, name, kind, affiliation, is_source, mention_runs, role_runs, quote_runs
                FROM actor ORDER BY position
                """).map { r in
                let id: String = r[0]
                let kind: String = r[2]
                let name: String = r[1]
                let actorKind = ActorKind(rawValue: kind) ?? .person
                let ms = Runs.arrange(mentions[id], runs: r[5])
                return Actor(id: id, name: name, kind: actorKind,
                             aliases: aliases[id] ?? [], affiliation: r[3],
                             roles: Runs.arrange(roles[id], runs: r[6]),
                             mentions: ms,
                             quotes: Runs.arrange(quotes[id], runs: r[7]), isSource: r[4],
                             shortName: ActorAnalysis.shortName(of: name, kind: actorKind, mentions: ms))
            }

            var eventMentions: [String: [EventMention]] = [:]
            let decoder = JSONDecoder()
            let emc = try Row.fetchCursor(db, sql: """
                SELECT event_id, \(EventMentionRows.columns) FROM event_mention
                WHERE ? ORDER BY event_id, position
                """, arguments: [parts.eventMentions])
            while let r = try emc.next() {
                eventMentions[r[0], default: []].append(EventMentionRows.mention(from: r, at: 1))
            }
            var participants: [String: [String]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT event_id, name FROM event_participant ORDER BY event_id, position") {
                participants[r[0], default: []].append(r[1])
            }
            var members: [String: [String]] = [:]
            var mentioned: [String: [String]] = [:]
            var primary: [String: String] = [:]
            var why: [String: EventEvidence] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT article_id, event_id, role, evidence FROM article_event ORDER BY event_id, role, position") {
                let role: String = r[2]
                switch role {
                case "article":
                    members[r[1], default: []].append(r[0])
                    if let data: String = r[3], let ev = try? decoder.decode(MembershipEvidence.self, from: Data(data.utf8)) {
                        why[r[1], default: [:]][r[0]] = ev
                    }
                case "mention": mentioned[r[1], default: []].append(r[0])
                default: primary[r[0]] = r[1]
                }
            }
            let events: [Event] = try Row.fetchAll(db, sql: "SELECT id, title, kind, date, place FROM event ORDER BY position").map { r in
                let id: String = r[0]
                let kind: String = r[2]
                let date: String? = r[3]
                return Event(id: id, title: r[1], kind: EventKind(rawValue: kind) ?? .other,
                             date: date.flatMap(Day.init(iso:)), place: r[4], participants: participants[id] ?? [],
                             articles: members[id] ?? [], mentionedBy: mentioned[id] ?? [],
                             mentions: eventMentions[id] ?? [], why: why[id] ?? [:])
            }
            let warnings = try String.fetchAll(db, sql: "SELECT warnings FROM source_file WHERE warnings <> '' ORDER BY path")
                .flatMap { $0.components(separatedBy: "\n") }
            var corpus = Corpus(articles: articles, actors: actors, events: events, primaryEvent: primary, warnings: warnings)
            corpus.quotes = try corpusQuotes(db)
            return corpus
        }
    }

    public func actorIDs(named name: String) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT actor_id FROM actor_alias WHERE alias_key = ?",
                                arguments: [LookupKey.fold(name)])
        }
    }

    /// How many of a search's results get a snippet.
    public static let snippetRows = 200
    /// Above this many matches a text search is listed in corpus order rather than ranked by bm25.
    public static let rankedMatchLimit = 5_000

    /// True when a search pattern has few enough matches to rank them all quickly.
    func rankableMatches(_ pattern: String, limit: Int) throws -> Bool {
        try writer.read { db in
            let n = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT ?)
                """, arguments: [pattern, limit + 1]) ?? 0
            return n <= limit
        }
    }

    public func summaries(_ query: ArticleQuery) throws -> [ArticleSummary] {
        try summaries(query, rankedMatchLimit: Self.rankedMatchLimit)
    }

    func summaries(_ query: ArticleQuery, rankedMatchLimit: Int) throws -> [ArticleSummary] {
        // The words every match must contain: joined through `article_fts`, they rank the matches by
        // bm25 and give them snippets (the query's own conditions decide which articles match).
        let pattern = QuerySQL.requiredText(query.root)
        var from = "article a"
        var columns = """
            a.id, a.path, a.title, a.outlet, a.published, a.published_source, a.words,
            (SELECT e.event_id FROM article_event e WHERE e.article_id = a.id AND e.role = 'primary' LIMIT 1)
            """
        var order = "a.file_position, a.position"
        var args: [(any DatabaseValueConvertible)?] = []
        var conditions: [String] = []
        if let pattern {
            from = "article_fts JOIN article a ON a.seq = article_fts.rowid"
            conditions.append("article_fts MATCH ?")
            args.append(pattern)
            columns += ", a.seq"
            // The table's rank is bm25 with titles weighing 4× (set in the schema). Ranking costs a
            // score per match, so a pattern matching a large part of the corpus (a two-letter prefix
            // typed so far) lists its matches in index order instead, which FTS5 yields without a sort:
            // counting up to the cap stops early, ranking 70,000 matches took over a second at 100,000.
            order = try rankableMatches(pattern, limit: rankedMatchLimit) ? "article_fts.rank" : "article_fts.rowid"
        }
        let compiled = try writer.read { db in QuerySQL.compile(query.root, names: QuerySQL.Names(db)) }
        conditions.append(compiled.sql)
        args += compiled.arguments
        var sql = "SELECT \(columns) FROM \(from) WHERE " + conditions.joined(separator: " AND ")
        sql += " ORDER BY \(order)"
        if let limit = query.limit {
            sql += " LIMIT ?"
            args.append(limit)
        }
        return try writer.read { db in
            var seqs: [Int64] = []
            var out = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r in
                let published: String? = r[4]
                let src: String? = r[5]
                if pattern != nil { seqs.append(r[8]) }
                return ArticleSummary(id: r[0], path: r[1], title: r[2], outlet: r[3],
                                      published: published.flatMap(Day.init(iso:)),
                                      publishedSource: src.flatMap(MetadataSource.init(rawValue:)) ?? .none,
                                      words: r[6], event: r[7])
            }
            // Snippets for the first rows only (a screenful and more), in one query: SQLite would
            // otherwise compute one for every match before sorting, and FTS5 cannot use a rowid list
            // as an index, so each extra query would scan all the matches again.
            if let pattern, !seqs.isEmpty {
                let first = seqs.prefix(Self.snippetRows)
                var snippetArgs: [(any DatabaseValueConvertible)?] = [pattern]
                for seq in first { snippetArgs.append(seq) }
                let placeholders = Array(repeating: "?", count: first.count).joined(separator: ", ")
                var snippets: [Int64: String] = [:]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT rowid, snippet(article_fts, -1, '[', ']', '…', 12) FROM article_fts
                    WHERE article_fts MATCH ? AND rowid IN (\(placeholders))
                    """, arguments: StatementArguments(snippetArgs))
                for r in rows { snippets[r[0]] = r[1] }
                for i in out.indices.prefix(Self.snippetRows) { out[i].snippet = snippets[seqs[i]] }
            }
            return out
        }
    }

    public func stats() throws -> StoreStats {
        var s = try writer.read { db in
            var s = StoreStats()
            func count(_ t: String, _ whereSQL: String = "") throws -> Int {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t) \(whereSQL)") ?? 0
            }
            s.files = try count("source_file")
            s.articles = try count("article")
            s.actors = try count("actor")
            s.aliases = try count("actor_alias", "WHERE position > 0")
            s.mentions = try count("mention")
            s.quotes = try count("article_quote")
            s.events = try count("event")
            s.eventLinks = try count("article_event", "WHERE role <> 'primary'")
            s.schemaVersion = Schema.version
            return s
        }
        if let path {
            s.bytes = [path, path + "-wal"].reduce(Int64(0)) { total, p in
                total + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? NSNumber)?.int64Value ?? 0)
            }
        }
        return s
    }

    // MARK: - Meta

    public func rulesVersion() throws -> String? {
        try writer.read { db in try meta("rules_version", db: db) }
    }

    public func setRulesVersion(_ version: String) throws {
        try writer.write { db in try setMeta("rules_version", version, db: db) }
    }

    public func recordRules(_ version: String, markingFilesStale: Bool) throws {
        try writer.write { db in
            if markingFilesStale {
                // No real file has size -1 or an empty hash: each is read again, and read under `version`.
                try db.execute(sql: "UPDATE source_file SET size = -1, hash = ''")
            }
            try setMeta("rules_version", version, db: db)
            try setMeta("build_in_progress", "1", db: db)
        }
    }

    public func beginBuild() throws {
        // Read first: set once per build, not once per chunk.
        if try buildInProgress() { return }
        try writer.write { db in
            if try meta("build_in_progress", db: db) != "1" { try setMeta("build_in_progress", "1", db: db) }
        }
    }

    public func finishBuild() throws {
        // Read first: an up-to-date index is not written at all.
        guard try buildInProgress() else { return }
        try writer.write { db in try setMeta("build_in_progress", "0", db: db) }
    }

    public func buildInProgress() throws -> Bool {
        try writer.read { db in try meta("build_in_progress", db: db) == "1" }
    }

    func meta(_ key: String, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    func setMeta(_ key: String, _ value: String, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, arguments: [key, value])
    }
}

/// How long a statement waits for SQLite's lock held by another process, and who hears about it.
public struct BusyWait: Sendable {
    public var seconds: Double
    /// Called about every half second of waiting with the seconds waited (e.g. a line on a terminal).
    public var report: (@Sendable (Double) -> Void)?

    public init(seconds: Double = 30, report: (@Sendable (Double) -> Void)? = nil) {
        self.seconds = seconds
        self.report = report
    }
}

/// Why an index could not be used as it is.
public enum StoreError: Error, CustomStringConvertible {
    case newerSchema
    case corrupt(String)

    public var description: String {
        switch self {
        case .newerSchema: return "the index was written by a newer version of parallax"
        case .corrupt(let why): return "the index is damaged (\(why))"
        }
    }
}
