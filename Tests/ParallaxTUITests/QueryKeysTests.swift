import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// The query prompt, the field prompts as parts of the one query, undo, the working set keys and the
/// effects that get things out, through the real `update`.
final class QueryKeysTests: XCTestCase {
    private func ids(_ s: AppState) -> [String] { s.visible.map { s.query.article(at: $0).id } }

    func testQueryPromptTakesTheLanguage() {
        let s = Fixtures.state()
        XCTAssertEqual(ids(Fixtures.press(s, "/ lisbon <Space> -agreement <Enter>").0), ["a1", "b2"])
        XCTAssertEqual(ids(Fixtures.press(s, "/ harvest <Space> OR <Space> zelenskiy <Enter>").0), ["b2", "d4"])
        XCTAssertEqual(ids(Fixtures.press(s, "/ outlet:planet <Enter>").0), ["a1", "d4"])
        XCTAssertEqual(ids(Fixtures.press(s, "/ actor:zelenskyy <Space> -outlet:star <Enter>").0), ["c3", "a1"])
        // While a query does not parse, the list stays and the prompt says why, with the column.
        let broken = Fixtures.press(s, "/ lisbon <Space> (talks").0
        XCTAssertEqual(broken.prompt?.error, "column 8: “(” is not closed")
        XCTAssertEqual(ids(broken), ["c3", "a1", "b2"], "the list of the last query that parsed")
        let frame = render(broken).lines
        XCTAssertTrue(frame[39].contains("column 8: “(” is not closed"), frame[39])
        // Enter does not apply it; Esc goes back to the query before the prompt.
        XCTAssertNotNil(Fixtures.press(broken, "<Enter>").0.prompt)
        XCTAssertEqual(ids(Fixtures.press(broken, "<Esc>").0).count, 4)
    }

    func testFieldPromptsEditTheOneQuery() {
        let s = Fixtures.state()
        let st = Fixtures.press(s, "/ lisbon <Enter> o Daily <Enter>").0
        XCTAssertEqual(st.filters.text, "lisbon outlet:\"Daily Planet\"")
        XCTAssertEqual(ids(st), ["a1"])
        // The prompt starts with the field's value; an empty Enter removes that field only.
        let prompt = Fixtures.press(st, "o").0
        XCTAssertEqual(prompt.prompt?.text, "Daily Planet")
        let removed = Fixtures.press(st, "o <C-u> <Enter>").0
        XCTAssertEqual(removed.filters.text, "lisbon")
        // The / prompt starts with the whole query, to edit (a last word still a prefix stays open).
        XCTAssertEqual(Fixtures.press(st, "/").0.prompt?.text, "lisbon outlet:\"Daily Planet\" ")
        let open = Fixtures.press(s, "/ lisb <Enter> /").0
        XCTAssertEqual(open.prompt?.text, "lisb")
        XCTAssertEqual(ids(open), ["c3", "a1", "b2"], "reopening does not change the list")
        // u undoes the last change, one step at a time.
        XCTAssertEqual(Fixtures.press(st, "u").0.filters.text, "lisbon")
        XCTAssertEqual(Fixtures.press(st, "u u").0.filters.text, "")
        XCTAssertEqual(Fixtures.press(st, "x u").0.filters.text, "lisbon outlet:\"Daily Planet\"")
        XCTAssertEqual(Fixtures.press(s, "u").0.message, "nothing to undo")
    }

    func testUndatedArticlesAreNeverDroppedSilently() {
        var c = Fixtures.corpus()
        c.articles.append(Fixtures.article("e5", title: "Undated Lisbon notes", outlet: "Daily Planet", day: nil,
                                           body: "Notes from Lisbon."))
        let s = Fixtures.state(c)
        let dated = Fixtures.press(s, "d 2023-03-01..2023-03-31 <Enter>").0
        XCTAssertEqual(ids(dated), ["c3", "a1", "b2"])
        XCTAssertEqual(dated.undatedLeftOut, 1)
        XCTAssertTrue(render(dated).lines[39].contains("1 undated not shown (date:none)"), render(dated).lines[39])
        XCTAssertEqual(ids(Fixtures.press(s, "d none <Enter>").0), ["e5"])
        XCTAssertEqual(ids(Fixtures.press(s, "/ date:2023-03-01..2023-03-31 <Space> OR <Space> date:none <Enter>").0),
                       ["c3", "a1", "b2", "e5"])
        XCTAssertEqual(Fixtures.press(s, "/ date:2023-03-01..2023-03-31 <Space> OR <Space> date:none <Enter>").0.undatedLeftOut, 0)
    }

