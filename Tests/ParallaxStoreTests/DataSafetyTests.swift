import Foundation
import GRDB
import ParallaxCore
import XCTest
@testable import ParallaxStore

/// Issue 14, points 2–5: busy is not broken, damage is repaired, an interrupted build resumes, and
/// ids survive moves. Each index here is a real file (WAL), as the CLI's.
final class DataSafetyTests: XCTestCase {
    private struct Stop: Error {}

    /// `count` small articles in four folders, naming a few people each.
    private func writeCorpus(_ folder: TempFolder, count: Int) throws {
        let people = ["Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Sergei Lavrov", "Antony Blinken"]
        let places = ["Paris", "Geneva", "Berlin", "Oslo"]
        for i in 0..<count {
            let a = people[i % people.count], b = people[(i / 3) % people.count], p = places[i % places.count]
            try folder.write("f\(i % 4)/art\(i).txt", """
                Talks in \(p), report \(i)

                \(a) met \(b) in \(p) on Monday. “We made progress,” \(a) said of report \(i).
                """)
        }
    }

    private func indexPath(_ db: TempFolder) -> String { db.url.appendingPathComponent("index.sqlite").path }

    private func fresh(_ roots: [String], reader: any CorpusReader = FixtureReader()) async throws -> (SQLiteCorpusStore, TempFolder) {
        let db = try TempFolder()
        let store = try SQLiteCorpusStore(path: indexPath(db))
        _ = try await Indexer(reader: reader, chunkSize: 3).update(store: store, roots: roots)
        return (store, db)
    }

    /// Random bytes (seeded) over the middle half of the file's pages; page 1 (the header) is kept.
    private func overwriteMiddlePages(_ path: String) throws {
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        let pageSize = 4096
        let pages = size / pageSize
        XCTAssertGreaterThan(pages, 8)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for page in (pages / 4)..<(3 * pages / 4) {
            var bytes = [UInt8](repeating: 0, count: pageSize)
            for i in bytes.indices {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[i] = UInt8(truncatingIfNeeded: seed >> 33)
            }
            try handle.seek(toOffset: UInt64(page * pageSize))
            handle.write(Data(bytes))
        }
    }

    /// What the CLI's load path does: update, then read everything; damage met on the way moves the
    /// index aside and starts over once (`IndexedLoading.withIndex`).
    private func loadRepairing(_ opened: IndexOpener.Opened, roots: [String]) async throws -> (Corpus, [String], SQLiteCorpusStore) {
        var store = opened.store
        var messages = opened.messages
        for attempt in 0..<2 {
            do {
                _ = try await Indexer(reader: FixtureReader(), chunkSize: 3).update(store: store, roots: roots)
                return (try store.loadCorpus(), messages, store)
            } catch where attempt == 0 && SQLiteCorpusStore.isDamage(error) {
                let again = try IndexOpener.replaceDamaged(store, because: error)
                messages += again.messages
                store = again.store
            }
        }
        throw Stop()
    }

