import XCTest
@testable import ParallaxCore

/// End tags that close nothing are dropped before parsing (libxml2 would search its whole stack for
/// each: quadratic); everything else reaches the parser as it was.
final class StrayEndTagsTests: XCTestCase {
    func strip(_ s: String) -> String { String(decoding: StrayEndTags.strip(Array(s.utf8)), as: UTF8.self) }

    func testOnlyEndTagsThatCloseNothingAreDropped() {
        let cases: [(String, String)] = [
            ("<div>a</div></nav>b", "<div>a</div>b"),
            ("</p><p>x</p>", "<p>x</p>"),
            ("<DIV>a</div></DIV>", "<DIV>a</div>"),
            ("<br/><img src=x></img>t", "<br/><img src=x>t"),
            ("<!-- </nav> -->x</nav>", "<!-- </nav> -->x"),
            ("<script>if (a</b) {}</script></b>", "<script>if (a</b) {}</script>"),
            ("<!DOCTYPE html><html><body>x</body></html>", "<!DOCTYPE html><html><body>x</body></html>"),
            ("a < b and c </ d", "a < b and c </ d"),
            ("<p>unterminated <a href=\"x", "<p>unterminated <a href=\"x"),
        ]
        for (input, expected) in cases { XCTAssertEqual(strip(input), expected, input) }
    }

    /// 100,000 unclosed `<aside>` then 100,000 `</nav>` (issue 14, point 8): the end tags go in one
    /// pass, and the page's text survives the parse.
    func testManyStrayEndTagsLeaveInOnePass() {
        let page = "<html><body><p>Before the asides, the envoys met.</p>" + String(repeating: "<aside>", count: 100_000)
            + String(repeating: "</nav>", count: 100_000) + "<p>After them, the talks went on.</p></body></html>"
        let stripped = strip(page)
        XCTAssertFalse(stripped.contains("</nav>"))
        XCTAssertEqual(stripped.count, page.count - 100_000 * "</nav>".count)
        let text = HTMLTree.parse(page).texts.joined(separator: " ")
        XCTAssertTrue(text.contains("the talks went on"), String(text.suffix(200)))
    }
}
