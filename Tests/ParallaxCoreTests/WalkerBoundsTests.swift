import Foundation
import XCTest
@testable import ParallaxCore

/// Issue 14, point 7: the walker stays inside the given paths, never reads the kernel's files, and a
/// read is bounded and cannot block.
final class WalkerBoundsTests: XCTestCase {
    var base: URL!
    var corpus: URL { base.appendingPathComponent("corpus") }
    var outside: URL { base.appendingPathComponent("outside") }

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-walk-\(UUID().uuidString)")
        for d in [corpus, outside] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        let story = "\n\nThe foreign ministers met in Vienna on Tuesday to discuss the crisis on the border."
        try Data(("Inside headline here" + story).utf8).write(to: corpus.appendingPathComponent("in.txt"))
        try Data(("Outside headline here" + story).utf8).write(to: outside.appendingPathComponent("out.txt"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("pagemap.txt").path, withDestinationPath: "/proc/self/pagemap")
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("procdir").path, withDestinationPath: "/proc/self")
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(mkfifo(corpus.appendingPathComponent("fifo").path, 0o600), 0)
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("fifo.txt").path, withDestinationPath: "fifo")
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("out.txt").path, withDestinationPath: "../outside/out.txt")
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("outdir").path, withDestinationPath: "../outside")
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("again.txt").path, withDestinationPath: "in.txt")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    func testLinksStayInsideTheCorpus() throws {
        let (files, warnings) = try FileWalker().walk([corpus.path])
        XCTAssertEqual(files.map { ($0.path as NSString).lastPathComponent }, ["again.txt", "in.txt"], "\(warnings)")
        for name in ["pagemap.txt", "procdir", "zero.txt"] {
            XCTAssertTrue(warnings.contains { $0.contains("\(name): symbolic link to a system file") }, "\(name): \(warnings)")
        }
        XCTAssertTrue(warnings.contains { $0.contains("fifo.txt: a named pipe, not a regular file, skipped") }, "\(warnings)")
        for name in ["out.txt", "outdir"] {
            XCTAssertTrue(warnings.contains { $0.contains("\(name): symbolic link to ") && $0.contains("outside the corpus, skipped (--follow-outside") },
                          "\(name): \(warnings)")
        }
    }

    func testFollowOutsideReadsOutsideButNeverTheSystem() throws {
        let (files, warnings) = try FileWalker(followOutside: true).walk([corpus.path])
        XCTAssertEqual(Set(files.map { ($0.path as NSString).lastPathComponent }), ["again.txt", "in.txt", "out.txt"])
        XCTAssertEqual(files.count, 4, "out.txt through the link and through outdir/")
        XCTAssertTrue(warnings.contains { $0.contains("pagemap.txt: symbolic link to a system file") })
    }

    func testTheOtherRootIsInside() throws {
        // A link into another given path is inside the corpus (the folder, once walked through the
        // link, is a loop when its own turn comes).
        let (files, warnings) = try FileWalker().walk([corpus.path, outside.path])
        XCTAssertEqual(files.filter { $0.path.hasSuffix("out.txt") }.map(\.path),
                       [corpus.path + "/out.txt", corpus.path + "/outdir/out.txt"], "\(warnings)")
    }

    func testSystemPathsNamedExplicitlyAreNotRead() throws {
        let (files, warnings) = try FileWalker().walk(["/proc/self/pagemap", "/dev/zero", "/sys/kernel"])
        XCTAssertTrue(files.isEmpty)
        XCTAssertEqual(warnings.filter { $0.contains("a system file or folder") }.count, 3, "\(warnings)")
    }

    func testReadsAreBoundedAndNeverBlock() throws {
        // Whatever the walk said, the reader checks the opened descriptor itself.
        let start = Date()
        XCTAssertEqual(SafeFile.read(corpus.appendingPathComponent("fifo").path, limit: 10),
                       .failure(SafeFile.Failure(reason: "a named pipe, not a regular file")))
        guard case .failure(let f) = SafeFile.read("/proc/self/pagemap", limit: 10) else { return XCTFail("pagemap read") }
        XCTAssertTrue(f.reason.hasPrefix("a system file"), f.reason)
        guard case .failure = SafeFile.read("/dev/zero", limit: 10) else { return XCTFail("/dev/zero read") }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        // At most the limit, from a file larger than it.
        XCTAssertEqual(try SafeFile.read(corpus.appendingPathComponent("in.txt").path, limit: 6).get(), Data("Inside".utf8))
    }

    func testTheLoaderSkipsAndLoadsTheRest() throws {
        let start = Date()
        let (articles, warnings) = try CorpusLoader().loadArticles(paths: [corpus.path])
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertEqual(Set(articles.map(\.title)), ["Inside headline here"], "\(warnings)")
    }
}
