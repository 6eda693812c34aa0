import XCTest
@testable import ParallaxCore

/// Issue 14, point 9: article text in `compare --markdown` renders as itself — no HTML, no link or
/// image, no table cell split. (The e2e script renders a whole report with cmark-gfm as well.)
final class MarkdownSafeTests: XCTestCase {
    func testEscapes() {
        let cases: [(String, String)] = [
            ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert\\(1\\)&gt;"),
            ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
            ("Tom & Jerry &amp;", "Tom &amp; Jerry &amp;amp;"),
            ("[x](javascript:alert(1))", "\\[x\\]\\(javascript\\:alert\\(1\\)\\)"),
            ("![b](http://beacon/x.png)", "\\!\\[b\\]\\(http\\://beacon/x.png\\)"),
            ("<https://evil>", "&lt;https\\://evil&gt;"),
            ("see https://evil.example/x", "see https\\://evil.example/x"),
            ("visit www.evil.example", "visit www\\.evil.example"),
            ("write to a.b@evil.example now", "write to `a.b@evil.example` now"),
            (#"a \| b"#, #"a \\\| b"#),           // a backslash first, so the pipe stays escaped
            ("a | b", "a \\| b"),
            ("*bold* _it_ ~~s~~ `code` $x$", "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\$x\\$"),
            ("# not a heading", "\\# not a heading"),
            ("- not a list", "\\- not a list"),
            ("+ nor this", "\\+ nor this"),
            ("1984. A year", "1984\\. A year"),
            ("3) three", "3\\) three"),
            ("   indented\n\tcode\r\nline", "indented code line"),
            ("At 10:30 the U.S. said", "At 10:30 the U.S. said"),
            ("Note: fine", "Note\\: fine"),
            ("\u{1B}[31mred", "␛\\[31mred"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(MarkdownSafe.text(input), expected, input)
        }
    }

    func testATableRowKeepsItsCells() {
        // However many pipes and backslashes a cell holds, a row splits only at the separators.
        let cells = [#"\|"#, #"\\|"#, "|", #"a\"#, "x\ny"]
        let row = "| " + cells.map(MarkdownSafe.text).joined(separator: " | ") + " |"
        XCTAssertEqual(Self.gfmCellCount(row), cells.count, row)
    }

    /// Cells of a GFM table row, split as cmark-gfm does: `\` escapes the next character.
    static func gfmCellCount(_ row: String) -> Int {
        var cells = 0
        var escaped = false
        var inCell = false
        for c in row.dropFirst() {  // the leading pipe
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; inCell = true; continue }
            if c == "|" { cells += 1; inCell = false } else { inCell = true }
        }
        return cells + (inCell && !row.hasSuffix("|") ? 1 : 0)
    }
}
