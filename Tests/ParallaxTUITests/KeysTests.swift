import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// The keys terminal users expect (issue 12): `q` steps back before it quits, `c` follows the event
/// filter, the reading view, resizing the list, prompts with history and their current value, and a
/// status line whose hints a message never pushes off. Whole frames are compared line for line.
final class KeysTests: XCTestCase {
    /// The fixture corpus plus an article that reports talks in Geneva and mentions the Lisbon ones:
    /// filtered on Lisbon, it is in the list, but its own event is Geneva's.
    static func twoEvents() -> Corpus {
        var c = Fixtures.corpus()
        let body = "Delegations met in Geneva on Monday, a week after the Lisbon talks. No statement followed."
        let e = Fixtures.article("e5", title: "Geneva talks follow Lisbon round", outlet: "Evening Post",
                                 day: "2023-03-20", body: body)
        var lisbon = c.events[0]
        lisbon.mentionedBy = ["e5"]
        let geneva = Event(id: "ev-geneva", title: "Talks in Geneva", kind: .talks, date: Day(iso: "2023-03-20"),
                           place: "Geneva", participants: [], articles: ["e5"])
        var primary = c.primaryEvent
        primary["e5"] = "ev-geneva"
        c = Corpus(articles: c.articles + [e], actors: c.actors, events: [lisbon, geneva], primaryEvent: primary)
        return c
    }

    func frame(_ s: AppState, _ keys: String = "") -> [String] {
        render(Fixtures.press(s, keys).0).lines.map { $0.trimmingTrailingSpaces() }
    }

    /// Compares whole frames; on a difference prints the actual frame as a literal to paste.
    func assertFrame(_ actual: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard actual != expected else { return }
        let literal = actual.map { "            \"" + $0.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\"," }.joined(separator: "\n")
        var diff = ""
        for i in 0..<max(actual.count, expected.count) {
            let a = i < actual.count ? actual[i] : "<none>", e = i < expected.count ? expected[i] : "<none>"
            if a != e { diff += "line \(i):\n  expected \(e)\n  actual   \(a)\n" }
        }
        XCTFail("frame differs:\n\(diff)actual frame:\n\(literal)", file: file, line: line)
    }

    // MARK: - q and Q

    func testQClosesOverlaysAndReturnsToTheListBeforeItQuits() {
        let s = Fixtures.state(width: 80, height: 24)
        let list = frame(s)
        for keys in ["c q", "? q", "t q", "c w q", "<Tab> q", "<Tab> <Tab> q", "z q", "<Enter> q"] {
            let (st, effects) = Fixtures.press(s, keys)
            XCTAssertEqual(effects, [], "“\(keys)” must not quit")
            XCTAssertNil(st.overlay, keys)
            XCTAssertFalse(st.reading, keys)
            XCTAssertEqual(st.focus, .articles, keys)
        }
        // Back on the list exactly as it was (the comparison's `w` message aside).
        assertFrame(frame(s, "c q"), list)
        assertFrame(frame(s, "? q"), list)
        XCTAssertEqual(Fixtures.press(s, "q").1, [.quit])
        XCTAssertEqual(Fixtures.press(s, "c q q").1, [.quit])
        for keys in ["c Q", "? Q", "z Q", "<Tab> <Tab> Q", "Q"] {
            XCTAssertEqual(Fixtures.press(s, keys).1, [.quit], keys)
        }
        // In a prompt q is a letter.
        XCTAssertEqual(Fixtures.press(s, "/ q").1, [])
        XCTAssertEqual(Fixtures.press(s, "/ q").0.prompt?.text, "q")
    }

    func testTheQHintSaysCloseWhereQCloses() {
        let s = Fixtures.state(width: 120, height: 40)
        XCTAssertTrue(frame(s)[39].hasSuffix("? help  q quit"), frame(s)[39])
        XCTAssertTrue(frame(s, "c")[39].hasSuffix("? help  q close"), frame(s, "c")[39])
        XCTAssertTrue(frame(s, "z")[39].hasSuffix("? help  q close"), frame(s, "z")[39])
    }

    // MARK: - c on a filtered event

