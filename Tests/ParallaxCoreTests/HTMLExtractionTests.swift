import Foundation
import XCTest
@testable import ParallaxCore

/// Web pages the tests write themselves: malformed markup, charsets, JSON-LD, scripts without
/// spaces, repeated leads — read through libxml2, the content extractor and the line rules.
final class HTMLExtractionTests: XCTestCase {
    static let builder = ArticleBuilder.shipped()

    /// Long enough, with commas, to score as story paragraphs.
    static let story = [
        "The foreign ministers of the two countries met in Vienna on Tuesday, for the first time in months, to discuss the crisis on the border.",
        "Officials said the talks lasted four hours, ended without an agreement and would resume next week, after consultations in both capitals.",
        "Diplomats described the atmosphere as tense but businesslike, and said both sides had presented written proposals on troop movements.",
    ]
    static let storyHTML = story.map { "<p>\($0)</p>" }.joined(separator: "\n")
    /// Over the extractor's minimum article length, so its first, strictest pass is the one kept.
    static let longStoryHTML = storyHTML + "\n" + story.map { "<p>\($0.replacingOccurrences(of: "Vienna", with: "Geneva"))</p>" }.joined(separator: "\n")

    func page(_ body: String, head: String = "<title>Ministers meet in Vienna</title>") -> String {
        "<!DOCTYPE html>\n<html><head>\(head)</head><body>\(body)</body></html>"
    }

    func article(_ html: String) -> Article {
        let r = HTMLText.extract(html)
        return Self.builder.build(RawDocument(path: "page.html", format: .html, text: r.text, page: r.meta))
    }

    func article(bytes: [UInt8]) -> Article {
        let fallback = String(decoding: bytes, as: UTF8.self)
        let r = HTMLText.extract(bytes: bytes, fallback: fallback)
        return Self.builder.build(RawDocument(path: "page.html", format: .html, text: r.text, page: r.meta))
    }

    // MARK: malformed markup

    func testMalformedMarkupKeepsTheStory() {
        let nav = "<a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a>"
        let cases: [(String, String)] = [
            ("stray quote in a tag", "<p>\(Self.story[0])</p><img src=\"x.jpg\" target_blank\" /><p>\(Self.story[1])</p><p>\(Self.story[2])</p>"),
            ("unclosed header", "<header>\(nav)<div>\(Self.storyHTML)</div>"),
            ("unclosed nav", "<nav>\(nav)<div>\(Self.storyHTML)</div></nav-ish>"),
            ("form around the body", "<form method='post' action='page.aspx'><input type='hidden' name='__VIEWSTATE' value='x'><div>\(Self.storyHTML)</div></form>"),
            ("unclosed paragraphs and inline tags", Self.story.map { "<p><b>\($0)" }.joined()),
            ("stray end tags", "</div></span></td><div>\(Self.storyHTML)</div></table></body>"),
        ]
        for (name, body) in cases {
            let a = article(page(body))
            for sentence in Self.story {
                XCTAssertTrue(a.body.contains(sentence), "\(name): lost \(sentence.prefix(30))… in \(a.body)")
            }
        }
    }

    func testFurnitureAroundTheStoryGoes() {
        let body = """
        <nav><ul><li><a href="/">Home</a></li><li><a href="/w">World news today</a></li></ul></nav>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this story now</a></div>
        <article><h1>Ministers meet in Vienna</h1>\(Self.longStoryHTML)
        <div class="related-stories"><ul><li><a href="/1">Another story about other things entirely</a></li>
        <li><a href="/2">Yet another story about other things entirely</a></li></ul></div></article>
        <div id="comments"><p>I think this is a disgrace, and the ministers should resign at once, all of them.</p></div>
        <footer>Copyright Example Times, all rights reserved, since forever and ever.</footer>
        """
        let a = article(page(body))
        XCTAssertEqual(a.title, "Ministers meet in Vienna")
        for sentence in Self.story { XCTAssertTrue(a.body.contains(sentence)) }
        for junk in ["World news", "Share on", "Another story", "disgrace", "Copyright", "<!DOCTYPE", "DOCTYPE"] {
            XCTAssertFalse(a.body.contains(junk), junk)
        }
    }

