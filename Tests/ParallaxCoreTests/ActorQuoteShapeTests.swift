import XCTest
@testable import ParallaxCore

/// Each shape of attribution (issue 17): who the syntax around a quote says spoke it.
final class ActorQuoteShapeTests: XCTestCase {
    private func quotes(_ s: String) -> [Quote] { ActorTestSupport.run([s]).quotes }

    /// (text, words inside the quote, expected speaker or "(label)" or nil)
    func testShapes() {
        let rows: [(String, String, String?)] = [
            ("Deputy Minister Taras Hnatyuk arrived. “We are ready,” Hnatyuk said.", "We are ready", "Taras Hnatyuk"),
            ("Envoy Marta Lind spoke. “There is no plan,” said Marta Lind.", "no plan", "Marta Lind"),
            ("Minister Pavel Horak said: “We will not yield.”", "not yield", "Pavel Horak"),
            ("Minister Pavel Horak: “We will not yield.”", "not yield", "Pavel Horak"),
            ("According to Minister Pavel Horak, the sides made “real progress on the text.”", "real progress", "Pavel Horak"),
            ("The talks were “frank and useful,” according to Minister Pavel Horak.", "frank and useful", "Pavel Horak"),
            ("Minister Pavel Horak told Karel Novy “the door is open.”", "door is open", "Pavel Horak"),
            ("President Arvo Tamm called Karel Novy “my old friend” on Monday.", "my old friend", "Arvo Tamm"),
            ("Minister Pavel Horak described the plan as “a dead end.”", "dead end", "Pavel Horak"),
            ("Minister Pavel Horak branded the proposal “a provocation.”", "provocation", "Pavel Horak"),
            ("Minister Pavel Horak tweeted: “The talks are over.”", "talks are over", "Pavel Horak"),
            ("Minister Pavel Horak wrote that the deal was “close to done.”", "close to done", "Pavel Horak"),
            ("Minister Pavel Horak warned of “grave consequences” if troops moved.", "grave consequences", "Pavel Horak"),
            ("Minister Pavel Horak spoke. “We expect more,” he added.", "expect more", "Pavel Horak"),
            ("“It was a tough meeting,” Jen Psaki, White House press secretary, said.", "tough meeting", "Jen Psaki"),
            ("“It was a tough meeting,” Polish Foreign Minister Zbigniew Rau said on Thursday.", "tough meeting", "Zbigniew Rau"),
            ("Envoys met on Monday. “Nothing is agreed,” a US official said.", "Nothing is agreed", "(a US official)"),
            ("Minister Pavel Horak left. “Nothing is agreed,” the source said.", "Nothing is agreed", "(the source)"),
            ("Envoys met. A senior official, who asked not to be named, said: “There was no deal.”", "no deal",
             "(A senior official)"),
            ("Celso Amorim, Lula's foreign policy adviser, called the meeting “a necessary step.”", "necessary step",
             "Celso Amorim"),
            ("Talks began. According to Minister Pavel Horak, “both sides want a deal.”", "both sides", "Pavel Horak"),
            ("President Anna Berg arrived. “We are ready,” Ms. Berg said.", "We are ready", "Anna Berg"),
            ("President Anna Berg arrived. Ms. Berg said: “We are ready.”", "We are ready", "Anna Berg"),
            ("Minister Pavel Horak phoned. “Can you hear me?” Horak said at the start of the call, which was filmed by aides.",
             "hear me", "Pavel Horak"),
            ("El presidente Pavel Horak llegó. «¡Bienvenido a Praga!», le dijo Marta Lind.", "Bienvenido", "Marta Lind"),
            ("Karel Novy met envoys. That was the message of Finance Minister Pavel Horak, who spoke to reporters.\n\n“It is not enough,” he said.",
             "not enough", "Pavel Horak"),
            ("President Arvo Tamm spoke in Tartu. He will try to remove the “dagger” he suggested Karel Novy is holding.", "dagger", "Arvo Tamm"),
            ("Officials held a “serious and direct exchange” over the crisis, NATO Secretary-General Ilse Varga said Wednesday.",
             "serious and direct", "Ilse Varga"),
        ]
        for (text, inside, expected) in rows {
            guard let q = quotes(text).first(where: { $0.text.contains(inside) }) else {
                XCTFail("no quote in: \(text)")
                continue
            }
            let got = q.speaker ?? q.speakerLabel.map { "(\($0))" }
            XCTAssertEqual(got, expected, text)
        }
    }

    func testSecondQuoteAfterAnAttributedOneInTheParagraph() {
        let q = quotes("“There was a lot of give and take,” adviser Jake Sullivan said. “There was no finger wagging.”")
        XCTAssertEqual(q.map(\.speaker), ["Jake Sullivan", "Jake Sullivan"])
    }

    func testCarryOverOnlyInTheParagraphOrAContinuationOpeningWithAQuote() {
        let text = """
        “We are ready,” Minister Pavel Horak said.

        “The rest is up to them.”

        Talks went on, and the mood was described as “tense but open.”
        """
        let q = quotes(text)
        XCTAssertEqual(q.first { $0.text.contains("up to them") }?.speaker, "Pavel Horak")
        XCTAssertNil(q.first { $0.text.contains("tense") }?.speaker)
    }

    func testUnnamedOfficialBetweenTwoNamedSpeakers() {
        let text = """
        “We are ready,” Minister Pavel Horak said.
        “Nothing is agreed,” a senior administration official said.
        “We will see,” Envoy Marta Lind said.
        """
        let q = quotes(text)
        XCTAssertEqual(q.map(\.speaker), ["Pavel Horak", nil, "Marta Lind"])
        XCTAssertEqual(q[1].speakerLabel, "a senior administration official")
    }

    func testPronounIsTheSpeakerNotTheInterviewer() {
        let text = "Senator Joe Manchin spoke to CNN's Jake Tapper on Sunday. “It is a heavy lift,” he said."
        XCTAssertEqual(quotes(text).first?.speaker, "Joe Manchin")
    }

    func testDescriptionIsTheSubjectAndInventsNoPerson() {
        let text = "House Speaker Nancy Pelosi spoke on Sunday. “They are nullifying elections,” the California Democrat said."
        let r = ActorTestSupport.run([text])
        XCTAssertEqual(r.quotes.first?.speaker, "Nancy Pelosi")
        XCTAssertEqual(r.actors.filter { $0.kind == .person }.map(\.name), ["Nancy Pelosi"])
    }
}

/// A text may end anywhere (scrapes are cut mid-sentence): every prefix of quote-rich paragraphs is
/// read without reading past its end, whatever the cut leaves of the attribution.
final class QuoteTruncationTests: XCTestCase {
    func testEveryPrefixOfAttributedQuotesIsRead() {
        let paragraph = """
        “It was a tough meeting,” Jen Psaki, White House press secretary, said. “There was no finger \
        wagging,” said Jake Sullivan, the national security adviser. Minister Pavel Horak told reporters: \
        “We will meet again,” according to a US official, who said. “Not yet,” Karel Novy, who \
        leads the delegation, said, “and not here,” the minister, Pavel Horak, who
        """
        let scalars = Array(paragraph.unicodeScalars)
        for n in stride(from: 1, through: scalars.count, by: 1) {
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: scalars[0..<n])
            _ = ActorTestSupport.run([String(cut)])
        }
    }
}
