import Foundation
import XCTest
@testable import ParallaxCore

/// Every line of a data file that its reader would skip is reported as `file:line: what is wrong`,
/// and the shipped files have none.
final class DataFileCheckTests: XCTestCase {
    func check(_ name: String) throws -> DataFileCheck {
        try XCTUnwrap(DataFileCheck.core.first { $0.name == name }, name)
    }

    /// Writes a user file and returns its problems as the user would read them.
    func problems(_ name: String, _ text: String) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return try check(name).problems(in: url, shown: name).map(\.description)
    }

    func testTheShippedFilesHaveNoProblem() throws {
        for c in DataFileCheck.core {
            let url = try XCTUnwrap(ResourceFiles.shipped(c.name), c.name)
            XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), c.name)
            XCTAssertEqual(c.problems(in: url, userFile: false), [], c.name)
            // A user could copy the shipped file whole: none of its lines is wrong there either.
            if !["roles.txt", "non-names.txt"].contains(c.name) {
                XCTAssertEqual(c.problems(in: url, userFile: true), [], c.name)
            }
        }
    }

    func testEachBadLineIsReportedWithItsLineNumber() throws {
        XCTAssertEqual(try problems("event-words.txt", """
            # my additions
            parley | talks | strong

            conclave | conclave | strong
            | talks
            envoys met | meeting | sometimes
            {envoys/ministers} {met/talked | meeting
            """), [
                "event-words.txt:4: unknown kind “conclave”, read as other (kinds: talks, meeting, summit, call, other, speech)",
                "event-words.txt:5: no word to match (format: phrase | kind | strength)",
                "event-words.txt:6: unknown strength “sometimes”, read as strong (strong, weak, verb)",
                "event-words.txt:7: a pattern whose brackets do not close or that spells more than 32768 phrases: read as written (format: phrase | kind | strength)",
            ])
        XCTAssertEqual(try problems("date-words.txt", "fortnight ago | -14 | 1\na week ago | x | 1\nsoon | 1\n"), [
            "date-words.txt:2: the offset “x” is not a whole number of days (format: phrase | offset in days | span in days)",
            "date-words.txt:3: expected phrase | offset in days | span in days (format: phrase | offset in days | span in days)",
        ])
        XCTAssertEqual(try problems("gazetteer.tsv", "Ann Linde\tperson\t\t\tForeign Minister\nNobody person\nLinde\tminister\nX\tperson\t\t\t\t\t2020-01-01..later\n"), [
            "gazetteer.tsv:2: expected name<TAB>kind<TAB>…, found no TAB",
            "gazetteer.tsv:3: unknown kind “minister” (person, organization, agency, country, place)",
            "gazetteer.tsv:4: the role dates “2020-01-01..later” are not from..to (YYYY-MM-DD, either side may be empty)",
        ])
        XCTAssertEqual(try problems("furniture.txt", "= Share this\nShare on X\n^\n"), [
            "furniture.txt:2: a rule starts with = (the whole line), ^ (starts with), ~ (contains), $ (ends with), > (ends the article) or @ (attribution)",
            "furniture.txt:3: no text after ^",
        ])
        XCTAssertEqual(try problems("event-clustering.txt", "threshold = 0.3\nthreshold = high\nwindow = 3\nnonsense\n"), [
            "event-clustering.txt:2: “high” is not a number",
            "event-clustering.txt:3: unknown setting “window”",
            "event-clustering.txt:4: expected key = value",
        ])
        XCTAssertEqual(try problems("roles.txt", "ambassador\n[roles]\nenvoy\n[titles]\nsir\n"), [
            "roles.txt:1: an entry outside a known section: start with one of [roles], [modifiers], [honorifics], [unnamed], [anonymous], [relatives], [links]",
            "roles.txt:4: unknown section [titles] (sections: [roles], [modifiers], [honorifics], [unnamed], [anonymous], [relatives], [links])",
            "roles.txt:5: an entry outside a known section: start with one of [roles], [modifiers], [honorifics], [unnamed], [anonymous], [relatives], [links]",
        ])
        // A user's month line adds forms to a month it names; a line naming none does nothing.
        XCTAssertEqual(try problems("months.txt", "styczeń | stycz\njanuary | styczeń\nstyczeń | sty\n"), [
            "months.txt:1: “styczeń” is not a month Parallax knows: start the line with one (month | other forms…)",
        ])
        XCTAssertEqual(try problems("outlets.tsv", "Le Monde\tMonde\tlemonde.fr\n"), [])
    }

    func testALineThatIsNotUTF8IsReportedAndTheOthersRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("places.txt")
        try Data(Array("Lisbon | Portugal |\n".utf8) + [0x4F, 0xFF, 0xFE, 0x0A] + Array("Porto | Portugal |\r\n".utf8)).write(to: url)
        XCTAssertEqual(try check("places.txt").problems(in: url, shown: "places.txt").map(\.description),
                       ["places.txt:2: not UTF-8 text; the line is skipped"])
        XCTAssertEqual(ResourceFiles.numberedLines(of: url), [DataLine(number: 1, text: "Lisbon | Portugal |"),
                                                             DataLine(number: 3, text: "Porto | Portugal |")])
    }

    /// The months reader does what the check says: a user's line naming a month adds its forms.
    func testAUserMonthLineAddsFormsToTheMonthItNames() {
        let shipped = ResourceFiles.lines(of: "months.txt")
        let lex = EventLexicon(eventWords: [], ignored: [], dateWords: [], months: shipped + ["january | styczeń", "stycz | x"],
                               weekdays: [], places: [], countries: [], futureCues: [])
        XCTAssertEqual(lex.calendar.months["styczeń"], 1)
        XCTAssertEqual(lex.calendar.months["december"], 12)
        XCTAssertNil(lex.calendar.months["x"], "stycz is no month")
    }
}
