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
            // A patronymic chain is one name, whatever its first word; Gulf styles and a G20 sherpa's title are not.
            ("Oman's delegate Fahd bin Kamil al-Harthy, Deputy Prime Minister, arrived in Doha on Monday.",
             ["Fahd bin Kamil al-Harthy=bin Kamil al-Harthy"]),
            ("The talks ended well, said Dr Abdulattif bin Nasir Al Zubairi, the secretary-general.",
             ["Abdulattif bin Nasir Al Zubairi=bin Nasir Al Zubairi"]),
            ("His Highness Sayyid Tariq bin Salim al Busaidi attended the summit in Muscat.",
             ["Tariq bin Salim al Busaidi=bin Salim al Busaidi"]),
            ("The declaration was adopted, India's G20 Sherpa Ravi Menon said on Saturday.",
             ["Ravi Menon=Menon"]),
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

    /// Names of Africa, Latin America, South and South-East Asia and the Middle East (names4): each row
    /// fails without the rule or data it names.
    func testNamesOfManyShapes() {
        // (text, expected persons, sorted)
        let rows: [(String, [String])] = [
            // A leading initial is kept, after a title or alone.
            ("Chief Minister N. Rajen Singh briefed the home minister on Monday.", ["N. Rajen Singh"]),
            ("Party president K.P. Sharma met the leaders on Tuesday.", ["K.P. Sharma"]),
            // Another given name before a known person's surname is another person of that family.
            ("President William Ruto arrived on Monday. Later, Alice Ruto spoke to reporters.",
             ["Alice Ruto", "William Ruto"]),
            // A place matched only by its folded key closing a run of names is a surname (not Raqqa).
            ("Deputy Minister Hadi Purnomo Raka said the budget was ready.", ["Hadi Purnomo Raka"]),
            // An Arabic article with a name in lower case inside a run of names.
            ("Prime Minister Ahmed Kamil al-jubouri met the king on Monday.", ["Ahmed Kamil al-jubouri"]),
            // Kinship before a name.
            ("The president's younger brother Haryo Susanto chairs the advisory board.", ["Haryo Susanto"]),
            // A title qualified by a place, or by an acronym.
            ("The delegation was received by the Consul General in Jeddah Tamer Ghandour on Friday.", ["Tamer Ghandour"]),
            ("Also present was former Chief Administrative Secretary (CAS) Wekesa Barasa of the ministry.", ["Wekesa Barasa"]),
            // A Vietnamese name of three short words after the family name.
            ("The delegation included Do Ba Ty and several officials.", ["Do Ba Ty"]),
            // A generational suffix closes a name.
            ("The tourism portfolio went to Otávio Lemos Filho after the vote.", ["Otávio Lemos Filho"]),
            // A clause that gives the name a role.
            ("Wakili Danladi, who chairs the panel, declined to comment.", ["Wakili Danladi"]),
            ("They welcomed the emergence of Ovuokerie Ekpo as Deputy Senate President last week.", ["Ovuokerie Ekpo"]),
            ("The economists agree that Kartasasmita Wirjo is now Minister of Trade.", ["Kartasasmita Wirjo"]),
            // Bare lists: after a plural title, or with two known people among three or more names.
            ("His picks are reelectionist senators Rolando dela Cruz and Bato Lim.", ["Bato Lim", "Rolando dela Cruz"]),
            ("The slate has singer Jimmy Arceo, Dindo Perez, Raul Lambada and Rodel Ocampo.",
             ["Dindo Perez", "Jimmy Arceo", "Raul Lambada", "Rodel Ocampo"]),
            // The first words of a three-word name are its short form, not another person.
            ("Finance Minister Sri Wahyuni Indrawati spoke first. Sri Wahyuni said the deficit would narrow.",
             ["Sri Wahyuni Indrawati"]),
            // Honorifics of Malaysia and Nigeria are not names.
            ("Home Minister Datuk Seri Hamzah Zainudin said the bill was ready.", ["Hamzah Zainudin"]),
            ("Alhaji Garba Shehu told reporters the governor would travel.", ["Garba Shehu"]),
            // Traditional and religious titles are not names.
            ("Oba Adewale Ogunwusi received the governor at the palace.", ["Adewale Ogunwusi"]),
            ("The fatwa was read by Mufti Ismail Menk on Friday.", ["Ismail Menk"]),
            // A sentence adverb before a title is not a person.
            ("Well, Admiral Teodoro Santos, our Navy Commander, came to sign the deal.", ["Teodoro Santos"]),
            // An apposition read through a parenthesised acronym.
            ("The post went to Kartono Wuisan, an Indonesian Democratic Party of Struggle (PDI-P) politician.",
             ["Kartono Wuisan"]),
            // A participle between the copula and the title.
            ("Yesterday Adi Wibowo and Hartono Sumarlin were sworn in as ministers of the new cabinet.",
             ["Adi Wibowo", "Hartono Sumarlin"]),
            // One word after `of` ends a capitalised name (an academy), even with an apposition after it.
            ("He is President of the National Academy of Politics, Chairman of the Theory Council, since May.", []),
            // A title still to be taken up (`Lady-elect`) is a title.
            ("President-elect William Ruto arrived with First Lady-elect Alice Ruto on Monday.", ["Alice Ruto", "William Ruto"]),
            // A cabinet list of `Portfolio, Name;` items.
            ("The cabinet will be: Health, Waldir Gomes; Agriculture and Livestock, Carlos Mendes; Cities, Juarez Tavora; Sports, Ana Moser.",
             ["Ana Moser", "Carlos Mendes", "Juarez Tavora", "Waldir Gomes"]),
            // Common given names of the regions open a name on their own.
            ("At the meeting, Babatunde Olawale made a presentation on funding.", ["Babatunde Olawale"]),
            ("The report was drafted by Budi Hartanto and sent to the ministry.", ["Budi Hartanto"]),
        ]
        for (text, expected) in rows {
            XCTAssertEqual(persons(text).map(\.name).sorted(), expected, text)
        }
    }
}
