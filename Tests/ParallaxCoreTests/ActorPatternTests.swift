import XCTest
@testable import ParallaxCore

/// Finding people the gazetteer has never heard of, and rejecting what only looks like a name.
/// The names here are invented, so only the general rules can find them.
final class ActorPatternTests: XCTestCase {
    private func people(_ s: String) -> [String] { ActorTestSupport.people(s) }

    func testTitleBeforeName() {
        XCTAssertEqual(people("The talks were opened by NATO Deputy Secretary-General Ilmar Kask in Brussels."), ["Ilmar Kask"])
        XCTAssertEqual(people("They met Ukrainian Deputy Prime Minister Oksana Melnyk on Monday."), ["Oksana Melnyk"])
        XCTAssertEqual(people("The decision was defended by spokesperson Brynn Tallis yesterday."), ["Brynn Tallis"])
        XCTAssertEqual(people("The plan, presented by Mr. Okonkwo Adeyemi, was rejected."), ["Okonkwo Adeyemi"])
    }

    func testSpeechVerbAndSurnameCoreference() {
        let text = "Kremlin aide Yaroslav Dubnov arrived on Tuesday.\n\nThe talks were useful, Dubnov said. Dubnov added that more meetings would follow."
        let r = ActorTestSupport.run([text])
        let p = r.actors.filter { $0.kind == .person }
        XCTAssertEqual(p.map(\.name), ["Yaroslav Dubnov"])
        XCTAssertEqual(p.first?.mentions.count, 3)
    }

    func testFirstNameThatIsAlsoAWord() {
        // "Bill" is also legislation: inside a sentence, before a capitalised word, it is a first name.
        XCTAssertEqual(people("The fund was started by Bill Trevanny in 1998 with two partners."), ["Bill Trevanny"])
        XCTAssertEqual(people("Lawmakers passed the Bill on Tuesday after a long debate."), [])
        XCTAssertEqual(people("The Farm Bill passed the Senate on Tuesday."), [])
    }

    func testFirstNameAloneStandsForThePersonWhoHasIt() {
        let text = "Minister Taras Hnatyuk spoke first.\n\n\"They are testing us (Minister Taras) Hnatyuk again,\" an aide said."
        XCTAssertEqual(people(text), ["Taras Hnatyuk"])
        let hnatyuk = ActorTestSupport.run([text]).actors.first { $0.name == "Taras Hnatyuk" }
        XCTAssertEqual(hnatyuk?.mentions.map(\.surface), ["Taras Hnatyuk", "Taras", "Hnatyuk"])
        // With two people of that first name it is attached to neither.
        let two = ActorTestSupport.run(["Minister Taras Hnatyuk met Governor Taras Melnyk.\n\nLater, President Taras spoke."])
        XCTAssertEqual(two.actors.filter { $0.name.hasPrefix("Taras ") }.map { $0.mentions.count }, [1, 1])
    }

    func testSpeechVerbAloneDoesNotMakeAPerson() {
        // Companies and cities "say" things too: a single word with only a speech verb is not a person.
        XCTAssertEqual(people("Prices rose sharply in March. Northwind said it would cut output."), [])
    }

    func testAppositions() {
        let after = people("Oleh Marchuk, Ukrainian President Volodymyr Zelensky’s chief of staff, said talks would go on.")
        XCTAssertEqual(after, ["Oleh Marchuk", "Volodymyr Zelensky"])
        let before = people("The Kremlin’s top negotiator, Arkhip Tsvetkov, will lead the delegation.")
        XCTAssertEqual(before, ["Arkhip Tsvetkov"])
        let r = ActorTestSupport.run(["Oleh Marchuk, chief of staff to Ukrainian President Volodymyr Zelenskiy, tweeted on Wednesday."])
        let marchuk = r.actors.first { $0.name == "Oleh Marchuk" }
        XCTAssertEqual(marchuk?.roles.map(\.role), ["chief of staff to Ukrainian President Volodymyr Zelenskiy"])
    }

    func testClauseAfterCommaIsNotAnApposition() {
        let r = ActorTestSupport.run(["In a call between Joe Biden and Vladimir Putin, the American president threatened sanctions “as never before”."])
        let putin = r.actors.first { $0.name == "Vladimir Putin" }
        XCTAssertEqual(putin?.roles, [])
    }

    func testNamedThingsAreNotPeople() {
        XCTAssertEqual(people("The sides met in the Normandy format to revive the process."), [])
        XCTAssertEqual(people("Troops arrived for the Allied Resolve exercises, the largest since the Cold War."), [])
        XCTAssertEqual(people("Warships entered the Barents Sea while Su-35 jets flew to Belarus."), [])
        XCTAssertEqual(people("Separatists shelled the Yasynuvata district overnight."), [])
    }

    func testPlacesAreNotPeople() {
        XCTAssertEqual(people("Kiev said the talks were useful. Donbass and Rostov remained tense."), [])
    }

    func testSentenceInitialWordsAreStripped() {
        let r = people("Defense Minister Oleksandr Pravdyuk spoke first.\n\nEchoing Pravdyuk, others called for calm.")
        XCTAssertEqual(r, ["Oleksandr Pravdyuk"])
        XCTAssertEqual(people("Separately, Westerners have been warned. Arriving in Paris, officials said little."), [])
    }

    func testTitleCaseHeadlineIsNotReadAsNames() {
        XCTAssertEqual(people("Russian, Ukrainian Officials Take Part in Paris Talks Amid Tensions\n\nThe talks began."), [])
    }

    func testPhotoCreditIsSkipped() {
        XCTAssertEqual(people("Leaders met in Geneva. © MANDEL NGAN, Yuri Kadobnov AFP"), [])
    }

    func testPossessiveBelongsToTheName() {
        let r = ActorTestSupport.run(["Joe Biden’s administration answered. Then Prime Minister Dariusz Wolny's office said: “No.”"])
        let names = r.actors.filter { $0.kind == .person }.map(\.name)
        XCTAssertTrue(names.contains("Joe Biden"))
        XCTAssertTrue(names.contains("Dariusz Wolny"))
        XCTAssertFalse(names.contains { $0.contains("’s") || $0.contains("'s") })
    }

    func testOtherScriptsAreIgnored() {
        XCTAssertEqual(people("التعليقات والاراء\n\nКомментарии Иван Петров\n\nThe meeting ended."), [])
    }

    func testMiddleInitialIsNotAName() {
        let r = ActorTestSupport.run(["President Vladimir V. Putin spoke. Later Putin left."])
        XCTAssertEqual(r.actors.filter { $0.kind == .person }.map(\.name), ["Vladimir Putin"])
    }

    func testHyphenatedCountriesAreNotPlaces() {
        let r = ActorTestSupport.run(["Tension grew on the Russia-Ukraine border and in Russian-occupied areas."])
        XCTAssertFalse(r.actors.contains { $0.name.contains("-") })
    }
}

/// Credits name photographers and editors, not actors.
final class ActorCreditTests: XCTestCase {
    func testCreditsAreNotActors() {
        let text = """
        By Anna Koval and Tom Balmer

        Leaders met in Geneva. (AP Photo/Evan Vucci) Foreign Minister Dmytro Kuleba spoke.

        Reporting by Tom Balmer; Editing by Alex Richter
        """
        XCTAssertEqual(ActorTestSupport.people(text), ["Dmytro Kuleba"])
    }
}
