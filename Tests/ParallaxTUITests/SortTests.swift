import Foundation
import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// Sorting the list: `=` cycles the key, `R` reverses, `:sort KEY [asc|desc]`; the header marks the
/// sorted column and the status line says the order. Whole frames at a fixed size, line for line.
final class SortTests: XCTestCase {
    func frame(_ keys: String) -> [String] {
        render(Fixtures.press(Fixtures.state(width: 100, height: 16), keys).0).lines
    }

    func testTheDateOrderIsTheStandardFrame() {
        XCTAssertEqual(frame(""), [
            "┌─ Articles (4) ───────────────────────┐┌─ Text · 1–2/2 ───────────────────────────────────────────┐",
            "│Date       Outlet    Title            ││No agreement in Lisbon                                    │",
            "│2023-03-15 c3.txt    No agreement in …││Talks in Lisbon ended without agreement, Zelenskyy's      │",
            "│2023-03-14 Daily Pl… Lisbon talks end…││office said. Protesters gathered outside.                 │",
            "│2023-03-14 Morning … Zelenskiy calls …││                                                          │",
            "│2023-02-01 Daily Pl… Harvest festival…││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "└──────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
            " 4 articles    Tab pane  Enter open  Esc back  / search  a actor  o outlet  d date  ? help  q quit",
        ])
        // `:sort date desc` is that order: nothing marked, nothing said but the count.
        XCTAssertEqual(Array(frame(":sort <Space> date <Space> desc <Enter>").prefix(15)), Array(frame("").prefix(15)))
    }

    func testSortByTitleAndReverse() {
        XCTAssertEqual(frame(":sort <Space> title <Enter>"), [
            "┌─ Articles (4) ───────────────────────┐┌─ Text · 1–2/2 ───────────────────────────────────────────┐",
            "│Date       Outlet    Title ↑          ││No agreement in Lisbon                                    │",
            "│2023-02-01 Daily Pl… Harvest festival…││Talks in Lisbon ended without agreement, Zelenskyy's      │",
            "│2023-03-14 Daily Pl… Lisbon talks end…││office said. Protesters gathered outside.                 │",
            "│2023-03-15 c3.txt    No agreement in …││                                                          │",
            "│2023-03-14 Morning … Zelenskiy calls …││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "└──────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
            " 4 articles · sort: title ↑ · = next order · R reverses       Tab pane  Enter open  ? help  q quit",
        ])
        XCTAssertEqual(frame(":sort <Space> title <Enter> R"), [
            "┌─ Articles (4) ───────────────────────┐┌─ Text · 1–2/2 ───────────────────────────────────────────┐",
            "│Date       Outlet    Title ↓          ││No agreement in Lisbon                                    │",
            "│2023-03-14 Morning … Zelenskiy calls …││Talks in Lisbon ended without agreement, Zelenskyy's      │",
            "│2023-03-15 c3.txt    No agreement in …││office said. Protesters gathered outside.                 │",
            "│2023-03-14 Daily Pl… Lisbon talks end…││                                                          │",
            "│2023-02-01 Daily Pl… Harvest festival…││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "└──────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
            " 4 articles · sort: title ↓ · = next order · R reverses       Tab pane  Enter open  ? help  q quit",
        ])
        // `R` again goes back; `:sort title desc` is the reverse too.
        XCTAssertEqual(frame(":sort <Space> title <Enter> R R"), frame(":sort <Space> title <Enter>"))
        XCTAssertEqual(frame(":sort <Space> ti <Space> desc <Enter>"), frame(":sort <Space> title <Enter> R"))
    }