    func testCComparesTheEventTheListIsFilteredOn() {
        let s = Fixtures.state(Self.twoEvents(), width: 80, height: 24)
        XCTAssertEqual(s.selectedArticle?.id, "e5", "newest first")
        // Unfiltered, c compares the selected article's own event.
        XCTAssertTrue(frame(s, "c")[1].contains("Talks in Geneva"), frame(s, "c")[1])
        // Filtered on Lisbon, with the Geneva article still selected, c compares Lisbon.
        let filtered = Fixtures.press(s, "e Lisbon <Enter>").0
        XCTAssertEqual(filtered.selectedArticle?.id, "e5")
        assertFrame(frame(filtered, "c"), [
            "┌─ Comparison — j/k rows · Enter jump to the text · c/q/Esc close ─────────────┐",
            "│Talks in Lisbon · 2023-03-14 · Lisbon                                         │",
            "│participants: Volodymyr Zelensky                                              │",
            "│                                                                              │",
            "│Daily Planet              Morning Star              c3.txt                    │",
            "│Lisbon talks end with     Zelenskiy calls Lisbon    No agreement in Lisbon    │",
            "│promise to meet again     talks useful                                        │",
            "│2023-03-14 · 33 words     2023-03-14 · 14 words     2023-03-15 · 12 words     │",
            "│                                                                              │",
            "│▸ quote: Volodymyr Zelensky                                                   │",
            "│useful and frank          (partial) useful          —                         │",
            "│▸ unique: only Daily Planet                                                   │",
            "│Leaders met in Lisbon on  —                         —                         │",
            "│Tuesday.                                                                      │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " 5 articles · 4 shown · query: event:ev-lisbon     Enter open  ? help  q close",
        ])
    }

    // MARK: - The reading view

    func testReadingViewTakesTheWholeScreenAndToggles() {
        let s = Fixtures.press(Fixtures.state(width: 60, height: 16), "j").0
        let read = frame(s, "z")
        assertFrame(read, [
            "┌─ Reading · 1–5/5 · z/q close ────────────────────────────┐",
            "│Lisbon talks end with promise to meet again               │",
            "│Leaders met in Lisbon on Tuesday. Volodymyr Zelensky said │",
            "│the talks were “useful and frank”.                        │",
            "│                                                          │",
            "│The meeting lasted three hours and both sides promised to │",
            "│meet again next month in the same format.                 │",
            "│                                                          │",
            "│                                                          │",
            "│                                                          │",
            "│                                                          │",
            "│                                                          │",
            "│                                                          │",
            "│                                                          │",
            "└──────────────────────────────────────────────────────────┘",
            " 4 articles          Tab pane  Enter open  ? help  q close",
        ])
        // Enter on the Text pane toggles it too; z, q and Esc leave it.
        assertFrame(frame(s, "<Enter> <Enter>"), read)
        assertFrame(frame(s, "z z"), frame(s, "<Tab>"))
        assertFrame(frame(s, "z <Esc>"), frame(s, "<Tab>"))
        assertFrame(frame(s, "z q"), frame(s))
        // j scrolls the text, not the list.
        XCTAssertEqual(Fixtures.press(s, "z j").0.selected, 1)
    }

    // MARK: - Resizing the list

    func testAngleBracketsResizeTheListForTheSession() {
        let s = Fixtures.state(width: 80, height: 24)
XCTAssertEqual(s.layout.rect(of: .articles)?.width, 32)
        XCTAssertEqual(Fixtures.press(s, "> >").0.layout.rect(of: .articles)?.width, 40)
        XCTAssertEqual(Fixtures.press(s, "<").0.layout.rect(of: .articles)?.width, 28)
        // It stays while moving around, in overlays and across a resize.
        let wide = Fixtures.press(s, "> > c <Esc> <Tab> <Tab> j").0
        XCTAssertEqual(wide.layout.rect(of: .articles)?.width, 40)
        let (resized, _) = update(wide, .resize(width: 120, height: 40))
        XCTAssertEqual(resized.layout.rect(of: .articles)?.width, 60)
        // Clamped, and said so.
        let narrowest = Fixtures.press(s, "< < < < < <")
        XCTAssertEqual(narrowest.0.layout.rect(of: .articles)?.width, 16)
        XCTAssertEqual(narrowest.0.message, "the list is as narrow as it gets")
        assertFrame(frame(s, "> >"), [
            "┌─ Articles (4) ───────────────────────┐┌─ Text · 1–3/3 ───────────────────────┐",
            "│Date       Outlet    Title            ││No agreement in Lisbon                │",
            "│2023-03-15 c3.txt    No agreement in …││Talks in Lisbon ended without         │",
            "│2023-03-14 Daily Pl… Lisbon talks end…││agreement, Zelenskyy's office said.   │",
            "│2023-03-14 Morning … Zelenskiy calls …││Protesters gathered outside.          │",
            "│2023-02-01 Daily Pl… Harvest festival…││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "│                                      ││                                      │",
            "└──────────────────────────────────────┘└──────────────────────────────────────┘",
            " 4 articles  Tab pane  Enter open  Esc back  / search  a actor  ? help  q quit",
        ])
    }

    // MARK: - Prompts

