import Foundation
import GRDB
import ParallaxCore
import XCTest
@testable import ParallaxStore

final class StoreTests: XCTestCase {
    private func build(_ roots: [String], reader: any CorpusReader = FixtureReader(),
                       into store: SQLiteCorpusStore? = nil) async throws -> (SQLiteCorpusStore, IndexReport) {
        let store = try store ?? SQLiteCorpusStore.inMemory()
        let report = try await Indexer(reader: reader, chunkSize: 2).update(store: store, roots: roots)
        return (store, report)
    }

    /// What the loader and the analysis compute in memory, without the index.
    private func inMemory(_ roots: [String], reader: any CorpusReader = FixtureReader()) throws -> Corpus {
        let listing = try reader.listFiles(roots: roots)
        var articles: [Article] = []
        var warnings = listing.warnings
        for f in listing.files {
            let r = reader.readFile(f)
            articles += r.articles
            warnings += r.warnings
        }
        return reader.analyze(articles: articles, warnings: warnings)
    }

    func testSampleCorpusRoundTripEqualsLoader() async throws {
        let (store, report) = try await build([], reader: LoaderCorpusReader())
        let expected = try CorpusLoader().load(paths: [])
        let stored = try store.loadCorpus()
        XCTAssertEqual(report.filesRead, 5)
        XCTAssertEqual(stored.articles, expected.articles)
        XCTAssertFalse(expected.actors.isEmpty)
        XCTAssertFalse(expected.events.isEmpty)
        XCTAssertNil(stored.firstDifference(from: expected))
    }

