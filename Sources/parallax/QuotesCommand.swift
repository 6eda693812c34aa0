import ArgumentParser
import ParallaxCore
import ParallaxStore

/// `parallax quotes`: who said what, article by article.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List the direct quotations and their speakers.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON instead of text.") var json = false
    @Option(help: "Only quotes of this actor, by any of its names or spellings.") var actor: String?

    func run() throws {
        // From the index: the quotations (one table) and, with --actor, the names it resolves to;
        // no actor, mention or text is read.
        let name = actor
        let (all, names) = try IndexedLoading.withIndex(paths: corpus.paths, options: corpus.index, quiet: corpus.quiet,
                                                        reader: corpus.reader) { roots, store, _ in
            guard try store.hasArticles() else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            return (try store.allQuotes(), try name.map { Set(try store.actorNames(matching: $0)) })
        }
        var quotes = all
        if let name, let names {
            guard !names.isEmpty else { throw Console.fail("no actor named \(name)") }
            quotes = quotes.filter { $0.speaker.map(names.contains) ?? false }
        }
        if json {
            Console.json(.array(quotes.map(ActorJSON.quote)))
            return
        }
        var out: [String] = []
        for q in quotes {
            let who = q.speaker ?? q.speakerLabel.map { "(\($0))" } ?? "(unattributed)"
            // One line per quote: a newline inside a quotation or a name is shown as ␊, never printed.
            out.append("\(q.articleID)  \(SafeText.sanitize(who)): “\(SafeText.sanitize(q.text))”")
        }
        out.append("\(quotes.count) quotes")
        Console.out(out.joined(separator: "\n"))
    }
}
