import Foundation
import XCTest
@testable import ParallaxCore

/// Issue 14, point 10: one sanitiser for the CLI and the TUI — the same replaced set, the same cap
/// on combining marks, the same widths. Each class of character is checked in both styles.
final class TerminalSafeTests: XCTestCase {
    func both(_ s: String) -> (cli: String, tui: String) {
        (TerminalSafe.text(s, style: .codes), TerminalSafe.text(s, style: .symbols))
    }

    func testEachClassIsReplacedInBothStyles() {
        let cases: [(String, cli: String, tui: String)] = [
            ("a\u{1B}[31mb", "a␛[31mb", "a␛[31mb"),                         // C0: ESC
            ("a\u{07}b", "a␇b", "a␇b"),                                     // BEL
            ("a\u{7F}b", "a␡b", "a␡b"),                                     // DEL
            ("a\u{9B}b", "a<U+9B>b", "a\u{FFFD}b"),                         // C1: 8-bit CSI
            ("a\u{202E}b", "a<U+202E>b", "a⇄b"),                            // bidi override
            ("a\u{2067}b", "a<U+2067>b", "a⇄b"),                            // bidi isolate
            ("a\u{200B}b", "a<U+200B>b", "a·b"),                            // zero-width space
            ("a\u{2028}b\u{2029}", "a<U+2028>b<U+2029>", "a↵b↵"),           // line/paragraph separators
            ("Reuters\u{E0048}\u{E0049}", "Reuters<U+E0048><U+E0049>", "Reuters··"),  // tag characters
            ("a\u{2061}b", "a<U+2061>b", "a·b"),                            // invisible operator (Cf)
            ("a\u{0600}b", "a<U+600>b", "a·b"),                             // Arabic number sign (Cf)
            ("a\u{3164}b", "a<U+3164>b", "a·b"),                            // Hangul filler (looks empty)
            ("a\u{FE01}b", "a<U+FE01>b", "a·b"),                            // variation selector on a letter
            ("\u{1F600}\u{E0100}\u{E0101}", "\u{1F600}<U+E0100><U+E0101>", "\u{1F600}··"),  // smuggled in selectors
        ]
        for (input, cli, tui) in cases {
            let out = both(input)
            XCTAssertEqual(out.cli, cli, input.debugDescription)
            XCTAssertEqual(out.tui, tui, input.debugDescription)
            XCTAssertEqual(SafeText.sanitize(input), cli, "SafeText is TerminalSafe")
        }
    }

    func testWhatWritingNeedsIsKept() {
        for s in ["café", "e\u{301}", "Zelensky’s “talks” — 日本 한국 مرحبا Привет", "soft\u{AD}hyphen",
                  "❤\u{FE0F}", "👨\u{200D}👩\u{200D}👧", "👍🏽", "🇺🇦", "1\u{FE0F}\u{20E3}",
                  "می\u{200C}خواهم", "क्\u{200D}ष", "Lindqvist"] {
            XCTAssertEqual(both(s).cli, s, s.debugDescription)
            XCTAssertEqual(both(s).tui, s, s.debugDescription)
        }
        // A joiner between Latin letters hides a split inside a name: replaced.
        XCTAssertEqual(both("Lav\u{200C}rov").cli, "Lav<U+200C>rov")
        XCTAssertEqual(both("Lav\u{200D}rov").tui, "Lav·rov")
        // Two selectors on one emoji: the second is a payload.
        XCTAssertEqual(both("❤\u{FE0F}\u{FE0F}").cli, "❤\u{FE0F}<U+FE0F>")
        XCTAssertEqual(SafeText.sanitize("l1\nl2", keepNewlines: true), "l1\nl2")
        XCTAssertEqual(SafeText.sanitize("l1\nl2"), "l1␊l2")
        XCTAssertEqual(SafeText.sanitize("tab\there"), "tab here")
    }

    func testCombiningMarksAreCappedPerCluster() {
        let zalgo = "Z" + String(repeating: "\u{301}", count: 1000) + "ok"
        for out in [both(zalgo).cli, both(zalgo).tui] {
            XCTAssertEqual(out.unicodeScalars.count, 1 + TerminalSafe.maxMarks + 2)
            XCTAssertTrue(out.hasSuffix("ok"))
        }
        // Four are kept as they are (Vietnamese and Thai need two or three).
        let four = "a" + String(repeating: "\u{323}", count: 4)
        XCTAssertEqual(both(four).cli, four)
        // A mark with no base is set on a dotted circle, so it cannot merge into what is before it.
        XCTAssertEqual(both("\u{301}x").tui, "\u{25CC}\u{301}x")
        XCTAssertEqual(both("\u{202E}\u{301}").tui, "⇄\u{25CC}\u{301}")
    }

    func testTheCLIAndTheTUIReplaceTheSameScalars() {
        // Every scalar of the BMP's first pages, the format blocks and the tag block, alone after a
        // letter: replaced in one style exactly when replaced in the other.
        let suspects = (0...0x3200).compactMap(Unicode.Scalar.init) + (0xFE00...0xFEFF).compactMap(Unicode.Scalar.init)
            + (0xE0000...0xE01EF).compactMap(Unicode.Scalar.init)
        for u in suspects where u.value != 0x0A {
            let s = "a" + String(Character(u)) + "b"
            let (cli, tui) = both(s)
            XCTAssertEqual(cli == s, tui == s, "U+\(String(u.value, radix: 16))")
        }
    }

    func testOneWidthFunction() {
        let cases: [(String, Int)] = [
            ("abc", 3), ("é", 1), ("e\u{301}", 1), ("日本", 4), ("한국", 4), ("👍", 2), ("❤\u{FE0F}", 2),
            ("👨\u{200D}👩\u{200D}👧", 2), ("🇺🇦", 2), ("\u{202E}", 1), ("", 0),
        ]
        for (s, w) in cases { XCTAssertEqual(DisplayWidth.of(s), w, s.debugDescription) }
        // The CLI measures after sanitising: the placeholder's own width.
        XCTAssertEqual(DisplayWidth.of(SafeText.sanitize("\u{202E}")), 8)
    }

    func testJSONEscapesTagCharactersAsSurrogatePairs() throws {
        let json = JSONValue.string("Reuters\u{E0048}").serialized(pretty: false)
        XCTAssertEqual(json, #""Reuters\udb40\udc48""#)
        let back = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String
        XCTAssertEqual(back, "Reuters\u{E0048}")
    }
}
