import XCTest
@testable import ParallaxCore

/// Grouping articles into events across outlets, dating undated articles, and the timeline.
final class EventGroupingTests: XCTestCase {
    func run(_ articles: [Article], actors: [Actor] = []) -> Corpus {
        EventGrouper().run(Corpus(articles: articles, actors: actors))
    }

    /// Two meetings in one city a week apart, each reported by two outlets, plus an unrelated story.
    /// Two French leads on different stories share only function words (`les`, `des`, `pour`, the
    /// article of `l'Élysée`): their term vectors must not meet on them; a shared `Élysée` still counts.
    func testFunctionWordsOfOtherLanguagesAreNoTerms() {
        let a = LeadVectors.counts(of: EventFixtures.article("a", title: "Les ministres des finances réunis pour les budgets",
                                                             body: "Les ministres se sont réunis à l'Élysée pour des discussions."))
        let b = LeadVectors.counts(of: EventFixtures.article("b", title: "Les pêcheurs bretons et les quotas",
                                                             body: "Des pêcheurs ont manifesté dans les ports pour les quotas de l'Élysée."))
        for w in ["les", "des", "pour", "dans", "l'élysée"] {
            XCTAssertNil(a[w], w)
            XCTAssertNil(b[w], w)
        }
        XCTAssertEqual(a["élysée"], 1)
        XCTAssertEqual(Set(a.keys).intersection(b.keys), ["élysée"])
    }

    /// The same two leaders at the White House a year apart, each report undated but for a page's
    /// month line (`date 2024-03`): two meetings, not one.
    func testUndatedReportsMonthsApartAreTwoStories() {
        let arts = [
            EventFixtures.article("m1", title: "Meloni e Biden, incontro alla Casa Bianca", body: """
            date 2023-07 Giorgia Meloni ha incontrato Joe Biden alla Casa Bianca per un incontro sulla guerra in Ucraina.

            L'incontro tra i due leader è durato un'ora, con al centro Ucraina, Cina e migranti.
            """, outlet: "Outlet A"),
            EventFixtures.article("m2", title: "Incontro Biden-Meloni alla Casa Bianca", body: """
            date 2023-07 Joe Biden ha ricevuto Giorgia Meloni alla Casa Bianca: un incontro cordiale su Ucraina e Cina.

            I due leader hanno parlato di Ucraina, Cina e migranti.
            """, outlet: "Outlet B"),
            EventFixtures.article("m3", title: "Meloni torna alla Casa Bianca, incontro con Biden", body: """
            date 2024-03 Giorgia Meloni ha incontrato Joe Biden alla Casa Bianca per un nuovo incontro su Ucraina e Medio Oriente.

            I due leader hanno parlato di Ucraina, Gaza e del G7 in Puglia.
            """, outlet: "Outlet C"),
        ]
        XCTAssertEqual(EventGrouper.month(of: arts[2]), 2024 * 12 + 2)
        let c = run(arts)
        XCTAssertNotNil(c.primaryEvent["m1"])
        XCTAssertEqual(c.primaryEvent["m1"], c.primaryEvent["m2"])
        XCTAssertNotEqual(c.primaryEvent["m1"], c.primaryEvent["m3"])
    }

    /// An undated report whose lead names another city than a dated story's meeting place is not one of
    /// its reports, however much they share the leaders.
    func testAnUndatedReportFromAnotherCityStaysOut() {
        let arts = [
            EventFixtures.article("k1", title: "Modi and Xi hold talks in Kazan", body: """
            Prime Minister Narendra Modi and President Xi Jinping held a bilateral meeting in Kazan on Wednesday on the sidelines of the BRICS summit.

            Modi and Xi agreed on border patrolling arrangements, officials said.
            """, outlet: "Outlet A", published: "2024-10-23"),
            EventFixtures.article("k2", title: "Modi, Xi meet in Kazan for first talks in five years", body: """
            Narendra Modi and Xi Jinping met in Kazan on Wednesday at the BRICS summit, their first formal talks in five years.

            The leaders welcomed the border agreement.
            """, outlet: "Outlet B", published: "2024-10-23"),
            EventFixtures.article("j1", title: "Modi, Xi seen having brief exchanges in Johannesburg", body: """
            Prime Minister Narendra Modi and Chinese President Xi Jinping were seen having brief exchanges ahead of a BRICS media briefing in Johannesburg.

            Modi and Xi are in Johannesburg to attend the BRICS summit.
            """, outlet: "Outlet C"),
        ]
        XCTAssertEqual(EventGrouper.leadPlaces(of: arts[2], lexicon: .shared), ["Johannesburg"])
        let c = run(arts)
        XCTAssertNotNil(c.primaryEvent["k1"])
        XCTAssertEqual(c.primaryEvent["k1"], c.primaryEvent["k2"])
        XCTAssertNotEqual(c.primaryEvent["k1"], c.primaryEvent["j1"])
    }

