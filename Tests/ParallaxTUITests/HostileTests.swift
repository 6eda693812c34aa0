import Foundation
import ParallaxCore
import XCTest
@testable import ParallaxTUI

/// Issue 7: the TUI over a corpus loaded from poisoned files, at every size from 1×1 to 400×200 and
/// through resizes while keys arrive. No cell may hold a control character, a C1 control, a bidi
/// override/isolate or a zero-width character, and no size may crash the renderer.
final class HostileTests: XCTestCase {
    static let esc = "\u{1B}"
    /// Every kind of sequence that could drive a terminal or disguise text.
    static let payload = [
        esc + "[31mRED" + esc + "[0m", esc + "[2J" + esc + "[H",
        esc + "]8;;https://evil.example/" + esc + "\\click" + esc + "]8;;" + esc + "\\",
        esc + "]52;c;cm0gLXJmIH4K\u{07}", "bell\u{07}", "back\u{08}\u{08}space", "cr\rEVIL", "vt\u{0B}ff\u{0C}",
        "\u{9B}31mC1\u{9B}0m", "\u{9D}0;osc\u{9C}", "nel\u{85}", "del\u{7F}", "\u{202E}override\u{202C}",
        "\u{202A}\u{202B}\u{202D}", "\u{2066}iso\u{2067}\u{2068}\u{2069}", "zero\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}width",
        "marks\u{200E}\u{200F}\u{061C}",  // (NUL only in JSON below: in a text file it means binary)
    ].joined(separator: " ")

