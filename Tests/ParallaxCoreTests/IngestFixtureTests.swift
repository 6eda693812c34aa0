import Foundation
import XCTest
@testable import ParallaxCore

/// Inputs the tests write themselves: HTML, JSON, JSONL, front matter, manifest, bad bytes, bad paths.
final class IngestFixtureTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    let story = """
    The foreign ministers of the two countries met in Vienna on Tuesday to discuss the crisis on the border.

    Officials said the talks lasted four hours and ended without an agreement on the next steps to be taken.
    """

    func testHTMLPage() throws {
        try write("page.html", """
        <!doctype html><html><head><title>Ministers meet in Vienna | World | Example Times</title>
        <meta property="og:title" content="Ministers meet in Vienna &amp; talk">
        <meta property="og:site_name" content="Example Times">
        <meta property="article:published_time" content="2022-02-03T09:15:00Z">
        <link rel="canonical" href="https://example.com/a/1">
        <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <header>Site header menu</header>
        <article><h1>Ministers meet in Vienna &amp; talk</h1>
        <p>The foreign ministers met in Vienna on Tuesday to discuss the crisis &mdash; and the border.</p>
        <p>Officials said the talks lasted four hours and ended without agreement on the next steps.
        <aside>Related: other story</aside>
        <div><div><div><p>Deeply nested paragraph of the story that must survive the parse intact.</div></div>
        </article><footer>© Example Times</footer></body></html>
        """)
        let (articles, _) = try CorpusLoader().loadArticles(paths: [folder.path])
        let a = try XCTUnwrap(articles.first)
        XCTAssertEqual(a.format, .html)
        XCTAssertEqual(a.title, "Ministers meet in Vienna & talk")
        XCTAssertEqual(a.outlet, "Example Times")
        XCTAssertEqual(a.outletSource, .page)
        XCTAssertEqual(a.published?.day.description, "2022-02-03")
        XCTAssertEqual(a.published?.source, .page)
        XCTAssertEqual(a.url, "https://example.com/a/1")
        XCTAssertTrue(a.body.contains("crisis — and the border."))
        XCTAssertTrue(a.body.contains("Deeply nested paragraph"))
        for junk in ["Home", "Site header", "Related: other", "not text", "color: red", "© Example"] {
            XCTAssertFalse(a.body.contains(junk), junk)
        }
    }

    func testJSONArrayAndJSONL() throws {
        try write("export.json", """
        [{"headline": "Talks in Geneva", "body": "\(story.replacingOccurrences(of: "\n", with: "\\n"))", "source": {"name": "Wire One"}, "publishedAt": "2022-01-10T12:00:00Z", "url": "https://wire.example/1"},
         {"title": "Second", "text": "A second story about the summit in Brussels that ended on Thursday with a statement.", "outlet": "Wire Two", "date": "2022-01-13"},
         {"title": "No text here"}]
        """)
        try write("feed.jsonl", """
        {"title": "Line one", "content": "Officials met in Warsaw on Monday to prepare the summit of the alliance next month.", "site": "Daily", "published": "2022-01-17"}
        not json at all
        {"title": "Line three", "text": "Ministers spoke by phone on Friday and agreed to meet again after the holidays.", "source": "Daily"}
        """)
        let (articles, warnings) = try CorpusLoader().loadArticles(paths: [folder.path])
        XCTAssertEqual(articles.count, 4)
        let geneva = try XCTUnwrap(articles.first { $0.title == "Talks in Geneva" })
        XCTAssertEqual(geneva.outlet, "Wire One")
        XCTAssertEqual(geneva.published?.day.description, "2022-01-10")
        XCTAssertEqual(geneva.published?.source, .given)
        XCTAssertTrue(geneva.path.hasSuffix("export.json#1"))
        XCTAssertEqual(geneva.format, .json)
        let line3 = try XCTUnwrap(articles.first { $0.title == "Line three" })
        XCTAssertTrue(line3.path.hasSuffix("feed.jsonl#3"))
        XCTAssertEqual(line3.format, .jsonl)
        XCTAssertTrue(warnings.contains { $0.contains("feed.jsonl:2") && $0.contains("not a JSON object") })
        XCTAssertTrue(warnings.contains { $0.contains("export.json#3") && $0.contains("no text") })
    }

    func testFrontMatterWinsOverDetection() throws {
        try write("note.md", """
        ---
        title: "A title the user chose"
        outlet: My Archive
        published: 2021-12-30
        url: https://example.org/x
        ---
        Headline That Detection Would Pick

        \(story)
        """)
        let (articles, _) = try CorpusLoader().loadArticles(paths: [folder.path])
        let a = try XCTUnwrap(articles.first)
        XCTAssertEqual(a.title, "A title the user chose")
        XCTAssertEqual(a.outlet, "My Archive")
        XCTAssertEqual(a.published?.day.description, "2021-12-30")
        XCTAssertEqual(a.published?.source, .given)
        XCTAssertEqual(a.format, .markdown)
        XCTAssertFalse(a.body.contains("title:"))
    }

    func testManifestGivesMetadataPerFile() throws {
        try write("a.txt", "Headline of story A here\n\n" + story)
        try write("sub/b.txt", "Headline of story B here\n\n" + story + "\n\nOne more sentence makes this one different from A.")
        try write("parallax-manifest.json", """
        {"a.txt": {"outlet": "Outlet A", "published": "2022-01-05"}, "gone.txt": {"outlet": "X"}}
        """)
        try write("sub/parallax-manifest.json", #"{"b.txt": {"title": "B from manifest"}}"#)
        let (articles, warnings) = try CorpusLoader().loadArticles(paths: [folder.path])
        XCTAssertEqual(articles.count, 2, "the manifests themselves are not articles")
        let a = try XCTUnwrap(articles.first { $0.fileName == "a.txt" })
        XCTAssertEqual(a.outlet, "Outlet A")
        XCTAssertEqual(a.published?.day.description, "2022-01-05")
        let b = try XCTUnwrap(articles.first { $0.fileName == "b.txt" })
        XCTAssertEqual(b.title, "B from manifest")
        XCTAssertTrue(warnings.contains { $0.contains("gone.txt") && $0.contains("does not exist") })
    }

    func testInvalidUTF8AndBinaryAreWarningsNotErrors() throws {
        var bad = Data("Headline with bad bytes here\n\nThe minister said the talks in Riga were useful and would continue next week. ".utf8)
        bad.append(contentsOf: [0xC3, 0x28, 0xFF, 0xFE, 0x41])
        try bad.write(to: folder.appendingPathComponent("bad.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: folder.appendingPathComponent("image.txt"))
        try write("empty.txt", "")
        try write("good.txt", "Headline of the good one\n\n" + story)
        let (articles, warnings) = try CorpusLoader().loadArticles(paths: [folder.path])
        XCTAssertEqual(articles.count, 2)
        XCTAssertTrue(warnings.contains { $0.contains("image.txt") && $0.contains("binary") })
        XCTAssertTrue(warnings.contains { $0.contains("empty.txt") && $0.contains("empty") })
        XCTAssertTrue(warnings.contains { $0.contains("bad.txt") })
    }

    func testUTF16AndLatin1AreDecoded() throws {
        var utf16 = Data([0xFF, 0xFE])
        for u in "Headline in UTF-16 here\n\nZelenskyy met Scholz in Kyiv on Monday for talks on weapons deliveries.".utf16 {
            utf16.append(UInt8(u & 0xFF))
            utf16.append(UInt8(u >> 8))
        }
        try utf16.write(to: folder.appendingPathComponent("u16.txt"))
        let latin1 = "Headline in Latin-1 here\n\nLe ministre a rencontré son homologue à Genève lundi pour des négociations.".data(using: .isoLatin1)!
        try latin1.write(to: folder.appendingPathComponent("l1.txt"))
        let (articles, _) = try CorpusLoader().loadArticles(paths: [folder.path])
        XCTAssertTrue(articles.contains { $0.body.contains("Zelenskyy met Scholz") })
        XCTAssertTrue(articles.contains { $0.body.contains("rencontré son homologue à Genève") })
    }

    func testMissingPathAndEmptyCorpusAreErrors() throws {
        XCTAssertThrowsError(try CorpusLoader().loadArticles(paths: [folder.appendingPathComponent("nope").path])) { e in
            XCTAssertEqual(e as? LoadError, .missingPath(folder.appendingPathComponent("nope").path))
        }
        XCTAssertThrowsError(try CorpusLoader().loadArticles(paths: [folder.path])) { e in
            guard case .emptyCorpus = e as? LoadError else { return XCTFail("expected emptyCorpus, got \(e)") }
        }
    }

    func testHiddenFilesSkippedAndSymlinkLoopsReported() throws {
        try write(".hidden.txt", "Hidden headline here\n\n" + story)
        try write("visible.txt", "Visible headline here\n\n" + story)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("loop"), withDestinationURL: folder)
        let (articles, warnings) = try CorpusLoader().loadArticles(paths: [folder.path])
        XCTAssertEqual(articles.map(\.fileName), ["visible.txt"])
        XCTAssertTrue(warnings.contains { $0.contains("loop") })
    }

    func testIdsAreStableAcrossRuns() throws {
        try write("s.txt", "Stable headline here\n\n" + story)
        let first = try CorpusLoader().loadArticles(paths: [folder.path]).0.map(\.id)
        let second = try CorpusLoader().loadArticles(paths: [folder.path]).0.map(\.id)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.first?.count, 10)
    }
}