    func testTwoMeetingsInOneCityAWeekApartStayApart() {
        let arts = [
            EventFixtures.article("v1", title: "Iran nuclear talks resume in Vienna", body: """
            Negotiators from Iran and world powers resumed talks in Vienna on Monday, aiming to revive the nuclear deal.

            The talks in Vienna are expected to last several days, diplomats said.
            """, outlet: "Outlet A", published: "2022-02-07"),
            EventFixtures.article("v2", title: "Vienna talks on Iran deal restart", body: """
            Iranian and European diplomats met in Vienna on Monday for a new round of negotiations on the nuclear accord.

            The negotiations are in their final stage, an EU official said.
            """, outlet: "Outlet B", published: "2022-02-07"),
            EventFixtures.article("v3", title: "OSCE meeting in Vienna discusses security", body: """
            Ambassadors met in Vienna on Monday at a meeting of the OSCE permanent council on European security.

            The meeting heard statements from Poland, which chairs the organisation this year.
            """, outlet: "Outlet A", published: "2022-02-14"),
            EventFixtures.article("v4", title: "OSCE council meeting held in Vienna", body: """
            The OSCE permanent council held a meeting in Vienna on Monday on the security crisis in Europe.

            Poland, chairing the OSCE, opened the meeting with a call for dialogue.
            """, outlet: "Outlet B", published: "2022-02-14"),
            EventFixtures.article("u1", title: "Retail sales rise more than expected", body: """
            Retail sales rose 1.4% in January, above forecasts, led by clothing stores.

            Online sales fell to their lowest share since March 2020.
            """, outlet: "Outlet C", published: "2022-02-15"),
        ]
        let c = run(arts)
        let e1 = c.primaryEvent["v1"], e2 = c.primaryEvent["v2"], e3 = c.primaryEvent["v3"], e4 = c.primaryEvent["v4"]
        XCTAssertNotNil(e1)
        XCTAssertEqual(e1, e2)
        XCTAssertNotNil(e3)
        XCTAssertEqual(e3, e4)
        XCTAssertNotEqual(e1, e3)
        XCTAssertNil(c.primaryEvent["u1"])
        let vienna = c.events.first { $0.id == e1 }
        XCTAssertEqual(vienna?.place, "Vienna")
        XCTAssertEqual(vienna?.date, EventFixtures.day("2022-02-07"))
    }

    /// A report of talks in one city that ends by announcing follow-up talks in another reports the
    /// first: its headline's "follow-up talks in Berlin" is the next meeting, not the news.
    func testFollowUpMeetingAnnouncedInTheHeadlineIsNotTheArticlesEvent() {
        let report = EventFixtures.article("f1", title: "Talks end with agreement on follow-up talks in Berlin", body: """
        Talks end with agreement on follow-up talks in Berlin

        At least they are still talking.

        Advisers to the leaders of the four countries met in Paris on January 26 to revive the stalled peace process.

        A possible follow-up meeting has been provisionally agreed to take place in two weeks in Berlin, an adviser said.
        """, outlet: "Outlet A", published: "2022-01-27")
        let other = EventFixtures.article("f2", title: "Peace talks held in Paris", body: """
        Advisers of the four leaders held talks in Paris on January 26 on the ceasefire in the east.

        The talks in Paris lasted eight hours, officials said.
        """, outlet: "Outlet B", published: "2022-01-26")
        let c = run([report, other])
        let e = c.primaryEvent["f1"]
        XCTAssertNotNil(e)
        XCTAssertEqual(e, c.primaryEvent["f2"])
        XCTAssertEqual(c.events.first { $0.id == e }?.place, "Paris")
    }

