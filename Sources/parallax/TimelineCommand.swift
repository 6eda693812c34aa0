import ArgumentParser
import ParallaxCore
import ParallaxStore

/// `parallax timeline`: the dated events in order, with the articles that report or mention each.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List every dated event the articles report or mention, in order.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON: an array of {date, id, title, kind, place, reportedBy, mentionedBy}.") var json = false

    func run() throws {
        // The events and their articles' labels, read from the index (see `IndexedEvents`).
        let indexed = try IndexedEvents.read(corpus, evidence: false)
        let timeline = Timeline(corpus: Corpus(articles: [], events: indexed.events))
        if json {
            Console.json(.array(timeline.entries.map { t in
                .object([
                    ("date", .string(t.day.description)), ("id", .string(t.event.id)), ("title", .string(t.event.title)),
                    ("kind", .string(t.event.kind.rawValue)), ("place", .str(t.event.place)),
                    ("reportedBy", .array(t.reportedBy.map(JSONValue.string))),
                    ("mentionedBy", .array(t.mentionedBy.map(JSONValue.string))),
                ])
            }))
            return
        }
        let label = indexed.label
        let table = TextTable(
            headers: ["DATE", "EVENT", "REPORTED BY", "MENTIONED BY"],
            rows: timeline.entries.map { t in
                [t.day.description, t.event.title,
                 t.reportedBy.isEmpty ? "—" : t.reportedBy.map(label).joined(separator: ", "),
                 t.mentionedBy.isEmpty ? "—" : t.mentionedBy.map(label).joined(separator: ", ")]
            })
        Console.table(table)
        Console.out("\(timeline.entries.count) dated events")
    }
}
