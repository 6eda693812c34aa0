import XCTest
@testable import ParallaxCore

/// Quotations and their speakers.
final class ActorQuoteTests: XCTestCase {
    private func quotes(_ s: String) -> [Quote] { ActorTestSupport.run([s]).quotes }

    func testCurlyQuoteWithNameAfter() {
        let q = quotes("Deputy Minister Taras Hnatyuk arrived. “We are ready,” Hnatyuk said.")
        XCTAssertEqual(q.map(\.text), ["We are ready,"])
        XCTAssertEqual(q.first?.speaker, "Taras Hnatyuk")
    }

    func testStraightQuoteWithInvertedVerb() {
        let q = quotes("Envoy Marta Lind spoke. \"There is no plan to attack,\" said Marta Lind.")
        XCTAssertEqual(q.first?.speaker, "Marta Lind")
    }

    func testPronounTakesTheLatestNamedPerson() {
        let q = quotes("Defense Minister Oleksii Reznikov spoke to parliament.\n\n“Don’t worry, sleep well,” he said. “You don’t have to pack your bags.”")
        XCTAssertEqual(q.first?.speaker, "Oleksii Reznikov")
        XCTAssertEqual(q.first?.text, "Don’t worry, sleep well,")
    }

    func testMultiSentenceQuote() {
        let q = quotes("“The number is large. It poses a threat. It is not enough,” Foreign Minister Dmytro Kuleba said.")
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q.first?.text, "The number is large. It poses a threat. It is not enough,")
        XCTAssertEqual(q.first?.speaker, "Dmytro Kuleba")
    }

    func testUnnamedSpeakerIsKeptNotGuessed() {
        let q = quotes("Joe Biden will call. Washington “would like to see the troops return,” according to a White House official.")
        XCTAssertNil(q.first?.speaker)
        XCTAssertEqual(q.first?.speakerLabel, "a White House official")
        let q2 = quotes("Joe Biden will call. “The troops must leave,” the source said.")
        XCTAssertNil(q2.first?.speaker)
        XCTAssertEqual(q2.first?.speakerLabel, "the source")
    }

    func testSpeakerBeforeTheQuote() {
        let q = quotes("French President Emmanuel Macron said he would call, but added: “If there is aggression, there will be retaliation.”")
        XCTAssertEqual(q.first?.speaker, "Emmanuel Macron")
    }

    func testQuoteKeepsArticleAndPosition() {
        let body = "Minister Ana Petrescu spoke. “Yes,” she said."
        let q = quotes(body).first
        XCTAssertEqual(q?.articleID, "a0")
        let scalars = Array(body.unicodeScalars)
        if let r = q?.range {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[r.start..<r.end])
            XCTAssertEqual(String(v), "Yes,")
        } else {
            XCTFail("no quote")
        }
        XCTAssertEqual(ActorTestSupport.run([body]).actors.first { $0.name == "Ana Petrescu" }?.quotes.count, 1)
    }
}