    /// Two outlets' stories on one phone call, each naming the call once in its lead and never in its
    /// headline: neither alone makes the call its news, the two together report it.
    func testAStoryOfLeadsThatNameACallReportsIt() {
        let a = EventFixtures.article("c1", title: "Xi tells Biden the crisis is not something China wants", body: """
        Chinese President Xi Jinping told U.S. President Joe Biden during a Friday phone call that peace and development face serious challenges, according to Xinhua.

        Xi said China and the United States should shoulder international responsibilities and work for world peace and tranquility.
        """, outlet: "Outlet A", published: "2022-03-18")
        let b = EventFixtures.article("c2", title: "White House keeps its cards close after Biden speaks to Xi", body: """
        President Joe Biden warned Xi Jinping of consequences in a phone call on Friday if China gives material support to Russia.

        The White House said Xi and Biden discussed the war and world peace for nearly two hours.
        """, outlet: "Outlet B", published: "2022-03-18")
        let unrelated = EventFixtures.article("c3", title: "Retail sales rise more than expected", body: """
        Retail sales rose 1.4% in February, above forecasts, led by clothing stores.

        Online sales fell to their lowest share since March 2020.
        """, outlet: "Outlet C", published: "2022-03-18")
        // The whole analysis: the two stories are alike by the people they name as much as by their words.
        let c = Analyzer.analyze(articles: [a, b, unrelated])
        let e = c.primaryEvent["c1"]
        XCTAssertNotNil(e)
        XCTAssertEqual(e, c.primaryEvent["c2"])
        XCTAssertEqual(c.events.first { $0.id == e }?.kind, .call)
        XCTAssertNil(c.primaryEvent["c3"])
    }

    /// An undated preview of talks is not dated on the day of the talks it previews.
    func testAnUndatedPreviewIsNotDatedAfterTheMeetingItPreviews() {
        let report = EventFixtures.article("p1", title: "Russia and US hold talks in Geneva", body: """
        Russian and US diplomats held talks in Geneva on January 10 on security in Europe.

        The talks in Geneva lasted nearly eight hours, both delegations said.
        """, outlet: "Outlet A", published: "2022-01-10")
        let preview = EventFixtures.article("p2", title: "Diplomats prepare for talks in Geneva", body: """
        Russian and US diplomats are preparing for the upcoming talks in Geneva on January 10 on security in Europe.

        The talks in Geneva will be the first of three meetings, officials said.
        """, outlet: "Outlet B")
        let c = run([report, preview])
        XCTAssertEqual(c.primaryEvent["p2"], c.primaryEvent["p1"])
        XCTAssertNil(c.articles.first { $0.id == "p2" }?.published)
    }

    /// A page timestamp years away from a corpus of one month is set aside with a warning; a date the
    /// user gave is kept however far it is, and a corpus that spans years is left alone.
    func testADateYearsFromTheCorpusIsSetAsideWithAWarning() {
        func dated(_ id: String, _ iso: String, _ source: MetadataSource) -> Article {
            var a = EventFixtures.article(id, title: "Story \(id)", body: "Officials spoke on the economy.", outlet: "Outlet")
            a.published = Day(iso: iso).map { DatedValue(day: $0, source: source, confidence: 0.8) }
            return a
        }
        var arts = (1...9).map { dated("a\($0)", "2022-01-1\($0)", .text) }
        arts.append(dated("far", "2024-06-15", .text))
        arts.append(dated("given", "2019-03-01", .given))
        let c = EventGrouper.settingAsideImplausibleDates(Corpus(articles: arts))
        XCTAssertNil(c.articles.first { $0.id == "far" }?.published)
        XCTAssertEqual(c.articles.first { $0.id == "given" }?.published?.day, EventFixtures.day("2019-03-01"))
        XCTAssertEqual(c.articles.first { $0.id == "a1" }?.published?.day, EventFixtures.day("2022-01-11"))
        XCTAssertEqual(c.warnings.count, 1)
        XCTAssertTrue(c.warnings.first?.contains("2024-06-15") ?? false)
        // Spread over years: nothing is implausible.
        let spread = (0..<10).map { dated("s\($0)", "20\(14 + $0)-05-01", .text) }
        XCTAssertEqual(EventGrouper.settingAsideImplausibleDates(Corpus(articles: spread)).warnings, [])
    }

