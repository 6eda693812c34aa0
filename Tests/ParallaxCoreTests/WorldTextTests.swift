import XCTest
@testable import ParallaxCore

/// Articles from outside Europe and North America as they are written (issues 15 and 17): Indonesian
/// and Malay datelines, dates and titles, sites that sign their own lead, Spanish subjects that are
/// dropped, hyphenated surnames written both ways. Each text is written here.
final class WorldTextTests: XCTestCase {
    let outlets = OutletDirectory.shipped()

    private func build(_ text: String) -> Article {
        ArticleBuilder.shipped().build(RawDocument(path: "t.txt", format: .text, text: text))
    }

    // MARK: Dates

    func testNumericDatesWithSlashesFollowTheWeekday() throws {
        // 8 November 2024 was a Friday (Jumat); 1 April 2024 a Monday (Senin).
        let friday = try XCTUnwrap(DateParser.find(in: "Prabowo tiba di Beijing pada Jumat (8/11/2024) malam.").first)
        XCTAssertEqual(friday.fullDay, Day(year: 2024, month: 11, day: 8))
        let monday = try XCTUnwrap(DateParser.find(in: "Bertemu di Beijing, Senin (1/4/2024) waktu setempat.").first)
        XCTAssertEqual(monday.fullDay, Day(year: 2024, month: 4, day: 1))
        // Month first where only that fits the weekday: 11 August 2023 was a Friday, 8 November a Wednesday.
        let us = try XCTUnwrap(DateParser.find(in: "The summit opened Friday (8/11/2023).").first)
        XCTAssertEqual(us.fullDay, Day(year: 2023, month: 8, day: 11))
        // A number over 12 decides without a weekday; a bare pair of numbers is a score, not a date.
        XCTAssertEqual(DateParser.find(in: "Signed on 25/12/2023 in Jakarta.").first?.fullDay, Day(year: 2023, month: 12, day: 25))
        XCTAssertTrue(DateParser.find(in: "The vote was 8/11 in favour.").isEmpty)
        XCTAssertTrue(DateParser.find(in: "Signed on 5/6/2023 in Jakarta.").isEmpty)
    }

    func testEventDatesReadTheSameSlashes() {
        let t = EventText("Prabowo bertemu Xi Jinping di Beijing pada Jumat (8/11/2024).")
        guard let s = t.sentences.first else { return XCTFail("no sentence") }
        let d = DateExpression.find(in: t, sentence: s, lexicon: .shared).first?.resolve(reference: nil, future: false)
        let day = Day(year: 2024, month: 11, day: 8)
        XCTAssertEqual(d, day.map { .span($0, $0) })
    }

    /// The primary event an article reports, read on its own.
    private func primary(title: String, body: String, published: String? = nil) -> LocalEvent? {
        let a = EventFixtures.article("w", title: title, body: body, published: published)
        return EventExtractor(lexicon: .shared).extract(article: a, reference: a.published?.day, actors: nil)
            .first { $0.isPrimary }
    }

    func testAnAgreementThatEndsAWarReportsItsTalks() {
        // The headline names the agreement, the lead the talks and their city.
        let e = primary(title: "Ethiopian government and Tigray rebels agree cessation of hostilities",
                        body: "The government and the rebels agreed on Wednesday in Pretoria to a permanent cessation of hostilities, the mediator said.\n\nThe deal ends two years of war.",
                        published: "2022-11-02")
        XCTAssertEqual(e?.kind, .talks)
        XCTAssertEqual(e?.place, "Pretoria")
        // A bare ceasefire needs a date or a place beside it: "calls for a ceasefire" reports no talks.
        XCTAssertNil(primary(title: "Pope calls for ceasefire", body: "The pope renewed his call for a ceasefire and for prayers."))
    }

    func testASeatOfGovernmentIsItsCity() {
        let e = primary(title: "Trump hosts Armenia and Azerbaijan leaders",
                        body: "President Donald Trump hosted the leaders of Armenia and Azerbaijan for a peace summit at the White House on Friday. The summit ended with a signing ceremony.",
                        published: "2025-08-08")
        XCTAssertEqual(e?.place, "Washington")
        let p = primary(title: "Lula recebe Maduro no Palácio do Planalto",
                        body: "O presidente Lula recebeu Nicolás Maduro para uma reunião no Palácio do Planalto nesta segunda-feira. A reunião durou duas horas.",
                        published: "2023-05-29")
        XCTAssertEqual(p?.place, "Brasilia")
    }