    private func brokenCopies(in db: TempFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: db.path).filter { $0.contains(".broken-") }
    }

    // MARK: - 3. Damage detected and repaired

    func testOverwrittenDataPagesAreFoundByAQueryMovedAsideAndRebuilt() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 300)
        let (expected, _) = try await fresh([folder.path])
        let db = try TempFolder()
        let path = indexPath(db)
        do {
            let store = try SQLiteCorpusStore(path: path)
            _ = try await Indexer(reader: FixtureReader()).update(store: store, roots: [folder.path])
            store.close()
        }
        try overwriteMiddlePages(path)
        let opened = try IndexOpener.open(.cache(path))
        let (corpus, messages, _) = try await loadRepairing(opened, roots: [folder.path])
        XCTAssertEqual(messages.count, 1, "\(messages)")
        XCTAssertTrue(messages.first?.contains("damaged") == true && messages.first?.contains("moved aside") == true,
                      "\(messages)")
        XCTAssertEqual(try brokenCopies(in: db).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.count, 1)
        XCTAssertNil(corpus.firstDifference(from: try expected.loadCorpus()))
    }

    func testMainFileTruncatedNextToAWALIsMovedAsideAndRebuilt() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 300)
        let (expected, _) = try await fresh([folder.path])
        let db = try TempFolder()
        let path = indexPath(db)
        // A WAL left behind (no checkpoint), as after a kill: a copy of the open files.
        let store = try SQLiteCorpusStore(path: path)
        _ = try await Indexer(reader: FixtureReader()).update(store: store, roots: [folder.path])
        try await store.writer.writeWithoutTransaction { db in
            // The pages in the main file, then changes to many of them only in the WAL.
            try db.checkpoint(.truncate)
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            try db.execute(sql: "UPDATE article SET words = words + 1")
            try db.execute(sql: "UPDATE article SET words = words - 1")
        }
        let copy = try TempFolder()
        let copied = indexPath(copy)
        try FileManager.default.copyItem(atPath: path, toPath: copied)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copied + "-wal")
        store.close()
        XCTAssertGreaterThan((try FileManager.default.attributesOfItem(atPath: copied + "-wal")[.size] as? Int) ?? 0, 0)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: copied)[.size] as? Int)
        try XCTUnwrap(FileHandle(forUpdatingAtPath: copied)).truncate(atOffset: UInt64(size / 2))

        let opened = try IndexOpener.open(.cache(copied))
        let (corpus, messages, _) = try await loadRepairing(opened, roots: [folder.path])
        XCTAssertEqual(messages.count, 1, "\(messages)")
        XCTAssertTrue(messages.first?.contains("moved aside") == true, "\(messages)")
        XCTAssertNil(corpus.firstDifference(from: try expected.loadCorpus()))
    }

    func testAnUnfinishedUpdateIsQuickCheckedOnOpen() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 300)
        let db = try TempFolder()
        let path = indexPath(db)
        do {
            let store = try SQLiteCorpusStore(path: path)
            _ = try await Indexer(reader: FixtureReader()).update(store: store, roots: [folder.path])
            store.close()
        }
        // A sound index opens without a word, even after an unfinished update.
        do {
            let store = try SQLiteCorpusStore(path: path)
            try store.beginBuild()
            store.close()
            let opened = try IndexOpener.open(.cache(path))
            XCTAssertEqual(opened.messages, [])
            XCTAssertEqual(try opened.store.stats().articles, 300)
            opened.store.close()
        }
        // Damage behind an unfinished update is found on open, before any query meets it.
        try overwriteMiddlePages(path)
        let opened = try IndexOpener.open(.cache(path))
        XCTAssertEqual(opened.messages.count, 1, "\(opened.messages)")
        XCTAssertTrue(opened.messages.first?.contains("damaged") == true, "\(opened.messages)")
        XCTAssertEqual(try opened.store.stats().articles, 0)
    }

    // MARK: - 2. Busy is not broken

    func testABusyIndexNamesItsHolderAndIsNeverMovedAside() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 20)
        let db = try TempFolder()
        let path = indexPath(db)
        let writer = try SQLiteCorpusStore(path: path)
        _ = try await Indexer(reader: FixtureReader()).update(store: writer, roots: [folder.path])
        let lock = try XCTUnwrap(IndexLock.tryAcquire(index: path))
        XCTAssertEqual(IndexLock.holder(index: path), getpid())
        XCTAssertNil(IndexLock.tryAcquire(index: path), "a second update must not take the lock")

        // A write transaction held for 1.5 s: another connection's write gives up after its wait as
        // busy; reads go on (WAL) meanwhile.
        let other = try SQLiteCorpusStore(path: path, busy: BusyWait(seconds: 0.3))
        let started = DispatchSemaphore(value: 0)
        let holding = Thread {
            try? writer.writer.write { db in
                try db.execute(sql: "UPDATE meta SET value = value")
                started.signal()
                Thread.sleep(forTimeInterval: 1.5)
            }
        }
        holding.start()
        started.wait()
        let t0 = Date()
        XCTAssertThrowsError(try other.setRulesVersion("x")) { XCTAssertTrue(SQLiteCorpusStore.isBusy($0), "\($0)") }
        XCTAssertLessThan(Date().timeIntervalSince(t0), 1.2)
        XCTAssertEqual(try other.stats().articles, 20)
        XCTAssertEqual(try other.summaries(ArticleQuery(text: "progress")).count, 20)

        // Looking damaged while someone updates it: left alone, and the error names the process.
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100)
        XCTAssertThrowsError(try IndexOpener.replaceDamaged(other, because: StoreError.corrupt("test"))) { error in
            let busy = error as? IndexOpener.Busy
            XCTAssertNotNil(busy)
            XCTAssertTrue(busy?.description.contains("process \(getpid())") == true, "\(error)")
        }
        XCTAssertEqual(try brokenCopies(in: db), [])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100), header)
        withExtendedLifetime(lock) {}
        while holding.isExecuting { try await Task.sleep(nanoseconds: 50_000_000) }
    }

    func testTwoIndexersAndAReaderOnOneIndex() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 240)
        let (expected, _) = try await fresh([folder.path])
        let db = try TempFolder()
        let path = indexPath(db)
        let a = try SQLiteCorpusStore(path: path)
        let b = try SQLiteCorpusStore(path: path)
        let reader = try SQLiteCorpusStore(path: path, busy: BusyWait(seconds: 2))
        let root = folder.path
        // Each update under the index lock, as the CLI and the TUI take it.
        @Sendable func update(_ store: SQLiteCorpusStore) async throws -> IndexReport {
            let lock = try await IndexLock.acquire(index: path)
            XCTAssertNotNil(lock)
            let r = try await Indexer(reader: FixtureReader(), chunkSize: 4).update(store: store, roots: [root])
            withExtendedLifetime(lock) {}
            return r
        }
        let stop = LockedFlag()
        let readerTask = Task.detached { () -> (reads: Int, failures: [String]) in
            var reads = 0
            var failures: [String] = []
            while !stop.isSet {
                do {
                    _ = try reader.summaries(ArticleQuery(limit: 50))
                    _ = try reader.stats()
                    reads += 1
                } catch {
                    failures.append("\(error)")
                }
            }
            return (reads, failures)
        }
        async let ra = update(a)
        async let rb = update(b)
        let (first, second) = try await (ra, rb)
        stop.set()
        let readerResult = await readerTask.value
        XCTAssertEqual(readerResult.failures, [])
        XCTAssertGreaterThan(readerResult.reads, 0)
        // The one that waited found everything read.
        XCTAssertEqual(first.filesRead + second.filesRead, 240)
        XCTAssertEqual(min(first.filesRead, second.filesRead), 0)
        XCTAssertNil(try a.loadCorpus().firstDifference(from: try expected.loadCorpus()))
        XCTAssertNil(try b.loadCorpus().firstDifference(from: try expected.loadCorpus()))
    }

    func testAnalysisIsWrittenInShortTransactions() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 250)
        let db = try TempFolder()
        let path = indexPath(db)
        let store = try SQLiteCorpusStore(writer: DatabasePool(path: path, configuration: SQLiteCorpusStore.configuration()),
                                          path: path, rowsPerTransaction: 40)
        var commits = 0
        store.writer.add(transactionObserver: CommitCounter { commits += 1 }, extent: .databaseLifetime)
        let report = try await Indexer(reader: FixtureReader(), chunkSize: 64).update(store: store, roots: [folder.path])
        XCTAssertEqual(report.analysisRewrote, 250)
        // 4 chunks of files, and the analysis's rows for 250 articles in 7 transactions of 40, not one.
        XCTAssertGreaterThanOrEqual(commits, 4 + 7 + 2)
        XCTAssertTrue(try store.analysisIsCurrent())
    }

    // MARK: - 4. Crash-safe build

    private struct RulesReader: CorpusReader {
        var base = FixtureReader()
        var rules: String
        var rulesVersion: String { rules }
        func listFiles(roots: [String]) throws -> (files: [ListedFile], warnings: [String]) { try base.listFiles(roots: roots) }
        func readFile(_ file: ListedFile) -> (articles: [Article], warnings: [String]) { base.readFile(file) }
        func analyze(articles: [Article], warnings: [String]) -> Corpus { base.analyze(articles: articles, warnings: warnings) }
    }

    func testAnInterruptedFirstBuildKeepsItsCommittedChunks() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 60)
        let (expected, _) = try await fresh([folder.path], reader: RulesReader(rules: "r1"))
        let db = try TempFolder()
        let store = try SQLiteCorpusStore(path: indexPath(db))
        var interrupted = Indexer(reader: RulesReader(rules: "r1"), chunkSize: 5, workers: 1)
        interrupted.chunkCommitted = { n in if n == 3 { throw Stop() } }
        do {
            _ = try await interrupted.update(store: store, roots: [folder.path])
            XCTFail("the update should have stopped")
        } catch is Stop {}
        let committed = try store.fileStates().count
        XCTAssertEqual(committed, 15)
        XCTAssertEqual(try store.rulesVersion(), "r1")
        XCTAssertTrue(try store.buildInProgress())

        let resumed = try await Indexer(reader: RulesReader(rules: "r1"), chunkSize: 5).update(store: store, roots: [folder.path])
        XCTAssertFalse(resumed.rulesChanged)
        XCTAssertEqual(resumed.filesRead, 60 - committed)
        XCTAssertEqual(resumed.notes.count, 1)
        XCTAssertTrue(resumed.notes.first?.contains("interrupted") == true, "\(resumed.notes)")
        XCTAssertFalse(try store.buildInProgress())
        XCTAssertNil(try store.loadCorpus().firstDifference(from: try expected.loadCorpus()))
        let again = try await Indexer(reader: RulesReader(rules: "r1")).update(store: store, roots: [folder.path])
        XCTAssertEqual(again.filesRead, 0)
        XCTAssertEqual(again.notes, [])
    }

    func testAnInterruptedRereadUnderNewRulesResumesUnderThem() async throws {
        let folder = try TempFolder()
        try writeCorpus(folder, count: 40)
        let (expected, _) = try await fresh([folder.path], reader: RulesReader(rules: "r2"))
        let db = try TempFolder()
        let store = try SQLiteCorpusStore(path: indexPath(db))
        _ = try await Indexer(reader: RulesReader(rules: "r1")).update(store: store, roots: [folder.path])
        var interrupted = Indexer(reader: RulesReader(rules: "r2"), chunkSize: 5, workers: 1)
        interrupted.chunkCommitted = { n in if n == 2 { throw Stop() } }
        do {
            let r = try await interrupted.update(store: store, roots: [folder.path])
            XCTFail("the update should have stopped: \(r)")
        } catch is Stop {}
        // The files not re-read yet are stale, not "unchanged under r2".
        let resumed = try await Indexer(reader: RulesReader(rules: "r2"), chunkSize: 5).update(store: store, roots: [folder.path])
        XCTAssertFalse(resumed.rulesChanged)
        XCTAssertEqual(resumed.filesRead, 40 - 10)
        XCTAssertNil(try store.loadCorpus().firstDifference(from: try expected.loadCorpus()))
    }

    // MARK: - 5. Stable ids

    func testMovedFoldersKeepTheirIdsAsAFreshBuildGivesThem() async throws {
        let folder = try TempFolder()
        try Fixtures.writeCorpus(in: folder)
        try writeCorpus(folder, count: 12)
        let db = try TempFolder()
        let store = try SQLiteCorpusStore(path: indexPath(db))
        _ = try await Indexer(reader: FixtureReader(), chunkSize: 2).update(store: store, roots: [folder.path])
        let before = try store.loadCorpus()
        let fm = FileManager.default
        // Folders moved (one under another, one renamed), then a file moved between folders.
        try fm.createDirectory(at: folder.url.appendingPathComponent("archive"), withIntermediateDirectories: true)
        try fm.moveItem(at: folder.url.appendingPathComponent("a"), to: folder.url.appendingPathComponent("archive/a-moved"))
        try fm.moveItem(at: folder.url.appendingPathComponent("f1"), to: folder.url.appendingPathComponent("g1"))
        let moved = try await Indexer(reader: FixtureReader(), chunkSize: 2).update(store: store, roots: [folder.path])
        XCTAssertGreaterThan(moved.removed, 0)
        try fm.moveItem(at: folder.url.appendingPathComponent("f2/art2.txt"), to: folder.url.appendingPathComponent("f3/art2.txt"))
        _ = try await Indexer(reader: FixtureReader(), chunkSize: 2).update(store: store, roots: [folder.path])
        let after = try store.loadCorpus()

        XCTAssertEqual(Set(after.articles.map(\.id)), Set(before.articles.map(\.id)))
        XCTAssertFalse(after.articles.contains { $0.id.contains("~") }, "\(after.articles.map(\.id))")
        let (freshStore, _) = try await fresh([folder.path])
        let freshCorpus = try freshStore.loadCorpus()
        XCTAssertEqual(after.articles.map(\.id), freshCorpus.articles.map(\.id))
        XCTAssertNil(after.firstDifference(from: freshCorpus))
    }

    func testIdenticalFilesUnderOneNameGetDistinctIds() async throws {
        let folder = try TempFolder()
        let text = "Talks in Oslo\n\nOlaf Scholz met Joe Biden in Oslo on Monday."
        for dir in ["x", "y", "z"] { try folder.write("\(dir)/same.txt", text) }
        let db = try TempFolder()
        let store = try SQLiteCorpusStore(path: indexPath(db))
        let r = try await Indexer(reader: FixtureReader(), chunkSize: 1).update(store: store, roots: [folder.path])
        XCTAssertEqual(r.filesRead, 3)
        XCTAssertEqual(Set(try store.loadCorpus().articles.map(\.id)).count, 3)
    }
}

extension DataSafetyTests {
    /// `parallax actors` (the table) reads the directory instead of loading the corpus: the same
    /// actors, order, counts, aliases and source flags as the loaded model.
    func testActorDirectoryAnswersTheActorsTableLikeTheLoadedCorpus() async throws {
        let db = try TempFolder()
        let store = try SQLiteCorpusStore(path: db.url.appendingPathComponent("index.sqlite").path)
        _ = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [])
        let actors = try store.loadCorpus().actors
        XCTAssertFalse(actors.isEmpty)
        let entries = try store.actorDirectory()
        XCTAssertEqual(entries.map(\.id), actors.map(\.id))
        XCTAssertEqual(entries.map(\.mentions), actors.map(\.mentions.count))
        XCTAssertEqual(entries.map(\.articles), actors.map(\.articleIDs.count))
        XCTAssertEqual(entries.map(\.aliases), actors.map(\.aliases))
        XCTAssertEqual(entries.map(\.isSource), actors.map(\.isSource))
    }
}

/// A flag shared with a detached task.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}

/// Counts committed transactions.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    let onCommit: () -> Void
    init(_ onCommit: @escaping () -> Void) { self.onCommit = onCommit }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { onCommit() }
    func databaseDidRollback(_ db: Database) {}
}
