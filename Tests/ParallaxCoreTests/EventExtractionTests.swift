import XCTest
@testable import ParallaxCore

/// Event mentions within one article: words, places, dates, the primary event and the secondary ones.
final class EventExtractionTests: XCTestCase {
    let extractor = EventExtractor(lexicon: .shared)

    func events(_ a: Article) -> [LocalEvent] {
        extractor.extract(article: a, reference: a.published?.day, actors: nil)
    }

    func testPrimaryAndSecondaryEvents() throws {
        let a = EventFixtures.article("a1", title: "Foreign ministers hold talks in Helsinki", body: """
        Foreign ministers of Finland and Estonia held talks on Tuesday in Helsinki on energy security.

        The Helsinki meeting was the first since the election. Officials said the talks were frank.

        The two ministers will meet again on March 3 in Tallinn, their offices said.
        """, published: "2022-02-16")
        let evs = events(a)
        let primary = try XCTUnwrap(evs.first { $0.isPrimary })
        XCTAssertEqual(primary.place, "Helsinki")
        XCTAssertEqual(primary.date?.day, EventFixtures.day("2022-02-15"))
        XCTAssertEqual(primary.kind, .talks)
        let next = try XCTUnwrap(evs.first { !$0.isPrimary && $0.place == "Tallinn" })
        XCTAssertEqual(next.date?.day, EventFixtures.day("2022-03-03"))
        // Ranges point at the words.
        let m = try XCTUnwrap(primary.mentions.first { $0.range != nil })
        XCTAssertTrue(EventFixtures.text(a.body, m.range!).hasSuffix("talks"))
    }

    /// A line of event-words.txt with choices stands for every phrase it spells.
    func testEventWordPatterns() {
        XCTAssertEqual(Set(EventLexicon.expand("{raises/raised} [its] {key/policy} rate")),
                       ["raises key rate", "raises its key rate", "raises policy rate", "raises its policy rate",
                        "raised key rate", "raised its key rate", "raised policy rate", "raised its policy rate"])
        XCTAssertEqual(EventLexicon.expand("{a/b [c/d]} e"), ["a e", "b c e", "b d e", "b e"])
        XCTAssertEqual(EventLexicon.expand("state visit"), ["state visit"])
        XCTAssertEqual(EventLexicon.expand("{unbalanced"), ["{unbalanced"], "read as written")
        // Every shipped pattern expands (none is read as written, which would match nothing).
        for line in ResourceFiles.lines(of: "event-words.txt") {
            let phrase = line.split(separator: "|").first.map(String.init) ?? ""
            if phrase.contains("{") || phrase.contains("[") {
                XCTAssertNotEqual(EventLexicon.expand(phrase.trimmingCharacters(in: .whitespaces)).count, 1, line)
            }
        }
    }

    /// A central bank's decision told with the shipped patterns, and leaders who meet over lunch, in
    /// English and French.
    func testDecisionsAndLunchesAreEvents() throws {
        for (title, body, kind) in [
            ("Central bank raises key rate to 4%", "The central bank on Wednesday raised its benchmark interest rate by half a point.", EventKind.meeting),
            ("Stocks fall after Fed delivers quarter-point rate hike", "Stocks fell on Wednesday after the Federal Reserve delivered a quarter-point rate increase.", .meeting),
            ("President hosts chancellor for lunch in Paris", "The president hosted the chancellor for lunch on Wednesday in Paris.", .meeting),
            ("Un déjeuner de travail à l'Elysée", "Un déjeuner de travail à l'Elysée a réuni mercredi les deux dirigeants.", .meeting),
        ] {
            let a = EventFixtures.article("d", title: title, body: body, published: "2022-10-26")
            let primary = try XCTUnwrap(events(a).first { $0.isPrimary }, body)
            XCTAssertEqual(primary.kind, kind, body)
        }
    }

    /// Reports in other languages: a meeting verb, a compound weekday and a venue after the language's
    /// own preposition ("se reúne nesta quarta-feira (16), em Moscou"); a city's own spelling.
    func testAMeetingToldInPortugueseAndFrench() throws {
        let pt = EventFixtures.article("pt", title: "Bolsonaro se reúne com Putin em Moscou", body: """
        O presidente Jair Bolsonaro se reúne nesta quarta-feira (16), em Moscou, com o presidente da Rússia, Vladimir Putin. O encontro ocorre no Palácio do Kremlin.
        """, published: "2022-02-16")
        let p = try XCTUnwrap(events(pt).first { $0.isPrimary })
        XCTAssertEqual(p.place, "Moscow")
        XCTAssertEqual(p.date?.day, EventFixtures.day("2022-02-16"))
        let fr = EventFixtures.article("fr", title: "Sommet UE-UA à Bruxelles", body: """
        Les dirigeants européens et africains ont ouvert jeudi un sommet à Bruxelles consacré aux vaccins.
        """, published: "2022-02-17")
        XCTAssertEqual(events(fr).first { $0.isPrimary }?.place, "Brussels")
    }

