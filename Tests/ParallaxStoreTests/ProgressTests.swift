import Foundation
import ParallaxCore
import XCTest
@testable import ParallaxStore

/// The index's progress counts bytes and articles, not only files: one large JSONL export moves the
/// bar while it is read (issue 12: it sat at "0/1 files").
final class ProgressTests: XCTestCase {
    /// Collects the reports, which come from the reading tasks' threads.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [IndexProgress] = []
        func add(_ p: IndexProgress) { lock.lock(); all.append(p); lock.unlock() }
        var values: [IndexProgress] { lock.lock(); defer { lock.unlock() }; return all }
    }

    /// A JSONL file of real articles: the sample's texts, each exported six times over.
    func writeExport(in folder: TempFolder) throws -> (path: String, records: Int) {
        let sample = try XCTUnwrap(ResourceFiles.sampleCorpus)
        let texts = try FileManager.default.contentsOfDirectory(atPath: sample.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: sample.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertEqual(texts.count, 5)
        var lines: [String] = []
        for round in 1...6 {
            for (i, t) in texts.enumerated() {
                let record: [String: String] = ["id": "r\(round)-\(i)", "title": "Report \(round).\(i)", "text": t]
                let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
                lines.append(String(decoding: data, as: UTF8.self))
            }
        }
        return (try folder.write("export.jsonl", lines.joined(separator: "\n") + "\n"), lines.count)
    }

    func testASingleJSONLFileReportsBytesAndArticlesAsItIsRead() async throws {
        let folder = try TempFolder()
        let (path, records) = try writeExport(in: folder)
        let size = try XCTUnwrap(FileStat(path: path)).size
        let reports = Reports()
        let store = try SQLiteCorpusStore.inMemory()
        let report = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [folder.path]) { reports.add($0) }
        XCTAssertEqual(report.articles, records)
        let reading = reports.values.filter { $0.phase == "reading" }
        XCTAssertTrue(reading.allSatisfy { $0.total == 1 && $0.bytesTotal == size }, "\(reading.prefix(3))")
        // Before the one file is done, the bar has moved: bytes and articles, not 0 of 1 file.
        let during = reading.filter { $0.done == 0 }
        XCTAssertGreaterThanOrEqual(during.count, records - 1)
        XCTAssertTrue(during.contains { $0.bytesDone > 0 && $0.bytesDone < size && $0.articles > 0 }, "\(during.prefix(3))")
        XCTAssertEqual(Set(during.map(\.articles)).count, during.count, "one report per article built")
        // At the end: every byte, every article, the file.
        let last = try XCTUnwrap(reading.max { ($0.bytesDone, $0.articles, $0.done) < ($1.bytesDone, $1.articles, $1.done) })
        XCTAssertEqual(last.bytesDone, size)
        XCTAssertEqual(last.articles, records)
        XCTAssertEqual(last.done, 1)
        XCTAssertEqual(reports.values.last?.phase, "analysing")
    }

    func testByteShareHandsOutTheFileOnce() {
        let s = ByteShare(bytes: 1000)
        let steps = (0..<3).map { _ in s.next(of: 3) }
        XCTAssertEqual(steps, [333, 333, 334])
        XCTAssertEqual(s.rest(), 0)
        let none = ByteShare(bytes: 500)
        XCTAssertEqual(none.rest(), 500, "a file that gave no article counts whole at its end")
        let over = ByteShare(bytes: 10)
        XCTAssertEqual((0..<5).map { _ in over.next(of: 2) }.reduce(0, +), 10, "never more than the file")
    }
}