    func testDoctypeCommentsAndScriptsNeverReachTheBody() {
        let html = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html><body><!-- a comment -->"
            + "<script>var s = '<p>not text</p>';</script><style>p{}</style>\(Self.storyHTML)</body></html>"
        let r = HTMLText.extract(html)
        XCTAssertFalse(r.text.contains("DOCTYPE"))
        XCTAssertFalse(r.text.contains("comment"))
        XCTAssertFalse(r.text.contains("not text"))
        XCTAssertTrue(r.text.hasPrefix("The foreign ministers"))
    }

    func testSoftHyphensAreRemoved() {
        let a = article(page("<p>The Bundes&shy;kanzler met the minis\u{AD}ters in Vienna on Tuesday, for the first time in months, to talk.</p>"
                             + Self.storyHTML))
        XCTAssertTrue(a.body.contains("Bundeskanzler met the ministers"), a.body)
        XCTAssertFalse(a.body.unicodeScalars.contains("\u{AD}"))
    }

    func testNoscriptKeptOnlyWhenItHoldsTheOnlyText() {
        let only = article(page("<noscript>\(Self.storyHTML)</noscript><div id='app'></div>"))
        XCTAssertTrue(only.body.contains(Self.story[0]), only.body)
        let beside = article(page("\(Self.storyHTML)<p>\(Self.story[0].replacingOccurrences(of: "Vienna", with: "Graz"))</p><noscript><p>Please enable JavaScript to view the comments powered by a widget.</p></noscript>"))
        XCTAssertFalse(beside.body.contains("enable JavaScript"), beside.body)
    }

    func testRubyReadingsAreDropped() {
        let r = HTMLText.extract(page("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>の読み方について、東京の専門家が説明した。</p>"))
        XCTAssertTrue(r.text.contains("漢字の読み方"), r.text)
        XCTAssertFalse(r.text.contains("かん"))
    }

    func testDeclaredCharsetOfTheBytes() {
        // "中国新闻。" in GB2312, ten times: not UTF-8, so the page's <meta charset> decides.
        let phrase: [UInt8] = [0xD6, 0xD0, 0xB9, 0xFA, 0xD0, 0xC2, 0xCE, 0xC5, 0xA1, 0xA3]
        let head = Array("<html><head><meta charset=gb2312><title>t</title></head><body><p>".utf8)
        let bytes = head + Array(repeating: phrase, count: 10).flatMap { $0 } + Array("</p></body></html>".utf8)
        let r = HTMLText.extract(bytes: bytes, fallback: String(decoding: bytes, as: UTF8.self))
        XCTAssertTrue(r.text.contains("中国新闻。中国新闻。"), r.text)
        // Valid UTF-8 wins over a stale declaration.
        let utf8 = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Zürich — café</p></body></html>".utf8)
        XCTAssertTrue(HTMLText.extract(bytes: utf8, fallback: "").text.contains("Zürich — café"))
    }

