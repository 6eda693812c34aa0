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
        // Neither the texts nor the events' mentions are printed: not read (at 20,000 articles of 50
        // event words each, a million mentions).
        let corpus = try self.corpus.load(parts: .init(texts: false, eventMentions: false))
        var quotes = corpus.quotes
        if let name = actor {
            let names = Set(corpus.actors(matching: name).map(\.name))
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
