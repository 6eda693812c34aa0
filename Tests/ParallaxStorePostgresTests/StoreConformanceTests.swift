import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxStorePostgres
import XCTest

/// One set of cases against every store: the corpus in memory (`QueryIndex`), SQLite and PostgreSQL,
/// on the real sample corpus and on ../shared/news-dev. Any difference in an answer or its order fails.
/// PostgreSQL comes from `PARALLAX_TEST_PG_URL` (scripts/test starts a throwaway cluster and sets it);
/// without it the PostgreSQL cases are skipped, and say so on stdout.
final class StoreConformanceTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let newsDev = repo.deletingLastPathComponent().appendingPathComponent("shared/news-dev/articles")

    /// A fresh PostgreSQL store (its tables dropped and made again), or a loud skip.
    private func postgres() throws -> PostgresCorpusStore {
        guard let url = ProcessInfo.processInfo.environment["PARALLAX_TEST_PG_URL"], !url.isEmpty else {
            print("PostgreSQL conformance: SKIPPED — no server (set PARALLAX_TEST_PG_URL, or run scripts/test, which starts one)")
            throw XCTSkip("PARALLAX_TEST_PG_URL is not set: PostgreSQL cases skipped")
        }
        try PostgresCorpusStore(url: url).dropEverything()
        return try PostgresCorpusStore(url: url)
    }

    private func build(_ roots: [String], into store: any CorpusStore) async throws -> IndexReport {
        try await Indexer(reader: LoaderCorpusReader(), chunkSize: 3).update(store: store, roots: roots)
    }

    func testSampleCorpusConforms() async throws {
        let pg = try postgres()
        let sample = try XCTUnwrap(ResourceFiles.sampleCorpus)
        try await conform([sample.path], pg: pg)
    }

    func testNewsDevConforms() async throws {
        guard FileManager.default.fileExists(atPath: Self.newsDev.path) else {
            throw XCTSkip("../shared/news-dev is not beside the repository")
        }
        let pg = try postgres()
        try await conform([Self.newsDev.path], pg: pg)
    }

    /// A second build over an unchanged folder writes nothing new, and a changed file replaces its
    /// articles rather than adding to them (the collector's upsert).
    func testRebuildAndChangedFileDoNotDuplicate() async throws {
        let pg = try postgres()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.txt"), b = folder.appendingPathComponent("b.txt")
        try "Talks in Geneva\n\nSergei Lavrov met Antony Blinken in Geneva on Friday.".write(to: a, atomically: true, encoding: .utf8)
        try "Call\n\nJoe Biden spoke with Olaf Scholz by phone.".write(to: b, atomically: true, encoding: .utf8)
        _ = try await build([folder.path], into: pg)
        _ = try await build([folder.path], into: pg)
        XCTAssertEqual(try pg.articleCount(), 2)
        try "Talks in Paris\n\nSergei Lavrov met Antony Blinken in Paris on Friday.".write(to: a, atomically: true, encoding: .utf8)
        _ = try await build([folder.path], into: pg)
        XCTAssertEqual(try pg.articleCount(), 2)
        XCTAssertEqual(try pg.summaries(ArticleQuery(parsing: "paris")).count, 1)
        XCTAssertEqual(try pg.summaries(ArticleQuery(parsing: "geneva")).count, 0)
        try FileManager.default.removeItem(at: b)
        _ = try await build([folder.path], into: pg)
        XCTAssertEqual(try pg.articleCount(), 1)
    }

    func testLocationKeepsThePasswordOutOfItsDescription() throws {
        let l = try PostgresLocation(url: "postgres://ana:s3cret@db.example:6543/news", environment: [:])
        XCTAssertEqual(l.password, "s3cret")
        XCTAssertEqual(l.port, 6543)
        XCTAssertEqual(l.description, "postgres://ana@db.example:6543/news")
        XCTAssertFalse("\(l)".contains("s3cret"))
        let s = try PostgresLocation(url: "postgres://ana@/news?host=/run/pg", environment: ["PGPASSWORD": "pw"])
        XCTAssertEqual(s.socketPath, "/run/pg/.s.PGSQL.5432")
        XCTAssertEqual(s.password, "pw")
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://ana@h/db?sslmode=require", environment: [:]))
    }

    func testPgpassMatchesWildcardsAndIgnoresAReadableFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# comment\nother:5432:*:ana:no\ndb.example:*:news:ana:pa\\:ss\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let l = try PostgresLocation(url: "postgres://ana@db.example/news", environment: ["PGPASSFILE": file.path])
        XCTAssertEqual(l.password, "pa:ss")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        XCTAssertNil(try PostgresLocation(url: "postgres://ana@db.example/news", environment: ["PGPASSFILE": file.path]).password)
    }

    // MARK: - The cases

    private func conform(_ roots: [String], pg: PostgresCorpusStore, file: StaticString = #filePath, line: UInt = #line) async throws {
        let lite = try SQLiteCorpusStore.inMemory()
        _ = try await build(roots, into: lite)
        _ = try await build(roots, into: pg)
        let a = try lite.loadCorpus(), b = try pg.loadCorpus()
        XCTAssertFalse(a.articles.isEmpty)
        // The corpus as a whole: articles (texts, metadata, inferred dates), actors with their mentions
        // and quotes, events with their memberships and evidence, quotes, primary events, warnings.
        XCTAssertEqual(b.articles, a.articles, "articles")
        XCTAssertEqual(b.actors, a.actors, "actors and mentions")
        XCTAssertEqual(b.events, a.events, "events and memberships")
        for (x, y) in zip(b.events, a.events) where x != y {
            let fx = "\(x)".map(String.init), fy = "\(y)".map(String.init)
            let common = zip(fx, fy).prefix { $0 == $1 }.count
            XCTFail("first differing event \(x.id): …\(fx.dropFirst(max(0, common - 200)).prefix(400).joined()) ≠ …\(fy.dropFirst(max(0, common - 200)).prefix(400).joined())")
            break
        }
        XCTAssertEqual(b.quotes, a.quotes, "quotes")
        XCTAssertEqual(b.primaryEvent, a.primaryEvent, "primary events")
        XCTAssertEqual(b.warnings, a.warnings, "warnings")
        XCTAssertEqual(try pg.loadArticlesForAnalysis(), try lite.loadArticlesForAnalysis(), "articles as read")
        for x in a.articles.prefix(20) { XCTAssertEqual(try pg.article(id: x.id), try lite.article(id: x.id)) }
        XCTAssertNil(try pg.article(id: "no-such-article"))
        for actor in a.actors.prefix(40) {
            XCTAssertEqual(try pg.actorIDs(named: actor.name), try lite.actorIDs(named: actor.name), actor.name)
        }
        let (sa, sb) = (try lite.stats(), try pg.stats())
        XCTAssertEqual([sb.files, sb.articles, sb.actors, sb.aliases, sb.mentions, sb.quotes, sb.events, sb.eventLinks],
                       [sa.files, sa.articles, sa.actors, sa.aliases, sa.mentions, sa.quotes, sa.events, sa.eventLinks], "stats")

        // Marks, tags and read state, applied alike, read back alike and filtered on alike.
        let ids = a.articles.map(\.id)
        let changes: [UserDataChange] = [
            .mark(Array(ids.prefix(3)), true), .mark([ids[0]], false), .read(Array(ids.suffix(2)), true),
            .tag(Array(ids.prefix(2)), "Follow up", true), .tag([ids[ids.count - 1]], "follow UP", true),
            .tag([ids[0]], "done", true), .tag([ids[0]], "done", false),
        ]
        for c in changes {
            try lite.apply(c)
            try pg.apply(c)
        }
        XCTAssertEqual(try pg.userData(), try lite.userData(), "user data")

        let memory = QueryIndex(a), user = try lite.userData()
        var ranked = 0
        for text in Self.queries(for: a) {
            let q = try ArticleQuery(parsing: text)
            let lid = try lite.articleIDs(matching: q), pid = try pg.articleIDs(matching: q)
            XCTAssertEqual(pid, lid, "articleIDs(matching: \(text))", file: file, line: line)
            let mem = Set(memory.matches(q, user: user).map { ids[$0] })
            XCTAssertEqual(Set(lid), mem, "in memory: \(text)", file: file, line: line)
            XCTAssertEqual(try pg.undatedLeftOut(q), try lite.undatedLeftOut(q), "undated left out: \(text)")
            var ls = try lite.summaries(q), ps = try pg.summaries(q)
            for i in ls.indices { ls[i].snippet = nil }
            if PostgresRanking.isRanked(q) {
                // bm25 and ts_rank weigh matches differently: the same rows, each alike, in either order.
                ranked += 1
                XCTAssertEqual(ps.sorted { $0.id < $1.id }, ls.sorted { $0.id < $1.id }, "summaries(\(text))", file: file, line: line)
            } else {
                XCTAssertEqual(ps, ls, "summaries(\(text))", file: file, line: line)
            }
            let limited = ArticleQuery(q.root, limit: 2)
            XCTAssertEqual(try pg.articleIDs(matching: limited), Array(lid.prefix(2)), "limit: \(text)")
        }
        XCTAssertGreaterThan(ranked, 3)
    }

    /// Queries drawn from the corpus itself: words, prefixes, phrases, accents, names, outlets, events,
    /// kinds, dates, user data and their combinations, and some that find nothing.
    static func queries(for c: Corpus) -> [String] {
        var out = ["", "date:none", "has:quote", "is:marked", "is:unread", "is:read", "tag:follow-up", "tag:\"follow up\"",
                   "-is:marked", "zzzzqx", "\"no such phrase here\"", "kind:talks", "kind:call", "kind:summit OR kind:meeting",
                   "date:2022-01-01..2022-12-31", "since:2022-02-01", "until:2021-12-31", "date:..2022-01-20 -has:quote"]
        var words: [String] = []
        for a in c.articles.prefix(30) {
            let w = Fold.words(a.title ?? "").filter { $0.count > 3 }
            words += w.prefix(2)
            if w.count >= 2 { out.append("\"\(w[0]) \(w[1])\"") }
            let body = Fold.words(a.body)
            if body.count > 12 { out.append("\(body[8]) \(body[9]) \(body[10].prefix(2))") }
            if let o = a.outlet { out.append("outlet:\"\(o.lowercased())\"") }
        }
        for w in words.prefix(25) {
            out.append(w)
            out.append(String(w.prefix(3)))
            out.append("\(w) -\(words.first ?? "x")")
        }
        if words.count > 4 { out += ["\(words[0]) OR \(words[3])", "(\(words[1]) OR \(words[2])) date:none", "\(words[0]) \(words[4].prefix(2))"] }
        // Accents and case fold: a word typed with capitals and an accented letter.
        out += ["ZELENSKY", "zélensky", "Genève", "MOSCOW", "Україна", "путин"]
        for a in c.actors.prefix(15) {
            out.append("actor:\"\(a.name)\"")
            if let last = a.name.split(separator: " ").last { out.append("actor:\(last.lowercased())") }
        }
        for e in c.events.prefix(8) {
            out.append("event:\(e.id)")
            out.append("event:\(e.id.prefix(6)) has:quote")
        }
        out += ["event:nosuchevent", "actor:nobody-at-all", "outlet:nooutlet"]
        return out
    }
}

/// Which queries the stores rank by relevance (their order is the engine's own, not corpus order).
enum PostgresRanking {
    static func isRanked(_ q: ArticleQuery) -> Bool {
        let parts: [QueryNode]
        if case .and(let xs) = q.root { parts = xs } else { parts = [q.root] }
        return parts.contains { if case .text(let t) = $0 { return !t.words.isEmpty } else { return false } }
    }
}
