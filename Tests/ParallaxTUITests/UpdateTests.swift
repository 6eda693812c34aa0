import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// `update` as a function: keys in, state and effects out.
final class UpdateTests: XCTestCase {
    func testMovementKeys() {
        let s = Fixtures.state()
        XCTAssertEqual(s.selected, 0)
        XCTAssertEqual(Fixtures.press(s, "j").0.selected, 1)
        XCTAssertEqual(Fixtures.press(s, "<Down> <Down>").0.selected, 2)
        XCTAssertEqual(Fixtures.press(s, "k").0.selected, 0, "k at the top stays")
        XCTAssertEqual(Fixtures.press(s, "G").0.selected, 3)
        XCTAssertEqual(Fixtures.press(s, "j j j j j j").0.selected, 3, "j at the bottom stays")
        XCTAssertEqual(Fixtures.press(s, "G g").0.selected, 0)
        XCTAssertEqual(Fixtures.press(s, "<End> <Home>").0.selected, 0)
        XCTAssertEqual(Fixtures.press(s, "<PgDn>").0.selected, 3)
        XCTAssertEqual(Fixtures.press(s, "<PgDn> <PgUp>").0.selected, 0)
    }

    func testPanesFocusAndBack() {
        let s = Fixtures.state()
        XCTAssertEqual(Fixtures.press(s, "<Tab>").0.focus, .text)
        XCTAssertEqual(Fixtures.press(s, "<Tab> <Tab> <Tab> <Tab>").0.focus, .articles)
        XCTAssertEqual(Fixtures.press(s, "<S-Tab>").0.focus, .compare)
        XCTAssertEqual(Fixtures.press(s, "<Enter>").0.focus, .text, "Enter opens the article")
        XCTAssertEqual(Fixtures.press(s, "<Enter> <Esc>").0.focus, .articles)
        // In the Text pane, j scrolls the text instead of moving the selection.
        let long = (1...30).map { "Paragraph \($0)." }.joined(separator: "\n\n")
        let arts = [Fixtures.article("x1", title: "A", outlet: "X", day: "2023-01-02", body: "Short."),
                    Fixtures.article("x2", title: "B", outlet: "X", day: "2023-01-01", body: long)]
        let small = Fixtures.state(Corpus(articles: arts), width: 60, height: 16)
        let scrolled = Fixtures.press(small, "j <Enter> j").0
        XCTAssertEqual(scrolled.selected, 1)
        XCTAssertEqual(scrolled.textScroll, 1)
    }

    func testQuitAndRedrawEffects() {
        let s = Fixtures.state()
        XCTAssertEqual(Fixtures.press(s, "q").1, [.quit])
        XCTAssertEqual(Fixtures.press(s, "<C-l>").1, [.redrawAll])
        XCTAssertEqual(Fixtures.press(s, "Z").1, [], "an unbound key does nothing")
        let (r, e) = update(s, .resize(width: 70, height: 20))
        XCTAssertEqual(e, [.redrawAll])
        XCTAssertEqual(r.width, 70)
        XCTAssertEqual(r.layout.panes.count, 1)
    }

    func testIncrementalSearchNarrowsAndEscRestores() {
        let s = Fixtures.state()
        let typing = Fixtures.press(s, "/ Lis").0
        XCTAssertNotNil(typing.prompt)
        XCTAssertEqual(typing.visible.count, 3, "each key narrows the list as you type")
        XCTAssertEqual(Fixtures.press(s, "/ Lisbon <Space> ended").0.visible.count, 1)
        XCTAssertEqual(Fixtures.press(s, "/ Lis <BS> <BS> <BS>").0.visible.count, 4)
        let cancelled = Fixtures.press(s, "/ Lis <Esc>").0
        XCTAssertNil(cancelled.prompt)
        XCTAssertEqual(cancelled.visible.count, 4)
        let kept = Fixtures.press(s, "/ harvest <Enter>").0
        XCTAssertEqual(kept.visible.count, 1)
        XCTAssertEqual(kept.filters.text, "harvest")
        // Accent- and case-insensitive.
        XCTAssertEqual(Fixtures.press(s, "/ LISBÓN <Enter>").0.visible.count, 3)
    }