    func testMarksTagsAndReadState() {
        let s = Fixtures.state()
        // c3 is first; mark it and a1, tag b2.
        let st = Fixtures.press(s, "<Space> j <Space> j T follow-up <Enter>").0
        XCTAssertEqual(st.userData.marked, ["c3", "a1"])
        XCTAssertEqual(st.userData.tags["b2"], ["follow-up"])
        XCTAssertEqual(ids(Fixtures.press(st, "/ is:marked <Enter>").0), ["c3", "a1"])
        XCTAssertEqual(ids(Fixtures.press(st, "/ tag:FOLLOW-UP <Enter>").0), ["b2"])
        // The list shows the marks and tags beside the date.
        let lines = render(st).lines
        XCTAssertTrue(lines[2].hasPrefix("│2023-03-15●"), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("│2023-03-14●"), lines[3])
        XCTAssertTrue(lines[4].hasPrefix("│2023-03-14•"), lines[4])
        // Unmarking in a list of the marked takes the article out of it.
        let marked = Fixtures.press(st, "/ is:marked <Enter> <Space>").0
        XCTAssertEqual(ids(marked), ["a1"])
        // The tag prompt completes existing tags; -tag removes one.
        let tagging = Fixtures.press(st, "g T fo").0
        XCTAssertEqual(tagging.prompt?.completions.first?.label, "follow-up")
        XCTAssertNil(Fixtures.press(st, "T -follow-up <Enter>").0.userData.tags["b2"])
        // Opening an article marks it read; U takes it back.
        let read = Fixtures.press(s, "<Enter>").0
        XCTAssertEqual(read.userData.read, ["c3"])
        XCTAssertEqual(ids(Fixtures.press(read, "<Esc> / is:unread <Enter>").0), ["a1", "b2", "d4"])
        XCTAssertEqual(Fixtures.press(read, "<Esc> U").0.userData.read, [])
    }

    func testSavedQueries() {
        var s = Fixtures.state()
        s.savedQueries = SavedQueries(text: "summit = lisbon -agreement\n", file: "queries.txt")
        let (saved, effects) = Fixtures.press(s, "/ harvest <Enter> S crops <Enter>")
        XCTAssertEqual(saved.savedQueries.query(named: "crops"), "harvest")
        XCTAssertEqual(effects, [.saveQueries(saved.savedQueries)])
        let applied = Fixtures.press(saved, "' sum <Enter>").0
        XCTAssertEqual(ids(applied), ["a1", "b2"])
        XCTAssertEqual(applied.filters.text, "lisbon -agreement")
        XCTAssertEqual(Fixtures.press(s, "S").0.message, "no query to save")
        let bad = SavedQueries(text: "ok = a\nno equals here\nx = (a\n", file: "q.txt")
        XCTAssertEqual(bad.entries.map(\.name), ["ok"])
        XCTAssertEqual(bad.problems, ["q.txt:2: expected `name = query`", "q.txt:3: “(” is not closed (column 1 of the query)"])
    }

    /// `:` runs the rarer actions by name, each as its key's prompt would, a unique prefix being enough.
    func testTheCommandLine() {
        let s = Fixtures.state()
        XCTAssertEqual(Fixtures.press(s, ":").0.prompt?.kind, .command)
        let q = Fixtures.press(s, ": query <Space> lisbon <Space> -agreement <Enter>").0
        XCTAssertEqual(ids(q), ["a1", "b2"])
        XCTAssertEqual(q.filters.text, "lisbon -agreement")
        let actor = Fixtures.press(q, ": actor <Space> zelenskyy <Enter>").0
        XCTAssertTrue(actor.filters.text.hasPrefix("lisbon -agreement actor:"), actor.filters.text)
        XCTAssertEqual(ids(Fixtures.press(s, ": actor <Space> zelenskyy <Enter>").0), ids(Fixtures.press(s, "a zelenskyy <Enter>").0))
        XCTAssertEqual(Fixtures.press(actor, ": actor <Enter>").0.filters.text, "lisbon -agreement")
        XCTAssertEqual(Fixtures.press(q, ": outlet <Space> Daily <Enter>").0.filters.text, "lisbon -agreement outlet:\"Daily Planet\"")
        // Saving, loading (by a prefix of the command), tagging, exporting and quitting.
        let (saved, effects) = Fixtures.press(q, ": save <Space> talks <Enter>")
        XCTAssertEqual(saved.savedQueries.query(named: "talks"), "lisbon -agreement")
        XCTAssertEqual(effects, [.saveQueries(saved.savedQueries)])
        XCTAssertEqual(Fixtures.press(saved, "x : lo <Space> talks <Enter>").0.filters.text, "lisbon -agreement")
        let tagged = Fixtures.press(s, ": tag <Space> check <Enter>").0
        XCTAssertEqual(tagged.userData.tagCounts.map(\.tag), ["check"])
        guard case .export(let path, _)? = Fixtures.press(s, ": ex <Space> /tmp/l.md <Enter>").1.last else {
            return XCTFail("no export")
        }
        XCTAssertEqual(path, "/tmp/l.md")
        XCTAssertEqual(Fixtures.press(s, ": quit <Enter>").1.last, .quit)
        // Tab completes a unique command; a wrong or ambiguous one says what there is.
        XCTAssertEqual(Fixtures.press(s, ": ex <Tab>").0.prompt?.text, "export ")
        XCTAssertEqual(Fixtures.press(s, ": frobnicate <Enter>").0.message,
                       "unknown command “frobnicate” (commands: query, actor, outlet, date, event, tag, save, load, export, sort, pipe, quit)")
        XCTAssertEqual(Fixtures.press(s, ": e <Enter>").0.message, "“e” could be event, export")
        XCTAssertEqual(Fixtures.press(s, ": export <Enter>").0.message,
                       "export needs a name: export FILE: the comparison on screen or the list (.md or .json)")
        XCTAssertEqual(Fixtures.press(s, ": query <Space> (lisbon <Enter>").0.message, "query: column 1: “(” is not closed")
    }

