import XCTest
@testable import ParallaxCore

/// What an article's address says when nothing better does: the day in its path, the site's name.
final class ArticleAddressTests: XCTestCase {
    let builder = ArticleBuilder.shipped()

    func testTheDayInAnAddressPath() {
        let cases: [(String, String?)] = [
            ("https://valor.globo.com/financas/noticia/2022/05/05/copom-eleva-selic.ghtml", "2022-05-05"),
            ("https://www.tellerreport.com/tech/2022-05-25-bok-decides-base-rate-today.BJlciDEnvq.html", "2022-05-25"),
            ("https://apiwp.thelocal.com/20221026/macron-and-scholz-enjoy-friendly-lunch/", "2022-10-26"),
            ("http://en.ce.cn/main/latest/202204/08/t20220408_37472048.shtml", "2022-04-08"),
            ("https://dailytimes.com.pk/929895/brazil-hikes-key-interest-rate-10th-straight-time/", nil),
            ("https://example.org/archive/2022/", nil),
            ("https://example.org/2022/13/40/not-a-day", nil),
            ("https://example.org/story?date=2022-05-05", nil),
            ("https://20220505.example.org/story", nil),
        ]
        for (url, day) in cases {
            XCTAssertEqual(DateParser.fromURL(url)?.description, day, url)
        }
    }

    func testTheSiteOfAnUnknownAddress() {
        XCTAssertEqual(OutletDirectory.siteName(ofURL: "https://www.tellerreport.com/tech/x.html"), "tellerreport.com")
        XCTAssertEqual(OutletDirectory.siteName(ofURL: "https://m.example.co.uk/news/1"), "example.co.uk")
        XCTAssertNil(OutletDirectory.siteName(ofURL: "http://127.0.0.1/news/1"))
        XCTAssertNil(OutletDirectory.siteName(ofURL: "not a url"))
    }

    /// A saved text that gives its address on a head line (alone, or after the headline) is dated and
    /// credited by it when its page metadata does not say.
    func testASavedTextsAddressLine() {
        let a = builder.build(RawDocument(path: "t.txt", format: .text, text: """
        https://www.tellerreport.com/news/2022-05-25-bank-decides-base-rate.html

        The committee held a policy meeting this morning and decided whether to raise the base rate.
        """))
        XCTAssertEqual(a.published?.day.description, "2022-05-25")
        XCTAssertEqual(a.published?.source, .url)
        XCTAssertEqual(a.outlet, "tellerreport.com")
        XCTAssertEqual(a.outletSource, .url)
        // A known outlet's address gives its name; an address without a numeric day leaves the date to the text.
        let b = builder.build(RawDocument(path: "t.txt", format: .text, text: """
        Talks end without a deal https://www.theguardian.com/world/2022/jan/10/talks

        Published: 11 January 2022

        The delegations met in Geneva on Monday for talks that lasted eight hours.
        """))
        XCTAssertEqual(b.outlet, "The Guardian")
        XCTAssertEqual(b.published?.day.description, "2022-01-11")
        // A labelled address; an embedded post's short link is none.
        let c = builder.build(RawDocument(path: "t.txt", format: .text, text: """
        Monk dies at 95
        Source: https://www.example.com/2022/01/21/asia/monk-death/index.html | Published: 2022-01-22

        The monk died at his temple on Saturday, his followers said in a statement.
        """))
        XCTAssertEqual(c.url, "https://www.example.com/2022/01/21/asia/monk-death/index.html")
        let d = builder.build(RawDocument(path: "t.txt", format: .text, text: """
        Tribunal opens hearings
        “We are here today” pic.twitter.com/x1 https://t.co/AbCdEf123 said the minister.

        The court opened two days of hearings on Thursday in the city, officials said.
        """))
        XCTAssertNil(d.url)
        XCTAssertNil(d.outlet)
    }
}
