import Foundation
import XCTest
@testable import ParallaxCore

/// Issue 14, point 6: a lone UTF-16 surrogate escape becomes U+FFFD and the rest of the file loads.
final class LenientJSONTests: XCTestCase {
    func repaired(_ s: String) -> String {
        String(decoding: LenientJSON.repairingLoneSurrogates(Data(s.utf8)).data, as: UTF8.self)
    }

    func testOnlyUnpairedSurrogateEscapesAreRewritten() {
        let cases: [(String, String)] = [
            (#""\ud800""#, #""\ufffd""#),                       // a high half alone
            (#""\udc00""#, #""\ufffd""#),                       // a low half alone
            (#""\uD83D\uDE00""#, #""\uD83D\uDE00""#),           // a proper pair (😀), upper case
            (#""\ud83d\ude00x\ud83d""#, #""\ud83d\ude00x\ufffd""#),
            (#""\ud800\ud800\udc00""#, #""\ufffd\ud800\udc00""#), // a high, then a pair
            (#""\udc00\ud800""#, #""\ufffd\ufffd""#),           // the halves in the wrong order
            (#""\\ud800""#, #""\\ud800""#),                     // an escaped backslash, then text
            (#""\\\ud800""#, #""\\\ufffd""#),                   // an escaped backslash, then the escape
            (#""\u00e9\n\"\ud800""#, #""\u00e9\n\"\ufffd""#),
            (#""\ud8""#, #""\ud8""#),                           // too short to be an escape: Foundation decides
            (#""a\"#, #""a\"#),                                 // a trailing backslash
            (#""\ud800\u""#, #""\ufffd\u""#),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(repaired(input), expected, input)
        }
        // Nothing to do: the same bytes, not a copy.
        XCTAssertEqual(LenientJSON.repairingLoneSurrogates(Data(#"{"a":"\u00e9"}"#.utf8)).replaced, 0)
    }

    func testAJSONExportWithALoneSurrogateLoads() throws {
        let json = #"[{"title": "Cut emoji \ud83d", "text": "The talks in Vienna ended on Tuesday \ud83d without a deal."},"#
            + #" {"title": "Second", "text": "Officials met again on Wednesday."}]"#
        let (docs, warnings) = JSONArticles.parseJSON(Data(json.utf8), path: "x.json")
        XCTAssertEqual(docs.count, 2, "\(warnings)")
        XCTAssertEqual(docs.first?.given.title, "Cut emoji \u{FFFD}")
        XCTAssertTrue(docs.first?.text.contains("Tuesday \u{FFFD} without") ?? false)
        XCTAssertTrue(warnings.contains { $0.contains("2 unpaired UTF-16 surrogate escapes replaced") }, "\(warnings)")
    }

    func testAJSONLLineWithALoneSurrogateLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-surrogate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = [
            #"{"title": "Low half alone \udc00 here", "text": "The ministers met in Geneva on Monday to talk."}"#,
            #"{"title": "Fine line", "text": "Officials said the talks lasted four hours."}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("feed.jsonl"))
        let (docs, warnings) = CorpusLoader().read(FileWalker.Found(path: "feed.jsonl", url: folder.appendingPathComponent("feed.jsonl")))
        XCTAssertEqual(docs.map(\.given.title), ["Low half alone \u{FFFD} here", "Fine line"])
        XCTAssertTrue(warnings.contains { $0.hasPrefix("feed.jsonl:1: 1 unpaired") }, "\(warnings)")
    }

    func testTheRepairIsLinear() {
        // 4 MB of escapes, half of them lone: one pass (a quadratic rewrite would take minutes).
        let unit = #"\ud800\ud83d\ude00"#
        let big = Data(("\"" + String(repeating: unit, count: (4 << 20) / unit.utf8.count) + "\"").utf8)
        let start = Date()
        let (fixed, replaced) = LenientJSON.repairingLoneSurrogates(big)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(replaced, (4 << 20) / unit.utf8.count)
        XCTAssertEqual(fixed.count, big.count)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: fixed, options: [.fragmentsAllowed]))
    }
}