    /// An undated article about a meeting another article dates takes that date; its weekdays then resolve.
    func testUndatedArticleTakesTheDateOfTheEventItReports() throws {
        let dated = EventFixtures.article("d1", title: "Russia and US open security talks", body: """
        Washington, in the run-up to the talks on January 10 in Geneva, said it would listen to Moscow's concerns.

        The talks of January 10 in Geneva will be followed on January 12 by a NATO-Russia meeting.
        """, outlet: "Wire", published: "2022-01-07")
        let undated = EventFixtures.article("d2", title: "Moscow and Washington end talks in Geneva", body: """
        After talks with the United States on Monday in Geneva, Russia said it had no plans to attack Ukraine.

        Monday's talks in Geneva were followed by a meeting between NATO and Russia scheduled for Wednesday in Brussels.
        """)
        let c = run([dated, undated])
        let d2 = try XCTUnwrap(c.articles.first { $0.id == "d2" })
        XCTAssertEqual(d2.published?.day, EventFixtures.day("2022-01-10"))
        XCTAssertEqual(d2.published?.source, .event)
        XCTAssertEqual(d2.published?.source.rawValue, "inferred from event")
        // The Geneva talks are d2's primary event; the NATO meeting both mention is on the timeline on the 12th.
        let geneva = try XCTUnwrap(c.events.first { $0.id == c.primaryEvent["d2"] })
        XCTAssertEqual(geneva.place, "Geneva")
        XCTAssertTrue(geneva.mentionedBy.contains("d1") || geneva.articles.contains("d1"))
        let timeline = Timeline(corpus: c)
        let nato = try XCTUnwrap(timeline.entries.first { $0.day == EventFixtures.day("2022-01-12") })
        XCTAssertEqual(Set(nato.mentionedBy), ["d1", "d2"])
        XCTAssertEqual(timeline.entries.map(\.day), timeline.entries.map(\.day).sorted())
    }

    /// Reports that name only the meeting's weekday ("Wednesday's meeting") are dated by the story's
    /// dated reports when those came out within two days of that weekday; not when they came out later
    /// in the week (another meeting's reports), nor when the story has none.
    func testAWeekdayOfAnUndatedReportIsPlacedByTheStorysDatedReports() throws {
        func stories(firstReport: String, secondReport: String = "2023-11-10") -> Corpus {
            let dated = EventFixtures.article("w1", title: "Council of ministers meets in Lisbon on fishing quotas", body: """
            The council of fishing ministers met in Lisbon for five hours to agree the quotas of the coming year.

            The meeting in Lisbon ended without agreement on the quotas, the chair of the council said.
            """, outlet: "Outlet A", published: firstReport)
            let later = EventFixtures.article("w2", title: "Fishing ministers fail to agree quotas at Lisbon meeting", body: """
            Fishing ministers meeting in Lisbon failed to agree the quotas of the coming year, the chair said.

            The meeting of the fishing ministers in Lisbon is to be followed by talks of their deputies.
            """, outlet: "Outlet B", published: secondReport)
            let undated = EventFixtures.article("w3", title: "No deal on fishing quotas after ministers meet in Lisbon", body: """
            The council of fishing ministers held a meeting on Wednesday in Lisbon but did not agree the quotas, the chair said.

            Wednesday's meeting in Lisbon was the third this year.
            """, outlet: "Outlet C")
            return run([dated, later, undated])
        }
        // 2023-11-08 was a Wednesday: a report of that day (or of the next two) places it.
        let c = stories(firstReport: "2023-11-08")
        XCTAssertEqual(c.primaryEvent["w3"], c.primaryEvent["w1"])
        let w3 = try XCTUnwrap(c.articles.first { $0.id == "w3" })
        XCTAssertEqual(w3.published?.day, EventFixtures.day("2023-11-08"))
        XCTAssertEqual(w3.published?.source, .event)
        XCTAssertEqual(stories(firstReport: "2023-11-10").articles.first { $0.id == "w3" }?.published?.day,
                       EventFixtures.day("2023-11-08"))
        // Its first dated report three days after a Wednesday: not placed.
        XCTAssertNil(stories(firstReport: "2023-11-11", secondReport: "2023-11-12").articles.first { $0.id == "w3" }?.published)
    }