    func testEqualsCyclesTheKeyOutletFirst() {
        // Outlets folded: the file name c3.txt (no outlet) before Daily Planet; equal outlets keep the date order.
        XCTAssertEqual(frame("="), [
            "┌─ Articles (4) ───────────────────────┐┌─ Text · 1–2/2 ───────────────────────────────────────────┐",
            "│Date       Outlet ↑  Title            ││No agreement in Lisbon                                    │",
            "│2023-03-15 c3.txt    No agreement in …││Talks in Lisbon ended without agreement, Zelenskyy's      │",
            "│2023-03-14 Daily Pl… Lisbon talks end…││office said. Protesters gathered outside.                 │",
            "│2023-02-01 Daily Pl… Harvest festival…││                                                          │",
            "│2023-03-14 Morning … Zelenskiy calls …││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "└──────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
            " 4 articles · sort: outlet ↑ · = next order · R reverses      Tab pane  Enter open  ? help  q quit",
        ])
        let s = Fixtures.press(Fixtures.state(), "= = =").0
        XCTAssertEqual(s.sort, .standard, "date, outlet, title, then date again (no relevance without words)")
        XCTAssertEqual(Fixtures.press(Fixtures.state(), "/ talks <Enter> = = =").0.sort, ArticleSort(.relevance))
    }

    func testRelevanceWhenSearching() {
        // "talks" in the title counts 3: a1 and b2 (title and body) before c3 (body only).
        XCTAssertEqual(frame("/ talks <Enter> :sort <Space> relevance <Enter>"), [
            "┌─ Articles (3/4) ─────────────────────┐┌─ Text · 1–2/2 ───────────────────────────────────────────┐",
            "│Date       Outlet    By relevance ↓   ││No agreement in Lisbon                                    │",
            "│2023-03-14 Daily Pl… Lisbon talks end…││Talks in Lisbon ended without agreement, Zelenskyy's      │",
            "│2023-03-14 Morning … Zelenskiy calls …││office said. Protesters gathered outside.                 │",
            "│2023-03-15 c3.txt    No agreement in …││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "│                                      ││                                                          │",
            "└──────────────────────────────────────┘└──────────────────────────────────────────────────────────┘",
            " 4 articles · 3 shown · query: talks · sort: relevance ↓ · = next order · R…        ? help  q quit",
        ])
        // Without words there is nothing to rank by: said, and the order stays.
        let s = Fixtures.press(Fixtures.state(), ":sort <Space> relevance <Enter>").0
        XCTAssertEqual(s.message, "relevance needs words to search for (/ or :query)")
        XCTAssertEqual(s.sort, .standard)
        // Clearing the words goes back to the date order.
        XCTAssertEqual(Fixtures.press(Fixtures.state(), "/ talks <Enter> :sort <Space> rel <Enter> x").0.sort, .standard)
        XCTAssertEqual(Fixtures.press(Fixtures.state(), ":sort <Space> sideways <Enter>").0.message,
                       "not a sort: “sideways” (date, outlet, title or relevance, then asc or desc)")
    }

    func testTheOrderFunction() {
        XCTAssertEqual(ArticleSort(parsing: "outlet desc"), ArticleSort(.outlet, descending: true))
        XCTAssertEqual(ArticleSort(parsing: "date"), .standard)
        XCTAssertEqual(ArticleSort(parsing: "date asc")?.description, "date asc")
        XCTAssertEqual(ArticleSort(parsing: "ou"), ArticleSort(.outlet), "a unique prefix of the key")
        XCTAssertNil(ArticleSort(parsing: "title sideways"))
        XCTAssertNil(ArticleSort(parsing: ""))
        // Undated stay last in both date orders; ties keep the order given.
        let items: [(String, Day?)] = [("a", Day(iso: "2023-03-15")), ("b", Day(iso: "2023-03-14")), ("c", Day(iso: "2023-03-14")), ("u", nil)]
        func ids(_ s: ArticleSort) -> [String] {
            ArticleSort.order(items, by: s, day: { $0.1 }, outlet: { $0.0 }, title: { $0.0 }, relevance: { _ in 0 }).map(\.0)
        }
        XCTAssertEqual(ids(ArticleSort(.date, descending: false)), ["b", "c", "a", "u"])
        XCTAssertEqual(ids(.standard), ["a", "b", "c", "u"])
        XCTAssertEqual(ids(ArticleSort(.title, descending: true)), ["u", "c", "b", "a"])
        // Relevance: words in sequence, the last a prefix when typed as one; the title counts 3.
        XCTAssertEqual(ArticleSort.relevance(of: [TextTerm(raw: "grain exp", prefix: true)], title: "Grain exports",
                                             body: "grain export talks; grain exports; exports of grain"), 3 + 2)
    }
}
