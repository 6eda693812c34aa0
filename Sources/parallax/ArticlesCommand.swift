import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

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

    /// A malformed date is a usage error (exit 64), found before anything is read.
    func validate() throws { _ = try dateRange() }

    func run() throws {
        // The table without actor or event filters needs only the index's article rows: a large corpus
        // lists at once instead of being loaded whole (actor spellings and event ids need the model).
        if !json, actor == nil, event == nil {
            try listFromIndex()
            return
        }
        let loaded = try self.corpus.loadIndexed()
        let corpus = loaded.corpus
        var filter = ArticleFilter(outlet: outlet, search: search)
        (filter.since, filter.until) = try dateRange()
        // Names and event ids are resolved by the model (spelling variants, id prefixes); the index answers
        // the query with the canonical names.
        var eventID: String?
        if let ev = event {
            eventID = try IDParts.event(ev, in: corpus).id
        }
        var articles: [Article]
        if let name = actor {
            let matches = corpus.actors(matching: name)
            var seen = Set<String>()
            articles = []
            for m in matches {
                for a in try loaded.articles(matching: filter, actor: m.name, event: eventID) where seen.insert(a.id).inserted {
                    articles.append(a)
                }
            }
        } else {
            articles = try loaded.articles(matching: filter, event: eventID)
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
        Console.table(table)
        Console.out("\(articles.count) of \(corpus.articles.count) articles")
    }

    /// `--since` and `--until` as days, or exit with one line naming the one that is not a date.
    private func dateRange() throws -> (Day?, Day?) {
        func day(_ value: String?, _ flag: String) throws -> Day? {
            guard let v = value else { return nil }
            guard let d = DateParser.parseGiven(v) else { throw ValidationError("\(flag): not a date: \(SafeText.sanitize(v)) (use YYYY-MM-DD)") }
            return d
        }
        return (try day(since, "--since"), try day(until, "--until"))
    }

    /// The table straight from the index's rows (the same rows, order and filters as the model path).
    private func listFromIndex() throws {
        var query = ArticleQuery(outlet: outlet)
        (query.since, query.until) = try dateRange()
        query.text = search.flatMap { FastText.isBlank($0) ? nil : $0 }
        // A damaged page met by these queries rebuilds the index too (`withIndex`).
        let (rows, total) = try IndexedLoading.withIndex(paths: corpus.paths, options: corpus.index,
                                                          quiet: corpus.quiet, reader: corpus.reader) { roots, store, _ in
            let total = try store.articleCount()
            guard total > 0 else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            return (try store.summaries(query), total)
        }
        let table = TextTable(
            headers: ["ID", "DATE", "OUTLET", "TITLE"],
            rows: rows.map { a in
                [a.id, a.published?.description ?? "—", a.outlet ?? (a.path as NSString).lastPathComponent,
                 a.title ?? "(untitled)"]
            })
        Console.table(table)
        Console.out("\(rows.count) of \(total) articles")
    }
}