    /// A leader's speech and his meeting in the same city on the same day are two events.
    func testASpeechAndAMeetingOfTheSameDayStayApart() {
        let speech = EventFixtures.article("sp1", title: "President gives speech in Warsaw", body: """
        The president gave a speech in Warsaw on Saturday before thousands of people at the royal castle.

        In the speech in Warsaw, the president spoke of the war and of the alliance.
        """, outlet: "Outlet A", published: "2022-03-26")
        let speech2 = EventFixtures.article("sp2", title: "Thousands hear president's speech in Warsaw", body: """
        Thousands of people heard the president's speech in Warsaw on Saturday at the royal castle.

        The speech in Warsaw lasted half an hour, and the president spoke of the war.
        """, outlet: "Outlet B", published: "2022-03-26")
        let meeting = EventFixtures.article("mt1", title: "President meets Polish leader in Warsaw", body: """
        The president held a meeting with the Polish president in Warsaw on Saturday on the war and refugees.

        The meeting in Warsaw lasted an hour, officials said.
        """, outlet: "Outlet C", published: "2022-03-26")
        let c = run([speech, speech2, meeting])
        XCTAssertEqual(c.primaryEvent["sp1"], c.primaryEvent["sp2"])
        XCTAssertNotNil(c.primaryEvent["mt1"])
        XCTAssertNotEqual(c.primaryEvent["mt1"], c.primaryEvent["sp1"])
        XCTAssertEqual(c.events.first { $0.id == c.primaryEvent["sp1"] }?.kind, .speech)
    }

    /// A phone call and an in-person meeting of the same week are different events.
    func testCallAndMeetingOfTheSameDaysStayApart() {
        let arts = [
            EventFixtures.article("c1", title: "Biden and Putin hold phone call", body: """
            President Joe Biden and Vladimir Putin held a phone call on Thursday about Ukraine.

            The phone call lasted 50 minutes, the White House said.
            """, published: "2021-12-30"),
            EventFixtures.article("c2", title: "Putin and Biden speak by phone", body: """
            Vladimir Putin and Joe Biden spoke by phone on Thursday, the Kremlin said, in a call requested by Moscow.

            The call came ahead of talks in Geneva.
            """, published: "2021-12-31"),
            EventFixtures.article("c3", title: "Diplomats meet in Brussels", body: """
            NATO diplomats held a meeting in Brussels on Thursday on the alliance's eastern flank.

            The meeting in Brussels ended without a statement.
            """, published: "2021-12-30"),
        ]
        let c = run(arts)
        XCTAssertNotNil(c.primaryEvent["c1"])
        XCTAssertEqual(c.primaryEvent["c1"], c.primaryEvent["c2"])
        XCTAssertNotEqual(c.primaryEvent["c1"], c.primaryEvent["c3"])
        XCTAssertEqual(c.events.first { $0.id == c.primaryEvent["c1"] }?.kind, .call)
    }

    /// Two hundred meetings in one city two days apart: each its own event, and the work stays
    /// bounded by the time window (candidates from the inverted index, not all pairs).
    func testMeetingsOfOneCityOnDifferentDaysStayApart() {
        var arts: [Article] = []
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        for i in 0..<200 {
            let d = EventFixtures.day("2022-01-01").adding(days: 2 * i)
            arts.append(EventFixtures.article("b\(i)", title: "Officials hold talks in Paris", body: """
            Officials held talks in Paris on \(months[d.month - 1]) \(d.day), \(d.year).

            The talks in Paris ended late.
            """, published: d.description))
        }
        let c = run(arts)
        XCTAssertEqual(Set(c.primaryEvent.values).count, 200)
    }

