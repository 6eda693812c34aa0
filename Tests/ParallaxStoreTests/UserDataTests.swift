import Foundation
import GRDB
import ParallaxCore
import XCTest
@testable import ParallaxStore

/// Marks, tags and read state are the user's: an update, a rebuild (every file read again), changed
/// rules (every file re-read and re-analysed), a file rewritten and reopening the index keep them.
final class UserDataTests: XCTestCase {
    struct RulesReader: CorpusReader {
        var base = FixtureReader()
        var rules: String
        var rulesVersion: String { rules }
        func listFiles(roots: [String]) throws -> (files: [ListedFile], warnings: [String]) { try base.listFiles(roots: roots) }
        func readFile(_ file: ListedFile) -> (articles: [Article], warnings: [String]) { base.readFile(file) }
        func analyze(articles: [Article], warnings: [String]) -> Corpus { base.analyze(articles: articles, warnings: warnings) }
    }

    func testUserDataSurvivesRebuildRulesChangeAndReopening() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        var store = try SQLiteCorpusStore(path: path)
        func update(_ rules: String = "a") async throws -> IndexReport {
            try await Indexer(reader: RulesReader(rules: rules), chunkSize: 2).update(store: store, roots: [folder.path])
        }
        _ = try await update()
        let ids = try store.loadArticles(includeRaw: false).map(\.id)
        XCTAssertTrue(ids.count >= 3)
        try store.apply(.mark([ids[0], ids[2]], true))
        try store.apply(.tag([ids[1]], "To check", true))
        try store.apply(.tag([ids[1]], "to CHECK", true))  // the same tag, folded: one row
        try store.apply(.tag([ids[2]], "Élysée", true))
        try store.apply(.read([ids[0]], true))
        let before = try store.userData()
        XCTAssertEqual(before.marked, [ids[0], ids[2]])
        XCTAssertEqual(before.tags[ids[1]], ["to CHECK"])
        XCTAssertEqual(before.read, [ids[0]])
        func found(_ q: String) throws -> Set<String> { Set(try store.articleIDs(matching: ArticleQuery(parsing: q))) }
        XCTAssertEqual(try found("is:marked"), [ids[0], ids[2]])
        XCTAssertEqual(try found("tag:\"to check\""), [ids[1]])
        XCTAssertEqual(try found("tag:elysee"), [ids[2]])
        XCTAssertEqual(try found("is:unread"), Set(ids).subtracting([ids[0]]))

        // Rebuild: every file dropped and read again.
        try store.discardIndexedFiles()
        XCTAssertEqual(try store.loadArticles(includeRaw: false).count, 0)
        let rebuilt = try await update()
        XCTAssertEqual(rebuilt.filesRead, 4)
        XCTAssertEqual(try store.userData(), before)
        XCTAssertEqual(try found("is:marked"), [ids[0], ids[2]])

        // Changed rules: every file re-read and re-analysed.
        let changed = try await update("b")
        XCTAssertTrue(changed.rulesChanged)
        XCTAssertEqual(try store.userData(), before)

        // Reopened from disk (migrations already applied).
        store.close()
        store = try SQLiteCorpusStore(path: path)
        XCTAssertEqual(try store.userData(), before)
        XCTAssertEqual(try found("tag:\"TO check\" OR is:marked"), [ids[0], ids[1], ids[2]])

        // Unmarking and untagging.
        try store.apply(.mark([ids[0]], false))
        try store.apply(.tag([ids[1]], "to check", false))
        XCTAssertEqual(try found("is:marked"), [ids[2]])
        XCTAssertEqual(try found("tag:\"to check\""), [])
    }

    /// An index of the previous schema gains the table and keeps its data (a migration, not a rebuild).
    func testMigrationFromV5AddsTheTable() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        let store = try SQLiteCorpusStore(path: path)
        _ = try await Indexer(reader: FixtureReader(), chunkSize: 2).update(store: store, roots: [folder.path])
        let articles = try store.loadArticles(includeRaw: false).count
        try await store.writer.write { db in
            try db.execute(sql: "DROP TABLE user_data")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6-user-data'")
        }
        store.close()
        let reopened = try SQLiteCorpusStore(path: path)
        XCTAssertEqual(reopened.migrationsApplied, ["v6-user-data"])
        XCTAssertEqual(try reopened.loadArticles(includeRaw: false).count, articles)
        XCTAssertEqual(try reopened.userData(), UserData())
    }

    /// An index moved aside (here: written by a newer schema) hands its user data to the new one.
    func testUserDataIsKeptWhenTheIndexIsMovedAside() async throws {
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = Schema.migrator
            migrator.registerMigration("v999-from-the-future") { db in
                try db.execute(sql: "CREATE TABLE future (x INTEGER)")
            }
            try migrator.migrate(queue)
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO user_data (article_id, kind, key, value, at) VALUES
                        ('a1', 'mark', '', '', '2026-01-01'), ('a2', 'tag', 'check', 'Check', '2026-01-01')
                    """)
            }
            try queue.close()
        }
        let opened = try IndexOpener.open(.file(path))
        XCTAssertEqual(opened.messages.count, 1, "one line: \(opened.messages)")
        XCTAssertTrue(opened.messages[0].contains("newer schema"), opened.messages[0])
        XCTAssertTrue(opened.messages[0].hasSuffix("and rebuilt; kept its 2 marks/tags/read states"), opened.messages[0])
        let kept = try opened.store.userData()
        XCTAssertEqual(kept.marked, ["a1"])
        XCTAssertEqual(kept.tags["a2"], ["Check"])
        XCTAssertEqual(try opened.store.stats().articles, 0, "the derived data is rebuilt, not copied")
    }
}
