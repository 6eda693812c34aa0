import XCTest
@testable import ParallaxCore

/// Outlets the text itself names: an agency's slashed dateline, a byline crediting an outlet, the
/// page's own address at its head. A quoted or credited outlet is not the article's.
final class OutletTextTests: XCTestCase {
    let outlets = OutletDirectory.shipped()

    func testAnAgencySigningItsLead() {
        XCTAssertEqual(outlets.reportsOutlet(in: "The office said this in a statement, Ukrainian News Agency reports."),
                       "Ukrainian News Agency")
        XCTAssertEqual(outlets.reportsOutlet(in: "Talks began in Paris. TASS reports."), "TASS")
        XCTAssertNil(outlets.reportsOutlet(in: "The minister spoke to reporters, Reuters reported."))
        XCTAssertNil(outlets.reportsOutlet(in: "The office said this in a statement, a local newspaper reports."))
    }

    func testSlashedDatelines() {
        XCTAssertEqual(outlets.slashDatelineOutlet(in: "PARIS, January 26. /TASS/. The talks of the advisers began."), "TASS")
        XCTAssertNil(outlets.slashDatelineOutlet(in: "The ratio rose 3/4 over the year and/or fell."))
        XCTAssertNil(outlets.slashDatelineOutlet(in: "See https://example.org/TASS/ for more."))
    }

    func testBylinesWithAnOutlet() {
        XCTAssertEqual(outlets.bylineOutlet(in: "By Matthew Lee, Associated Press"), "Associated Press")
        XCTAssertEqual(outlets.bylineOutlet(in: "By Jane Doe | Reuters"), "Reuters")
        XCTAssertNil(outlets.bylineOutlet(in: "By Alexander Query January 26, 2022 9:06 PM"))
        XCTAssertNil(outlets.bylineOutlet(in: "Officials told Interfax, Reuters reported, that the talks would go on."))
        // Other languages' "by", and the outlet before the city or among agencies.
        XCTAssertEqual(outlets.bylineOutlet(in: "Por g1 — Brasília"), "g1")
        XCTAssertEqual(outlets.bylineOutlet(in: "Von: APA/Reuters"), "Reuters")
        XCTAssertEqual(outlets.bylineOutlet(in: "par Jean Dupont, AFP"), "Agence France-Presse")
        XCTAssertNil(outlets.bylineOutlet(in: "Von Mitte 2024 bis Juni 2025 war der Leitzins halbiert worden."))
        XCTAssertNil(outlets.bylineOutlet(in: "Por fim, o presidente falou com jornalistas."))
    }

    func testCreditLines() {
        XCTAssertEqual(outlets.creditLineOutlet(in: "Reuters, Seoul"), "Reuters")
        XCTAssertNil(outlets.creditLineOutlet(in: "Reuters, which first reported the talks"))
        XCTAssertNil(outlets.creditLineOutlet(in: "Seoul, Reuters"))
    }

    func testDatelinesInOtherLanguages() {
        // The credit after a country in parentheses, closed by `.-` as Spanish wire copy does.
        XCTAssertEqual(outlets.datelineOutlet(in: "Fráncfort (Alemania), 18 dic (EFE) .- La presidenta del BCE dijo este jueves"), "EFE")
        // A city in capitals and a German date before the credit.
        XCTAssertEqual(outlets.datelineOutlet(in: "FRANKFURT, 18. Dezember 2025 (Xinhuanet) -- Die Präsidentin der EZB"), "Xinhua")
        XCTAssertNil(outlets.datelineOutlet(in: "Lula (PT) e Biden (Democratas) se reuniram na Casa Branca."))
    }

    func testDatelinesOfOutletsTheDirectoryDoesNotKnow() {
        XCTAssertEqual(outlets.datelineOutlet(in: "TAIPEI (Taiwan News) — Biden had a two-hour video talk with Xi on Friday."),
                       "Taiwan News")
        XCTAssertEqual(outlets.datelineOutlet(in: "March 18 (UPI) -- President Joe Biden spoke with Xi Jinping."), "UPI")
        XCTAssertEqual(outlets.datelineOutlet(in: "MOSCOW (Nordic Wire / Sputnik - 23rd May, 2022) Leaders pledged to cooperate."),
                       "Nordic Wire")
        XCTAssertEqual(outlets.datelineOutlet(in: "KYIV, Jan 26 (Reuters) - Talks resumed."), "Reuters")
        // Parentheses in a sentence, not a dateline's credit.
        XCTAssertNil(outlets.datelineOutlet(in: "The ministers (Lavrov and Blinken) - who met twice - agreed."))
        XCTAssertNil(outlets.datelineOutlet(in: "In Geneva (Switzerland) — the talks went on."))
        XCTAssertNil(outlets.datelineOutlet(in: "GENEVA (2022 talks) — the talks went on."))
        XCTAssertNil(outlets.datelineOutlet(in: "NATO (North Atlantic Treaty Organization) Secretary-General Jens Stoltenberg spoke."))
    }