    func testDeepAndUnclosedFurnitureStaysFast() {
        let start = Date()
        let html = "<html><body><p>\(Self.story[0])</p>" + String(repeating: "<aside>", count: 100_000) + "</nav><p>\(Self.story[1])</p>"
        let r = HTMLText.extract(html)
        XCTAssertTrue(r.text.contains(Self.story[0]))
        let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>\(Self.story[2])</p>"
        XCTAssertTrue(HTMLText.extract(deep).text.contains(Self.story[2]))
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    // MARK: metadata

    func testJSONLDVariants() {
        let cases: [(String, String)] = [
            ("plain", #"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Talks in Vienna","datePublished":"2022-01-26T10:00:00+01:00","publisher":{"@type":"Organization","name":"Wire One"},"author":{"name":"A. Writer"}}"#),
            ("graph", #"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site Name"},{"@type":"ReportageNewsArticle","headline":"Talks in Vienna","datePublished":"2022-01-26","publisher":{"name":"Wire One"}}]}"#),
            ("array", #"[{"@type":"BreadcrumbList"},{"@type":["Article"],"headline":"Talks in Vienna","datePublished":"2022-01-26","publisher":"Wire One"}]"#),
        ]
        for (name, ld) in cases {
            let head = "<title>Something else | Site</title><meta property=\"og:title\" content=\"OG title\">"
                + "<meta property=\"article:published_time\" content=\"2021-05-05\"><meta property=\"og:site_name\" content=\"OG Site\">"
                + "<script type=\"application/ld+json\">\(ld)</script>"
            let r = HTMLText.extract(page(Self.storyHTML, head: head))
            XCTAssertEqual(r.meta.title, "Talks in Vienna", name)
            XCTAssertEqual(r.meta.published.flatMap(DateParser.parseGiven)?.description, "2022-01-26", name)
            XCTAssertEqual(r.meta.outlet, "Wire One", name)
        }
        // Broken JSON-LD: the <meta> tags answer.
        let r = HTMLText.extract(page(Self.storyHTML, head: "<meta property=\"og:title\" content=\"OG title\"><meta name=\"application-name\" content=\"An App\"><script type=\"application/ld+json\">{not json</script><meta property=\"og:site_name\" content=\"OG Site\"><meta property=\"article:published_time\" content=\"2021-05-05T08:00:00Z\">"))
        XCTAssertEqual(r.meta.title, "OG title")
        XCTAssertEqual(r.meta.outlet, "OG Site")
        XCTAssertEqual(r.meta.published, "2021-05-05T08:00:00Z")
    }

    func testApplicationNameIsNeitherTitleNorOutletAndTimeDates() {
        let r = HTMLText.extract(page("<article><time datetime=\"2022-01-21T09:00\">Friday</time>\(Self.storyHTML)</article>",
                                      head: "<meta name=\"application-name\" content=\"Example App\">"))
        XCTAssertNil(r.meta.outlet)
        XCTAssertNotEqual(r.meta.title, "Example App")
        XCTAssertEqual(r.meta.published, "2022-01-21T09:00")
        let a = article(page("<article><time datetime=\"2022-01-21T09:00\">Friday</time>\(Self.storyHTML)</article>"))
        XCTAssertEqual(a.published?.source, .page)
    }

    // MARK: line rules on what remains

    func testChineseTextWithoutSpacesIsKept() {
        let paragraphs = [
            "外交部发言人周二在例行记者会上表示，中方支持各方通过对话协商解决分歧，希望有关国家保持克制。",
            "俄罗斯和乌克兰的代表在巴黎举行了会谈，法国和德国的官员也参加了会议，双方同意两周后再次会面。",
            "分析人士认为，这次会谈虽然没有取得突破，但是为缓和紧张局势创造了条件，各方将继续保持沟通。",
        ]
        let a = article(page(paragraphs.map { "<p>\($0)</p>" }.joined(), head: "<title>巴黎会谈</title>"))
        for p in paragraphs { XCTAssertTrue(a.body.contains(p), "lost \(p.prefix(10)) in \(a.body)") }
        XCTAssertEqual(a.title, "巴黎会谈")
    }

    func testDoubledLeadKeepsOneCopy() {
        let text = ([Self.story[0]] + Self.story).joined(separator: "\n\n")
        let cleaned = Self.builder.cleaner.clean(text)
        XCTAssertEqual(cleaned.paragraphs.filter { $0 == Self.story[0] }.count, 1)
        XCTAssertEqual(cleaned.paragraphs.count, 3)
    }

    func testTwoWordHeadlineAloneOnTheFirstLine() {
        let text = "Talks fail\n\n" + Self.story.joined(separator: "\n\n")
        let a = Self.builder.build(RawDocument(path: "a.txt", format: .text, text: text))
        XCTAssertEqual(a.title, "Talks fail")
        XCTAssertFalse(a.body.contains("Talks fail"))
    }

    func testFragmentsFromJSONAreAllStory() {
        let r = HTMLText.extract("<p>\(Self.story[0])</p><div>Short line.</div><script>x()</script>")
        XCTAssertTrue(r.text.contains(Self.story[0]))
        XCTAssertTrue(r.text.contains("Short line."))
        XCTAssertFalse(r.text.contains("x()"))
    }
}
