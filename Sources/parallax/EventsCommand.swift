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
        // Neither the texts nor the events' mentions are printed: not read (at 20,000 articles of 50
        // event words each, a million mentions).
        let corpus = try self.corpus.load(parts: .init(texts: false, eventMentions: false))
        let events = corpus.events.filter { all || !$0.articles.isEmpty }
        if json {
            Console.json(.array(events.map { EventJSON.summary($0, in: corpus) }))
            return
        }
        let table = TextTable(
            headers: ["ID", "DATE", "PLACE", "ARTICLES", "TITLE · OUTLETS"],
            rows: events.map { e in
                [e.id, e.date?.description ?? "—", e.place ?? "—",
                 e.articles.isEmpty ? "(\(e.mentionedBy.count))" : String(e.articles.count),
                 e.title + " · " + EventJSON.outlets(of: e, in: corpus).joined(separator: ", ")]
            })
        Console.table(table)
        Console.out("\(events.count) events")
    }
}
