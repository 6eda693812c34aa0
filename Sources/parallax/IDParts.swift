import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

/// What a user types for an article or an event: the id, or a part of it. One match is taken; none is
/// an error (exit 1); several are listed on stderr for the user to choose from, a usage error (exit 64),
/// so that a script never goes on with a guess.
enum IDParts {
    static func event(_ part: String, in corpus: Corpus) throws -> Event {
        try event(part, among: corpus.events)
    }

    static func event(_ part: String, among events: [Event]) throws -> Event {
        let found = Corpus(articles: [], events: events).events(matching: part)
        if found.count == 1 { return found[0] }
        if found.isEmpty { throw Console.fail("no event with id \(part) (run `parallax events` to list them)") }
        throw ambiguous("event id", part, found.map { e in
            [e.id, e.date?.description ?? "—", e.title]
        })
    }

    static func article(_ part: String, in corpus: Corpus) throws -> Article {
        if let a = corpus.articles.first(where: { $0.id == part }) { return a }
        let found = corpus.articles.filter { $0.id.hasPrefix(part) }
        if found.count == 1 { return found[0] }
        if found.isEmpty { throw Console.fail("no article with id \(part)") }
        throw ambiguous("article id", part, found.map { a in
            [a.id, a.published?.day.description ?? "—", a.outlet ?? a.fileName, a.title ?? "(untitled)"]
        })
    }

    /// The id of the article a part names among the index's candidates (`articles(idStartingWith:)`,
    /// in corpus order): the same answer, message and list as `article(_:in:)` on the loaded corpus.
    static func articleID(_ part: String, among found: [ArticleSummary]) throws -> String {
        if let a = found.first(where: { $0.id == part }) { return a.id }
        if found.count == 1 { return found[0].id }
        if found.isEmpty { throw Console.fail("no article with id \(part)") }
        throw ambiguous("article id", part, found.map { a in
            [a.id, a.published?.description ?? "—", a.outlet ?? (a.path as NSString).lastPathComponent, a.title ?? "(untitled)"]
        })
    }

    /// The candidates as an aligned table on stderr, then the usage exit status.
    static func ambiguous(_ what: String, _ part: String, _ rows: [[String]]) -> ExitCode {
        var text = "parallax: \(what) \(SafeText.sanitize(part)) is ambiguous: \(rows.count) match it; give more of it:\n"
        let clean = rows.map { $0.map { SafeText.sanitize($0) } }
        let cols = clean.map(\.count).max() ?? 0
        let widths = (0..<cols).map { i in clean.map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }.max() ?? 0 }
        for r in clean {
            let cells = r.enumerated().map { i, c in i == r.count - 1 ? c : DisplayWidth.pad(c, to: widths[i]) }
            text += "  " + cells.joined(separator: "  ") + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
        return ExitCode(64)
    }
}