    func testFixtureRoundTripWithActorsAndEvents() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let expected = try inMemory([folder.path])
        XCTAssertFalse(expected.actors.isEmpty)
        XCTAssertFalse(expected.events.isEmpty)
        XCTAssertTrue(expected.actors.contains { !$0.quotes.isEmpty })
        let (store, _) = try await build([folder.path])
        let stored = try store.loadCorpus()
        XCTAssertNil(stored.firstDifference(from: expected))
        XCTAssertEqual(stored.warnings, expected.warnings.sorted())
        let stats = try store.stats()
        XCTAssertEqual(stats.articles, expected.articles.count)
        XCTAssertEqual(stats.actors, expected.actors.count)
        XCTAssertEqual(stats.mentions, expected.actors.reduce(0) { $0 + $1.mentions.count })
    }

    func testQueriesMatchInMemoryFilters() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let (store, _) = try await build([folder.path])
        let corpus = try store.loadCorpus()

        // Actor, by an alias, case-insensitively.
        let ryabkov = try store.summaries(ArticleQuery(actor: "RYABKOV")).map(\.id)
        let expected = corpus.articles.filter { $0.body.contains("Ryabkov") }.map(\.id)
        XCTAssertEqual(ryabkov, expected)
        XCTAssertFalse(ryabkov.isEmpty)

        // Outlet (part of the name) and dates agree with the in-memory evaluation of the same query.
        let memory = QueryIndex(corpus)
        for q in [ArticleQuery(outlet: "france"), ArticleQuery(outlet: "bloomberg"),
                  ArticleQuery(since: Day(iso: "2022-01-26"), until: Day(iso: "2022-01-26")),
                  ArticleQuery(since: Day(iso: "2022-01-11"))] {
            XCTAssertEqual(try store.summaries(q).map(\.id), memory.matches(q, user: UserData()).map { corpus.articles[$0].id },
                           "\(q)")
        }
        // Event.
        let event = try XCTUnwrap(corpus.events.first { $0.articles.count > 1 })
        // Articles that report it or mention it.
        let linked = event.articles + event.mentionedBy + corpus.primaryEvent.filter { $0.value == event.id }.map(\.key)
        XCTAssertEqual(Set(try store.summaries(ArticleQuery(event: event.id)).map(\.id)), Set(linked))

        // Full text: accent-insensitive, prefix of the last word, with a snippet; combined with a filter.
        let elysee = try store.summaries(ArticleQuery(text: "elysee"))
        XCTAssertEqual(elysee.count, 1)
        XCTAssertEqual(elysee.first?.outlet, "France 24")
        XCTAssertTrue(elysee.first?.snippet?.contains("[Élysée]") == true, elysee.first?.snippet ?? "nil")
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "talks contin")).count, 1)
        XCTAssertEqual(try store.summaries(ArticleQuery(outlet: "reuters", text: "geneva")).count, 1)
        XCTAssertEqual(try store.summaries(ArticleQuery(outlet: "cnbc", text: "geneva")).count, 0)
        // User input with FTS syntax is taken as words, not as a query language.
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "\"Paris\" ( -")).count, 1)
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "*")).count, 0)
    }

    func testChangedRulesReadEveryFileAgain() async throws {
        struct RulesReader: CorpusReader {
            var base = FixtureReader()
            var rules: String
            var rulesVersion: String { rules }
            func listFiles(roots: [String]) throws -> (files: [ListedFile], warnings: [String]) { try base.listFiles(roots: roots) }
            func readFile(_ file: ListedFile) -> (articles: [Article], warnings: [String]) { base.readFile(file) }
            func analyze(articles: [Article], warnings: [String]) -> Corpus { base.analyze(articles: articles, warnings: warnings) }
        }
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let store = try SQLiteCorpusStore.inMemory()
        func update(_ rules: String) async throws -> IndexReport {
            try await Indexer(reader: RulesReader(rules: rules), chunkSize: 2).update(store: store, roots: [folder.path])
        }
        let first = try await update("a")
        XCTAssertEqual(first.filesRead, 4)
        XCTAssertFalse(first.rulesChanged)
        XCTAssertEqual(try store.rulesVersion(), "a")
        let same = try await update("a")
        XCTAssertEqual(same.filesRead, 0)
        XCTAssertTrue(same.notes.isEmpty)
        // A user edited a data file: every file is read and analysed again, and the index says so.
        let changed = try await update("b")
        XCTAssertTrue(changed.rulesChanged)
        XCTAssertEqual(changed.filesRead, 4)
        XCTAssertTrue(changed.analysed)
        XCTAssertEqual(changed.notes.count, 1)
        XCTAssertEqual(try store.rulesVersion(), "b")
        let again = try await update("b")
        XCTAssertEqual(again.filesRead, 0)
    }

    func testIncrementalUpdateEqualsFreshBuild() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        let (store, first) = try await build([folder.path], into: SQLiteCorpusStore(path: path))
        XCTAssertEqual(first.added, 4)

        // Nothing changed: nothing read, no analysis.
        let again = try await Indexer(reader: FixtureReader()).update(store: store, roots: [folder.path])
        XCTAssertEqual(again.filesRead, 0)
        XCTAssertEqual(again.unchanged, 4)
        XCTAssertFalse(again.analysed)

        // Add, change, delete, touch without change, and edit the manifest.
        try folder.write("a/new.txt", "Olaf Scholz met Emmanuel Macron in Berlin on Friday. “We agree,” Olaf Scholz said.")
        try folder.write("a/geneva.md", """
            ---
            title: Geneva talks end
            outlet: Reuters
            published: 2022-01-11
            ---
            Wendy Sherman left Geneva after talks with Sergei Ryabkov.
            """)
        try FileManager.default.removeItem(atPath: folder.path + "/b/feed.jsonl")
        let paris = folder.path + "/a/paris.txt"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: paris)
        try folder.write("b/parallax-manifest.json", #"{"undated.txt": {"outlet": "Kyiv Independent"}}"#)

        let update = try await Indexer(reader: FixtureReader()).update(store: store, roots: [folder.path])
        XCTAssertEqual(update.added, 1)
        XCTAssertEqual(update.changed, 2)  // geneva.md and undated.txt (manifest)
        XCTAssertEqual(update.touched, 1)  // paris.txt: same bytes
        XCTAssertEqual(update.removed, 1)
        XCTAssertEqual(update.filesRead, 3)
        XCTAssertTrue(update.analysed)

        let (fresh, _) = try await build([folder.path])
        XCTAssertNil(try store.loadCorpus().firstDifference(from: try fresh.loadCorpus()))
        XCTAssertEqual(try store.stats().mentions, try fresh.stats().mentions)
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "independent")).count, 0)
        XCTAssertEqual(try store.summaries(ArticleQuery(outlet: "kyiv independent")).count, 1)
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "markets")).count, 0)
        XCTAssertEqual(try store.summaries(ArticleQuery(actor: "scholz")).count, 1)
        XCTAssertEqual(try store.fileStates().count, 4)
    }

    func testIncrementalWithTheRealAnalysisEqualsFreshBuild() async throws {
        let folder = try TempFolder()
        let sample = try XCTUnwrap(ResourceFiles.sampleCorpus)
        let names = try FileManager.default.contentsOfDirectory(atPath: sample.path).sorted()
        for name in names {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let reader = LoaderCorpusReader()
        let (store, _) = try await build([folder.path], reader: reader)
        let articleFiles = names.filter { $0.hasSuffix(".txt") }
        // Change one story, drop another, add a new one that names people of the others.
        let changed = folder.path + "/" + articleFiles[0]
        try (String(contentsOfFile: changed, encoding: .utf8)
             + "\n\nDmitry Kozak told reporters on Wednesday that the talks in Paris would resume in Berlin.\n")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder.path + "/" + articleFiles[3])
        try folder.write("005_new.txt", """
            ---
            title: Kozak and Yermak to meet again in Berlin
            outlet: Deutsche Welle
            published: 2022-02-10
            ---
            Andriy Yermak and Dmitry Kozak met in Berlin on Thursday for talks in the Normandy format. “The talks were difficult,” Kozak said.
            """)
        let report = try await Indexer(reader: reader).update(store: store, roots: [folder.path])
        XCTAssertEqual(report.filesRead, 2)
        XCTAssertEqual(report.removed, 1)
        let (fresh, _) = try await build([folder.path], reader: reader)
        let expected = try fresh.loadCorpus()
        XCTAssertTrue(expected.actors.contains { $0.name.contains("Kozak") })
        XCTAssertNil(try store.loadCorpus().firstDifference(from: expected))
        XCTAssertEqual(try store.stats(), try fresh.stats())
        // And both equal the loader's own result.
        XCTAssertNil(expected.firstDifference(from: try CorpusLoader().load(paths: [folder.path])))
    }

    /// The per-article extraction cache (schema v3): an update re-extracts and reads only what changed,
    /// a new extractor version or a damaged cache row costs a re-extraction, and every state equals a
    /// fresh build and the loader's own result.
    func testExtractionCacheKeepsUpdatesEqualToFreshBuilds() async throws {
        let folder = try TempFolder()
        let sample = try XCTUnwrap(ResourceFiles.sampleCorpus)
        let names = try FileManager.default.contentsOfDirectory(atPath: sample.path).sorted()
        for name in names {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        let reader = LoaderCorpusReader()
        let (store, first) = try await build([folder.path], reader: reader, into: SQLiteCorpusStore(path: path))
        XCTAssertEqual(first.extractionsReused, 0)
        XCTAssertEqual(first.bodiesLoaded, 5)
        func cachedRows() throws -> Int {
            try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article_extract") ?? 0 }
        }
        XCTAssertEqual(try cachedRows(), 5)
        func assertEqualsFresh(_ line: UInt = #line) async throws {
            let (fresh, _) = try await build([folder.path], reader: reader)
            let expected = try fresh.loadCorpus()
            XCTAssertNil(try store.loadCorpus().firstDifference(from: expected), line: line)
            var stats = try store.stats()
            stats.bytes = nil  // on disk here, in memory there
            XCTAssertEqual(stats, try fresh.stats(), line: line)
            XCTAssertNil(expected.firstDifference(from: try CorpusLoader().load(paths: [folder.path])), line: line)
        }

        // Change one story, delete another, add one: only the changed and the new are extracted.
        let articleFiles = names.filter { $0.hasSuffix(".txt") }
        let changed = folder.path + "/" + articleFiles[1]
        try (String(contentsOfFile: changed, encoding: .utf8)
             + "\n\nSergei Lavrov told reporters on Thursday that he would meet Antony Blinken in Geneva.\n")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder.path + "/" + articleFiles[2])
        try folder.write("005_new.txt", """
            ---
            title: Blinken and Lavrov to meet in Geneva
            outlet: Deutsche Welle
            published: 2022-01-20
            ---
            Antony Blinken and Sergei Lavrov will meet in Geneva on Friday for talks. “We are ready,” Lavrov said.
            """)
        let update = try await Indexer(reader: reader).update(store: store, roots: [folder.path])
        XCTAssertEqual(update.filesRead, 2)
        XCTAssertEqual(update.extractionsReused, 3)
        XCTAssertGreaterThanOrEqual(update.bodiesLoaded, 2)
        XCTAssertEqual(try cachedRows(), 5)  // the deleted and the replaced article took their rows along
        try await assertEqualsFresh()

        // Nothing changed: no analysis at all.
        let idle = try await Indexer(reader: reader).update(store: store, roots: [folder.path])
        XCTAssertFalse(idle.analysed)

        // Another extractor version (or data files, or build): everything is extracted again.
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE meta SET value = 'an-older-extractor' WHERE key = 'extract_version'")
        }
        let reextracted = try await Indexer(reader: reader).update(store: store, roots: [folder.path])
        XCTAssertTrue(reextracted.analysed)
        XCTAssertEqual(reextracted.filesRead, 0)
        XCTAssertEqual(reextracted.extractionsReused, 0)
        XCTAssertEqual(reextracted.bodiesLoaded, 5)
        XCTAssertEqual(try store.extractionVersion(), ArticleExtraction.version + "-" + ExecutableStamp.current)
        try await assertEqualsFresh()

        // A damaged cache row is extracted again, not trusted.
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE article_extract SET base = x'05ff' WHERE seq = (SELECT min(seq) FROM article_extract)")
        }
        try (String(contentsOfFile: changed, encoding: .utf8) + "\nThe talks ended without agreement.\n")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        let repaired = try await Indexer(reader: reader).update(store: store, roots: [folder.path])
        XCTAssertEqual(repaired.filesRead, 1)
        XCTAssertEqual(repaired.extractionsReused, 3)
        try await assertEqualsFresh()
    }

    func testCorruptedIndexIsMovedAsideAndRebuilt() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        do {
            let opened = try IndexOpener.open(.cache(path))
            XCTAssertEqual(opened.messages, [])
            _ = try await build([folder.path], into: opened.store)
        }
        // Truncated: half of the file.
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(data.count, 8192)
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        var opened = try IndexOpener.open(.cache(path))
        XCTAssertEqual(opened.messages.count, 1)
        XCTAssertTrue(opened.messages[0].contains("truncated") && opened.messages[0].contains("moved aside"), opened.messages[0])
        XCTAssertEqual(try opened.store.stats().articles, 0)
        let rebuilt = try await Indexer(reader: FixtureReader()).update(store: opened.store, roots: [folder.path])
        XCTAssertEqual(rebuilt.added, 4)
        let moved = try FileManager.default.contentsOfDirectory(atPath: db.path).filter { $0.contains(".broken-") }
        XCTAssertFalse(moved.isEmpty)

        // Garbage over the header.
        opened = try IndexOpener.open(.memory)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        // The same bytes at a path the user named are not known to be Parallax's: refused, untouched.
        XCTAssertThrowsError(try IndexOpener.open(.file(path))) { XCTAssertTrue($0 is IndexOpener.Refused) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data(repeating: 0x41, count: 4096))
        opened = try IndexOpener.open(.cache(path))
        XCTAssertEqual(opened.messages.count, 1)
        XCTAssertTrue(opened.messages[0].contains("not an SQLite database"), opened.messages[0])
        XCTAssertNotNil(opened.store.path)
    }

    func testUnwritableCacheFolderFallsBackToMemory() throws {
        let db = try TempFolder()
        // A file where the folder should be: the folder cannot be created (this also holds for root,
        // which permission bits do not stop).
        let blocker = try db.write("blocker", "x")
        let opened = try IndexOpener.open(.file(blocker + "/parallax/index.sqlite"))
        XCTAssertNil(opened.store.path)
        XCTAssertEqual(opened.messages.count, 1)
        XCTAssertTrue(opened.messages[0].hasPrefix("warning:") && opened.messages[0].contains("--no-index"))
    }

    func testNewerSchemaIsRebuiltWithOneMessage() throws {
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = Schema.migrator
            migrator.registerMigration("v999-from-the-future") { db in
                try db.execute(sql: "CREATE TABLE future (x INTEGER)")
            }
            try migrator.migrate(queue)
            try queue.close()
        }
        let opened = try IndexOpener.open(.file(path))
        XCTAssertEqual(opened.messages.count, 1)
        XCTAssertTrue(opened.messages[0].contains("newer schema"), opened.messages[0])
        XCTAssertEqual(try opened.store.stats().articles, 0)
    }

    func testCorpusOrderFollowsFilesThatMoveInTheListing() async throws {
        let folder = try TempFolder()
        try folder.write("m/1.txt", "---\ntitle: One\n---\nThe first story of the day.")
        try folder.write("m/2.txt", "---\ntitle: Two\n---\nThe second story of the day.")
        let (store, _) = try await build([folder.path])
        XCTAssertEqual(try store.summaries(ArticleQuery()).map(\.title), ["One", "Two"])
        // A new file listed first moves the others down: only its own text is read, yet the order of
        // every row follows (the rows keep their files' positions through a trigger).
        try folder.write("m/0.txt", "---\ntitle: Zero\n---\nAn earlier story.")
        let report = try await Indexer(reader: FixtureReader(), chunkSize: 2).update(store: store, roots: [folder.path])
        XCTAssertEqual(report.filesRead, 1)
        XCTAssertEqual(try store.summaries(ArticleQuery()).map(\.title), ["Zero", "One", "Two"])
        XCTAssertEqual(try store.loadArticles(includeRaw: false).map(\.title), ["Zero", "One", "Two"])
        let order = try store.browseRows().sorted { $0.corpusOrder < $1.corpusOrder }.map(\.seq)
        let titles = try order.map { try store.article(seq: $0)?.title }
        XCTAssertEqual(titles, ["Zero", "One", "Two"])
    }

    func testOlderSchemaIsRebuiltWithOneMessageAndReadAgain() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v1")
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO source_file (path, position, meta_key, size, mtime_ns, hash) VALUES ('x', 0, '', 1, 1, 'h')")
            }
            try queue.close()
        }
        let opened = try IndexOpener.open(.file(path))
        XCTAssertEqual(opened.messages.count, 1)
        XCTAssertTrue(opened.messages[0].contains("schema v1 is out of date, rebuilt as v\(Schema.version)"), opened.messages[0])
        let report = try await Indexer(reader: FixtureReader()).update(store: opened.store, roots: [folder.path])
        XCTAssertEqual(report.added, 4)
        XCTAssertEqual(report.removed, 0)
        // Opening again says nothing.
        XCTAssertEqual(try IndexOpener.open(.file(path)).messages, [])
    }

    func testSearchRanksTitleHitsFirstAndSnippetsEveryRow() async throws {
        let folder = try TempFolder()
        for i in 0..<30 {
            try folder.write(String(format: "body-%02d.txt", i), "---\ntitle: Report \(i)\n---\nThe harbour reopened after the storm, officials said on day \(i).")
        }
        try folder.write("zz-title.txt", "---\ntitle: Harbour news\n---\nShips came back to port after the weather cleared.")
        let (store, _) = try await build([folder.path])
        let hits = try store.summaries(ArticleQuery(text: "harb"))
        XCTAssertEqual(hits.count, 31)
        XCTAssertEqual(hits.first?.title, "Harbour news")
        XCTAssertTrue(hits.allSatisfy { $0.snippet?.contains("[") == true })
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "harbour", limit: 5)).count, 5)
    }

    func testSearchMatchingTooManyToRankListsThemInIndexOrder() async throws {
        let folder = try TempFolder()
        for i in 0..<12 {
            try folder.write(String(format: "a-%02d.txt", i), "---\ntitle: Report \(i)\n---\nThe harbour reopened on day \(i).")
        }
        try folder.write("zz.txt", "---\ntitle: Harbour news\n---\nShips came back to port.")
        let (store, _) = try await build([folder.path])
        // Under the cap: ranked, the title hit first.
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "harb"), rankedMatchLimit: 20).first?.title, "Harbour news")
        // Over it: every match still listed, in the order the index holds them, snippets included.
        let unranked = try store.summaries(ArticleQuery(text: "harb"), rankedMatchLimit: 5)
        XCTAssertEqual(Set(unranked.map(\.id)), Set(try store.summaries(ArticleQuery(text: "harb")).map(\.id)))
        XCTAssertEqual(unranked.count, 13)
        XCTAssertTrue(unranked.allSatisfy { $0.snippet?.contains("[") == true })
        let seqs = try await store.writer.read { db in
            try unranked.map { try Int.fetchOne(db, sql: "SELECT seq FROM article WHERE id = ?", arguments: [$0.id]) ?? -1 }
        }
        XCTAssertEqual(seqs, seqs.sorted())
        // A page of them is the head of the same order.
        XCTAssertEqual(try store.summaries(ArticleQuery(text: "harb", limit: 3), rankedMatchLimit: 5).map(\.id),
                       unranked.prefix(3).map(\.id))
    }

    func testTwoPoolsOnOneFileBothWork() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        let a = try SQLiteCorpusStore(path: path)
        let b = try SQLiteCorpusStore(path: path)
        let mode = try await a.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        // Both index at the same time; the busy timeout serialises their transactions.
        let root = folder.path
        async let ra = Indexer(reader: FixtureReader(), chunkSize: 1).update(store: a, roots: [root])
        async let rb = Indexer(reader: FixtureReader(), chunkSize: 1).update(store: b, roots: [root])
        _ = try await (ra, rb)
        XCTAssertNil(try a.loadCorpus().firstDifference(from: try b.loadCorpus()))
        XCTAssertEqual(try b.stats().articles, 5)
        // A reader sees what the other writer committed.
        try folder.write("c/late.txt", "Late news about Olaf Scholz in Berlin.")
        _ = try await Indexer(reader: FixtureReader()).update(store: a, roots: [folder.path])
        XCTAssertEqual(try b.summaries(ArticleQuery(actor: "olaf scholz")).count, 1)
    }

    func testRunsRestoreAnyOrderOfPerArticleItems() {
        // An analysis may order an actor's mentions by article id, by position, or interleave them.
        let order = [("b", "b0"), ("a", "a0"), ("a", "a1"), ("b", "b1"), ("c", "c0"), ("a", "a2")]
        let runs = Runs.encode(order.map(\.0))
        var counters: [String: Int] = [:]
        var rows: [(String, Int, String)] = order.map { a, v in
            let n = counters[a, default: 0]
            counters[a] = n + 1
            return (a, n, v)
        }
        rows.reverse()  // rows come back from SQL in any order
        XCTAssertEqual(Runs.arrange(rows, runs: runs), order.map(\.1))
        // Without runs (an inconsistent index), nothing is lost.
        XCTAssertEqual(Set(Runs.arrange(rows, runs: nil)), Set(order.map(\.1)))
    }

    func testWordCountMatchesTheModel() {
        for text in ["", "one", "  two  words ", "tab\tand\nnewline", "non\u{00A0}breaking and\u{2003}em space",
                     "Зеленський сказав «так»", "\u{1F600} emoji"] {
            let a = Article(id: "x", path: "x", format: .text, rawText: text, body: text, title: nil, outlet: nil,
                            outletSource: .none, published: nil, url: nil, sources: [], removed: [], truncated: false)
            XCTAssertEqual(SQLiteCorpusStore.wordCount(text), a.wordCount, text)
        }
    }

    func testIndexLocationIsPerCanonicalRoot() throws {
        let env = ["XDG_CACHE_HOME": "/tmp/xdg", "HOME": "/home/u"]
        let p1 = IndexLocation.defaultPath(roots: ["/tmp/x/../corpus"], environment: env)
        let p2 = IndexLocation.defaultPath(roots: ["/tmp/corpus/"], environment: env)
        let p3 = IndexLocation.defaultPath(roots: ["/tmp/other"], environment: env)
        XCTAssertEqual(p1, p2)
        XCTAssertNotEqual(p1, p3)
        XCTAssertTrue(p1.hasPrefix("/tmp/xdg/parallax/index-"))
        XCTAssertTrue(IndexLocation.defaultPath(roots: ["/c"], environment: ["HOME": "/home/u"])
            .hasPrefix("/home/u/.cache/parallax/"))
    }
}