    func testNextMatchScrollsTheText() {
        let long = (1...40).map { "Line \($0) of filler text." }.joined(separator: "\n\n") + "\n\nThe needle is here."
            + "\n\n" + (1...10).map { "Tail \($0)." }.joined(separator: "\n\n")
        let a = Fixtures.article("n1", title: "Long", outlet: "X", day: "2023-01-01", body: long)
        let s = Fixtures.state(Corpus(articles: [a]), width: 120, height: 40)
        let found = Fixtures.press(s, "/ needle <Enter> n").0
        XCTAssertEqual(found.derived.matches.count, 1)
        XCTAssertGreaterThan(found.textScroll, 40)
        XCTAssertEqual(found.message, "match 1/1")
        XCTAssertEqual(Fixtures.press(s, "n").0.message, "no search: press / first")
    }

    func testActorPromptCompletesSpellingVariants() {
        let s = Fixtures.state()
        for typed in ["zelenskyy", "Zelenskiy", "zelenskyi", "volodymyr"] {
            let st = Fixtures.press(s, "a " + typed).0
            XCTAssertEqual(st.prompt?.completions.first?.value, "volodymyr-zelensky", typed)
        }
        let filtered = Fixtures.press(s, "a zelenskyi <Enter>").0
        XCTAssertEqual(filtered.filters.actor, "Volodymyr Zelensky")
        XCTAssertEqual(filtered.filters.text, "actor:\"Volodymyr Zelensky\"")
        XCTAssertEqual(Set(filtered.visible.map { filtered.query.article(at: $0).id }), ["a1", "b2", "c3"])
        XCTAssertEqual(Fixtures.press(s, "a nobody <Enter>").0.message, "no actor matches “nobody”")
    }

    func testEnterOnAnActorFiltersByIt() {
        let s = Fixtures.state()
        let st = Fixtures.press(s, "j <Tab> <Tab> j <Enter>").0  // a1, Actors pane, second actor (Lisbon)
        XCTAssertEqual(st.filters.actor, "Lisbon")
        XCTAssertEqual(st.visible.count, 2)
        XCTAssertEqual(st.focus, .articles)
    }

    func testFiltersCombineAndClear() {
        let s = Fixtures.state()
        let st = Fixtures.press(s, "o Daily <Enter> d ..2023-03-01 <Enter>").0
        XCTAssertEqual(st.visible.map { st.query.article(at: $0).id }, ["d4"])
        XCTAssertEqual(Fixtures.press(st, "x").0.visible.count, 4)
        let bad = Fixtures.press(s, "d 2023-13-01 <Enter>").0
        XCTAssertEqual(bad.visible.count, 4)
        XCTAssertTrue(bad.message?.hasPrefix("not a date range") ?? false)
        let ev = Fixtures.press(s, "e Lisbon <Enter>").0
        XCTAssertEqual(ev.filters.event, "ev-lisbon")
        XCTAssertEqual(ev.visible.count, 3)
    }

    func testTimelineEnterFiltersByEvent() {
        let st = Fixtures.press(Fixtures.state(), "t <Enter>").0
        XCTAssertNil(st.overlay)
        XCTAssertEqual(st.filters.event, "ev-lisbon")
    }

