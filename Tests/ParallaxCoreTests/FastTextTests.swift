import XCTest
@testable import ParallaxCore

/// The scalar- and byte-level replacements for Foundation string calls must agree with what they replaced.
final class FastTextTests: XCTestCase {
    func testTrimmedDropsWhiteSpaceAndNewlinesAtBothEndsOnly() {
        XCTAssertEqual(FastText.trimmed("  \t Kyiv talks \n"), "Kyiv talks")
        XCTAssertEqual(FastText.trimmed("\u{00A0}\u{2003}Zelenskyy said\u{3000}"), "Zelenskyy said")
        XCTAssertEqual(FastText.trimmed(" \n\t "), "")
        XCTAssertEqual(FastText.trimmed(""), "")
        XCTAssertEqual(FastText.trimmed("a  b"), "a  b")
        XCTAssertEqual(FastText.trimmed(" :- Reuters, AP. ", dropping: " :.–-"), "Reuters, AP")
        XCTAssertTrue(FastText.isBlank(" \u{2028}\n\t"))
        XCTAssertFalse(FastText.isBlank(" x "))
    }

    func testLeadParagraphsMatchTheFullSplitAndStopEarly() {
        var a = Article(id: "x", path: "x.txt", format: .text, rawText: "", body: "", title: nil, outlet: nil,
                        outletSource: .none, published: nil, url: nil, sources: [], removed: [], truncated: false)
        for body in ["One.\n\nTwo.\n\nThree.\n\nFour.", "One.\n\n\n\nTwo.", "One.\n\n\nTwo.", "Only one.", "",
                     "Ends.\n\n", "\n\nStarts late.", "Café ✓.\n\nÜber."] {
            a.body = body
            let expected = body.split(separator: "\n\n", omittingEmptySubsequences: true)
            XCTAssertEqual(a.paragraphs, expected, body)
            XCTAssertEqual(a.leadParagraphs(2), Array(expected.prefix(2)), body)
        }
    }

    func testFoldLowerCasesStraightensApostrophesAndCollapsesSpaces() {
        XCTAssertEqual(FurnitureRules.fold("  Share THIS  Article "), "share this article")
        XCTAssertEqual(FurnitureRules.fold("L’ÉQUIPE  \u{00A0}Ça va"), "l'équipe ça va")
        XCTAssertEqual(FurnitureRules.fold("İstanbul"), "İstanbul".lowercased())
    }

    func testFrontMatterOnALongTextKeepsTheWholeBody() {
        let body = (1...500).map { "Line \($0) of the story." }.joined(separator: "\n")
        let (meta, rest) = FrontMatter.split("---\ntitle: \"Talks end\"\noutlet: Example News\n---\n" + body)
        XCTAssertEqual(meta.title, "Talks end")
        XCTAssertEqual(meta.outlet, "Example News")
        XCTAssertEqual(rest, body)
        // A block that never closes within 60 lines is not front matter.
        let open = "---\n" + body
        XCTAssertEqual(FrontMatter.split(open).1, open)
    }
}
