import Foundation
import XCTest
@testable import ParallaxCore

/// The embedded sample: titles, dates with their sources, outlets, and clean bodies that keep every
/// story paragraph and lose the page furniture.
final class SampleCorpusTests: XCTestCase {
    static let articles: [Article] = {
        (try? CorpusLoader().loadArticles(paths: []).0) ?? []
    }()

    func article(_ prefix: String) throws -> Article {
        try XCTUnwrap(Self.articles.first { $0.fileName.hasPrefix(prefix) }, "no sample article \(prefix)")
    }

    func testLoadsFiveArticles() {
        XCTAssertEqual(Self.articles.count, 5)
        XCTAssertEqual(Set(Self.articles.map(\.id)).count, 5, "ids are unique")
    }

    func testTitles() throws {
        XCTAssertTrue(try article("000").title?.contains("Russia and Ukraine meet") ?? false)
        XCTAssertEqual(try article("001").title, "Ukraine, Russia hold talks in Paris to ease tensions")
        XCTAssertEqual(try article("002").title, "Ukraine: Biden and Putin advocate “diplomacy” and “dialogue” before their meeting")
        XCTAssertEqual(try article("003").title, "Moscow confirms that it does not intend to attack Ukraine and wants to continue talks with Washington")
        XCTAssertEqual(try article("004").title, "Russian, Ukrainian Officials Take Part in Paris Talks Amid Tensions")
    }

    func testDatesAndTheirSources() throws {
        let a0 = try article("000")
        XCTAssertEqual(a0.published?.day.description, "2022-01-26")
        XCTAssertEqual(a0.published?.source, .text)
        // "Friday, January 21": the year in which Jan 21 is a Friday, near the corpus's other dates.
        let a2 = try article("002")
        XCTAssertEqual(a2.published?.day.description, "2022-01-21")
        XCTAssertEqual(a2.published?.source, .text)
        // A caption dated Jan. 22, 2022 and a story told on "Wednesday": the Wednesday after.
        let a4 = try article("004")
        XCTAssertEqual(a4.published?.day.description, "2022-01-26")
        XCTAssertEqual(a4.published?.source, .inferred)
        XCTAssertLessThan(a4.published?.confidence ?? 1, a0.published?.confidence ?? 0)
    }

    func testOutletsFromManifestAndSignatures() throws {
        XCTAssertEqual(try article("000").outlet, "France 24")
        XCTAssertEqual(try article("000").outletSource, .given)
        XCTAssertEqual(try article("001").outlet, "The Guardian")
        XCTAssertNil(try article("002").outlet, "the manifest says unknown: no guessing")
        XCTAssertNil(try article("003").outlet)
        XCTAssertEqual(try article("004").outlet, "VOA News")
    }

    func testCreditedSources() throws {
        XCTAssertEqual(try article("000").sources, ["Reuters", "AP"])
        XCTAssertEqual(try article("004").sources, ["Associated Press", "Agence France-Presse", "Reuters"])
    }

    /// Every paragraph of the raw file that is not furniture survives cleaning, word for word.
    func testEveryStoryParagraphSurvives() throws {
        let furniture: [String: [String]] = [
            "000": ["date 2022-01-26", "© MANDEL NGAN", "With Reuters, AP and local media"],
            "001": ["Ukraine, Russia hold talks in Paris to ease tensions | Ukraine", "A place of ghosts", "Comments are closed."],
            "002": ["Friday, January 21", "Ukraine: Biden and Putin advocate", "Leave a Reply", "Your email address"],
            "003": ["Moscow confirms that it does not intend", "التعليقات", "اضافة"],
            "004": ["Accessibility links", "Breaking News", "Russian, Ukrainian Officials Take Part", "update", "FILE - ",
                    "Some information for this report", "16x9 Image", "VOA News", "The Voice of America provides", "XS", "SM", "MD", "LG"],
        ]
        for a in Self.articles {
            let key = String(a.fileName.prefix(3))
            let skip = furniture[key] ?? []
            let normalizedBody = Cleaner.normalizeSpaces(a.body.replacingOccurrences(of: "\n", with: " "))
            for line in a.rawText.split(separator: "\n") {
                let text = Cleaner.normalizeSpaces(line)
                guard !text.isEmpty, !skip.contains(where: { text.hasPrefix($0) || text.contains($0) }) else { continue }
                var expected = text
                if key == "000", expected.hasPrefix("date 2022-01-26 ") { expected = String(expected.dropFirst(16)) }
                XCTAssertTrue(normalizedBody.contains(expected), "\(key): story paragraph lost: \(expected.prefix(80))")
            }
        }
    }

    func testFurnitureIsGone() throws {
        let all = Self.articles.map(\.body).joined(separator: "\n")
        for junk in ["Accessibility links", "Breaking News", "16x9 Image", "Comments are closed", "Leave a Reply",
                     "Required fields are marked", "التعليقات والاراء", "اضافة تعليق", "© MANDEL NGAN",
                     "The Voice of America provides", "– video", "\nXS\n", "With Reuters, AP", "Some information for this report"] {
            XCTAssertFalse(all.contains(junk), "furniture left in a body: \(junk)")
        }
        let a4 = try article("004")
        XCTAssertFalse(a4.body.contains("FILE - A Ukrainian serviceman"), "doubled caption removed")
        XCTAssertFalse(a4.body.hasSuffix("LG"))
        XCTAssertFalse(a4.body.contains("\n\n\n"), "blank-line runs collapse")
    }
}
