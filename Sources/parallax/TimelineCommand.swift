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
        // Neither the texts nor the events' mentions are printed: not read (at 20,000 articles of 50
        // event words each, a million mentions).
        let corpus = try self.corpus.load(parts: .init(texts: false, eventMentions: false))
        let timeline = Timeline(corpus: corpus)
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
        func label(_ id: String) -> String { corpus.article(id: id).map { $0.outlet ?? $0.fileName } ?? id }
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
