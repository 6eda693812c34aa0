import Foundation
import XCTest
@testable import ParallaxTUI

/// `y`'s clipboard: the OSC 52 bytes, what is cleaned out of article text, and which route each
/// setting and environment chooses.
final class ClipboardTests: XCTestCase {
    func testTheOSC52SequenceIsBase64OfTheText() {
        // "— TASS, 2022-01-26" in UTF-8, base64 by hand: ESC ] 52 ; c ; … ESC \.
        let text = "Hi — TASS"
        let seq = Clipboard.osc52(text)
        XCTAssertEqual(seq, "\u{1B}]52;c;SGkg4oCUIFRBU1M=\u{1B}\\")
        XCTAssertEqual(Array(seq.utf8.prefix(7)), [0x1B, 0x5D, 0x35, 0x32, 0x3B, 0x63, 0x3B])
        XCTAssertEqual(Array(seq.utf8.suffix(2)), [0x1B, 0x5C])
    }

    func testArticleTextCannotCarryControlsIntoTheClipboard() {
        // An escape sequence, a BEL that would end OSC 52 early, C1 CSI, a bidi override, a CR.
        let hostile = "quote\u{1B}]52;c;ZXZpbA==\u{07} end\u{9B}2J\u{202E}txt\r\nline two\tcol"
        let clean = Clipboard.clean(hostile)
        XCTAssertEqual(clean, "quote]52;c;ZXZpbA== end2Jtxt\nline two\tcol")
        for u in clean.unicodeScalars {
            XCTAssertTrue(u == "\n" || u == "\t" || u.value >= 0x20 && u.value != 0x7F && !(0x80...0x9F).contains(u.value), "\(u.value)")
        }
        // The sequence carries exactly its own two control bytes (ESC at the start, ESC \ at the end).
        let seq = Array(Clipboard.osc52(hostile).utf8)
        XCTAssertEqual(seq.filter { $0 < 0x20 }, [0x1B, 0x1B])
        let payload = String(decoding: seq.dropFirst(7).dropLast(2), as: UTF8.self)
        XCTAssertEqual(Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) }, clean)
    }

    func testTheRouteEachSettingChooses() {
        let none: (String) -> Bool = { _ in false }
        let all: (String) -> Bool = { _ in true }
        func route(_ setting: String, _ env: [String: String], tty: Bool = true, path: (String) -> Bool = none) -> CopyRoute {
            Clipboard.route(setting: setting, environment: env, stdoutIsTerminal: tty, onPath: path)
        }
        // auto: OSC 52 in tmux, kitty …; not in GNU screen or a plain xterm, nor without a terminal.
        XCTAssertEqual(route("auto", ["TMUX": "/tmp/tmux-1/default,1,0", "TERM": "screen"]), .osc52)
        XCTAssertEqual(route("auto", ["TERM": "xterm-kitty"]), .osc52)
        XCTAssertEqual(route("auto", ["TERM": "screen", "STY": "1.pts"]), .file)
        XCTAssertEqual(route("auto", ["TERM": "xterm-256color"]), .file)
        XCTAssertEqual(route("auto", ["TMUX": "x"], tty: false), .file)
        // Else the first tool on PATH whose display is there.
        XCTAssertEqual(route("auto", ["TERM": "xterm", "WAYLAND_DISPLAY": "wayland-0"], path: all), .command(["wl-copy"]))
        XCTAssertEqual(route("auto", ["TERM": "xterm", "DISPLAY": ":0"], path: all), .command(["xclip", "-selection", "clipboard"]))
        XCTAssertEqual(route("auto", ["TERM": "xterm", "DISPLAY": ":0"], path: { $0 == "xsel" }), .command(["xsel", "--clipboard", "--input"]))
        XCTAssertEqual(route("auto", ["TERM": "xterm"], path: { $0 == "xclip" }), .file, "xclip without a display")
        XCTAssertEqual(route("auto", ["TERM": "xterm"], path: { $0 == "pbcopy" }), .command(["pbcopy"]))
        // A setting names the route; osc52 only on a terminal.
        XCTAssertEqual(route("osc52", ["TERM": "xterm"]), .osc52)
        XCTAssertEqual(route("osc52", [:], tty: false), .file)
        XCTAssertEqual(route("xclip", [:]), .command(["xclip", "-selection", "clipboard"]))
        XCTAssertEqual(route("file", ["TMUX": "x"], path: all), .file)
        // $PARALLAX_COPY overrides them all.
        XCTAssertEqual(route("osc52", ["PARALLAX_COPY": "tee '/tmp/my clip'"]), .command(["tee", "/tmp/my clip"]))
    }

    func testSettingsLinesAndTheirProblems() {
        XCTAssertEqual(Settings(lines: ["copy = osc52"]).copy, "osc52")
        XCTAssertEqual(Settings(lines: ["copy = osc52", "copy = file"]).copy, "file")
        XCTAssertEqual(Settings(lines: ["copy = clipboard-please"]).copy, "auto", "an unknown value is skipped")
        XCTAssertNil(Settings.problem(in: "copy = xsel"))
        XCTAssertEqual(Settings.problem(in: "copy = nope"),
                       "copy: unknown value “nope” (one of auto, osc52, wl-copy, xclip, xsel, pbcopy, file)")
        XCTAssertEqual(Settings.problem(in: "colour = red"), "unknown setting “colour” (settings: copy)")
        XCTAssertEqual(Settings.problem(in: "copy osc52"), "expected key = value")
    }
}
