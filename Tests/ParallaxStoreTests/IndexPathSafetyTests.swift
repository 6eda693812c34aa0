import Foundation
import GRDB
@testable import ParallaxStore
import XCTest

/// `--index PATH` must never change or delete what the user owns: folders, their files, other
/// programs' databases. Only an absent path, an empty file or a Parallax index is opened.
final class IndexPathSafetyTests: XCTestCase {
    private func snapshot(_ folder: TempFolder) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for name in try fm.subpathsOfDirectory(atPath: folder.path) {
            var isDir: ObjCBool = false
            let full = folder.url.appendingPathComponent(name).path
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[name] = try Data(contentsOf: URL(fileURLWithPath: full))
            } else {
                out[name + "/"] = Data()
            }
        }
        return out
    }

    private func assertRefused(_ path: String, mentions word: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try IndexOpener.open(.file(path)), file: file, line: line) { error in
            guard let refused = error as? IndexOpener.Refused else {
                return XCTFail("expected Refused, got \(error)", file: file, line: line)
            }
            XCTAssertTrue(refused.description.contains(word), refused.description, file: file, line: line)
        }
    }

    func testFoldersAreRefusedAndKeptWhole() throws {
        let folder = try TempFolder()
        try folder.write("notes/today.txt", "my notes")
        try folder.write("notes/deep/more.md", "more notes")
        let before = try snapshot(folder)
        let notes = folder.url.appendingPathComponent("notes").path
        for path in [notes, notes + "/", notes + "/.", notes + "/deep/..", folder.path] {
            assertRefused(path, mentions: "folder")
        }
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(notes))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        assertRefused(".", mentions: "folder")
        assertRefused("..", mentions: "folder")
        XCTAssertEqual(try snapshot(folder), before)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.contains("broken") })
    }

    func testFilesThatAreNotIndexesAreRefusedUnchanged() throws {
        let folder = try TempFolder()
        let notes = try folder.write("notes.txt", String(repeating: "A text file of the user's. ", count: 200))
        // Another program's SQLite databases: one without an application id, one with its own.
        let plain = folder.url.appendingPathComponent("app.sqlite").path
        let other = folder.url.appendingPathComponent("other.db").path
        do {
            let q = try DatabaseQueue(path: plain)
            try q.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')") }
            try q.close()
            let r = try DatabaseQueue(path: other)
            try r.write { try $0.execute(sql: "PRAGMA application_id = 1234; CREATE TABLE t (x)") }
            try r.close()
        }
        let before = try snapshot(folder)
        assertRefused(notes, mentions: "not a Parallax index")
        assertRefused(plain, mentions: "did not create")
        assertRefused(other, mentions: "another program")
        assertRefused("/dev/null", mentions: "not a regular file")
        XCTAssertEqual(try snapshot(folder), before)
    }

    func testAbsentPathsAndEmptyFilesBecomeIndexesWithTheApplicationID() throws {
        let folder = try TempFolder()
        let fresh = folder.url.appendingPathComponent("sub/fresh.sqlite").path
        let empty = try folder.write("empty.sqlite", "")
        for path in [fresh, empty] {
            let opened = try IndexOpener.open(.file(path))
            XCTAssertEqual(opened.messages, [])
            XCTAssertEqual(opened.store.path, path)
            let id = try opened.store.writer.read { try Int64.fetchOne($0, sql: "PRAGMA application_id") }
            XCTAssertEqual(id, Int64(Schema.applicationID))
        }
        // Reopened: recognised as Parallax's, nothing said.
        XCTAssertEqual(try IndexOpener.open(.file(fresh)).messages, [])
    }

    func testAnIndexWithoutTheApplicationIDIsStillRecognised() throws {
        let folder = try TempFolder()
        let path = folder.url.appendingPathComponent("old.sqlite").path
        do {
            // An index as earlier versions wrote it: Parallax's tables, no application id.
            let q = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(q)
            try q.close()
        }
        let opened = try IndexOpener.open(.file(path))
        XCTAssertEqual(opened.messages, [])
        XCTAssertEqual(try opened.store.writer.read { try Int64.fetchOne($0, sql: "PRAGMA application_id") },
                       Int64(Schema.applicationID))
    }

    func testAFailedMoveAsideLeavesEverythingInPlace() throws {
        let folder = try TempFolder()
        let sub = folder.url.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let path = sub.appendingPathComponent("index.sqlite").path
        let garbage = Data(repeating: 0x42, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        let wal = Data(repeating: 0x43, count: 100)
        try wal.write(to: URL(fileURLWithPath: path + "-wal"))
        // A rename into a path under a regular file fails for root as well.
        switch IndexOpener.moveAside(path, because: "damaged") {
        case .moved: break  // possible only if the rename worked; then the target must exist
        case .failed(let m): XCTFail("unexpected failure: \(m)")
        }
        let moved = try FileManager.default.contentsOfDirectory(atPath: sub.path).filter { $0.contains(".broken-") }
        XCTAssertEqual(Set(moved.map { $0.hasSuffix("-wal") }), [false, true])
        XCTAssertEqual(try Data(contentsOf: sub.appendingPathComponent(moved.first { !$0.hasSuffix("-wal") } ?? "")), garbage)
        // Now a move that cannot succeed: the source vanished under us (a path that does not exist).
        let missing = sub.appendingPathComponent("none/index.sqlite").path
        guard case .failed(let m) = IndexOpener.moveAside(missing, because: "damaged") else {
            return XCTFail("a rename of a missing file cannot succeed")
        }
        XCTAssertTrue(m.contains("left as it is"), m)
    }
}
