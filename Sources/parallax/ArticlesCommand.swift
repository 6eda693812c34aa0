import ArgumentParser
import ParallaxCore

/// `parallax articles`: the article list, as a table or JSON.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the articles: id, date, outlet, title.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(help: "Only articles from this outlet (case-insensitive; part of the name is enough).") var outlet: String?
    @Option(help: "Only articles published on or after this date (YYYY-MM-DD).") var since: String?
    @Option(help: "Only articles published on or before this date (YYYY-MM-DD).") var until: String?
    @Option(help: "Only articles whose title or text contains TEXT (case- and accent-insensitive).") var search: String?
    @Option(help: "Only articles naming this actor, by any of its names or spellings (zelenskiy finds Zelensky).") var actor: String?
    @Option(help: "Only articles that report this event (an id from `parallax events`, or its start).") var event: String?

    func run() throws {
        let corpus = try self.corpus.load()
        var filter = ArticleFilter(outlet: outlet, search: search)
        if let s = since {
            guard let d = DateParser.parseGiven(s) else { throw Console.fail("--since: not a date: \(s) (use YYYY-MM-DD)") }
            filter.since = d
        }
        if let u = until {
            guard let d = DateParser.parseGiven(u) else { throw Console.fail("--until: not a date: \(u) (use YYYY-MM-DD)") }
            filter.until = d
        }
        var articles = filter.apply(to: corpus.articles)
        if let name = actor {
            let ids = Set(corpus.actors(matching: name).flatMap(\.articleIDs))
            articles = articles.filter { ids.contains($0.id) }
        }
        if let ev = event {
            guard let e = corpus.event(matching: ev) else {
                throw Console.fail("no event with id \(ev) (run `parallax events` to list them)")
            }
            let ids = Set(e.articles)
            articles = articles.filter { ids.contains($0.id) }
        }
        if json {
            let actors = corpus.actorSummaries()
            Console.json(.array(articles.map { .object(ArticleJSON.summary($0, in: corpus, actors: actors)) }))
            return
        }
        let table = TextTable(
            headers: ["ID", "DATE", "OUTLET", "TITLE"],
            rows: articles.map { a in
                [a.id, a.published?.day.description ?? "—", a.outlet ?? a.fileName, a.title ?? "(untitled)"]
            })
        Console.out(table.render(width: Console.width))
        Console.out("\(articles.count) of \(corpus.articles.count) articles")
    }
}