    /// "To attend" looks ahead: the Thursday of a report written on Wednesday is the next day.
    func testAttendingLooksAhead() throws {
        let a = EventFixtures.article("f", title: "President heads to summit in Brussels", body: """
        The president is in Brussels to attend the European Union-African Union summit on Thursday.
        """, published: "2022-02-16")
        XCTAssertEqual(events(a).first { $0.isPrimary }?.date?.day, EventFixtures.day("2022-02-17"))
    }

    /// A region inside a name ("… for Security and Cooperation in Europe (OSCE)") is not the venue
    /// when a city follows; a region alone is kept as it was.
    func testTheCityAfterARegionInANameIsThePlace() throws {
        let a = EventFixtures.article("r1", title: "Diplomats meet as tensions rise", body: """
        Diplomats offered a dire assessment at a meeting of the Organization for Security and Cooperation in Europe (OSCE) in Vienna on January 13.

        The meeting in Vienna was the third of the week.
        """, published: "2022-01-13")
        XCTAssertEqual(try XCTUnwrap(events(a).first { $0.isPrimary }).place, "Vienna")
    }

    /// A speech is an event of its own kind; "free speech" is not one. A piece labelled as commentary
    /// mentions meetings but reports none.
    func testSpeechesAndCommentary() throws {
        let speech = EventFixtures.article("s1", title: "President gives speech in Warsaw on the war", body: """
        The president gave a speech in Warsaw on Saturday before thousands of people at the royal castle.

        In the speech, he said the alliance would defend every inch of its territory.
        """, published: "2022-03-26")
        XCTAssertEqual(try XCTUnwrap(events(speech).first { $0.isPrimary }).kind, .speech)
        let free = EventFixtures.article("s2", title: "Court rules on free speech", body: """
        The court ruled on Tuesday that the law on free speech applied to online platforms as well.

        Free speech groups welcomed the ruling.
        """, published: "2022-03-22")
        XCTAssertFalse(events(free).contains { $0.kind == .speech })
        let report = EventFixtures.article("c1", title: "Foreign ministers hold talks in Helsinki", body: """
        Foreign ministers of Finland and Estonia held talks on Tuesday in Helsinki on energy security.

        The talks in Helsinki were the first since the election, officials said.
        """, published: "2022-02-16")
        XCTAssertNotNil(events(report).first { $0.isPrimary })
        var analysis = report
        analysis.title = "Analysis: Foreign ministers hold talks in Helsinki"
        XCTAssertFalse(events(analysis).isEmpty)
        XCTAssertNil(events(analysis).first { $0.isPrimary })
        analysis.title = "OPINION | Foreign ministers hold talks in Helsinki"
        XCTAssertNil(events(analysis).first { $0.isPrimary })
    }

    /// A place described before its name: "in the Chinese capital Beijing", "at the Black Sea resort of
    /// Sochi", "in the Kenyan capital, Nairobi"; "in the capital" alone names none.
    func testAPlaceDescribedBeforeItsName() throws {
        for (sentence, place) in [
            ("The foreign ministers met with their counterparts in the Chinese capital Beijing on Thursday.", "Beijing"),
            ("The two presidents held talks at the Black Sea resort of Sochi on Friday.", "Sochi"),
            ("Regional leaders opened a summit in the Kenyan capital, Nairobi, on Monday.", "Nairobi"),
            ("The two ministers met in the coastal city of Mombasa on Monday.", "Mombasa"),
        ] {
            let a = EventFixtures.article("d-\(place)", title: "Leaders hold talks", body: sentence + "\n\nThe talks were the first in years.",
                                          published: "2023-04-06")
            XCTAssertEqual(try XCTUnwrap(events(a).first { $0.isPrimary }, sentence).place, place, sentence)
        }
        let vague = EventFixtures.article("d-none", title: "Leaders hold talks", body: """
        The two ministers met in the capital on Thursday for talks on trade.

        The talks were the first in years.
        """, published: "2023-04-06")
        XCTAssertNil(events(vague).first { $0.isPrimary }?.place)
    }

    /// The world's countries and capitals are known, so a city and its country are one venue wherever
    /// the meeting is (`Abuja` and `Nigeria`), and two cities are not.
    func testCitiesAndTheirCountriesOfEveryRegion() {
        for (city, country) in [("Abuja", "Nigeria"), ("Nairobi", "Kenya"), ("Lima", "Peru"), ("Dhaka", "Bangladesh"),
                                ("Kuala Lumpur", "Malaysia"), ("Suva", "Fiji"), ("Sharm el-Sheikh", "Egypt")] {
            XCTAssertTrue(extractor.lexicon.isCountry(country), country)
            XCTAssertTrue(extractor.placesCompatible(city, country), "\(city) in \(country)")
        }
        XCTAssertFalse(extractor.placesCompatible("Abuja", "Accra"))
        XCTAssertFalse(extractor.placesCompatible("Lagos", "Kenya"))
    }