    /// A busy day (issue 14, point 12): 250 reports of one summit and 200 other reports of that day.
    /// The summit's reports form one event (no block-size cut-off leaves them alone), and no other
    /// report is put into it.
    func testABusyDayIsGrouped() {
        var arts: [Article] = []
        let verbs = ["held talks", "met for talks", "opened a summit", "began a summit meeting", "sat down for talks"]
        for i in 0..<250 {
            arts.append(EventFixtures.article("s\(i)", title: "Xi and Putin \(verbs[i % 5]) in Moscow", body: """
            Chinese President Xi Jinping and Russian President Vladimir Putin \(verbs[(i + 1) % 5]) in Moscow on Monday, March 20, 2023, report number \(i) said.

            The summit in Moscow covered trade, energy and the war in Ukraine, officials said.
            """, outlet: "Outlet \(i % 40)", published: "2023-03-20"))
        }
        let topics = ["harbour", "railway", "school", "hospital", "museum", "stadium", "bridge", "airport", "library", "market"]
        for i in 0..<200 {
            let t = topics[i % topics.count]
            arts.append(EventFixtures.article("o\(i)", title: "Council \(i) debates the \(t) budget", body: """
            Councillors of district \(i) held a meeting on the \(t) budget on Monday, March 20, 2023, in town hall \(i).

            The \(t) plan number \(i) was sent back to committee \(i).
            """, outlet: "Local \(i % 30)", published: "2023-03-20"))
        }
        let c = run(arts, actors: [
            EventFixtures.actor("Xi Jinping", forms: ["Xi Jinping", "Xi"], in: arts),
            EventFixtures.actor("Vladimir Putin", forms: ["Vladimir Putin", "Putin"], in: arts),
        ])
        var sizes: [String: Int] = [:]
        for i in 0..<250 { if let e = c.primaryEvent["s\(i)"] { sizes[e, default: 0] += 1 } }
        let biggest = sizes.max { $0.value < $1.value }
        XCTAssertGreaterThanOrEqual(biggest?.value ?? 0, 240, "\(sizes)")
        let summit = biggest?.key
        XCTAssertFalse((0..<200).contains { c.primaryEvent["o\($0)"] == summit })
    }

    /// The clusterer's work is linear in the articles: the same shape of corpus four times as large
    /// costs at most about four times the article–story comparisons, and each article is compared
    /// with a bounded number of stories.
    func testStoryClusteringWorkIsLinear() {
        func corpus(_ n: Int) -> (profiles: [StoryClusterer.Profile], truth: [Int]) {
            var profiles: [StoryClusterer.Profile] = []
            var truth: [Int] = []
            var rng = SplitMix64(seed: 7)
            for i in 0..<n {
                let story = i / 5
                let day = Day(ordinal: 19_000 + story / 10)  // fifty articles a day
                var terms: [Int: Double] = [1_000_000 + story: 0.8, 2_000_000 + story: 0.5]
                for _ in 0..<6 { terms[Int(rng.next() % 5000), default: 0] += 0.2 }
                let actors = ["person-\(story)": 1.0, "country-\(story % 7)": 0.2]
                profiles.append(.init(article: i, local: 0, hasEvent: true, terms: terms, actors: actors, kindFamily: 0,
                                      place: nil, placeIsCountry: false, eventDay: day, eventDate: .span(day, day), time: day))
                truth.append(story)
            }
            return (profiles, truth)
        }
        let clusterer = StoryClusterer(settings: ClusteringSettings(), lexicon: .shared)
        var work: [Int] = []
        for n in [2000, 8000] {
            let (profiles, truth) = corpus(n)
            let (stories, _, comparisons) = clusterer.cluster(profiles, words: [])
            work.append(comparisons)
            XCTAssertLessThanOrEqual(comparisons, n * 40, "comparisons per article must stay bounded")
            // And the stories are found.
            var label = [Int](repeating: -1, count: n)
            for (s, members) in stories.enumerated() { for m in members { label[m] = s } }
            var tp = 0, fp = 0, fn = 0
            for i in 0..<n { for j in (i + 1)..<min(n, i + 60) {
                let same = truth[i] == truth[j], got = label[i] == label[j]
                if same && got { tp += 1 } else if got { fp += 1 } else if same { fn += 1 }
            } }
            XCTAssertGreaterThan(Double(tp) / Double(max(1, tp + (fp + fn) / 2)), 0.95)
        }
        XCTAssertLessThanOrEqual(Double(work[1]), 4.5 * Double(work[0]), "\(work)")
    }

