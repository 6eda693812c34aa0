import XCTest
@testable import ParallaxTUI

/// Layout as a pure function, checked as ASCII box art.
final class LayoutTests: XCTestCase {
    func testFourPanesAt120() {
        let l = Layout.compute(width: 120, height: 40, focus: .articles, secondary: .text)
        XCTAssertEqual(l.panes.map(\.pane), [.articles, .text, .actors, .compare])
        XCTAssertEqual(l.rect(of: .articles), Rect(x: 0, y: 0, width: 48, height: 23))
        XCTAssertEqual(l.rect(of: .compare), Rect(x: 48, y: 23, width: 72, height: 16))
        XCTAssertEqual(l.status, Rect(x: 0, y: 39, width: 120, height: 1))
    }

    func testTwoPanesAsArt() {
        let l = Layout.compute(width: 30 * 3, height: 16, focus: .actors, secondary: .text)
        let art = Layout.diagram(l, width: 90, height: 16)
        XCTAssertEqual(art[0], "+- Articles -----------------------++- Actors -------------------------------------------+")
        XCTAssertEqual(art[14], "+----------------------------------++----------------------------------------------------+")
        XCTAssertEqual(art[15], String(repeating: "=", count: 90))
    }

    func testSmallLayoutsAsArt() {
        let one = Layout.compute(width: 60, height: 16, focus: .compare, secondary: .text)
        XCTAssertEqual(Layout.diagram(one, width: 60, height: 16)[0],
                       "+- Compare ------------------------------------------------+")
        XCTAssertEqual(one.panes.count, 1)
        // With the list focused on a medium screen, the last visited pane stays beside it.
        let two = Layout.compute(width: 100, height: 30, focus: .articles, secondary: .compare)
        XCTAssertEqual(two.panes.map(\.pane), [.articles, .compare])
        XCTAssertTrue(Layout.compute(width: 59, height: 40, focus: .articles, secondary: .text).tooSmall)
        XCTAssertTrue(Layout.compute(width: 200, height: 15, focus: .articles, secondary: .text).tooSmall)
        XCTAssertFalse(Layout.compute(width: 60, height: 16, focus: .articles, secondary: .text).tooSmall)
    }

    func testPanesTileTheScreenWithoutOverlap() {
        for (w, h) in [(60, 16), (80, 24), (119, 30), (120, 40), (200, 50), (333, 77)] {
            for f in Pane.allCases {
                let l = Layout.compute(width: w, height: h, focus: f, secondary: .actors)
                var covered = Array(repeating: 0, count: w * (h - 1))
                for (_, r) in l.panes {
                    for y in r.y..<r.maxY { for x in r.x..<r.maxX { covered[y * w + x] += 1 } }
                }
                XCTAssertTrue(covered.allSatisfy { $0 == 1 }, "\(w)x\(h) focus \(f)")
                XCTAssertTrue(l.panes.contains { $0.pane == f }, "the focused pane is always visible")
            }
        }
    }
}
