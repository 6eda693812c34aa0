import ArgumentParser
import ParallaxCore
import ParallaxStore

/// `parallax compare EVENT`: how each outlet told one event, side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare how each outlet reported one event (see `parallax events` for ids).")

    @Argument(help: "The event id, or a part of it (when several events match, they are listed and nothing is compared).") var event: String
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: {event, outlets, shared, unique, quotes, numbers, discrepancies, coverage, blindspot}.") var json = false
    @Flag(help: "Print a Markdown report.") var markdown = false
    @Option(help: "Width of the report in columns (default: the terminal's).") var width: Int?

    func run() throws {
        // From the index, as the TUI's compare pane: the event (resolved among the stored events), its
        // articles with their texts and the actors restricted to them; the coverage (blindspots read
        // other articles) from the labels and mentions `coverageCorpus` reads. The whole corpus is not
        // loaded.
        let part = event
        let (c, corpus) = try IndexedLoading.withIndex(paths: self.corpus.paths, options: self.corpus.index,
                                                       quiet: self.corpus.quiet, reader: self.corpus.reader) { roots, store, _ in
            guard try store.hasArticles() else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            let id = try IDParts.event(part, among: store.eventList(withEvidence: false)).id
            guard let event = try store.event(id: id) else { throw Console.fail("no event with id \(id)") }
            let corpus = try store.comparisonCorpus(ofEvent: event)
            var c = Comparison.build(event: event, corpus: corpus)
            c.coverage = EventCoverage.of(event, in: try store.coverageCorpus(ofEvent: event))
            return (c, corpus)
        }
        if json { Console.json(ComparisonJSON.value(c, in: corpus)); return }
        if markdown { print(ComparisonReport.markdown(c), terminator: ""); return }
        Console.out(ComparisonReport.text(c, width: width ?? Console.width))
    }
}

/// The JSON contract of a comparison.
enum ComparisonJSON {
    static func passage(_ p: Passage) -> [(String, JSONValue)] {
        [("article", .string(p.articleID)), ("outlet", .string(p.outlet)), ("text", .string(p.text)),
         ("start", .int(p.range.start)), ("end", .int(p.range.end))]
    }

    static func value(_ c: Comparison, in corpus: Corpus) -> JSONValue {
        .object([
            ("event", EventJSON.summary(c.event, in: corpus)),
            ("outlets", .array(c.outlets.map { o in
                .object([
                    ("article", .string(o.articleID)), ("outlet", .string(o.outlet)), ("headline", .str(o.headline)),
                    ("date", .str(o.date?.day.description)), ("dateSource", .str(o.date?.source.rawValue)),
                    ("words", .int(o.words)), ("sources", .array(o.sources.map(JSONValue.string))),
                    ("named", .array(o.named.map(JSONValue.string))), ("quoted", .array(o.quoted.map(JSONValue.string))),
                    ("onlyHere", .array(o.onlyHere.map(JSONValue.string))),
                ])
            })),
            ("shared", .array(c.shared.map { s in
                .object([("similarity", .double((s.similarity * 1000).rounded() / 1000)),
                         ("passages", .array(s.passages.map { .object(passage($0)) }))])
            })),
            ("unique", .array(c.unique.map { .object(passage($0)) })),
            ("quotes", .array(c.quotes.map { q in
                .object([("speaker", .str(q.speaker)),
                         ("renderings", .array(q.renderings.map { .object(passage($0.passage) + [("form", .string($0.form.rawValue))]) }))])
            })),
            ("numbers", .array(c.numbers.map { n in
                .object([("counts", .string(n.counts)), ("conflict", .bool(n.conflict)),
                         ("mentions", .array(n.mentions.map { m in
                             .object(passage(m.passage) + [("figure", .string(m.figure)), ("value", .double(m.value))])
                         }))])
            })),
            ("discrepancies", .array(c.discrepancies.map { d in
                .object([("kind", .string(d.kind.rawValue)), ("subject", .string(d.subject)), ("note", .string(d.note)),
                         ("passages", .array(d.passages.map { .object(passage($0)) }))])
            })),
            ("coverage", EventJSON.coverage(c.coverage.outlets)),
            ("blindspot", .array(c.coverage.blindspots.map { b in
                .object([("outlet", .string(b.outlet)), ("articles", .array(b.articles.map(JSONValue.string))),
                         ("names", .array(b.names.map(JSONValue.string)))])
            })),
        ])
    }
}