    /// The embedded sample: Paris talks (000, 001, 004), Geneva talks (003), the Biden–Putin call (002).
    func testSampleCorpus() throws {
        let c = try CorpusLoader().load(paths: [])
        func file(_ prefix: String) throws -> Article { try XCTUnwrap(c.articles.first { $0.fileName.hasPrefix(prefix) }) }
        let a0 = try file("000"), a1 = try file("001"), a2 = try file("002"), a3 = try file("003"), a4 = try file("004")
        XCTAssertNotNil(c.primaryEvent[a0.id])
        XCTAssertEqual(c.primaryEvent[a0.id], c.primaryEvent[a1.id])
        XCTAssertEqual(c.primaryEvent[a0.id], c.primaryEvent[a4.id])
        XCTAssertNotEqual(c.primaryEvent[a3.id], c.primaryEvent[a0.id])
        XCTAssertNotEqual(c.primaryEvent[a2.id], c.primaryEvent[a3.id])
        XCTAssertNotEqual(c.primaryEvent[a2.id], c.primaryEvent[a0.id])
        XCTAssertEqual(c.articles.first { $0.id == a1.id }?.published?.day, EventFixtures.day("2022-01-26"))
        XCTAssertEqual(c.articles.first { $0.id == a1.id }?.published?.source, .event)
        XCTAssertEqual(c.articles.first { $0.id == a3.id }?.published?.day, EventFixtures.day("2022-01-10"))
        let paris = try XCTUnwrap(c.events.first { $0.id == c.primaryEvent[a0.id] })
        XCTAssertEqual(paris.place, "Paris")
        XCTAssertEqual(paris.date, EventFixtures.day("2022-01-26"))
        let days = Set(Timeline(corpus: c).entries.map { $0.day.description })
        XCTAssertTrue(days.isSuperset(of: ["2022-01-10", "2022-01-12", "2022-01-13", "2022-01-26"]))
    }

    /// Titles name who took part as every report tells it: the two leaders of a call (not their
    /// countries), one speaker for a speech, and never the outlet a report quotes.
    func testTitlesNameTheLeadersOfACallAndTheSpeakerOfASpeech() throws {
        let call1 = EventFixtures.article("t1", title: "Kenya and Ghana leaders hold phone call on trade", body: """
        Kenyan President Amos Wekesa held a phone call with Ghanaian President Kofi Asante on Monday about trade between Kenya and Ghana, Wekesa told Reuters.

        Wekesa and Asante agreed to meet in Accra next month, the call's readout said.
        """, outlet: "Outlet A", published: "2023-06-05")
        let call2 = EventFixtures.article("t2", title: "Wekesa and Asante discuss trade in phone call", body: """
        President Amos Wekesa of Kenya and President Kofi Asante of Ghana spoke by phone on Monday about trade between Kenya and Ghana.

        The call lasted an hour, Asante's office said.
        """, outlet: "Outlet B", published: "2023-06-05")
        let speech1 = EventFixtures.article("t3", title: "Asante gives speech to parliament in Accra", body: """
        President Kofi Asante gave a speech to parliament in Accra on Tuesday, telling Reuters afterwards that Ghana would cut fuel taxes.

        Asante's speech was his first since the election.
        """, outlet: "Outlet C", published: "2023-06-06")
        let speech2 = EventFixtures.article("t4", title: "Ghana to cut fuel taxes, Asante says in Accra speech", body: """
        Ghana will cut fuel taxes, President Kofi Asante said in a speech in Accra on Tuesday, Reuters reported.

        The speech drew applause from parliament.
        """, outlet: "Outlet D", published: "2023-06-06")
        let c = Analyzer.analyze(articles: [call1, call2, speech1, speech2])
        let call = try XCTUnwrap(c.events.first { $0.id == c.primaryEvent["t1"] })
        XCTAssertEqual(call.kind, .call)
        XCTAssertEqual(call.title, "Wekesa–Asante call")
        let speech = try XCTUnwrap(c.events.first { $0.id == c.primaryEvent["t3"] })
        XCTAssertEqual(speech.kind, .speech)
        XCTAssertEqual(speech.title, "Asante speech in Accra")
        XCTAssertFalse((call.participants + speech.participants).contains("Reuters"))
    }

