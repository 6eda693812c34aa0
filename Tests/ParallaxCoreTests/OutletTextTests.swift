import XCTest
@testable import ParallaxCore

/// Outlets the text itself names: an agency's slashed dateline, a byline crediting an outlet, the
/// page's own address at its head. A quoted or credited outlet is not the article's.
final class OutletTextTests: XCTestCase {
    let outlets = OutletDirectory.shipped()

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
        // An agency that is only quoted or credited is not the outlet.
        XCTAssertNil(outlet("""
        Talks end

        The deputy minister told Interfax that the talks in Geneva were difficult, Reuters reported.

        He said the next round would follow in Brussels.
        """))
    }
}
