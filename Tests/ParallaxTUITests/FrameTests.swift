import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// Whole frames rendered at fixed sizes, asserted on their text.
final class FrameTests: XCTestCase {
    func frame(_ s: AppState, _ keys: String = "") -> [String] {
        render(Fixtures.press(s, keys).0).lines
    }

    func testSampleAt120x40ShowsFourPanesAndTheList() throws {
        let lines = frame(try Fixtures.sampleState(width: 120, height: 40))
        XCTAssertEqual(lines.count, 40)
        let top = lines[0]
        XCTAssertTrue(top.contains("Articles (5)"), top)
        XCTAssertTrue(top.contains("Text"), top)
        XCTAssertTrue(lines.contains { $0.contains("Actors") && $0.contains("Compare") })
        // The list: five rows with their dates and outlets.
        let text = lines.joined(separator: "\n")
        for outlet in ["France 24", "VOA News", "The Guardian"] { XCTAssertTrue(text.contains(outlet), outlet) }
        XCTAssertTrue(lines[2].contains("2022-01-26"), lines[2])
        XCTAssertTrue(lines[1].contains("Date") && lines[1].contains("Outlet") && lines[1].contains("Title"))
        // Every line is exactly as wide as the screen or less (no wide-character overflow).
        for l in lines { XCTAssertLessThanOrEqual(CellWidth.of(l), 120, l) }
        // The status bar: corpus size and hints from the action table.
        XCTAssertTrue(lines[39].contains("5 articles"), lines[39])
        XCTAssertTrue(lines[39].contains("? help") && lines[39].contains("q quit"), lines[39])
    }

    /// `w` in the comparison: each outlet's column says why its article is in the event and marks the
    /// day it reported on a sparkline; `w` again hides it.
    func testWhyGroupedInTheComparisonOnRequest() throws {
        let s = try Fixtures.sampleState(width: 120, height: 40)
        let plain = frame(s, "c")
        XCTAssertFalse(plain.contains { $0.contains("why:") })
        let shown = frame(s, "c w")
        let why = try XCTUnwrap(shown.firstIndex { $0.contains("why: opened the event") }, shown.joined(separator: "\n"))
        // The Paris talks: the two later reports joined on what they share with the first.
        XCTAssertTrue(shown[why].contains("why: 1."), shown[why])
        XCTAssertTrue(shown[why - 1].contains("█"), shown[why - 1])
        // Hidden again: the same frame but for the status line's message.
        XCTAssertEqual(Array(frame(s, "c w w").dropLast()), Array(plain.dropLast()))
    }

