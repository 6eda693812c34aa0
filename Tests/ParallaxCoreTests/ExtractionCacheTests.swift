import Foundation
import XCTest
@testable import ParallaxCore

/// The per-article extraction cache: its encoding round-trips exactly, and an analysis that takes
/// extractions from it reads only the articles it must and finds what a full analysis finds.
final class ExtractionCacheTests: XCTestCase {
    private func sample() throws -> [Article] {
        var articles = try CorpusLoader().loadArticles(paths: []).0
        XCTAssertEqual(articles.count, 5)
        DateInference.resolvePartialDates(&articles, today: nil)
        return articles
    }

    /// Every field of a corpus that the analysis produces, as text (Corpus is not Equatable).
    private func summary(_ c: Corpus) -> [String] {
        c.articles.map { "\($0.id) \(String(describing: $0.published))" } + c.actors.map { "\($0)" }
            + c.events.map { "\($0)" } + c.quotes.map { "\($0)" }
            + c.primaryEvent.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }
    }

    func testByteCodecRoundTripsAndRejectsTruncation() {
        var w = ByteWriter()
        for v in [0, 1, -1, 63, -64, 64, 300, -300, Int.max, Int.min] { w.int(v) }
        w.string("Zelenskyy — «ok»")
        w.double(-0.125)
        w.optional(nil as Int?) { $0.int($1) }
        w.optional(7) { $0.int($1) }
        var r = ByteReader(w.bytes)
        for v in [0, 1, -1, 63, -64, 64, 300, -300, Int.max, Int.min] { XCTAssertEqual(r.int(), v) }
        XCTAssertEqual(r.string(), "Zelenskyy — «ok»")
        XCTAssertEqual(r.double(), -0.125)
        XCTAssertEqual(r.optional { $0.int() }, .some(nil))
        XCTAssertEqual(r.optional { $0.int() }, .some(7))
        XCTAssertTrue(r.isAtEnd)
        // A string whose length runs past the end is refused, not read.
        var t = ByteReader(Array(w.bytes.prefix(w.bytes.count - 12)))
        for _ in 0..<10 { _ = t.int() }
        XCTAssertNil(t.string())
    }

    func testExtractionsRoundTripByteForByte() throws {
        let result = Analyzer.analyze(articles: try sample(), warnings: [], cache: [:], bodies: { _ in [:] })
        XCTAssertEqual(result.extractions.count, 5)
        XCTAssertTrue(result.extractions.contains { !$0.events.isEmpty && !$0.actors.actors.isEmpty })
        for e in result.extractions {
            let decoded = try XCTUnwrap(ArticleExtraction(articleID: e.articleID, base: e.encodedBase(), events: e.encodedEvents()))
            XCTAssertEqual(decoded.encodedBase(), e.encodedBase())
            XCTAssertEqual(decoded.encodedEvents(), e.encodedEvents())
            XCTAssertEqual(decoded.actors.actors.count, e.actors.actors.count)
            XCTAssertEqual(decoded.events.map(\.key), e.events.map(\.key))
            // Damaged bytes are refused (the article is then extracted again).
            XCTAssertNil(ArticleExtraction(articleID: e.articleID, base: Array(e.encodedBase().dropLast()), events: nil))
        }
    }

    /// Extractions made while the articles were read (as the indexer makes them) are used without
    /// loading a text to extract it, kept for the next analysis, and give what a full analysis gives;
    /// one made under another date or title (a date inferred since, another article under the id) is
    /// not used.
    func testExtractionsMadeWhileReadingAreUsedOnlyForTheArticleTheyWereMadeFrom() throws {
        let articles = try sample()
        let full = Analyzer.analyze(articles: articles)
        var extracted: [String: Analyzer.Extracted] = [:]
        for a in articles { extracted[a.id] = Analyzer.extract(a) }
        // A stale one: made from another text under the first article's id, with another title.
        var other = articles[1]
        other.id = articles[0].id
        other.title = "Another title"
        extracted[articles[0].id] = Analyzer.extract(other)
        // As an index gives them: without their texts, which are loaded when asked for.
        var stored = articles
        for i in stored.indices { stored[i].body = "" }
        var asked: [[Int]] = []
        let result = Analyzer.analyze(articles: stored, warnings: [], cache: [:], extracted: extracted) { wanted in
            asked.append(wanted)
            return Dictionary(uniqueKeysWithValues: wanted.map { ($0, articles[$0].body) })
        }
        XCTAssertEqual(summary(result.corpus), summary(full))
        XCTAssertEqual(result.extractions.count, 5)
        XCTAssertEqual(result.extractions.map(\.articleID).sorted(), articles.map(\.id).sorted())
        XCTAssertEqual(result.reusedActors, 0)
        // Only the stale one's text was loaded to extract it (the events stage asks for texts later).
        XCTAssertEqual(asked.first, [0])
    }

    func testCachedAnalysisReadsOnlyChangedArticlesAndEqualsFullAnalysis() throws {
        let articles = try sample()
        let full = Analyzer.analyze(articles: articles)
        let first = Analyzer.analyze(articles: articles, warnings: [], cache: [:], bodies: { _ in [:] })
        XCTAssertEqual(summary(first.corpus), summary(full))
        // Through the encoding, as an index keeps them.
        var cache: [String: ArticleExtraction] = [:]
        for e in first.extractions {
            cache[e.articleID] = ArticleExtraction(articleID: e.articleID, base: e.encodedBase(), events: e.encodedEvents())
        }

        // Nothing changed: no text is read, every extraction is reused, the result is the same.
        var bodiless = articles
        for i in bodiless.indices { bodiless[i].body = "" }
        var asked: [Int] = []
        let again = Analyzer.analyze(articles: bodiless, warnings: [], cache: cache) { wanted in
            asked += wanted
            return Dictionary(uniqueKeysWithValues: wanted.map { ($0, articles[$0].body) })
        }
        XCTAssertEqual(asked, [])
        XCTAssertEqual(again.reusedActors, 5)
        XCTAssertEqual(again.reusedEvents, 5)
        XCTAssertTrue(again.extractions.isEmpty)
        XCTAssertEqual(summary(again.corpus), summary(full))

        // One article changed (a new id, as a new text has): it alone is extracted again, and any
        // article whose merged actors changed has its events extracted again; the result equals a
        // full analysis of the changed corpus.
        var changed = articles
        changed[1].body += "\n\nOlaf Scholz said in Berlin that Sergei Lavrov would meet Antony Blinken in Geneva on Friday."
        changed[1].id = "changed-1"
        var bodilessChanged = changed
        for i in bodilessChanged.indices { bodilessChanged[i].body = "" }
        asked = []
        let update = Analyzer.analyze(articles: bodilessChanged, warnings: [], cache: cache) { wanted in
            asked += wanted
            return Dictionary(uniqueKeysWithValues: wanted.map { ($0, changed[$0].body) })
        }
        XCTAssertTrue(asked.contains(1))
        XCTAssertEqual(update.reusedActors, 4)
        XCTAssertTrue(update.extractions.contains { $0.articleID == "changed-1" })
        let expected = Analyzer.analyze(articles: changed)
        XCTAssertEqual(summary(update.corpus), summary(expected))
        XCTAssertEqual(update.corpus.articles.map(\.published), expected.articles.map(\.published))
    }
}
