import XCTest
@testable import ParallaxCore

/// The comparison of one event told by two outlets: content, not only shape.
final class CompareTests: XCTestCase {
    static let bodyA = """
    Foreign ministers of Armenia and Azerbaijan held talks in Prague on Thursday under European mediation.

    Russian Foreign Minister Ararat Mirzoyan said the talks were “difficult but necessary for a lasting peace in the region,” adding that a new round was possible.

    The ministers agreed to release 12 detainees before the end of the month, officials said.

    The talks in Prague lasted five hours, longer than planned.
    """
    static let bodyB = """
    Armenia and Azerbaijan’s top diplomats met for talks in Prague on Thursday, with the European Union mediating.

    Armenia’s Foreign Minister Ararat Mirzoian called the talks “difficult but necessary,” his office said.

    The two sides agreed to release 15 detainees before the end of the month, according to officials.

    Protesters gathered outside the Armenian embassy in Prague during the talks.
    """

    func corpus(withActors: Bool) -> Corpus {
        let a = EventFixtures.article("ca", title: "Armenia, Azerbaijan hold talks in Prague", body: Self.bodyA,
                                      outlet: "Daily A", published: "2022-10-07", sources: ["AFP"])
        let b = EventFixtures.article("cb", title: "Prague talks between Armenia and Azerbaijan", body: Self.bodyB,
                                      outlet: "Daily B", published: "2022-10-07")
        var actors: [Actor] = []
        if withActors {
            actors = [
                EventFixtures.actor("Ararat Mirzoyan", forms: ["Ararat Mirzoyan", "Ararat Mirzoian"], in: [a, b],
                                    quotes: [("ca", "difficult but necessary for a lasting peace in the region,"),
                                             ("cb", "difficult but necessary,")]),
                EventFixtures.actor("Armenia", kind: .country, forms: ["Armenia"], in: [a, b]),
                EventFixtures.actor("Azerbaijan", kind: .country, forms: ["Azerbaijan"], in: [a, b]),
                EventFixtures.actor("European Union", kind: .organization, forms: ["European Union"], in: [a, b]),
            ]
        }
        return EventGrouper().run(Corpus(articles: [a, b], actors: actors))
    }

    func comparison(withActors: Bool) throws -> Comparison {
        let c = corpus(withActors: withActors)
        let id = try XCTUnwrap(c.primaryEvent["ca"])
        XCTAssertEqual(c.primaryEvent["cb"], id)
        let event = try XCTUnwrap(c.events.first { $0.id == id })
        return Comparison.build(event: event, corpus: c)
    }

    func testContradictedRoleSpellingAndQuote() throws {
        for withActors in [true, false] {
            let cmp = try comparison(withActors: withActors)
            XCTAssertEqual(cmp.outlets.map(\.outlet), ["Daily A", "Daily B"])
            XCTAssertEqual(cmp.outlets.first?.sources, ["AFP"])
            // The role: "Russian Foreign Minister" against "Armenia’s Foreign Minister".
            let role = try XCTUnwrap(cmp.discrepancies.first { $0.kind == .role }, "actors: \(withActors)")
            XCTAssertTrue(role.note.contains("Russian Foreign Minister"))
            XCTAssertTrue(role.note.contains("Armenia’s Foreign Minister"))
            for p in role.passages {
                let body = p.articleID == "ca" ? Self.bodyA : Self.bodyB
                XCTAssertEqual(EventFixtures.text(body, p.range), p.text)
                XCTAssertTrue(p.text.hasSuffix("Ararat Mirzoyan") || p.text.hasSuffix("Ararat Mirzoian"))
            }
            // The spelling of the name differs between the outlets.
            let spelling = try XCTUnwrap(cmp.discrepancies.first { $0.kind == .spelling })
            XCTAssertEqual(Set(spelling.passages.map(\.text)), ["Ararat Mirzoyan", "Ararat Mirzoian"])
            // The quote: B renders a fragment of A's.
            let q = try XCTUnwrap(cmp.quotes.first, "actors: \(withActors)")
            XCTAssertEqual(q.renderings.count, 2)
            XCTAssertEqual(q.renderings.first { $0.passage.articleID == "ca" }?.form, .full)
            XCTAssertEqual(q.renderings.first { $0.passage.articleID == "cb" }?.form, .partial)
            if withActors { XCTAssertEqual(q.speaker, "Ararat Mirzoyan") }
        }
    }

    func testAlignedClaimsNumbersAndUniqueClaims() throws {
        let cmp = try comparison(withActors: true)
        // The detainee release is told by both, in their own words, side by side.
        let release = try XCTUnwrap(cmp.shared.first { $0.passages.contains { $0.text.contains("12 detainees") } })
        XCTAssertEqual(Set(release.passages.map(\.articleID)), ["ca", "cb"])
        XCTAssertTrue(release.passages.contains { $0.text.contains("15 detainees") })
        // … with different figures for the same thing: flagged.
        let detainees = try XCTUnwrap(cmp.numbers.first { $0.counts == "detainee" })
        XCTAssertTrue(detainees.conflict)
        XCTAssertEqual(Set(detainees.mentions.map(\.figure)), ["12 detainees", "15 detainees"])
        for m in detainees.mentions {
            let body = m.passage.articleID == "ca" ? Self.bodyA : Self.bodyB
            XCTAssertEqual(EventFixtures.text(body, m.passage.range), m.figure)
        }
        // Only B reports the protest.
        XCTAssertTrue(cmp.unique.contains { $0.articleID == "cb" && $0.text.contains("Protesters") })
        XCTAssertFalse(cmp.unique.contains { $0.text.contains("detainees") })
    }

    func testReportsFitTheWidthAndCarryNoControlCharacters() throws {
        var cmp = try comparison(withActors: true)
        cmp.shared[0].passages[0].text += "\u{1B}[31m"
        let text = ComparisonReport.text(cmp, width: 100)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 100, String(line)) }
        XCTAssertFalse(text.unicodeScalars.contains("\u{1B}"))
        XCTAssertTrue(text.contains("Daily A") && text.contains("Daily B"))
        let narrow = ComparisonReport.text(cmp, width: 40)
        for line in narrow.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 40, String(line)) }
        let md = ComparisonReport.markdown(cmp)
        XCTAssertTrue(md.hasPrefix("# "))
        XCTAssertTrue(md.contains("| Headline | Armenia, Azerbaijan hold talks in Prague | Prague talks between Armenia and Azerbaijan |"))
        XCTAssertTrue(md.contains("**role**"))
    }
}
