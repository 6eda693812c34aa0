import XCTest
@testable import ParallaxCore

/// Table-driven: the date forms news text uses, valid and invalid.
final class DateParserTests: XCTestCase {
    func testFullDates() {
        let cases: [(String, String?)] = [
            ("date 2022-01-26", "2022-01-26"),
            ("2022-01-26T10:00:00Z", "2022-01-26"),
            ("Jan. 22, 2022", "2022-01-22"),
            ("January 26, 2022", "2022-01-26"),
            ("26 January 2022", "2022-01-26"),
            ("Wednesday, January 26, 2022", "2022-01-26"),
            ("21.01.2022", "2022-01-21"),
            ("le 26 janvier 2022", "2022-01-26"),
            ("Sept. 3, 2021", "2021-09-03"),
            // The other languages of months.txt, with and without their accents, in lower case after a day.
            ("publié le 18 février 2023 à 10h", "2023-02-18"),
            ("1er mars 2023", "2023-03-01"),
            ("Madrid, 18 de febrero de 2023", "2023-02-18"),
            ("Brasília, 1º de março de 2023", "2023-03-01"),
            ("Roma, 5 maggio 2022", "2022-05-05"),
            ("Berlin, 18. Februar 2023", "2023-02-18"),
            ("Mon 24 Jan 2022 18.40 GMT", "2022-01-24"),
            ("MOSCOW (UrduPoint News / Sputnik - 23rd May, 2022) Leaders met.", "2022-05-23"),
            ("on the 5th of June 2021", "2021-06-05"),
            ("the 4th quarter of 2022", nil),
            ("le 3 mai 2022", "2022-05-03"),
            ("3 out of 4 in 2022", nil),
            ("February 30, 2022", nil),
            ("2022-13-01", nil),
            ("the may be 2022", nil),
            ("no date here", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DateParser.parseGiven(text)?.description, expected, text)
        }
    }

    func testWeekdayWithoutYear() throws {
        let m = try XCTUnwrap(DateParser.find(in: "Friday, January 21").first)
        XCTAssertNil(m.year)
        XCTAssertEqual(m.weekday, 5)
        // January 21 is a Friday in 2022 (and 2011, 2033): the nearest to the reference wins.
        XCTAssertEqual(m.resolved(near: Day(year: 2022, month: 3, day: 1)!)?.description, "2022-01-21")
        XCTAssertEqual(m.resolved(near: Day(year: 2012, month: 3, day: 1)!)?.description, "2011-01-21")
    }

    func testDayArithmetic() {
        let d = Day(year: 2022, month: 1, day: 26)!
        XCTAssertEqual(d.weekday, 3)  // a Wednesday
        XCTAssertEqual(d.adding(days: 7).description, "2022-02-02")
        XCTAssertEqual(Day(ordinal: d.ordinal), d)
        XCTAssertEqual(Day(year: 2024, month: 2, day: 29)?.description, "2024-02-29")
        XCTAssertNil(Day(year: 2023, month: 2, day: 29))
    }

    func testRangeParsing() {
        XCTAssertEqual(DayRange(parsing: "2022-01-20..2022-01-26")?.from?.description, "2022-01-20")
        XCTAssertEqual(DayRange(parsing: "..2022-01-15")?.to?.description, "2022-01-15")
        XCTAssertNil(DayRange(parsing: "..2022-01-15")?.from)
        XCTAssertEqual(DayRange(parsing: "2022-01-10")?.from, DayRange(parsing: "2022-01-10")?.to)
        XCTAssertNil(DayRange(parsing: "soon"))
        XCTAssertNil(DayRange(parsing: ".."))
        XCTAssertNil(DayRange(parsing: "2022-01-26..2022-01-20"), "a range that ends before it starts")
    }
}