    func testPromptsOpenOnTheCurrentValueAndAnEmptyEnterRemovesTheFilter() {
        let s = Fixtures.state()
        // No filter: an empty Enter applies nothing (it used to take the first completion).
        for p in ["a", "o", "e", "d"] {
            let st = Fixtures.press(s, "\(p) <Enter>").0
            XCTAssertEqual(st.filters, Filters(), p)
            XCTAssertEqual(st.visible.count, 4, p)
        }
        let daily = Fixtures.press(s, "o Daily <Enter>").0
        XCTAssertEqual(daily.filters.outlet, "Daily Planet")
        // The prompt opens on the current value; Enter keeps it, typing replaces it.
        let reopened = Fixtures.press(daily, "o").0
        XCTAssertEqual(reopened.prompt?.text, "Daily Planet")
        XCTAssertEqual(Fixtures.press(daily, "o <Enter>").0.filters.outlet, "Daily Planet")
        XCTAssertEqual(Fixtures.press(daily, "o Morning <Enter>").0.filters.outlet, "Morning Star")
        // Backspace on the untouched value empties it; Enter then removes only that filter.
        let both = Fixtures.press(daily, "d ..2023-03-01 <Enter>").0
        XCTAssertEqual(both.visible.count, 1)
        let removed = Fixtures.press(both, "o <BS> <Enter>").0
        XCTAssertNil(removed.filters.outlet)
        XCTAssertEqual(removed.filters.dates.map { QueryParser.format($0) }, "date:..2023-03-01")
        XCTAssertEqual(removed.message, "outlet filter removed · 1 article")
        XCTAssertEqual(Fixtures.press(both, "d").0.prompt?.text, "..2023-03-01")
        XCTAssertNil(Fixtures.press(both, "d <C-u> <Enter>").0.filters.dates)
        // The actor and event prompts show names, not ids.
        let zel = Fixtures.press(s, "a zelensk <Enter> a").0
        XCTAssertEqual(zel.prompt?.text, "Volodymyr Zelensky")
        XCTAssertEqual(Fixtures.press(s, "e Lisbon <Enter> e").0.prompt?.text, "Talks in Lisbon")
        XCTAssertNil(Fixtures.press(s, "e Lisbon <Enter> e <BS> <Enter>").0.filters.event)
    }

    func testPromptHistoryWithUpAndDown() {
        let s = Fixtures.state()
        let st = Fixtures.press(s, "/ harvest <Enter> / <C-u> Lisbon <Enter> / <C-u>").0
        XCTAssertEqual(st.prompt?.text, "")
        let up = Fixtures.press(st, "<Up>").0
        XCTAssertEqual(up.prompt?.text, "Lisbon")
        XCTAssertEqual(up.visible.count, 3, "the search follows the recalled line")
        XCTAssertEqual(Fixtures.press(st, "<Up> <Up>").0.prompt?.text, "harvest")
        XCTAssertEqual(Fixtures.press(st, "<Up> <Up> <Up>").0.prompt?.text, "harvest", "the oldest stays")
        XCTAssertEqual(Fixtures.press(st, "<Up> <Up> <Down>").0.prompt?.text, "Lisbon")
        XCTAssertEqual(Fixtures.press(st, "Lis <Up> <Down>").0.prompt?.text, "Lis", "down past the newest gives the draft back")
        // Each prompt has its own history, and it outlives the filter.
        let o = Fixtures.press(s, "o Daily <Enter> x o <Up>").0
        XCTAssertEqual(o.prompt?.text, "Daily")
        XCTAssertEqual(Fixtures.press(o, "<Enter>").0.filters.outlet, "Daily Planet")
        XCTAssertEqual(Fixtures.press(s, "o Daily <Enter> x a <Up>").0.prompt?.text, "")
        // Tab still chooses among the completions.
        XCTAssertEqual(Fixtures.press(s, "o <Tab> <Enter>").0.filters.outlet, "Morning Star")
    }

    // MARK: - The status line

    func testALongMessageKeepsTheHintsAndIsCutAtAWord() {
        var s = Fixtures.state(width: 80, height: 24)
        s.message = "no article matches actor Volodymyr Zelensky and outlet Morning Star and date 2023-03-01..2023-03-02"
        let line = frame(s)[23]
        XCTAssertEqual(line, " 4 articles · no article matches actor Volodymyr Zelensky and…  ? help  q quit")
        // Work in progress stays in view; the message gives way first.
        s.activity = "indexing: reading 3/5 files"
        XCTAssertEqual(frame(s)[23], " 4 articles · indexing: reading 3/5 files · no article…         ? help  q quit")
        XCTAssertEqual(StatusBar.cutAtWord("one two three", to: 9, ellipsis: "…"), "one two…")
        XCTAssertEqual(StatusBar.cutAtWord("one two three", to: 13, ellipsis: "…"), "one two three")
        XCTAssertEqual(StatusBar.cutAtWord("a · b · c", to: 6, ellipsis: "…"), "a · b…")
        // A path is one long word: it is cut inside rather than dropped whole.
        XCTAssertEqual(StatusBar.cutAtWord("opening /tmp/a/very/long/path.txt with xdg-open", to: 20, ellipsis: "…"), "opening /tmp/a/very…")
        XCTAssertEqual(StatusBar.cutAtWord("unbreakable", to: 5, ellipsis: "…"), "unbr…")
    }
}
