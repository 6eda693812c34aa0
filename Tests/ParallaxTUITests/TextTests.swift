import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// Widths, sanitising, the cell buffer, wrapping and the small parsers.
final class TextTests: XCTestCase {
    func testCellWidths() {
        let cases: [(String, Int)] = [
            ("abc", 3), ("é", 1), ("e\u{301}", 1), ("“quote” — dash", 14), ("日本", 4), ("한국", 4),
            ("مرحبا", 5), ("Привет", 6), ("👍", 2), ("❤\u{FE0F}", 2), ("\u{1B}", 1), ("\u{202E}", 1), ("\u{301}", 1),
            ("", 0),
        ]
        for (s, w) in cases { XCTAssertEqual(CellWidth.of(s), w, s.debugDescription) }
    }

    func testSanitizerMakesEveryUnsafeScalarVisible() {
        XCTAssertEqual(Sanitizer.clean("a\u{1B}[1mb"), "a␛[1mb")
        XCTAssertEqual(Sanitizer.clean("\u{07}\u{0}\u{7F}"), "␇␀␡")
        XCTAssertEqual(Sanitizer.clean("x\u{9B}y\u{9D}z"), "x\u{FFFD}y\u{FFFD}z")
        XCTAssertEqual(Sanitizer.clean("\u{202E}abc\u{202C}"), "⇄abc⇄")
        XCTAssertEqual(Sanitizer.clean("a\u{200B}b\u{FEFF}c\u{2066}d"), "a·b·c⇄d")
        XCTAssertEqual(Sanitizer.clean("\r\n"), "␍␊")
        XCTAssertEqual(Sanitizer.clean("Zelensky’s “talks” — café 日本"), "Zelensky’s “talks” — café 日本")
    }

    func testBufferKeepsColumnsWithWideCharacters() {
        var b = ScreenBuffer(width: 6, height: 2)
        XCTAssertEqual(b.put("日本語", x: 0, y: 0), 6)
        XCTAssertEqual(b.line(0), "日本語")
        b.put("ab", x: 1, y: 0)  // overwrites half of 日 and half of 本
        XCTAssertEqual(b.line(0), " ab 語")
        b.put("x日", x: 4, y: 1)  // 日 would straddle the edge: a space instead
        XCTAssertEqual(b.line(1), "    x ")
        b.put("\u{1B}]0;t\u{07}", x: 0, y: 1, maxX: 3)
        XCTAssertEqual(b.line(1), "␛]0 x ", "clipped at maxX, the rest of the row untouched")
    }

    func testWrapBreaksAtWordsAndKeepsParagraphs() {
        let lines = TextLayout.wrap("one two three four\n\nfive sixsixsixsix", width: 9).map(\.plain)
        XCTAssertEqual(lines, ["one two", "three", "four", "", "five", "sixsixsix", "six"])
        // Line starts are scalar offsets into the source.
        let l = TextLayout.wrap("aé b\ncc", width: 3)
        XCTAssertEqual(l.map(\.start), [0, 3, 5])
    }

    func testWrapHighlightsMentionsQuotesAndMatches() {
        let text = "Biden said “no” today"
        let lines = TextLayout.wrap(text, width: 40, mentions: [(TextRange(start: 0, end: 5), .person)],
                                    quotes: [TextRange(start: 11, end: 15)],
                                    matches: TextLayout.matches(of: "TODAY", in: text))
        let styles = lines[0].chars.map(\.style.role)
        XCTAssertEqual(styles[0], .person)
        XCTAssertEqual(styles[6], .normal)
        XCTAssertEqual(styles[12], .quote)
        XCTAssertEqual(styles[17], .match)
    }

    func testMatchesAreCaseAndAccentInsensitive() {
        XCTAssertEqual(TextLayout.matches(of: "cafe", in: "Un CAFÉ, un café."),
                       [TextRange(start: 3, end: 7), TextRange(start: 12, end: 16)])
        XCTAssertEqual(TextLayout.matches(of: "", in: "abc"), [])
    }

    func testDayRangeParsing() {
        let d = { (s: String) in Day(iso: s) }
        let table: [(String, DayRange?)] = [
            ("2022-01-20..2022-01-26", DayRange(from: d("2022-01-20"), to: d("2022-01-26"))),
            ("..2022-01-15", DayRange(from: nil, to: d("2022-01-15"))),
            ("2022-01-15..", DayRange(from: d("2022-01-15"), to: nil)),
            (" 2022-01-26 ", DayRange(from: d("2022-01-26"), to: d("2022-01-26"))),
            ("2022-01-26..2022-01-20", nil), ("..", nil), ("2022-02-30", nil), ("yesterday", nil),
            ("2022-01-26T10:00:00Z", nil), ("2022-1-2", nil), ("", nil),
        ]
        for (input, want) in table { XCTAssertEqual(DayRange(parsing: input), want, input) }
        XCTAssertTrue(DayRange(parsing: "..2022-01-15")!.contains(Day(iso: "2021-05-05")!))
        XCTAssertFalse(DayRange(parsing: "2022-01-16..")!.contains(Day(iso: "2022-01-15")!))
    }

    func testNameKeysMergeSpellingVariants() {
        XCTAssertEqual(Fold.nameKey("Zelenskyy"), Fold.nameKey("Zelenskiy"))
        XCTAssertEqual(Fold.nameKey("Zelensky"), Fold.nameKey("Zelenskiy"))
        XCTAssertEqual(Fold.nameKey("Sergey"), Fold.nameKey("Sergei"))
        XCTAssertEqual(Fold.nameKey("Poutine"), Fold.nameKey("Putin") + "e")
        XCTAssertNotEqual(Fold.nameKey("Biden"), Fold.nameKey("Putin"))
    }

    func testKeyScripts() {
        XCTAssertEqual(Key.script("j j c"), [.char("j"), .char("j"), .char("c")])
        XCTAssertEqual(Key.script("/Par <Enter> <S-Tab> PgDn <C-l> <Space>"),
                       [.char("/"), .char("P"), .char("a"), .char("r"), .enter, .backTab, .pageDown, .ctrl("l"), .char(" ")])
    }
}
