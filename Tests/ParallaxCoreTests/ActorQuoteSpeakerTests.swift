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

    /// `Mr. Trong, 79, went on to …` makes him the subject, honorific dot and all.
    func testHonorificSubjectIsWhomHeSaidMeans() {
        let text = """
        President Joe Biden met General Secretary Nguyen Phu Trong in Hanoi on Sunday.

        Mr. Trong went on to praise the weather.

        “You have nary aged a day,” he said.
        """
        XCTAssertEqual(speaker(text, quote: "nary aged"), "Nguyen Phu Trong")
    }

    /// A full stop inside the closing mark ends the sentence: the next one, which runs into its own
    /// quotation, attributes nothing to this one.
    func testTheNextSentenceWithItsOwnQuoteIsNoAttribution() {
        let text = "Joe Biden says the aim of the summit is for leaders to “understand each other.” Xi Jinping says they bear “heavy responsibilities” for the world."
        XCTAssertEqual(speaker(text, quote: "understand each other"), "Joe Biden")
        XCTAssertEqual(speaker(text, quote: "heavy responsibilities"), "Xi Jinping")
    }

    /// Languages that drop the subject: `…», dijo.` is the sentence subject's; `sagte sie` is a pronoun.
    func testDroppedAndInvertedPronounSubjects() {
        let es = "Christine Lagarde habló en Fráncfort. «Nuestra meta no es reducir el crecimiento», dijo."
        XCTAssertEqual(speaker(es, quote: "Nuestra meta"), "Christine Lagarde")
        let de = "Christine Lagarde ließ sich nicht in die Karten schauen. „Wir sind in einer guten Position“, sagte sie."
        XCTAssertEqual(speaker(de, quote: "guten Position"), "Christine Lagarde")
        // An adverb between the verb and the name.
        let fr = "« Les temps seront difficiles », explique fermement Olaf Scholz."
        XCTAssertEqual(speaker(fr, quote: "temps seront"), "Olaf Scholz")
    }

    /// A colon after the object of the sentence: the subject speaks (`Meloni, rivolgendosi a Biden: “…”`).
    func testColonAfterAnObjectGivesTheSubject() {
        let text = "Giorgia Meloni ha rinnovato l'intesa, rivolgendosi direttamente a Joe Biden: “In tempi difficili sappiamo chi sono i nostri amici”."
        XCTAssertEqual(speaker(text, quote: "tempi difficili"), "Giorgia Meloni")
    }

    /// A title with its country and a comma before the name: `said Foreign Secretary of India, Vikram Misri`.
    func testTitleOfACountryThenTheName() {
        let text = "“I can confirm that there will be a bilateral meeting tomorrow,” said Foreign Secretary of India, Vikram Misri."
        XCTAssertEqual(speaker(text, quote: "I can confirm"), "Vikram Misri")
    }

    /// `Según Lagarde, …` names Lagarde, not a person called "Según Lagarde".
    func testAccordingToInOtherLanguagesIsNoName() {
        let text = "Christine Lagarde habló ayer. Según Lagarde, el BCE seguirá subiendo los tipos. «Nuestra meta es la estabilidad», dijo."
        let r = ActorTestSupport.run([text])
        XCTAssertFalse(r.actors.contains { $0.name.hasPrefix("Según") })
        XCTAssertEqual(r.quotes.first { $0.text.contains("Nuestra meta") }?.speaker, "Christine Lagarde")
    }

    /// A definite description names the one person it fits, by role and state, in any of the languages:
    /// not the last name of the story.
    func testDescriptionsNameThePersonTheyFit() {
        let fr = """
        Emmanuel Macron a reçu Olaf Scholz à l'Élysée mercredi.

        « Les temps seront difficiles », a déclaré le chancelier allemand.
        """
        XCTAssertEqual(speaker(fr, quote: "temps seront"), "Olaf Scholz")
        let en = """
        Recep Tayyip Erdoğan met Vladimir Putin in Sochi on Monday. The President of the Russian Federation said that "the Russian side is open to these negotiations."
        """
        XCTAssertEqual(speaker(en, quote: "open to these negotiations"), "Vladimir Putin")
    }

    /// Another name of the same office (`role-synonyms.txt`): `la premier` is the one the story calls
    /// Prime Minister, not the president it names last.
    func testAnOfficeInOtherWordsNamesItsHolder() {
        let it = """
        Prime Minister Giorgia Meloni met President Joe Biden in Washington. Biden said the talks were good.

        «Non vedo l'ora di ospitarti in Puglia», ha detto la premier.
        """
        XCTAssertEqual(speaker(it, quote: "ospitarti in Puglia"), "Giorgia Meloni")
        XCTAssertTrue(QuoteFinder.descriptor(of: ["Prime Minister"]).contains("premier"))
        XCTAssertFalse(QuoteFinder.descriptor(of: ["President"]).contains("premier"))
    }
}
