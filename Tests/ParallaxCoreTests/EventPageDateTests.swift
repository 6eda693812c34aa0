import XCTest
@testable import ParallaxCore

/// A page date the story contradicts (it speaks of earlier days as still to come) does not place its weekdays.
final class EventPageDateTests: XCTestCase {
    func testContradictedPageDateDoesNotPlaceTheWeekdays() {
        let arts = [
            EventFixtures.article("r1", title: "Leaders to hold phone call amid tensions", body: """
            The two presidents will hold a phone call on Thursday, the White House said.

            During the phone call, the president will stress the need for de-escalation. The talks on January 10 in Geneva will be difficult, diplomats said.
            """, published: "2022-01-21"),
            EventFixtures.article("r2", title: "Presidents speak in phone call", body: """
            The two presidents held a phone call on Thursday, their second this month, the White House said.

            The phone call lasted 50 minutes. The talks on January 10 in Geneva will follow.
            """, published: "2021-12-30"),
        ]
        let c = EventGrouper().run(Corpus(articles: arts))
        XCTAssertNotNil(c.primaryEvent["r1"])
        XCTAssertEqual(c.primaryEvent["r1"], c.primaryEvent["r2"])
        // The article keeps the date its page gives.
        XCTAssertEqual(c.articles.first { $0.id == "r1" }?.published?.day, EventFixtures.day("2022-01-21"))
    }

    func testAConsistentPageDatePlacesTheWeekdays() throws {
        let a = EventFixtures.article("r3", title: "Leaders hold phone call", body: """
        The two presidents held a phone call on Thursday, the White House said.

        The phone call lasted an hour. Talks on January 10 in Geneva will follow.
        """, published: "2021-12-31")
        let c = EventGrouper().run(Corpus(articles: [a]))
        let e = try XCTUnwrap(c.events.first { $0.id == c.primaryEvent["r3"] })
        XCTAssertEqual(e.date, EventFixtures.day("2021-12-30"))
    }
}