    func testCompareRowJumpsToTheSentence() {
        let s = Fixtures.state()
        // Select b2 (Morning Star), open the comparison, go to the quote row, Enter.
        var st = Fixtures.press(s, "j j c").0
        XCTAssertEqual(st.overlay, .comparison)
        let rows = st.derived.comparison?.rows ?? []
        let qi = rows.firstIndex { $0.kind == .quote } ?? 0
        st = Fixtures.press(st, Array(repeating: "j", count: qi).joined(separator: " ") + " <Enter>").0
        XCTAssertNil(st.overlay)
        XCTAssertEqual(st.focus, .text)
        XCTAssertEqual(st.selectedArticle?.id, "a1", "the first column's quote is in a1")
        // The passage is underlined in the text.
        let underlined = st.derived.textLines.flatMap(\.chars).filter(\.style.underline).map(\.char)
        XCTAssertFalse(underlined.isEmpty)
        XCTAssertTrue(String(underlined).contains("useful"), String(underlined))
        // c on an article without an event says so instead of opening.
        let none = Fixtures.press(s, "G c").0
        XCTAssertNil(none.overlay)
        XCTAssertEqual(none.message, "this article has no event")
    }

    func testMouseClickSelectsRowAndPane() {
        let s = Fixtures.state()
        let r = s.layout.rect(of: .articles)!
        let (st, _) = update(s, .mouse(MouseEvent(.click, x: r.x + 3, y: r.y + 2 + 2)))
        XCTAssertEqual(st.selected, 2)
        let t = s.layout.rect(of: .text)!
        XCTAssertEqual(update(s, .mouse(MouseEvent(.click, x: t.x + 3, y: t.y + 3))).0.focus, .text)
        XCTAssertEqual(update(s, .mouse(MouseEvent(.wheelDown, x: r.x + 3, y: r.y + 3))).0.selected, 3)
    }

    func testRawToggleAndActorScope() {
        let raw = "RAW HEADER\nLisbon talks body"
        let a = Fixtures.article("r1", title: "T", outlet: "X", day: "2023-01-01", body: "Clean body.", raw: raw)
        let s = Fixtures.state(Corpus(articles: [a]))
        XCTAssertTrue(render(s).text.contains("Clean body."))
        let r = Fixtures.press(s, "r").0
        XCTAssertTrue(render(r).text.contains("RAW HEADER"))
        XCTAssertTrue(render(r).text.contains("Text · raw"))
        let all = Fixtures.press(Fixtures.state(), "s").0
        XCTAssertEqual(all.actorScope, .corpus)
        XCTAssertEqual(all.derived.actorRows.first?.mentions, 3)
    }

    func testKeymapRebindingFromALaterLine() {
        var lines = ResourceFiles.lines(of: "keymap.txt")
        lines.append("quit | Q")
        lines.append("down | q")
        let km = Keymap(lines: lines)
        XCTAssertEqual(km.action(for: .char("Q"), in: [.global]), .quit)
        XCTAssertEqual(km.action(for: .char("q"), in: [.global]), .down)
        XCTAssertEqual(km.binding(.down)?.help, "Move down one row / scroll down one line")
        XCTAssertTrue(Keymap(lines: ["bogus | z"]).problems.first?.contains("bogus") ?? false)
    }

    /// Each keymap line the table cannot use, or uses only in part, is said (the config report names
    /// the file and line).
    func testKeymapLineProblems() {
        for line in ResourceFiles.lines(of: "keymap.txt") { XCTAssertNil(Keymap.problem(in: line), line) }
        XCTAssertEqual(Keymap.problem(in: "quit | <C-q> Q"), nil)
        XCTAssertEqual(Keymap.problem(in: "exit | q")?.hasPrefix("unknown action “exit” (actions: down, up,"), true)
        XCTAssertEqual(Keymap.problem(in: "quit"), "expected action | keys | contexts | hint | help")
        XCTAssertEqual(Keymap.problem(in: "quit | <Dwn> q")?.hasPrefix("unknown key “<Dwn>” (a character, or <Enter>"), true)
        XCTAssertEqual(Keymap.problem(in: "quit | q | listing"),
                       "unknown context “listing” (contexts: global, panes, articles, text, actors, compare, overlay)")
    }
}
