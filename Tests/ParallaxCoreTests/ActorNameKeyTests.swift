import XCTest
@testable import ParallaxCore

final class ActorNameKeyTests: XCTestCase {
    func testTransliterationVariantsShareAKey() {
        let groups: [[String]] = [
            ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi"],
            ["Sergei", "Sergey"],
            ["Dmitry", "Dmitri", "Dmitriy"],
            ["Antony", "Anthony"],
            ["Poutine", "Putin"],
            ["Oleksiy", "Oleksii"],
            ["Plötner", "Ploetner"],
            ["Alexei", "Aleksey"],
            ["Serhiy", "Sergiy"],
            ["Yevgeny", "Evgeny"],
        ]
        for g in groups {
            let keys = Set(g.map { NameKey.key($0) })
            XCTAssertEqual(keys.count, 1, "\(g) → \(keys)")
        }
    }

    func testDifferentNamesKeepDifferentKeys() {
        XCTAssertNotEqual(NameKey.key("Boris"), NameKey.key("Mike"))
        XCTAssertNotEqual(NameKey.key("Lavrov"), NameKey.key("Lavrova"))
        XCTAssertNotEqual(NameKey.key("Kozak"), NameKey.key("Kuleba"))
    }

    func testDistanceGivesUpPastTheLimit() {
        XCTAssertEqual(NameKey.distance("stefanishina", "stevanishina", limit: 2), 1)
        XCTAssertEqual(NameKey.distance("abc", "xyzxyz", limit: 1), 2)
    }
}
