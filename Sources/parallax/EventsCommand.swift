import ArgumentParser
import ParallaxCore
import ParallaxStore

/// `parallax events`: the meetings, talks and calls the corpus reports, and which articles report each.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the events (meetings, talks, calls): date, place, title, outlets, articles.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: an array of {id, title, kind, date, place, participants, articles}.") var json = false
    @Flag(help: "Also list events only mentioned in passing (no article reports them).") var all = false

    func run() throws {
        // Read from the index: the events with their article lists, and the articles' labels (the
        // evidence only for JSON, which prints it); no actor, mention or text is read.
        let indexed = try IndexedEvents.read(corpus, evidence: json)
        let events = indexed.events.filter { all || !$0.articles.isEmpty }
        if json {
            Console.json(.array(events.map { EventJSON.summary($0, in: indexed.corpus(of: $0)) }))
            return
        }
        let table = TextTable(
            headers: ["ID", "DATE", "PLACE", "ARTICLES", "TITLE · OUTLETS"],
            rows: events.map { e in
                [e.id, e.date?.description ?? "—", e.place ?? "—",
                 e.articles.isEmpty ? "(\(e.mentionedBy.count))" : String(e.articles.count),
                 e.title + " · " + EventJSON.outlets(of: e, in: indexed.corpus(of: e)).joined(separator: ", ")]
            })
        Console.table(table)
        Console.out("\(events.count) events")
    }
}
