import Foundation
import ParallaxCore
@testable import ParallaxStore

/// A scratch folder removed at the end of a test.
final class TempFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}

/// The real loader with a deterministic stand-in for the corpus-level stages, so that the actor,
/// mention, quote and event tables are exercised before the actors and events stages exist:
/// every capitalised word pair is a person, every quoted passage a quote of the first person of its
/// article, and articles of the same day form one event.
struct FixtureReader: CorpusReader {
    var base = LoaderCorpusReader()

    func listFiles(roots: [String]) throws -> (files: [ListedFile], warnings: [String]) {
        try base.listFiles(roots: roots)
    }

    func readFile(_ file: ListedFile) -> (articles: [Article], warnings: [String]) {
        base.readFile(file)
    }

    func analyze(articles: [Article], warnings: [String]) -> Corpus {
        var corpus = base.analyze(articles: articles, warnings: warnings)
        var actors: [String: Actor] = [:]
        var order: [String] = []
        for a in corpus.articles {
            let scalars = Array(a.body.unicodeScalars)
            var words: [(String, Int, Int)] = []
            var i = 0
            while i < scalars.count {
                if CharacterSet.letters.contains(scalars[i]) {
                    let s = i
                    while i < scalars.count, CharacterSet.letters.contains(scalars[i]) { i += 1 }
                    words.append((String(String.UnicodeScalarView(scalars[s..<i])), s, i))
                } else {
                    i += 1
                }
            }
            var firstPerson: String?
            var k = 0
            while k + 1 < words.count {
                let (w1, s1, _) = words[k]
                let (w2, _, e2) = words[k + 1]
                if w1.first?.isUppercase == true, w2.first?.isUppercase == true, w1.count > 2, w2.count > 2 {
                    let name = w1 + " " + w2
                    let id = name.lowercased().replacingOccurrences(of: " ", with: "-")
                    if actors[id] == nil {
                        actors[id] = Actor(id: id, name: name, kind: .person, aliases: [w2])
                        order.append(id)
                    }
                    actors[id]?.mentions.append(Mention(articleID: a.id, range: TextRange(start: s1, end: e2), surface: name))
                    if actors[id]?.roles.contains(where: { $0.articleID == a.id }) == false {
                        actors[id]?.roles.append(RoleMention(articleID: a.id, role: "named in \(a.outlet ?? "?")"))
                    }
                    firstPerson = firstPerson ?? id
                    k += 2
                } else {
                    k += 1
                }
            }
            if let speaker = firstPerson, let open = scalars.firstIndex(of: "“"),
               let close = scalars[open...].firstIndex(of: "”") {
                let text = String(String.UnicodeScalarView(scalars[(open + 1)..<close]))
                let name = actors[speaker]?.name
                actors[speaker]?.quotes.append(Quote(articleID: a.id, text: text, range: TextRange(start: open, end: close + 1),
                                                     speaker: name, speakerLabel: nil))
            }
        }
        corpus.actors = order.compactMap { actors[$0] }
        var byDay: [Day: [String]] = [:]
        for a in corpus.articles { if let d = a.published?.day { byDay[d, default: []].append(a.id) } }
        corpus.events = byDay.keys.sorted().map { day in
            Event(id: "ev-\(day)", title: "Talks on \(day)", kind: .talks, date: day, place: "Geneva",
                  participants: Array(order.prefix(2)), articles: byDay[day] ?? [], mentionedBy: [])
        }
        for e in corpus.events { for a in e.articles { corpus.primaryEvent[a] = e.id } }
        return corpus
    }
}

enum Fixtures {
    /// A small corpus of text files with front matter, a manifest and a JSONL file.
    static func writeCorpus(in folder: TempFolder) throws {
        try folder.write("a/paris.txt", """
            ---
            title: Talks in Paris end without a breakthrough
            outlet: France 24
            published: 2022-01-26
            ---
            Advisers met in Paris on Wednesday. Andriy Yermak said the dialogue was “constructive and useful”.

            Dmitry Kozak told reporters the talks would continue in Berlin. The Élysée hosted the meeting.
            """)
        try folder.write("a/geneva.md", """
            ---
            title: Geneva talks open
            outlet: Reuters
            published: 2022-01-10
            ---
            Wendy Sherman met Sergei Ryabkov in Geneva. “We will not back down,” Sergei Ryabkov said.
            """)
        try folder.write("b/undated.txt", """
            Officials met again as Jens Stoltenberg warned of risks. Nothing was decided at the meeting.

            Antony Blinken spoke with his counterpart by phone on Monday.
            """)
        try folder.write("b/feed.jsonl", """
            {"title": "Markets fall", "text": "Stocks fell as Jerome Powell spoke. Investors waited.", "outlet": "CNBC", "date": "2022-01-26"}
            {"title": "Oil rises", "text": "Oil rose on supply fears voiced by Amin Nasser.", "outlet": "Bloomberg", "date": "2022-01-27"}
            """)
        try folder.write("b/parallax-manifest.json", """
            {"undated.txt": {"outlet": "Kyiv Post"}}
            """)
    }
}

extension Corpus {
    /// The parts of a corpus that the index must reproduce, in a comparable form.
    var comparable: [String] {
        var out = articles.map { "\($0)" }
        out += actors.map { "\($0)" }
        out += events.map { "\($0)" }
        out += quotes.map { "\($0)" }
        out += primaryEvent.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }
        return out
    }

    /// The first difference between two corpora as the index sees them, short enough to read.
    func firstDifference(from other: Corpus) -> String? {
        let a = comparable, b = other.comparable
        for (x, y) in zip(a, b) where x != y {
            let common = zip(x, y).prefix { $0 == $1 }.count
            return "…\(x.dropFirst(max(0, common - 80)).prefix(300))\n≠ …\(y.dropFirst(max(0, common - 80)).prefix(300))"
        }
        return a.count == b.count ? nil : "\(a.count) items ≠ \(b.count) items"
    }
}
