@testable import ParallaxCore

/// Articles and actors the event and comparison tests build by hand.
enum EventFixtures {
    static func article(_ id: String, title: String?, body: String, outlet: String? = nil, published: String? = nil,
                        sources: [String] = []) -> Article {
        Article(id: id, path: "/fixtures/\(id).txt", format: .text, rawText: body, body: body, title: title,
                outlet: outlet, outletSource: outlet == nil ? .none : .given,
                published: published.flatMap { Day(iso: $0) }.map { DatedValue(day: $0, source: .given, confidence: 1) },
                url: nil, sources: sources, removed: [], truncated: false)
    }

    static func day(_ s: String) -> Day { Day(iso: s)! }

    /// Unicode-scalar range of the n-th occurrence of `needle` in `body`.
    static func range(of needle: String, in body: String, occurrence: Int = 0) -> TextRange? {
        let hay = Array(body.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= hay.count else { return nil }
        var seen = 0
        for i in 0...(hay.count - n.count) where Array(hay[i..<(i + n.count)]) == n {
            if seen == occurrence { return TextRange(start: i, end: i + n.count) }
            seen += 1
        }
        return nil
    }

    /// An actor with a mention at every occurrence of each surface form in the given articles.
    static func actor(_ name: String, kind: ActorKind = .person, forms: [String], in articles: [Article],
                      quotes: [(String, String)] = []) -> Actor {
        var mentions: [Mention] = []
        for a in articles {
            for f in forms {
                var k = 0
                while let r = range(of: f, in: a.body, occurrence: k) {
                    if !mentions.contains(where: { $0.articleID == a.id && $0.range.overlaps(r) }) {
                        mentions.append(Mention(articleID: a.id, range: r, surface: f))
                    }
                    k += 1
                }
            }
        }
        let qs: [Quote] = quotes.compactMap { (articleID, text) in
            guard let a = articles.first(where: { $0.id == articleID }), let r = range(of: text, in: a.body) else { return nil }
            return Quote(articleID: articleID, text: text, range: r, speaker: name, speakerLabel: nil)
        }
        return Actor(id: name.lowercased(), name: name, kind: kind, aliases: forms, mentions: mentions, quotes: qs)
    }

    static func text(_ body: String, _ r: TextRange) -> String {
        let s = Array(body.unicodeScalars)
        return String(String.UnicodeScalarView(s[r.start..<r.end]))
    }
}