    func testMeetingsInVietnameseAndTurkish() {
        let vi = primary(title: "Tổng Bí thư Tô Lâm hội đàm với Tập Cận Bình",
                         body: "Chiều 19/8, tại Bắc Kinh, Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư Tập Cận Bình.\n\nHai bên đã hội đàm trong bầu không khí hữu nghị.")
        XCTAssertEqual(vi?.kind, .talks)
        let tr = primary(title: "Erdoğan ile Miçotakis Atina'da görüştü",
                         body: "Cumhurbaşkanı Erdoğan, Yunanistan Başbakanı Miçotakis ile bir araya geldi. Görüşme iki saat sürdü. İki lider görüşmesi sonrası ortak bir açıklama yaptı.")
        XCTAssertEqual(tr?.kind, .meeting)
    }

    // MARK: Outlets

    func testACreditSharedByTwoAgencies() {
        let a = build("""
        Turkish, Greek leaders ink friendship declaration in rare Athens meet

        Istanbul/Athens, 7 December 2023 (dpa/MIA) - Greek and Turkish leaders on Thursday struck an upbeat tone at a rare meeting in Athens.

        The two leaders signed a declaration on friendly relations.
        """)
        XCTAssertEqual(a.outlet, "dpa")
        XCTAssertEqual(a.published?.day, Day(year: 2023, month: 12, day: 7))
    }

    func testSitesSigningTheirLead() {
        XCTAssertEqual(outlets.leadCreditOutlet(in: "GARUDASAKTI.ID – Jakarta – Presiden Prabowo Subianto tiba di Beijing."),
                       "GARUDASAKTI.ID")
        XCTAssertEqual(outlets.leadCreditOutlet(in: "JAKARTA, KOMPAS.TV - Menteri Pertahanan RI bertemu Xi Jinping."), "Kompas TV")
        XCTAssertEqual(outlets.leadCreditOutlet(in: "BaperaNews - Presiden Indonesia tiba di Beijing pada Jumat."), "BaperaNews")
        // A city, a hyphenated word or a name before the dash credits no one.
        XCTAssertNil(outlets.leadCreditOutlet(in: "Nairobi — South Africa President Cyril Ramaphosa is in Nairobi."))
        XCTAssertNil(outlets.leadCreditOutlet(in: "MOSCOW-Kim Jong Un told President Vladimir Putin on Wednesday."))
        XCTAssertNil(outlets.leadCreditOutlet(in: "McAllen - The border crossing reopened on Monday."))
        XCTAssertNil(outlets.leadCreditOutlet(in: "U.S. - China talks resumed on Monday in Geneva."))
    }

    func testClosingCredits() {
        XCTAssertEqual(outlets.closingCreditOutlet(in: "Read the original article on Capital FM."), "Capital FM")
        XCTAssertEqual(outlets.closingCreditOutlet(in: "Read the original article on Daily Lake Herald."), "Daily Lake Herald")
        XCTAssertEqual(outlets.closingCreditOutlet(in: "Source: TUKO.co.ke"), "Tuko")
        // An agency a site copied from is not the site.
        XCTAssertNil(outlets.closingCreditOutlet(in: "Sumber : Xinhua"))
        XCTAssertNil(outlets.closingCreditOutlet(in: "Source: the ministry of foreign affairs"))
        // A reporter, then the outlet after the last comma: only a known outlet, never the reporter.
        XCTAssertEqual(outlets.closingCreditOutlet(in: "— With report from Raffy Cabristante, ABS-CBN News"), "ABS-CBN News")
        XCTAssertEqual(outlets.closingCreditOutlet(in: "With reports from Ana Reyes and Jun Cruz, GMA News"), "GMA News")
        XCTAssertNil(outlets.closingCreditOutlet(in: "— With report from Raffy Cabristante"))
        XCTAssertNil(outlets.closingCreditOutlet(in: "With reports from Ana Reyes, Manila Local Weekly"))
    }