    /// Undated reports of two summits of one bloc in one city: the numbers the texts give them (40th,
    /// 42nd) keep them apart; reports that give the same number are one summit.
    func testNumberedSummitsOfOneCityStayApart() {
        let a = EventFixtures.article("n1", title: "Gulf leaders arrive in Riyadh for summit", body: """
        Leaders of the Gulf Cooperation Council arrived in Riyadh for the 40th GCC summit, hosted by King Omar Al Nasser.

        The 40th GCC summit will discuss regional security and trade, Secretary-General Khalid Al Harbi said.
        """, outlet: "Outlet A")
        let b = EventFixtures.article("n2", title: "GCC summit opens in Riyadh", body: """
        The 40th GCC summit opened in Riyadh with King Omar Al Nasser welcoming the Gulf leaders.

        Secretary-General Khalid Al Harbi said the summit would discuss regional security and trade.
        """, outlet: "Outlet B")
        let c = EventFixtures.article("n3", title: "Gulf leaders meet in Riyadh for summit", body: """
        Leaders of the Gulf Cooperation Council met in Riyadh for the 42nd GCC summit, hosted by King Omar Al Nasser.

        The 42nd GCC summit discussed regional security and trade, Secretary-General Khalid Al Harbi said.
        """, outlet: "Outlet C")
        let corpus = Analyzer.analyze(articles: [a, b, c])
        XCTAssertNotNil(corpus.primaryEvent["n1"])
        XCTAssertEqual(corpus.primaryEvent["n1"], corpus.primaryEvent["n2"])
        XCTAssertNotNil(corpus.primaryEvent["n3"])
        XCTAssertNotEqual(corpus.primaryEvent["n3"], corpus.primaryEvent["n1"])
    }

    /// A central bank's decision is its meeting's report even when no meeting word is written
    /// ("raises interest rates"); a forecast ("will raise") is not.
    func testACentralBankDecisionWithoutAMeetingWord() throws {
        let a = EventFixtures.article("b1", title: "Central bank raises interest rates to curb inflation", body: """
        The Reserve Bank of Norland raises interest rates on Wednesday for the first time in three years, Governor Mira Holm said.

        The bank raised interest rates by a quarter point, as markets had expected.
        """, outlet: "Outlet A", published: "2023-03-15")
        let b = EventFixtures.article("b2", title: "Norland's central bank raises rates", body: """
        The Reserve Bank of Norland raises rates by 25 basis points on Wednesday, its first increase since 2019.

        Governor Mira Holm said further increases could follow.
        """, outlet: "Outlet B", published: "2023-03-15")
        let forecast = EventFixtures.article("b3", title: "Economists see rate rise ahead", body: """
        The Reserve Bank of Norland will raise interest rates next month, economists said on Wednesday.

        Most expect a quarter point.
        """, outlet: "Outlet C", published: "2023-03-15")
        let corpus = Analyzer.analyze(articles: [a, b, forecast])
        let e = try XCTUnwrap(corpus.primaryEvent["b1"])
        XCTAssertEqual(e, corpus.primaryEvent["b2"])
        XCTAssertEqual(corpus.events.first { $0.id == e }?.date?.description, "2023-03-15")
        // The forecast names no meeting of its own (it may still join the story as coverage of it).
        let own = EventExtractor(lexicon: .shared).extract(article: forecast, reference: forecast.published?.day, actors: nil)
        XCTAssertFalse(own.contains { $0.isPrimary })
    }
}