    func testExportOpenCopyAndPipeAreEffects() throws {
        let s = Fixtures.state()
        let (_, effects) = Fixtures.press(s, "/ lisbon <Enter> <Space> E /tmp/list.md <Enter>")
        guard case .export(let path, let md)? = effects.last else { return XCTFail("\(effects)") }
        XCTAssertEqual(path, "/tmp/list.md")
        XCTAssertTrue(md.contains("Query: `lisbon` — 3 of 4"), md)
        XCTAssertTrue(md.contains("| 2023-03-15 | c3.txt | No agreement in Lisbon | c3 | ★ |"), md)
        XCTAssertTrue(md.contains("| 2023-03-14 | Morning Star | Zelenskiy calls Lisbon talks useful | b2 |  |"), md)
        let (_, json) = Fixtures.press(s, "E out.json <Enter>")
        guard case .export(_, let j)? = json.last else { return XCTFail("\(json)") }
        XCTAssertTrue(j.contains("\"id\": \"d4\""), j)
        // The comparison on screen is what gets exported when it is open.
        let (_, cmp) = Fixtures.press(s, "c E cmp.md <Enter>")
        guard case .export(_, let c)? = cmp.last else { return XCTFail("\(cmp)") }
        XCTAssertTrue(c.hasPrefix("# "), c)
        XCTAssertTrue(c.contains("Daily Planet"), c)
        // Open, copy a quote with its source, pipe the text.
        XCTAssertEqual(Fixtures.press(s, "O").1.last, .openURL("/fixtures/c3.txt"))
        let copy = Fixtures.press(s, "j y").1
        guard case .copy(let clip)? = copy.last else { return XCTFail("\(copy)") }
        XCTAssertTrue(clip.hasPrefix("“useful and frank”"), clip)
        XCTAssertTrue(clip.contains("— Daily Planet, 2023-03-14"), clip)
        XCTAssertEqual(Fixtures.press(s, "<Bar> wc <Space> -w <Enter>").1.last, .pipe(command: "wc -w", input: s.selectedArticle?.body ?? ""))
    }
}

/// Whole frames at a fixed size: a query with OR and NOT, marks and a tag, and a query error.
final class QueryFrameTests: XCTestCase {
    func testQueryAndMarksFrame() {
        let s = Fixtures.state(width: 80, height: 16)
        let st = Fixtures.press(s, "<Space> j j T check <Enter> / (lisbon <Space> OR <Space> harvest) <Space> -agreement <Enter>").0
        // c3 (marked) has "agreement" and is left out; b2 carries the tag and stays selected.
        XCTAssertEqual(render(st).lines, [
            "┌─ Articles (3/4) ─────────────┐┌─ Text · 1–2/2 ───────────────────────────────┐",
            "│Date       Outlet   Title     ││Zelenskiy calls Lisbon talks useful           │",
            "│2023-03-14 Daily P… Lisbon ta…││In Lisbon, Zelenskiy told reporters the talks │",
            "│2023-03-14•Morning… Zelenskiy…││had been “useful”. Officials gave no details. │",
            "│2023-02-01 Daily P… Harvest f…││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "│                              ││                                              │",
            "└──────────────────────────────┘└──────────────────────────────────────────────┘",
            " 4 articles · 3 shown · query: (lisbon OR harvest) -agreement…  ? help  q quit",
        ])
        XCTAssertEqual(st.selectedArticle?.id, "b2")
        // The error frame: the prompt line with the message at its column.
        let broken = Fixtures.press(s, "/ lisbon <Space> OR").0
        XCTAssertEqual(render(broken).lines.last, "query: lisbon OR                          column 8: OR needs something after it")
    }
}