    /// A dateline's credit dates the story too: `MOSCOW (Nordic Wire / Sputnik - 23rd May, 2022) …`.
    func testTheDatelineDatesTheStory() {
        let cleaner = Cleaner(rules: .shipped(), outlets: outlets)
        let c = cleaner.clean("""
        Leaders pledge to cooperate

        MOSCOW (Nordic Wire / Sputnik - 23rd May, 2022) The two leaders pledged on Monday to cooperate closely on security issues in the region.
        """)
        XCTAssertEqual(c.signatureOutlet, "Nordic Wire")
        XCTAssertEqual(c.dateEvidence.compactMap(\.mention.fullDay).first?.description, "2022-05-23")
    }

    func testAPromotionOfTheSitesOwnPagesAndARightsNotice() {
        XCTAssertEqual(outlets.promotionOutlet(in: "GET FOX BUSINESS ON THE GO BY CLICKING HERE"), "Fox Business")
        XCTAssertEqual(outlets.promotionOutlet(in: "CLICK HERE TO READ MORE ON FOX BUSINESS"), "Fox Business")
        XCTAssertNil(outlets.promotionOutlet(in: "Share on Facebook"))
        // A notice after other words on its line; an owner the directory does not know is no outlet.
        XCTAssertEqual(outlets.copyrightOutlet(in: "date 2022-03 © 2022 CNBC LLC - All rights reserved"), "CNBC")
        XCTAssertNil(outlets.copyrightOutlet(in: "date 2022-03 © Agenzia Ignota - Riproduzione riservata"))
        let cleaner = Cleaner(rules: .shipped(), outlets: outlets)
        XCTAssertEqual(cleaner.clean("""
        Fed raises interest rates for the first time in three years

        The Federal Reserve said on Wednesday that it would raise interest rates by a quarter point, its first increase since 2018.

        GET FOX BUSINESS ON THE GO BY CLICKING HERE

        Chair Jerome Powell said the economy was strong enough to bear higher rates this year and next.
        """).signatureOutlet, "Fox Business")
    }

    func testTheOutletNamedAtTheHeadOfAText() {
        let cleaner = Cleaner(rules: .shipped(), outlets: outlets)
        func outlet(_ text: String) -> String? { cleaner.clean(text).signatureOutlet }
        XCTAssertEqual(outlet("""
        Talks in Paris

        By Matthew Lee, Associated Press

        Officials of four countries met in Paris on Wednesday for talks that lasted eight hours.
        """), "Associated Press")
        XCTAssertEqual(outlet("""
        PARIS, January 26. /TASS/. Political advisers of the Normandy Four leaders began their talks in Paris.

        The meeting is taking place at the Élysée Palace.
        """), "TASS")
        XCTAssertEqual(outlet("""
        date 2022-01-26 https://sputniknews.com/20220126/advisers-agree-truce.html

        Advisers agree truce in Donbas must be observed

        The political advisers of the Normandy Four agreed on Wednesday that the ceasefire must hold.
        """), "Sputnik")
        // An agency signing a lead sentence in the present tense.
        XCTAssertEqual(outlet("""
        Advisers adopt joint communiqué

        The advisers adopted a joint communiqué on the results of the talks.

        The press service of the presidential office said this in a statement, Ukrinform reports.
        """), "Ukrinform")
        // An outlet signing off in its own script under a text in another.
        XCTAssertEqual(outlet("""
        OSCE chair warns of war

        The chair of the organisation said on Thursday that the risk of war in Europe was greater than ever before.

        He said the participating states faced a grave mix of challenges to peace and security.

        Earlier this week, Russia held meetings with the United States and NATO.

        Корреспондент
        """), "Korrespondent")
        // An agency that is only quoted or credited is not the outlet.
        XCTAssertNil(outlet("""
        Talks end

        The deputy minister told Interfax that the talks in Geneva were difficult, Reuters reported.

        Officials in Kyiv said the same, as TASS reports from Moscow each day on the front.

        He said the next round would follow in Brussels.
        """))
    }
}
