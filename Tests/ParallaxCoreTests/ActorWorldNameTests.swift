import XCTest
@testable import ParallaxCore

/// Names of the whole world (issue 17): family name first, particles, the article's own usage, short
/// names, gazetteer roles with dates, plural roles. Each row is a text written here and what the
/// actors stage must make of it.
final class ActorWorldNameTests: XCTestCase {
    private func persons(_ body: String, published: String? = nil) -> [Actor] {
        var a = ActorTestSupport.article("a", body)
        if let p = published, let d = Day(iso: p) { a.published = DatedValue(day: d, source: .given, confidence: 1) }
        return ActorTestSupport.analysis.run([a]).actors.filter { $0.kind == .person }
    }

    func testOnePersonPerNameWithItsShortName() {
        // (text, expected persons as "Name=Short", sorted)
        let rows: [(String, [String])] = [
            ("Chinese President Xi Jinping met the delegation. Xi said the talks were candid.",
             ["Xi Jinping=Xi"]),
            ("Premier Zhao Minghui arrived in Hanoi on Monday. Zhao said trade would grow.",
             ["Zhao Minghui=Zhao"]),
            ("South Korean President Moon Jae-in spoke. Moon said the summit was historic.",
             ["Moon Jae-in=Moon"]),
            ("Unification Minister Lee Sang-min said on Monday that talks could resume. Lee added that no date was set.",
             ["Lee Sang-min=Lee"]),
            ("North Korean Foreign Minister Ri Yong Ho left Pyongyang on Tuesday. Ri will meet the Secretary-General.",
             ["Ri Yong Ho=Ri"]),
            ("Crown Prince Mohammed bin Salman arrived in Ankara. MBS held talks, and bin Salman later left.",
             ["Mohammed bin Salman=bin Salman"]),
            ("European Commission President Ursula von der Leyen spoke. Von der Leyen said aid would come.",
             ["Ursula von der Leyen=von der Leyen"]),
            ("Minister Karl-Heinz von Trotha arrived. Later von Trotha said the plan was ready.",
             ["Karl-Heinz von Trotha=von Trotha"]),
            ("Former president Luiz Inácio Lula da Silva won the vote. Lula said he would govern for all.",
             ["Luiz Inácio Lula da Silva=Lula"]),
            ("Opposition leader Raila Odinga spoke on Wednesday. Raila said he was ready for dialogue.",
             ["Raila Odinga=Odinga"]),
            ("General Secretary Nguyen Van Thanh held talks. Mr. Thanh said ties were strong.",
             ["Nguyen Van Thanh=Thanh"]),
            ("Prime Minister Motegi Haruto met reporters. Motegi said the talks went well.",
             ["Motegi Haruto=Motegi"]),
            ("Senator Joe Weston spoke. Weston said the bill would pass.", ["Joe Weston=Weston"]),
        ]
        for (text, expected) in rows {
            let got = persons(text).map { "\($0.name)=\($0.shortName)" }.sorted()
            XCTAssertEqual(got, expected, text)
        }
    }

    func testBareFamilyNameBindsToTheNearestPrecedingFullMentionOnce() {
        let text = """
        North Korean leader Kim Jong Un inspected a factory on Monday.
        His sister Kim Yo Jong issued a statement on Tuesday. Mr. Kim said Seoul should stay silent.
        """
        let people = persons(text)
        XCTAssertEqual(people.map(\.name).sorted(), ["Kim Jong Un", "Kim Yo Jong"])
        XCTAssertEqual(people.first { $0.name == "Kim Yo Jong" }?.mentions.count, 2)
        XCTAssertEqual(people.first { $0.name == "Kim Jong Un" }?.mentions.count, 1)
        let invented = persons("Defence chief Pak Song Chol spoke first. His deputy Pak Yong Il followed. Mr. Pak said drills would go on.")
        XCTAssertEqual(invented.map(\.name).sorted(), ["Pak Song Chol", "Pak Yong Il"])
        XCTAssertEqual(invented.map { $0.shortName }, ["Pak", "Pak"])
    }

    func testFamilyNameFirstSpellingsMergeAcrossArticles() {
        let r = ActorTestSupport.run([
            "Defence chief Pak Song-chol said the drills were over.",
            "Defence chief Pak Song Chol told reporters the drills were over.",
            "Deputy Pak Yong Il told reporters nothing.",
        ])
        XCTAssertEqual(r.actors.filter { $0.kind == .person }.map(\.name).sorted().count, 2)
    }

    func testGazetteerRoleOutsideItsDates() {
        // Yoon Suk Yeol is president from 2022 (gazetteer.tsv, column 7): a 2018 "Mr. Yoon" is someone else.
        let text = "Mr. Yoon told reporters the talks had gone well."
        XCTAssertEqual(persons(text, published: "2018-04-27").map(\.name), ["Yoon"])
        XCTAssertEqual(persons(text, published: "2023-03-16").map(\.name), ["Yoon Suk Yeol"])
        // The article's own Yoon comes first, whatever the date.
        let own = "Presidential spokesman Yoon Young-chan briefed reporters. Mr. Yoon said the leaders would meet again."
        XCTAssertEqual(persons(own, published: "2023-03-16").map(\.name), ["Yoon Young-chan"])
        // A full name is always the entry.
        XCTAssertEqual(persons("Yoon Suk Yeol was a prosecutor then.", published: "2018-04-27").map(\.name), ["Yoon Suk Yeol"])
    }

    func testRoleDatesParse() {
        let g = Gazetteer(lines: ["Ada Kwon\tperson\tKwon\tNowhere\tPresident\t\t2020-01-01..2021-12-31"])
        let e = g.entry(named: "Ada Kwon")
        XCTAssertEqual(e?.roleFrom, Day(iso: "2020-01-01"))
        XCTAssertEqual(e?.roleFits(Day(iso: "2019-06-01")), false)
        XCTAssertEqual(e?.roleFits(Day(iso: "2021-06-01")), true)
        XCTAssertEqual(e?.roleFits(nil), true)
    }

    func testPluralRolesAreNotNames() {
        let rows = [
            "The Chief Justices met on Monday to discuss the ruling.",
            "Foreign Ministers said on Friday they would meet again.",
        ]
        for text in rows {
            XCTAssertEqual(persons(text).map(\.name), [], text)
        }
    }
}
