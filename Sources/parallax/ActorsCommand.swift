import ArgumentParser
import ParallaxCore

/// `parallax actors`: the corpus's actors, most mentioned first.
struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List the actors (people, organisations, countries, places) by mentions.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(help: "Only actors of this kind: person, organization, country or place.") var kind: String?

    func run() throws {
        let corpus = try self.corpus.load()
        var actors = corpus.actors
        if let k = kind {
            guard let wanted = ActorKind(rawValue: k.lowercased()) ?? (k.lowercased() == "organisation" ? .organization : nil) else {
                throw Console.fail("--kind: not a kind: \(k) (person, organization, country, place)")
            }
            actors = actors.filter { $0.kind == wanted }
        }
        if json {
            Console.json(.array(actors.map(ActorJSON.actor)))
            return
        }
        let table = TextTable(
            headers: ["NAME", "KIND", "ARTICLES", "MENTIONS", "ALIASES"],
            rows: actors.map { a in
                [a.name, a.kind.rawValue + (a.isSource ? " (source)" : ""), String(a.articleIDs.count),
                 String(a.mentions.count), a.aliases.joined(separator: ", ")]
            })
        Console.out(table.render(width: Console.width))
        Console.out("\(actors.count) actors in \(corpus.articles.count) articles")
    }
}