    /// A folder of poisoned files, loaded and analysed by the real loader once for all tests.
    static let corpus: Result<Corpus, any Error> = Result { () throws(any Error) -> Corpus in
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let story = """
            Russian and Ukrainian advisers met in Paris on Wednesday, January 26, 2022, for talks. \(payload)

            “We will talk again,” said Andriy Yer\(esc)[5mmak, the chief of staff, after the meeting in Paris.

            “Nothing was agreed,” Dmitry Ko\u{202E}zak said on Wednesday in Paris. \(payload)
            """
        let files: [(String, String)] = [
            ("evil\(esc)]0;t\u{07}.txt", "---\ntitle: Title \(esc)[31m\u{9B}\u{202E}\u{200B} one\noutlet: Out\(esc)[2Jlet\n---\n" + story),
            ("bidi \u{202E}txt.exe.txt", "---\ntitle: Second \u{2066}title\u{2069}\noutlet: \u{202E}swen\n---\n" + story),
            ("c1 \u{9B}.html", "<html><head><title>HTML \(esc)]52;c;eA==\u{07} title</title></head><body><p>"
                + story.replacingOccurrences(of: "\n\n", with: "</p><p>") + "</p></body></html>"),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let json = "[{\"title\": \"JSON \\u001b[1m\\u0000 title\", \"source\": \"JSON\\u009b Wire\", \"text\": "
            + "\"Advisers met in Paris on Wednesday for talks. \\u001b]52;c;eA==\\u0007 \\u202e done.\"}]"
        try Data(json.utf8).write(to: dir.appendingPathComponent("feed \(esc)[1m.json"))
        return try CorpusLoader().load(paths: [dir.path])
    }

    static let keyScripts = ["", "j j j", "G", "<Enter>", "c", "r", "t", "?", "<Tab>", "<Tab> <Tab> j <Enter>",
                             "/ RED <Enter>", "a Yer <Enter>", "o Out <Enter>", "j c <Tab> j <Enter>", "j r <PgDn> <PgDn>",
                             "c <Tab> <Down> <Down> <Enter>"]

    /// Fails on the first unsafe scalar of a frame, naming where it is.
    func assertSafe(_ b: ScreenBuffer, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for (i, cell) in b.cells.enumerated() {
            for u in cell.text.unicodeScalars {
                let v = u.value
                let unsafe = v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                    || (0x2066...0x2069).contains(v) || (0x200B...0x200F).contains(v) || (0x2060...0x2064).contains(v)
                    || v == 0xFEFF || v == 0x061C
                if unsafe {
                    XCTFail("U+\(String(v, radix: 16)) in cell \(i % b.width),\(i / b.width) (\(context))", file: file, line: line)
                    return
                }
            }
        }
    }

    func testPoisonedCorpusLoadsWithActorsAndEvents() throws {
        let c = try Self.corpus.get()
        XCTAssertEqual(c.articles.count, 4, "\(c.warnings)")
        XCTAssertTrue(c.articles.contains { $0.body.contains("\u{1B}[31mRED") }, "the text is kept as it is; only display neutralises it")
        XCTAssertFalse(c.events.isEmpty)
    }

    func testEveryFrameIsSafeThroughEveryViewAndSize() throws {
        let c = try Self.corpus.get()
        for (w, h) in [(120, 40), (80, 24), (60, 16), (200, 60), (41, 13)] {
            let s = AppState(query: MemoryCorpus(c), keymap: .standard(), width: w, height: h)
            for keys in Self.keyScripts {
                var st = s
                assertSafe(render(st), "\(w)x\(h) start")
                for k in Key.script(keys) {
                    st = settle(st, .key(k)).0
                    assertSafe(render(st), "\(w)x\(h) keys “\(keys)” after \(k.label)")
                }
            }
        }
        // The placeholders are visible.
        let text = render(Fixtures.press(AppState(query: MemoryCorpus(c), keymap: .standard(), width: 200, height: 60), "j <Enter>").0).text
        XCTAssertTrue(text.contains("␛"), text)
    }

    func testEverySizeFrom1x1To400x200RendersWithoutCrashing() throws {
        let c = try Self.corpus.get()
        let widths = [1, 2, 3, 5, 10, 20, 30, 40, 59, 60, 61, 79, 80, 100, 120, 160, 200, 300, 400]
        let heights = [1, 2, 3, 5, 8, 15, 16, 17, 24, 30, 40, 60, 100, 150, 200]
        for w in widths {
            for h in heights {
                let s = AppState(query: MemoryCorpus(c), keymap: .standard(), width: w, height: h)
                let b = render(Fixtures.press(s, "j <Enter>").0)
                XCTAssertEqual(b.width, w)
                XCTAssertEqual(b.height, h)
                XCTAssertEqual(b.lines.count, h)
                assertSafe(b, "\(w)x\(h)")
                let all = b.text
                if w < Layout.minWidth || h < Layout.minHeight {
                    XCTAssertFalse(all.contains("Articles ("), "\(w)x\(h) must not draw the panes")
                    // Where the message fits, it is there (its first word at least).
                    if w >= 8 && h >= 2 { XCTAssertTrue(all.contains("Termina") || all.contains("Parall"), "\(w)x\(h): \(all)") }
                } else {
                    XCTAssertFalse(all.contains("too small"), "\(w)x\(h)")
                    XCTAssertTrue(all.contains("articles"), "\(w)x\(h): the status bar counts the articles")
                }
            }
        }
    }

    func testRapidResizesBetweenKeysNeverCrashOrLeak() throws {
        let c = try Self.corpus.get()
        var st = AppState(query: MemoryCorpus(c), keymap: .standard(), width: 120, height: 40)
        // A seeded walk: sizes and keys interleaved, as a window manager and a user would produce them.
        var rng = SplitMix64(seed: 7)
        let keys = Key.script("j k G g <Tab> <S-Tab> c <Esc> r t ? <Esc> <Enter> <Esc> <Down> <Up> <PgDn> <PgUp> <Home> <End> / x <Enter> n")
        for step in 0..<600 {
            if rng.next() % 3 == 0 {
                let w = Int(rng.next() % 400) + 1, h = Int(rng.next() % 200) + 1
                st = update(st, .resize(width: w, height: h)).0
            } else {
                let k = keys[Int(rng.next() % UInt64(keys.count))]
                let (next, effects) = settle(st, .key(k))
                XCTAssertFalse(effects.contains(.quit), "no quit key in the walk")
                st = next
            }
            let b = render(st)
            XCTAssertEqual(b.cells.count, b.width * b.height)
            if step % 20 == 0 { assertSafe(b, "walk step \(step)") }
        }
        st = update(st, .resize(width: 120, height: 40)).0
        let end = render(st).text
        XCTAssertFalse(end.contains("too small"), end)
        XCTAssertTrue(end.hasPrefix("┌"), end)
    }
}