    func testABreadcrumbNamingTheSiteSignsThePage() {
        let a = build("""
        RADP / Pulse Kenya  >  News  >  Local

        How the visiting president was received at State House

        The visiting president arrived in the country on Tuesday for a two-day visit and held talks at State House in Nairobi.

        The two heads of state are in talks and are expected to address the nation later on.
        """)
        XCTAssertEqual(a.outlet, "Pulse Kenya")
        XCTAssertNil(outlets.breadcrumbOutlet(in: "Home > World > Africa"))
    }

    func testAnAllAfricaStoryIsItsOutletsAndKeepsItsNames() {
        let a = build("""
        Kenya: President Ruto to Hold Talks With Ramaphosa

        Nairobi — South Africa President Cyril Ramaphosa is in Nairobi for his first official visit.

        President Ramaphosa was received at the airport by Foreign Affairs Cabinet Secretary Alfred Mutua and Mining Cabinet Secretary Salim Mvurya

        The two-day State visit will enable South Africa to deepen relations with Kenya, the leading economy in the region.

        Read the original article on Capital FM.
        """)
        XCTAssertEqual(a.outlet, "Capital FM")
        let people = ActorTestSupport.people(a.body)
        // The line lost its full stop; it is a sentence of names, not a headline.
        XCTAssertTrue(people.contains("Alfred Mutua"), "\(people)")
        XCTAssertTrue(people.contains("Salim Mvurya"), "\(people)")
    }

    func testADatelineJoinedByAHyphenIsNotPartOfTheName() {
        XCTAssertEqual(Cleaner.spacingDatelineHyphen("MOSCOW-Kim Jong Un told President Vladimir Putin"),
                       "MOSCOW - Kim Jong Un told President Vladimir Putin")
        XCTAssertNil(Cleaner.spacingDatelineHyphen("Kim Jong Un told President Vladimir Putin"))
        XCTAssertNil(Cleaner.spacingDatelineHyphen("US-Russia talks resumed"))
        let a = build("""
        Kim says Russia will win

        MOSCOW-Kim Jong Un told President Vladimir Putin on Wednesday that Russia would win. Kim spoke at a dinner.
        """)
        XCTAssertTrue(ActorTestSupport.people(a.body).contains("Kim Jong Un"))
    }

    // MARK: Names

    func testIndonesianTitlesIntroducePeople() {
        let people = ActorTestSupport.people("""
        Turut mendampingi Prabowo dalam kunjungan ke China adalah Sekretaris Kabinet Teddy Indra Wijaya; Menteri Luar Negeri Sugiono; Menteri ESDM Bahlil Lahadalia; serta Wakil Menteri Pertahanan Doni Hermawan.
        """)
        for name in ["Teddy Indra Wijaya", "Sugiono", "Bahlil Lahadalia", "Doni Hermawan"] {
            XCTAssertTrue(people.contains(name), "\(name) in \(people)")
        }
        XCTAssertFalse(people.contains { $0.contains("Luar Negeri") }, "\(people)")
    }

    func testTitlesTiedToAPlaceInOtherLanguages() {
        let welcome = ActorTestSupport.people("Tampak menyambut kedatangan Prabowo yaitu Duta Besar RI untuk China Djauhari Oratmangun, Atase Pertahanan RI di Beijing Brigjen Benny P Nadeak, serta anak kecil.")
        XCTAssertTrue(welcome.contains("Djauhari Oratmangun"), "\(welcome)")
        XCTAssertTrue(welcome.contains("Benny P Nadeak"), "\(welcome)")
        XCTAssertTrue(ActorTestSupport.people("A comitiva incluiu a ministra do Meio Ambiente, Marina Silva, além do governador do Pará, Helder Barbalho.")
            .contains("Helder Barbalho"))
    }

    func testAnInstitutionThatOpensItsNameIsNoPerson() {
        let people = ActorTestSupport.people("Prabowo juga bertemu Ketua Kongres Rakyat Nasional pada Sabtu pagi di Beijing bersama Li Qiang.")
        XCTAssertFalse(people.contains { $0.hasPrefix("Kongres") }, "\(people)")
    }

