import Foundation
import XCTest
@testable import ParallaxCore

/// Story clustering on real articles nobody tuned a rule for: `../shared/news-dev` (25 articles, six
/// meetings and four distractors) and `Tests/DevSets/events-gold.json` (102 articles of the shared
/// corpus, referenced by id). The figures are floors at today's level, so that a change which loses
/// grouping fails here; `scripts/devset/score-events` and `../shared/eval/score.py` give the full scores.
final class EventDevSetTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = repo.deletingLastPathComponent().appendingPathComponent("shared")

    struct Gold: Decodable {
        struct Entry: Decodable { var file: String; var event: String }
        var articles: [Entry]
    }

    /// Pairwise F1 of "these two articles report the same meeting", as `score.py` computes it.
    static func pairF1(gold: [String: String], predicted: [String: String]) -> Double {
        let files = gold.keys.sorted()
        var tp = 0.0, fp = 0.0, fn = 0.0
        for i in files.indices {
            for j in files.indices where j > i {
                let gi = gold[files[i]] ?? "", gj = gold[files[j]] ?? ""
                let same = gi == gj && !gi.hasPrefix("other")
                let pi = predicted[files[i]], pj = predicted[files[j]]
                let got = pi != nil && pi == pj
                if same && got { tp += 1 } else if got { fp += 1 } else if same { fn += 1 }
            }
        }
        let p = tp + fp == 0 ? 0 : tp / (tp + fp), r = tp + fn == 0 ? 0 : tp / (tp + fn)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    func score(gold goldURL: URL, folder: URL) throws -> Double {
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: goldURL))
        let corpus = try CorpusLoader().load(paths: [folder.path])
        var predicted: [String: String] = [:]
        for a in corpus.articles { if let e = corpus.primaryEvent[a.id] { predicted[a.fileName] = e } }
        var labels: [String: String] = [:]
        for g in gold.articles { labels[g.file] = g.event == "other" ? "other:" + g.file : g.event }
        return Self.pairF1(gold: labels, predicted: predicted)
    }

    func testNewsDevEventsPairF1() throws {
        let folder = Self.shared.appendingPathComponent("news-dev/articles")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("../shared/news-dev is not beside the repository")
        }
        let f1 = try score(gold: Self.shared.appendingPathComponent("news-dev/gold.json"), folder: folder)
        // Before story clustering: 0.136.
        XCTAssertGreaterThanOrEqual(f1, 0.6, "news-dev events pair-F1 \(f1)")
    }

    func testCorpusDevSetEventsPairF1() throws {
        let corpusFile = Self.shared.appendingPathComponent("corpora/calebong-news-2021-2023.jsonl")
        guard FileManager.default.fileExists(atPath: corpusFile.path) else {
            throw XCTSkip("../shared/corpora is not beside the repository")
        }
        let goldURL = Self.repo.appendingPathComponent("Tests/DevSets/events-gold.json")
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: goldURL))
        let wanted = Set(gold.articles.map { String($0.file.dropLast(".json".count)) })
        // Materialise the referenced records as one-article JSON files (the texts stay in ../shared).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-devset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: corpusFile, encoding: .utf8)
        var written = 0
        for line in text.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = obj["id"] as? String, wanted.contains(id) else { continue }
            let record: [String: Any] = ["title": obj["title"] ?? "", "text": obj["text"] ?? "", "outlet": obj["outlet"] ?? "",
                                         "date": obj["date"] ?? "", "url": obj["source_url"] ?? ""]
            try JSONSerialization.data(withJSONObject: record).write(to: folder.appendingPathComponent("\(id).json"))
            written += 1
        }
        XCTAssertEqual(written, wanted.count)
        let f1 = try score(gold: goldURL, folder: folder)
        // Before story clustering: 0.000 (central-bank decisions and hearings rarely name a meeting).
        XCTAssertGreaterThanOrEqual(f1, 0.15, "corpus dev set events pair-F1 \(f1)")
    }
}