    func testCallsHaveNoPlaceAndPhrasesThatAreNotMeetings() throws {
        let a = EventFixtures.article("a2", title: "Leaders speak by phone as crisis deepens", body: """
        The two presidents held a phone call on Thursday, their second in a month, officials in Washington said.

        During the phone call, the leaders discussed the crisis. Critics called for more sanctions at a press conference in Berlin.
        """, published: "2021-12-31")
        let evs = events(a)
        let primary = try XCTUnwrap(evs.first { $0.isPrimary })
        XCTAssertEqual(primary.kind, .call)
        XCTAssertNil(primary.place)
        XCTAssertEqual(primary.date?.day, EventFixtures.day("2021-12-30"))
        XCTAssertFalse(evs.flatMap(\.mentions).contains { $0.trigger.lowercased().contains("call") && $0.place == "Berlin" })
        XCTAssertFalse(evs.flatMap(\.mentions).contains { $0.trigger == "conference" || $0.trigger == "called" })
    }

    func testAnEventNamedOnceInPassingIsNotWhatTheArticleReports() {
        let a = EventFixtures.article("a3", title: "Oil Rebounds on Supply Worries", body: """
        Crude oil futures rose 2% on Wednesday as traders weighed peace talks in Istanbul and a draw in US inventories.

        Brent was last at $98 a barrel. Analysts expect volatility to continue into the weekend.
        """, published: "2022-03-30")
        XCTAssertNil(events(a).first { $0.isPrimary })
    }

    func testTwoEventWordsInOneSentenceEachTakeTheirOwnDateAndPlace() throws {
        let a = EventFixtures.article("a4", title: "Talks open in Geneva", body: """
        Talks opened in Geneva on Monday. A meeting between NATO and Russia is scheduled for Wednesday in Brussels before Thursday's meeting in Vienna.

        The talks in Geneva ran late into the evening.
        """, published: "2022-01-10")
        let evs = events(a)
        XCTAssertEqual(evs.first { $0.isPrimary }?.place, "Geneva")
        XCTAssertEqual(evs.first { $0.place == "Brussels" }?.date?.day, EventFixtures.day("2022-01-12"))
        XCTAssertEqual(evs.first { $0.place == "Vienna" }?.date?.day, EventFixtures.day("2022-01-13"))
    }

    /// An undated preview of a call: the call on "Thursday" is the news, not the talks it previews for
    /// "January 10", and the two are not one event for sharing an unplaced date.
    func testAnUndatedPreviewOfACallReportsTheCall() throws {
        let a = EventFixtures.article("c1", title: "Ardent to speak with Belmont on Thursday", body: """
        President Ana Ardent will hold a call with President Luc Belmont on Thursday afternoon to discuss upcoming diplomatic engagements, her spokesperson said. Ardent plans to preview the bilateral talks set to take place on January 10, and the meetings in Vienna on January 12 and 13.
        """)
        let evs = events(a)
        let primary = try XCTUnwrap(evs.first { $0.isPrimary })
        XCTAssertEqual(primary.kind, .call)
        XCTAssertFalse(primary.mentions.contains { $0.kind == .talks })
    }

    /// "Spoke with" a leader on a day dates the call; "spoke with reporters" with no day is nothing.
    func testSpokeWithOnADayIsACall() throws {
        let a = EventFixtures.article("c2", title: "Varga and Okafor discuss grain exports in phone call", body: """
        Prime Minister Tomas Varga spoke with President Ines Okafor on Friday about grain exports, his office said.

        Varga later spoke with reporters about the harvest.
        """, published: "2023-05-13")
        let primary = try XCTUnwrap(events(a).first { $0.isPrimary })
        XCTAssertEqual(primary.kind, .call)
        XCTAssertEqual(primary.date?.day, EventFixtures.day("2023-05-12"))
        XCTAssertFalse(primary.mentions.contains { $0.paragraph == 1 }, "spoke with reporters")
    }

    /// An assembly's numbered session is a summit ("the 36th Ordinary Session of the Assembly"), and
    /// its number is read, in English and in French.
    func testANumberedSessionIsASummit() throws {
        let a = EventFixtures.article("s1", title: "Leader takes over bloc's rotating chair", body: """
        President Ali Sefu took over the rotating chairmanship at the opening of the 36th Ordinary Session of the Assembly in Addis Ababa on Saturday.

        The 36th Ordinary Session brought together leaders of the continent.
        """, published: "2023-02-19")
        let p = try XCTUnwrap(events(a).first { $0.isPrimary })
        XCTAssertEqual(p.kind, .summit)
        XCTAssertEqual(p.number, 36)
        XCTAssertEqual(EventExtractor.ordinal("36e"), 36)
        XCTAssertEqual(EventExtractor.ordinal("43rd"), 43)
        XCTAssertEqual(EventExtractor.ordinal("21st"), 21)
        XCTAssertNil(EventExtractor.ordinal("11st"))
        XCTAssertNil(EventExtractor.ordinal("2023"))
    }
}
