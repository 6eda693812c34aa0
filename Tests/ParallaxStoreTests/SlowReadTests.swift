import Foundation
import ParallaxCore
@testable import ParallaxStore
import XCTest

/// Issue 14, "reads bounded": a FIFO in the corpus folder, or a file that becomes one between the
/// listing and the read, with a writer holding it open that never writes, must not hang an update.
/// Every read opens without blocking and reads only regular files (`SafeFile`), so there is no read
/// to wait for; the test would hang (and time out) if one were made.
final class SlowReadTests: XCTestCase {
    /// Lists the files as the loader does, then swaps `victim` for a FIFO before anything is read.
    struct SwappingReader: CorpusReader {
        var base = LoaderCorpusReader()
        var victim: String
        func listFiles(roots: [String]) throws -> (files: [ListedFile], warnings: [String]) {
            let listed = try base.listFiles(roots: roots)
            try? FileManager.default.removeItem(atPath: victim)
            XCTAssertEqual(mkfifo(victim, 0o600), 0)
            return listed
        }
        func readFile(_ file: ListedFile) -> (articles: [Article], warnings: [String]) { base.readFile(file) }
        func analyze(articles: [Article], warnings: [String]) -> Corpus { base.analyze(articles: articles, warnings: warnings) }
    }

    func testAFIFOInTheCorpusOrSwappedInAfterTheListingDoesNotHangAnUpdate() async throws {
        let folder = try TempFolder()
        _ = try folder.write("a.txt", "---\ntitle: One\n---\nTalks in Geneva went on, officials said on Monday.")
        let victim = try folder.write("b.txt", "---\ntitle: Two\n---\nThe summit in Vienna ended early on Tuesday.")
        let fifo = folder.url.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // Writers that hold both FIFOs open and never write: a blocking read would wait forever.
        let holders = [fifo, victim].map { path in
            Thread { let fd = open(path, O_WRONLY); if fd >= 0 { sleep(30); close(fd) } }
        }
        let store = try SQLiteCorpusStore.inMemory()
        let task = Task {
            try await Indexer(reader: SwappingReader(victim: victim), chunkSize: 1).update(store: store, roots: [folder.path])
        }
        for h in holders { h.start() }
        let report = try await withThrowingTaskGroup(of: IndexReport?.self) { group in
            group.addTask { try await task.value }
            group.addTask { try await Task.sleep(nanoseconds: 20_000_000_000); return nil }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let report else { return XCTFail("the update did not finish within 20 s") }
        XCTAssertEqual(try store.loadCorpus().articles.map(\.title), ["One"])
        XCTAssertTrue(report.warnings.contains { $0.contains("pipe.txt") && $0.contains("named pipe") }, "\(report.warnings)")
        XCTAssertTrue(report.warnings.contains { $0.contains("b.txt") && $0.contains("cannot be read") }, "\(report.warnings)")
    }
}
