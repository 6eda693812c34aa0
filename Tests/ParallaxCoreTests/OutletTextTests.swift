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
