import Foundation
import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// Counts the list reads a corpus is asked for, to prove that `update` asks for them instead of
/// doing them.
final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// The in-memory corpus, counting its `filter` calls.
struct CountingCorpus: CorpusQuery {
    let base: MemoryCorpus
    let filters = ReadCounter()
    var articleCount: Int { base.articleCount }
    func article(at index: Int) -> Article { base.article(at: index) }
    func row(at index: Int) -> ArticleRow { base.row(at: index) }
    func index(ofArticle id: String) -> Int? { base.index(ofArticle: id) }
    var actorCount: Int { base.actorCount }
    var events: [Event] { base.events }
    var warnings: [String] { base.warnings }
    func actor(id: String) -> Actor? { base.actor(id: id) }
    func event(id: String) -> Event? { base.event(id: id) }
    func primaryEvent(ofArticle id: String) -> Event? { base.primaryEvent(ofArticle: id) }
    var outlets: [(name: String, articles: Int)] { base.outlets }
    func completeActors(_ text: String) -> [Completion] { base.completeActors(text) }
    func actors(inArticle id: String) -> [ActorSummary] { base.actors(inArticle: id) }
    func actors(inArticles indices: [Int]) -> [ActorSummary] { base.actors(inArticles: indices) }
    func highlights(ofArticle id: String) -> ArticleHighlights { base.highlights(ofArticle: id) }
    func filter(_ query: ArticleQuery) -> [Int] {
        filters.add()
        return base.filter(query)
    }
    func undatedLeftOut(_ query: ArticleQuery) -> Int { base.undatedLeftOut(query) }
    var userData: UserData { base.userData }
    func apply(_ change: UserDataChange) -> String? { base.apply(change) }
    func comparison(ofEvent id: String) -> ComparisonView? { base.comparison(ofEvent: id) }
}

/// Loading is an effect: `update` asks for the list with a request id and reads nothing; the answer
/// comes back as a message with that id, and an answer to an older request is dropped.
final class LoadEffectTests: XCTestCase {
    func state() -> (AppState, CountingCorpus) {
        let q = CountingCorpus(base: MemoryCorpus(Fixtures.corpus()))
        return (AppState(query: q, keymap: .standard(), width: 120, height: 40), q)
    }

    func loads(_ effects: [Effect]) -> [LoadRequest] {
        effects.compactMap { if case .load(let r) = $0 { return r }; return nil }
    }

    func ids(_ s: AppState) -> [String] { s.visible.map { s.query.row(at: $0).id } }

    func testTypingAQueryAsksForTheListAndReadsNothing() throws {
        let (s0, q) = state()
        XCTAssertEqual(ids(s0), ["c3", "a1", "b2", "d4"])
        let (s1, e1) = update(s0, .key(.char("/")))
        XCTAssertEqual(loads(e1), [])
        let (s2, e2) = update(s1, .key(.char("h")))
        let r = try XCTUnwrap(loads(e2).first)
        XCTAssertEqual(loads(e2), [LoadRequest(id: 1, query: try ArticleQuery(parsing: "h"), sort: .standard)])
        XCTAssertEqual(q.filters.count, 0, "update read no list")
        XCTAssertEqual(ids(s2), ids(s0), "the list on screen stays until the answer comes")
        XCTAssertTrue(s2.isLoading)
        // The backend's part: the read, then its answer as a message.
        let answer = r.answer(from: s2.query)
        XCTAssertEqual(q.filters.count, 1)
        XCTAssertEqual(answer.id, 1)
        let (s3, e3) = update(s2, .loaded(answer))
        XCTAssertEqual(e3, [])
        XCTAssertEqual(ids(s3), ["a1", "b2", "d4"], "hours, had, harvest")
        XCTAssertFalse(s3.isLoading)
        XCTAssertEqual(q.filters.count, 1, "taking the answer reads nothing either")
    }

    func testAStaleAnswerIsIgnored() throws {
        let (s0, _) = state()
        var s = update(s0, .key(.char("/"))).0
        let (s1, e1) = update(s, .key(.char("l")))  // "l": Lisbon and more
        let (s2, e2) = update(s1, .key(.char("i")))  // "li": the user typed on
        let first = try XCTUnwrap(loads(e1).first), second = try XCTUnwrap(loads(e2).first)
        XCTAssertLessThan(first.id, second.id)
        // The answer to "l" arrives after "li" was asked for: dropped, the list and the wait stay.
        let late = first.answer(from: s2.query)
        s = update(s2, .loaded(late)).0
        XCTAssertEqual(ids(s), ids(s0))
        XCTAssertTrue(s.isLoading)
        // The newest answer is taken …
        s = update(s, .loaded(second.answer(from: s.query))).0
        XCTAssertEqual(ids(s), ["c3", "a1", "b2"], "the Lisbon articles")
        XCTAssertFalse(s.isLoading)
        // … and the old one, arriving later still, changes nothing.
        let after = update(s, .loaded(late)).0
        XCTAssertEqual(ids(after), ["c3", "a1", "b2"])
        XCTAssertEqual(render(after).lines, render(s).lines)
    }

    func testTheMessageThatCountsTheListWaitsForIt() throws {
        let (s0, _) = state()
        var s = s0
        var pending: [LoadRequest] = []
        for k in Key.script("o Morning <Enter>") {
            let (n, e) = update(s, .key(k))
            s = n
            pending += loads(e)
        }
        XCTAssertNil(s.message, "no count before the list is here")
        let last = try XCTUnwrap(pending.last)
        s = update(s, .loaded(last.answer(from: s.query))).0
        XCTAssertEqual(s.message, "1 article with outlet Morning Star")
        XCTAssertEqual(ids(s), ["b2"])
    }

    func testTheIndexUpdateReportsThroughMessages() throws {
        let (s0, _) = state()
        var s = update(s0, .activity("indexing: reading 3/5 files")).0
        XCTAssertEqual(s.activity, "indexing: reading 3/5 files")
        XCTAssertTrue(render(s).lines[39].contains("indexing: reading 3/5 files"), render(s).lines[39])
        s = Fixtures.press(s, "o Daily <Enter>").0
        XCTAssertEqual(ids(s), ["a1", "d4"])
        // The updated index: an answer without the harvest article. Its list is asked for again.
        var c = Fixtures.corpus()
        c = Corpus(articles: c.articles.filter { $0.id != "d4" }, actors: c.actors, events: c.events, primaryEvent: c.primaryEvent)
        let (s1, e1) = update(update(s, .activity(nil)).0, .replaceQuery(QueryBox(MemoryCorpus(c)), note: "index updated: 0 new, 1 changed, 0 removed file"))
        XCTAssertNil(s1.activity)
        XCTAssertEqual(s1.message, "index updated: 0 new, 1 changed, 0 removed file")
        let r = try XCTUnwrap(loads(e1).first)
        XCTAssertEqual(r.query, s.filters.query)
        let s2 = update(s1, .loaded(r.answer(from: s1.query))).0
        XCTAssertEqual(ids(s2), ["a1"])
        XCTAssertEqual(s2.selectedArticle?.id, "a1")
    }
}
