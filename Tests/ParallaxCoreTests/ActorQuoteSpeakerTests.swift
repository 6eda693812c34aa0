import XCTest
@testable import ParallaxCore

/// Who speaks when a sentence names several people: the subject, not the nearest name.
final class ActorQuoteSpeakerTests: XCTestCase {
    private func speaker(_ s: String, quote: String) -> String? {
        ActorTestSupport.run([s]).quotes.first { $0.text.contains(quote) }?.speaker
    }

    func testPronounMeansTheLastSpeakerNotTheLastName() {
        let text = """
        Spokeswoman Ingrid Talvik said sanctions against Prime Minister Arvo Kallas would backfire.

        “It is not painful, it is destructive,” she told reporters.
        """
        XCTAssertEqual(speaker(text, quote: "not painful"), "Ingrid Talvik")
    }

    func testAppositionSubjectSpeaksNotTheNameInsideIt() {
        let text = "Mirela Dunca, chief of staff to President Radu Ionescu, tweeted that she hopes for a “frank dialogue” soon."
        XCTAssertEqual(speaker(text, quote: "frank dialogue"), "Mirela Dunca")
    }

    func testRelativeClauseSubjectSpeaks() {
        let text = "Minister Pavel Horak, who met his counterpart Karel Novy in May, warned that more tariffs would be a “grave mistake.”"
        XCTAssertEqual(speaker(text, quote: "grave mistake"), "Pavel Horak")
    }

    func testNameRightBeforeTheVerbSpeaks() {
        let text = "After talks with Minister Pavel Horak, Karel Novy said the deal was “close to done.”"
        XCTAssertEqual(speaker(text, quote: "close to done"), "Karel Novy")
    }
}
