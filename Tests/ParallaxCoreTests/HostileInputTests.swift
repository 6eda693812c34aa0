import Foundation
import XCTest
@testable import ParallaxCore

/// Issue 7, at the model's level: what the CLI prints goes through `SafeText` and `JSONValue`, so those
/// must neutralise every dangerous scalar; the loader must survive files built to hurt it.
final class HostileInputTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ data: Data) throws {
        try data.write(to: folder.appendingPathComponent(name))
    }

    let story = "The foreign ministers met in Vienna on Tuesday to discuss the crisis on the border.\n\n"
        + "Officials said the talks lasted four hours and ended without an agreement on the next steps."

    /// Scalars a terminal would act on or that would disguise text.
    static func isDangerous(_ v: UInt32, newlineAllowed: Bool) -> Bool {
        if v == 0x0A { return !newlineAllowed }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || (0x200B...0x200F).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0x061C
    }

    /// Every scalar of the BMP's first pages and the format blocks, each alone and inside text.
    static let suspects: [Unicode.Scalar] = (0...0x3000).compactMap(Unicode.Scalar.init) + (0xFE00...0xFEFF).compactMap(Unicode.Scalar.init)

    func testSafeTextLeavesNothingATerminalWouldActOn() {
        for s in Self.suspects {
            for keep in [false, true] {
                let out = SafeText.sanitize("a\(Character(s))b", keepNewlines: keep)
                for u in out.unicodeScalars {
                    XCTAssertFalse(Self.isDangerous(u.value, newlineAllowed: keep),
                                   "U+\(String(s.value, radix: 16)) → \(out.debugDescription)")
                }
            }
        }
        XCTAssertEqual(SafeText.sanitize("\u{1B}[31mred"), "␛[31mred")
        XCTAssertEqual(SafeText.sanitize("a\u{9B}b"), "a<U+9B>b")
        XCTAssertEqual(SafeText.sanitize("\u{202E}x"), "<U+202E>x")
        XCTAssertEqual(SafeText.sanitize("l1\nl2", keepNewlines: true), "l1\nl2")
        XCTAssertEqual(SafeText.sanitize("l1\nl2"), "l1␊l2")
        XCTAssertEqual(SafeText.sanitize("cr\rx"), "cr␍x")
    }

    func testJSONEscapesEveryDangerousScalar() throws {
        var text = ""
        for s in Self.suspects { text.unicodeScalars.append(s) }
        let json = JSONValue.object([("k\u{1B}", .string(text))]).serialized(pretty: true)
        for u in json.unicodeScalars {
            XCTAssertFalse(Self.isDangerous(u.value, newlineAllowed: true), "U+\(String(u.value, radix: 16)) in JSON")
        }
        // And it is still JSON that decodes to the same text.
        let back = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        XCTAssertEqual(back?["k\u{1B}"], text)
    }

    func testDeepAndBrokenHTMLIsReadInOnePass() {
        let deep = "<html><title>Deep</title><body>" + String(repeating: "<div>", count: 100_000) + "<p>At the bottom.</p>"
        XCTAssertTrue(HTMLText.extract(deep).text.contains("At the bottom."))
        let unclosed = "<html><body><p>First <b>bold <i>italic <p>second <a href='x>never closed"
        XCTAssertTrue(HTMLText.extract(unclosed).text.contains("First bold italic"))
        let quote = "<p>Before.</p><a title=\"" + String(repeating: "x", count: 100_000)
        XCTAssertTrue(HTMLText.extract(quote).text.contains("Before."))
        let comment = "<p>Seen.</p><!-- " + String(repeating: "never closed ", count: 10_000)
        XCTAssertEqual(HTMLText.extract(comment).text.trimmingCharacters(in: .whitespacesAndNewlines), "Seen.")
        let start = Date()
        _ = HTMLText.extract("<p>" + String(repeating: "<1'", count: 30_000))
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "stray brackets must not make the scan quadratic")
    }

    func testDeepOrWrongJSONIsAWarning() {
        let cases: [(String, String)] = [
            (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), "not valid JSON"),
            (String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000), "not valid JSON"),
            ("[{\"title\": \"cut", "not valid JSON"),
            ("42", "neither an object nor an array"),
            ("{\"text\": [1, 2]}", "no text field"),
        ]
        for (json, expected) in cases {
            let (docs, warnings) = JSONArticles.parseJSON(Data(json.utf8), path: "x.json")
            XCTAssertTrue(docs.isEmpty)
            XCTAssertTrue(warnings.contains { $0.contains(expected) }, "\(json.prefix(20)): \(warnings)")
        }
    }

    func testUTF16OddLengthsAndBOMlessUTF16() {
        // An odd trailing byte is replaced, not fatal.
        guard case .text(let odd, _) = TextDecoding.decode(Data([0xFF, 0xFE, 0x41, 0x00, 0x42])) else { return XCTFail() }
        XCTAssertEqual(odd, "A\u{FFFD}")
        // An unpaired surrogate is replaced.
        guard case .text(let sur, _) = TextDecoding.decode(Data([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])) else { return XCTFail() }
        XCTAssertEqual(sur, "\u{FFFD}A")
        // Windows "Unicode" without a BOM is recognised by its NUL pattern, both byte orders.
        let le = Data("Talks in Vienna ended on Tuesday.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        XCTAssertEqual(TextDecoding.decode(le), .text("Talks in Vienna ended on Tuesday.", note: "decoded as UTF-16 (no byte order mark)"))
        let be = Data("Talks in Vienna ended on Tuesday.".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        XCTAssertEqual(TextDecoding.decode(be), .text("Talks in Vienna ended on Tuesday.", note: "decoded as UTF-16 (no byte order mark)"))
        // A PNG is still binary.
        XCTAssertEqual(TextDecoding.decode(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])), .binary)
    }

    func testLongFilesAreCappedAndMarkedTruncated() throws {
        let line = String(repeating: "word and ", count: 20_000)  // one 180 kB line
        try write("long.txt", Data(("Headline of a long one\n\n" + line).utf8))
        let (articles, warnings) = try CorpusLoader(maxArticleBytes: 50_000).loadArticles(paths: [folder.path])
        let a = try XCTUnwrap(articles.first)
        XCTAssertTrue(a.truncated)
        XCTAssertLessThanOrEqual(a.rawText.utf8.count, 50_000)
        XCTAssertTrue(warnings.contains { $0.contains("long.txt") && $0.contains("truncated") })
    }

    func testSpecialFilesAndOddNamesAreWarnings() throws {
        try write("good.txt", Data(("Good headline here\n\n" + story).utf8))
        try write("with space and\nnewline.txt", Data(("Odd name headline\n\n" + story).utf8))
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600), 0)
        let (articles, warnings) = try CorpusLoader().loadArticles(paths: [folder.path])
        XCTAssertEqual(Set(articles.map(\.fileName)), ["good.txt", "with space and\nnewline.txt"])
        XCTAssertTrue(warnings.contains { $0.contains("pipe.txt: a named pipe, not a regular file, skipped") }, "\(warnings)")
        // Named explicitly, it is refused too (opening it would block until a writer comes).
        let (_, w2) = try FileWalker().walk([folder.appendingPathComponent("pipe.txt").path])
        XCTAssertTrue(w2.contains { $0.contains("a named pipe") })
    }

    func testFileNamesThatAreNotUTF8AreNamedNotFatal() throws {
        // Built with the raw bytes: Foundation cannot spell this name.
        let name = (Array(folder.path.utf8) + Array("/bad".utf8) + [0xFF] + Array("name.txt".utf8) + [0]).map { CChar(bitPattern: $0) }
        let fd = open(name, O_CREAT | O_WRONLY, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        let text = Array(("Bad name headline\n\n" + story).utf8)
        _ = Glibc.write(fd, text, text.count)
        close(fd)
        try self.write("good.txt", Data(("Good headline here\n\n" + story).utf8))
        let (articles, warnings) = try CorpusLoader().loadArticles(paths: [folder.path])
        XCTAssertTrue(articles.contains { $0.fileName == "good.txt" })
        XCTAssertTrue(warnings.contains { $0.contains("not valid UTF-8") }, "\(warnings)")
    }
}