    func testTextPaneWrapsParagraphsAtWordBoundaries() throws {
        let s = try Fixtures.sampleState(width: 120, height: 40)
        guard let body = s.selectedArticle?.body else { return XCTFail("no article") }
        let lines = frame(s)
        let r = try XCTUnwrap(s.layout.rect(of: .text))
        // The text column of each row inside the Text pane, scroll bar excluded.
        let rows = lines[(r.y + 2)..<(r.maxY - 1)].map { line -> String in
            let chars = Array(line)
            let from = min(chars.count, r.x + 1)
            let to = min(chars.count, r.maxX - 2)
            return String(chars[from..<max(from, to)]).trimmingTrailingSpaces()
        }
        XCTAssertGreaterThan(rows.filter { !$0.isEmpty }.count, 10)
        // Wrapped at word boundaries: every row is a run of whole words of the body.
        let words = Set(body.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for row in rows where !row.isEmpty {
            for w in row.split(separator: " ") { XCTAssertTrue(words.contains(String(w)), "“\(w)” in “\(row)”") }
            XCTAssertLessThanOrEqual(CellWidth.of(row), r.width - 3)
        }
        // A paragraph break stays a blank line, and the first paragraph reads on across rows.
        XCTAssertTrue(rows.contains(""))
        let firstPara = body.split(separator: "\n\n").first.map(String.init) ?? ""
        let joined = rows.prefix { !$0.isEmpty }.joined(separator: " ")
        XCTAssertEqual(joined, firstPara.split(separator: " ").joined(separator: " "))
    }

    func testAt80x24TwoPanesAndTabSwitchesTheRightOne() throws {
        let s = try Fixtures.sampleState(width: 80, height: 24)
        var lines = frame(s)
        XCTAssertTrue(lines[0].contains("Articles") && lines[0].contains("Text"), lines[0])
        XCTAssertFalse(lines.joined().contains("Compare"))
        lines = frame(s, "<Tab> <Tab>")  // Text, then Actors
        XCTAssertTrue(lines[0].contains("Articles") && lines[0].contains("Actors"), lines[0])
        lines = frame(s, "<Tab> <Tab> <Tab>")
        XCTAssertTrue(lines[0].contains("Compare"), lines[0])
    }

    func testAt200x50FourPanes() throws {
        let lines = frame(try Fixtures.sampleState(width: 200, height: 50))
        XCTAssertEqual(lines.count, 50)
        let all = lines.joined(separator: "\n")
        for t in ["Articles (5)", "Text", "Actors", "Compare"] { XCTAssertTrue(all.contains(t), t) }
        XCTAssertTrue(lines[2].contains("France 24"))
    }

    func testOutletFilterNarrowsTheList() throws {
        let s = try Fixtures.sampleState(width: 120, height: 40)
        let lines = frame(s, "o VOA <Enter>")
        XCTAssertTrue(lines[0].contains("Articles (1/5)"), lines[0])
        XCTAssertTrue(lines[2].contains("VOA News"), lines[2])
        XCTAssertFalse(lines[3].contains("2022"), lines[3])
        XCTAssertTrue(lines[39].contains("query: outlet:\"VOA News\""), lines[39])
        // x clears it.
        XCTAssertTrue(frame(s, "o VOA <Enter> x")[0].contains("Articles (5)"))
    }

    func testDateAndSearchFiltersCombine() throws {
        let s = try Fixtures.sampleState(width: 120, height: 40)
        let lines = frame(s, "d 2022-01-21 <Enter>")
        XCTAssertTrue(lines[0].contains("Articles (1/5)"), lines[0])
        XCTAssertTrue(lines[2].contains("2022-01-21"), lines[2])
        // Search for a word of the other articles, within the date filter: nothing.
        let none = frame(s, "d 2022-01-21 <Enter> / Yermak <Enter>")
        XCTAssertTrue(none.joined().contains("no article matches the query"))
        XCTAssertTrue(none[39].contains("query: date:2022-01-21 Yermak"), none[39])
    }

    func testSampleParisComparisonHasThreeOutletColumns() throws {
        let s = try Fixtures.sampleState(width: 120, height: 40)
        XCTAssertEqual(s.selectedArticle?.outlet, "France 24")
        let lines = frame(s, "c")
        XCTAssertTrue(lines[0].contains("Comparison"), lines[0])
        XCTAssertTrue(lines[1].contains("Paris"), lines[1])
        let header = try XCTUnwrap(lines.first { $0.contains("France 24") && $0.contains("The Guardian") && $0.contains("VOA News") })
        // Three columns, left to right, on one row.
        let fr = try XCTUnwrap(header.range(of: "France 24")), gu = try XCTUnwrap(header.range(of: "The Guardian"))
        let voa = try XCTUnwrap(header.range(of: "VOA News"))
        XCTAssertTrue(fr.upperBound < gu.lowerBound && gu.upperBound < voa.lowerBound)
        // The small pane shows the same event.
        XCTAssertTrue(frame(s).contains { $0.contains("talks in Paris") || $0.contains("Paris ·") })
    }

    func testSampleActorFilterBySpellingVariant() throws {
        let s = try Fixtures.sampleState(width: 120, height: 40)
        let prompt = frame(s, "a zelenskiy")
        XCTAssertTrue(prompt[39].hasPrefix("actor: zelenskiy"), prompt[39])
        XCTAssertTrue(prompt[38].contains("Volodymyr Zelensky"), prompt[38])
        let lines = frame(s, "a zelenskiy <Enter>")
        XCTAssertTrue(lines[39].contains("query: actor:\"Volodymyr Zelensky\""), lines[39])
        XCTAssertFalse(lines[0].contains("Articles (5)"), "the filter narrows the list: \(lines[0])")
        XCTAssertFalse(lines.joined().contains("Moscow confirms"), "003 does not name him")
    }

    func testHelpScreenComesFromTheActionTable() throws {
        let s = try Fixtures.sampleState(width: 120, height: 40)
        let lines = frame(s, "?")
        XCTAssertTrue(lines[0].contains("Help"), lines[0])
        // The screen scrolls when the table is longer than it: every action is on one of its pages.
        let scrolled = frame(s, "? " + Array(repeating: "j", count: 30).joined(separator: " "))
        XCTAssertNotEqual(scrolled, lines, "the help scrolls")
        let all = (lines + scrolled).joined(separator: "\n")
        for b in s.keymap.bindings { XCTAssertTrue(all.contains(b.help), b.help) }
        XCTAssertTrue(all.contains("j/↓"))
        XCTAssertFalse(frame(s, "? <Esc>")[0].contains("Help"))
    }

    func testTooSmall() throws {
        let s = try Fixtures.sampleState(width: 59, height: 20)
        let all = frame(s).joined(separator: "\n")
        XCTAssertTrue(all.contains("Terminal too small: 59×20"), all)
        XCTAssertTrue(all.contains("at least 60×16"))
        XCTAssertFalse(all.contains("Articles"))
        let short = frame(try Fixtures.sampleState(width: 120, height: 15)).joined(separator: "\n")
        XCTAssertTrue(short.contains("too small"))
        // And q still quits.
        XCTAssertEqual(Fixtures.press(s, "q").1, [.quit])
    }

    func testHostileArticleIsShownHarmlessly() {
        let evil = "Title \u{1B}]0;pwned\u{07} here"
        let body = "Red \u{1B}[31mALERT\u{1B}[0m and \u{9B}2J clear, \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ "
            + "bell\u{07} nul\u{0} del\u{7F} bidi \u{202E}txet\u{202C} zero\u{200B}width \u{2066}iso\u{2069} end\r\nline"
        let a = Fixtures.article("e1", title: evil, outlet: "Evil \u{1B}[2J Times", day: "2023-01-01", body: body)
        let s = Fixtures.state(Corpus(articles: [a]), width: 120, height: 40)
        for keys in ["", "r", "c", "t", "?"] {
            let buf = render(Fixtures.press(s, keys).0)
            for cell in buf.cells {
                for u in cell.text.unicodeScalars {
                    XCTAssertFalse(u.value < 0x20 || (0x7F...0x9F).contains(u.value), "control U+\(String(u.value, radix: 16)) with keys “\(keys)”")
                    XCTAssertFalse([0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200E, 0x200F].contains(u.value))
                }
            }
        }
        let all = render(s).text
        XCTAssertTrue(all.contains("Red ␛[31mALERT␛[0m"), all)
        XCTAssertTrue(all.contains("bell␇"))
        XCTAssertTrue(all.contains("⇄txet⇄"))
        XCTAssertTrue(all.contains("zero·width"))
        XCTAssertTrue(all.contains("Evil ␛[2J"))
    }

    func testActorsAndComparePanesShowTheModel() {
        let s = Fixtures.state()
        // The list is newest first: c3 (2023-03-15) is on top; select a1 (Daily Planet, 2023-03-14).
        let sel = Fixtures.press(s, "j").0
        XCTAssertEqual(sel.selectedArticle?.id, "a1")
        let lines = render(sel).lines
        let all = lines.joined(separator: "\n")
        XCTAssertTrue(all.contains("Volodymyr Zelensky") && all.contains("person"), all)
        XCTAssertTrue(all.contains("Talks in Lisbon · 2023-03-14 · Lisbon"))
        // One column per outlet, side by side on one row (the unnamed outlet by its file name).
        XCTAssertTrue(lines.contains { $0.contains("Daily Planet") && $0.contains("Morning Star") && $0.contains("c3.txt") })
        XCTAssertTrue(all.contains("quote: Volodymyr Zelensky"), all)
        // Aliases and roles of the selected actor, once the Actors pane has focus.
        let focused = render(Fixtures.press(sel, "<Tab> <Tab>").0).text
        XCTAssertTrue(focused.contains("aliases: Zelenskiy, Zelenskyy"), focused)
        XCTAssertTrue(focused.contains("roles: Ukrainian President"))
        // The full-screen comparison.
        let full = render(Fixtures.press(sel, "c").0).lines
        XCTAssertTrue(full[0].contains("Comparison"))
        // The same speaker's statement as each outlet renders it, side by side; the shorter one is partial.
        XCTAssertTrue(full.contains { $0.contains("useful and frank") && $0.contains("(partial) useful") }, full.joined(separator: "\n"))
        XCTAssertTrue(full.contains { $0.contains("unique: only Daily Planet") })
    }

    func testEmptyModelLayersAreSaidHonestly() {
        let a = Fixtures.article("z", title: "Plain", outlet: "X", day: nil, body: "Nothing here.")
        let all = render(Fixtures.state(Corpus(articles: [a]))).text
        XCTAssertTrue(all.contains("no actors found"))
        XCTAssertTrue(all.contains("no events found"))
    }
}