    func testAHyphenatedSurnameMergesWithItsSpellingApart() {
        let r = ActorTestSupport.run([
            "Iranian Foreign Minister Hossein Amir-Abdollahian met his Saudi counterpart on Thursday.",
            "Iranian Foreign Minister Hossein Amir Abdollahian met his Saudi counterpart on Thursday.",
        ])
        let people = r.actors.filter { $0.kind == .person }
        XCTAssertEqual(people.count, 1, "\(people.map(\.name))")
        XCTAssertEqual(people.first?.articleIDs.count, 2)
    }

    // MARK: Quotes

    func testASentenceOpeningWithItsVerbSpeaksForTheLatestSubject() {
        let text = """
        Sheinbaum afirmó que “se mantienen los aranceles para el automotriz”.

        Enfatizó que la relación con Trump se basa en el respeto, aunque existan diferencias: “Podemos no estar de acuerdo pero el trato es de respeto”.
        """
        let q = ActorTestSupport.run([text]).quotes.first { $0.text.contains("Podemos no estar") }
        XCTAssertTrue(q?.speaker?.contains("Sheinbaum") ?? false, "\(String(describing: q?.speaker))")
    }

    func testPostsAndFrenchInversionsAreSpeech() {
        XCTAssertTrue(ActorTestSupport.run(["“Tuvimos una muy buena llamada con el presidente Trump”, publicó Claudia Sheinbaum en su cuenta de X."])
            .quotes.first?.speaker?.contains("Sheinbaum") ?? false)
        let fr = "Pour Bola Tinubu, cet échange est crucial. \"Investir dans le Nigeria, c’est investir dans l’avenir de l’Afrique\", a-t-il martelé."
        XCTAssertTrue(ActorTestSupport.run([fr]).quotes.first?.speaker?.contains("Tinubu") ?? false)
    }

    // MARK: Names

    func testAVietnameseLeaderWhoseFamilyNameIsAnEnglishWord() {
        // `To Lam` is known to the gazetteer; `To` at a sentence's start opens no name of its own.
        let people = ActorTestSupport.people("Chinese President Xi Jinping held talks with To Lam in Beijing. To Lam was welcomed. To the south, Vietnam's President To Lam waved.")
        XCTAssertEqual(Set(people), ["To Lam", "Xi Jinping"], "\(people)")
    }

    func testVietnameseTitlesAndSinoVietnameseNames() {
        let people = ActorTestSupport.people("Tổng Bí thư, Chủ tịch nước Tập Cận Bình chủ trì lễ đón Tổng Bí thư Tô Lâm tại Bắc Kinh. Bộ trưởng Bộ Ngoại giao Vương Nghị tham dự.")
        XCTAssertEqual(Set(people), ["Xi Jinping", "To Lam", "Wang Yi"], "\(people)")
    }

    func testATurkishCaseEndingIsNotPartOfTheName() {
        let people = ActorTestSupport.people("Yunanistan Başbakanı Kiryakos Miçotakis Ankara'ya geldi. Dışişleri Bakan Yardımcısı Burak Aksapar İstanbul'da karşıladı.")
        XCTAssertTrue(people.contains("Kyriakos Mitsotakis"), "\(people)")
        XCTAssertTrue(people.contains("Burak Aksapar"), "\(people)")
        XCTAssertFalse(people.contains { $0.contains("'") }, "\(people)")
    }

    func testASpanishConjunctionJoinsTwoPeople() {
        let people = ActorTestSupport.people("Los cancilleres Álvaro Leyva y Carlos Faría firmaron el acuerdo. Petro y Maduro se reunieron en Caracas.")
        XCTAssertTrue(people.contains("Álvaro Leyva"), "\(people)")
        XCTAssertTrue(people.contains("Carlos Faría"), "\(people)")
        XCTAssertFalse(people.contains { $0.contains(" y ") }, "\(people)")
    }

    func testTurkishSpeechVerbsFollowTheQuote() {
        let q = ActorTestSupport.run(["""
        Erdoğan Atina'da

        Cumhurbaşkanı Erdoğan, "Burada olmaktan çok mutluyum" dedi. Yunanistan Başbakanı Miçotakis ise "Bu tarihi bir gün" diye konuştu.
        """]).quotes
        XCTAssertEqual(q.first { $0.text.hasPrefix("Burada") }?.speaker, "Recep Tayyip Erdoğan")
        XCTAssertEqual(q.first { $0.text.hasPrefix("Bu tarihi") }?.speaker, "Kyriakos Mitsotakis")
    }
}
