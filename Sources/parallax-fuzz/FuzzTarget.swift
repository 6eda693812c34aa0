import Foundation
import ParallaxCore
import ParallaxTUI

/// One fuzz input through every stage that reads article text: decoding, each input format,
/// cleaning, metadata, the analysis stages, and the text that reaches a terminal. Traps on a
/// broken invariant so that both libFuzzer and the seeded harness see it as a crash.
enum FuzzTarget {
    static let builder = ArticleBuilder.shipped()

    static func run(_ bytes: [UInt8]) {
        let data = Data(bytes)
        guard case .text(let text, _) = TextDecoding.decode(data) else { return }
        var docs: [RawDocument] = []
        docs.append(RawDocument(path: "fuzz.txt", format: .text, text: FrontMatter.split(text).1,
                                given: FrontMatter.split(text).0))
        let html = HTMLText.extract(text)
        docs.append(RawDocument(path: "fuzz.html", format: .html, text: html.text, page: html.meta))
        docs.append(contentsOf: JSONArticles.parseJSON(data, path: "fuzz.json").docs)
        var articles = docs.map { builder.build($0) }.filter { !$0.body.isEmpty }
        DateInference.resolvePartialDates(&articles)
        let corpus = Analyzer.analyze(articles: articles)
        for a in corpus.articles {
            check(a)
        }
        if !corpus.articles.isEmpty { checkRendering(corpus, size: bytes.count) }
        _ = DateParser.find(in: text)
        _ = TextWrap.wrap(text, width: 1 + bytes.count % 120)
    }

    /// The TUI's frame at a size the input picks, after keys that open the text, actors and comparison.
    static func checkRendering(_ corpus: Corpus, size: Int) {
        let width = 1 + size % 220
        let height = 1 + (size / 7) % 70
        var state = AppState(query: MemoryCorpus(corpus), width: width, height: height)
        for k in Key.script("j <Tab> <PgDn> <Tab> <Enter> c <Esc> t") {
            state = settle(state, .key(k)).0
        }
        let frame = render(state).text
        // Grapheme by grapheme: a joiner or a presentation selector is kept where its cluster needs it
        // (TerminalSafe.keptInCluster), so a scalar-by-scalar test would flag emoji.
        for c in frame where c != "\n" {
            precondition(TerminalSafe.isSafe(c), "control character in a rendered frame")
        }
    }

    static func check(_ a: Article) {
        for field in [a.title ?? "", a.outlet ?? "", a.body] {
            let shown = SafeText.sanitize(field, keepNewlines: true)
            for c in shown where c != "\n" {
                precondition(TerminalSafe.isSafe(c), "control character survived sanitising")
            }
        }
        let json = JSONValue.object([("title", .str(a.title)), ("body", .string(a.body))]).serialized()
        precondition(!json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                     "control character in JSON output")
        if let d = a.published?.day { precondition(Day(iso: d.description) == d, "date does not round-trip") }
    }
}
