import XCTest
@testable import ParallaxCore

/// Date expressions near event words, resolved against the article's date (table-driven).
final class EventDateTests: XCTestCase {
    let lexicon = EventLexicon.shared

    func resolve(_ sentence: String, reference: String?) -> EventDate? {
        let t = EventText(sentence)
        guard let s = t.sentences.first else { return nil }
        let future = EventExtractor(lexicon: lexicon).isFuture(sentence: s, text: t)
        return DateExpression.find(in: t, sentence: s, lexicon: lexicon).first?
            .resolve(reference: reference.flatMap { Day(iso: $0) }, future: future)
    }

    func testResolvedAgainstTheArticleDate() {
        // 2022-01-26 was a Wednesday.
        let cases: [(String, String?, EventDate?)] = [
            ("The ministers met on Monday in Geneva.", "2022-01-26", .span(EventFixtures.day("2022-01-24"), EventFixtures.day("2022-01-24"))),
            ("Wednesday’s talks come as tensions rise.", "2022-01-26", .span(EventFixtures.day("2022-01-26"), EventFixtures.day("2022-01-26"))),
            ("The leaders will meet on Friday.", "2022-01-26", .span(EventFixtures.day("2022-01-28"), EventFixtures.day("2022-01-28"))),
            ("They spoke last Wednesday.", "2022-01-26", .span(EventFixtures.day("2022-01-19"), EventFixtures.day("2022-01-19"))),
            ("Talks on January 10 in Geneva.", "2022-01-21", .span(EventFixtures.day("2022-01-10"), EventFixtures.day("2022-01-10"))),
            ("Talks on January 10 in Geneva.", "2021-12-30", .span(EventFixtures.day("2022-01-10"), EventFixtures.day("2022-01-10"))),
            ("A summit on 26 January 2022 in Paris.", nil, .span(EventFixtures.day("2022-01-26"), EventFixtures.day("2022-01-26"))),
            ("The summit yesterday ended late.", "2022-03-02", .span(EventFixtures.day("2022-03-01"), EventFixtures.day("2022-03-01"))),
            ("Talks on Monday in Geneva.", nil, .weekday(1)),
            ("Talks on January 12 in Brussels.", nil, .monthDay(1, 12)),
            ("There was no date here at all.", "2022-01-26", nil),
            // months.txt's other languages, lower case after a day number.
            ("Le sommet du 18 février 2023 à Addis-Abeba.", nil, .span(EventFixtures.day("2023-02-18"), EventFixtures.day("2023-02-18"))),
            ("La cumbre del 18 de febrero de 2023 en Lima.", nil, .span(EventFixtures.day("2023-02-18"), EventFixtures.day("2023-02-18"))),
            ("O encontro de 14 de abril em Pequim.", "2023-04-15", .span(EventFixtures.day("2023-04-14"), EventFixtures.day("2023-04-14"))),
            ("They may meet 3 may be late.", "2022-01-26", nil),
            ("The first rate hike since 2018 was announced.", "2022-03-16", nil),
        ]
        for (sentence, ref, expected) in cases {
            XCTAssertEqual(resolve(sentence, reference: ref), expected, sentence)
        }
    }

    func testRelativeSpansAndMonths() throws {
        let next = try XCTUnwrap(resolve("Drills are planned next month.", reference: "2022-01-26"))
        guard case let .span(a, b) = next else { return XCTFail("not a span") }
        XCTAssertEqual(a.month, 2)
        XCTAssertGreaterThan(b.ordinal - a.ordinal, 20)
        let december = try XCTUnwrap(resolve("The two met twice in December.", reference: "2022-01-10"))
        XCTAssertEqual(december, .span(EventFixtures.day("2021-12-01"), EventFixtures.day("2021-12-31")))
    }

    func testCompatibility() {
        let monday = EventFixtures.day("2022-01-10")
        XCTAssertTrue(EventDate.weekday(1).compatible(with: .span(monday, monday)))
        XCTAssertFalse(EventDate.weekday(3).compatible(with: .span(monday, monday)))
        XCTAssertTrue(EventDate.span(monday, monday).compatible(with: .span(monday.adding(days: 1), monday.adding(days: 1))))
        XCTAssertFalse(EventDate.span(monday, monday).compatible(with: .span(monday.adding(days: 1), monday.adding(days: 1)), tolerance: 0))
        XCTAssertFalse(EventDate.span(monday, monday).compatible(with: .span(monday.adding(days: 7), monday.adding(days: 7))))
        XCTAssertTrue(EventDate.monthDay(1, 10).compatible(with: .span(monday, monday)))
        // With no year to place them, "on Thursday" and "on January 10" may be one day, but nothing says so.
        XCTAssertTrue(EventDate.weekday(4).compatible(with: .monthDay(1, 10)))
        XCTAssertEqual(EventDate.weekday(4).agreement(with: .monthDay(1, 10)), 0)
        XCTAssertEqual(EventDate.monthDay(1, 10).agreement(with: .weekday(4)), 0)
        XCTAssertEqual(EventDate.weekday(4).agreement(with: .weekday(4)), 1)
    }
}
