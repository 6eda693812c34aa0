import XCTest
@testable import ParallaxCore

/// One name per person: within an article and across the corpus.
final class ActorMergeTests: XCTestCase {
    func testTransliterationsMergeAcrossArticles() {
        let r = ActorTestSupport.run([
            "Ukrainian President Volodymyr Zelenskyy spoke.",
            "President Volodymyr Zelenskiy answered.",
            "Volodymyr Zelensky said little. Foreign Minister Sergey Lavrov replied.",
            "Russian Foreign Minister Sergei Lavrov met Anthony Blinken, and Vladimir Poutine wrote.",
            "US Secretary of State Antony Blinken met Kremlin aide Dmitri Peskov and Dmitry Peskov again.",
        ])
        let people = Dictionary(grouping: r.actors.filter { $0.kind == .person }, by: \.name)
        XCTAssertEqual(people["Volodymyr Zelensky"]?.first?.articleIDs.count, 3)
        XCTAssertEqual(people["Sergei Lavrov"]?.first?.articleIDs.count, 2)
        XCTAssertEqual(people["Antony Blinken"]?.first?.articleIDs.count, 2)
        XCTAssertNotNil(people["Vladimir Putin"])
        XCTAssertEqual(people["Dmitry Peskov"]?.first?.mentions.count, 2)
        XCTAssertEqual(people.count, 5, "\(people.keys.sorted())")
    }

    func testUnknownSpellingsMergeByEditDistanceWithCompatibleFirstName() {
        let r = ActorTestSupport.run([
            "Deputy Minister Halyna Stavnichuk met the envoy.",
            "Deputy Minister Galina Stavnichuk met reporters.",
            "Deputy Minister Halyna Stawniczuk travelled.",
        ])
        let people = r.actors.filter { $0.kind == .person }
        XCTAssertEqual(people.count, 1, "\(people.map(\.name))")
        XCTAssertEqual(people.first?.articleIDs.count, 3)
    }

    func testTwoPeopleSharingASurnameStayApart() {
        let r = ActorTestSupport.run([
            "British Prime Minister Boris Johnson spoke in London. Johnson said talks were vital.",
            "House Speaker Mike Johnson spoke in Washington. Johnson said aid would pass.",
            "Senator Ron Johnson disagreed.",
        ])
        let johnsons = r.actors.filter { $0.kind == .person && $0.name.hasSuffix("Johnson") }
        XCTAssertEqual(Set(johnsons.map(\.name)), ["Boris Johnson", "Mike Johnson", "Ron Johnson"])
        XCTAssertEqual(johnsons.first { $0.name == "Boris Johnson" }?.mentions.count, 2)
        XCTAssertEqual(johnsons.first { $0.name == "Mike Johnson" }?.mentions.count, 2)
    }

    func testSurnameAloneFollowsTheLatestPersonWithIt() {
        let r = ActorTestSupport.run([
            "Anna Kovacs met Peter Kovacs. Officer Peter Kovacs spoke first. Then Kovacs said no.",
        ])
        let peter = r.actors.first { $0.name == "Peter Kovacs" }
        XCTAssertEqual(peter?.mentions.count, 3)
    }

    func testTitleWithSurnameAttachesToTheFullName() {
        let r = ActorTestSupport.run(["Joe Biden spoke on Monday. On Tuesday, President Biden said more."])
        XCTAssertEqual(r.actors.first { $0.name == "Joe Biden" }?.mentions.count, 2)
    }

    func testOrganisationLongAndShortFormsMerge() {
        let r = ActorTestSupport.run([
            "The North Atlantic Treaty Organization met.",
            "NATO answered, and the Atlantic Alliance agreed.",
            "The Organization for Security and Cooperation in Europe and the OSCE both met.",
        ])
        XCTAssertEqual(r.actors.first { $0.name == "NATO" }?.mentions.count, 3)
        XCTAssertEqual(r.actors.first { $0.name == "OSCE" }?.mentions.count, 2)
        XCTAssertTrue(r.actors.first { $0.name == "NATO" }?.kind == .organization)
    }

    func testKindsAndSources() {
        let r = ActorTestSupport.run(["The Kremlin and Moscow replied to Washington, AFP reported, citing Interfax."])
        func kind(_ n: String) -> ActorKind? { r.actors.first { $0.name == n }?.kind }
        XCTAssertEqual(kind("Kremlin"), .organization)
        XCTAssertEqual(kind("Moscow"), .place)
        XCTAssertEqual(kind("Washington"), .place)
        XCTAssertEqual(r.actors.first { $0.name == "Agence France-Presse" }?.isSource, true)
        XCTAssertEqual(r.actors.first { $0.name == "Interfax" }?.isSource, true)
    }

    func testAcronymsNeedTheirCase() {
        let r = ActorTestSupport.run(["Let us go, said the Ap team."])
        XCTAssertFalse(r.actors.contains { $0.name == "United States" || $0.name == "Associated Press" })
    }

    func testActorLookupByAnySpelling() {
        let r = ActorTestSupport.run(["Volodymyr Zelenskyy spoke.", "Volodymyr Zelenskiy answered."])
        var corpus = Corpus(articles: [])
        corpus.actors = r.actors
        XCTAssertEqual(corpus.actors(matching: "zelenskiy").map(\.name), ["Volodymyr Zelensky"])
        XCTAssertEqual(corpus.actors(matching: "Zelensky").map(\.name), ["Volodymyr Zelensky"])
        XCTAssertEqual(corpus.actors(matching: "Volodymyr Zelenskyi").first?.articleIDs.count, 2)
        XCTAssertEqual(corpus.actors(matching: "nobody at all"), [])
    }

    func testUserGazetteerLinesExtendEntries() {
        let g = Gazetteer(lines: ["Jan Novak\tperson\tNovak\tCzech Republic\tMayor", "Jan Novak\tperson\tHonza Novak",
                                  "bad line without kind", "X\tunknown-kind"])
        XCTAssertEqual(g.entries.count, 1)
        XCTAssertEqual(g.entry(named: "Jan Novak")?.aliases, ["Novak", "Honza Novak"])
        XCTAssertEqual(g.entry(named: "Jan Novak")?.role, "Mayor")
    }
}
