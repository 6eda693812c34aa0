import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

/// `parallax actors`: the corpus's actors, most mentioned first.
struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List the actors (people, organisations, countries, places) by mentions.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(help: "Only actors of this kind: person, organization, country or place.") var kind: String?
    @Flag(help: "Print on stderr how long the actors stage took and its throughput (MB/s of article text).")
    var stats = false

    /// A usage error (exit 64) before anything is read.
    func validate() throws { _ = try wantedKind() }

    func run() throws {
        let wanted = try wantedKind()
        // The table needs names and counts only: read from the index's actor rows and one grouped
        // pass over the mentions, not the whole corpus (at 20,000 articles of 50 people each, loading
        // it decoded every mention and event mention: minutes and gigabytes).
        if !stats && !self.corpus.index.noIndex {
            try listFromIndex(kind: wanted)
            return
        }
        let corpus = try self.corpus.load()
        if stats { printStats(corpus) }
        var actors = corpus.actors
        if let wanted { actors = actors.filter { $0.kind == wanted } }
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
        Console.table(table)
        Console.out("\(actors.count) actors in \(corpus.articles.count) articles")
    }

    private func wantedKind() throws -> ActorKind? {
        guard let k = kind else { return nil }
        guard let wanted = ActorKind(rawValue: k.lowercased()) ?? (k.lowercased() == "organisation" ? .organization : nil) else {
            throw ValidationError("--kind: not a kind: \(SafeText.sanitize(k)) (person, organization, country, place)")
        }
        return wanted
    }

    /// The same table, in the same order (the corpus's actor order), from the index.
    private func listFromIndex(kind wanted: ActorKind?) throws {
        let json = self.json
        let (entries, listings, articles) = try IndexedLoading.withIndex(
            paths: corpus.paths, options: corpus.index, quiet: corpus.quiet, reader: corpus.reader) { roots, store, _ in
            let articles = try store.articleCount()
            guard articles > 0 else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            // JSON: roles and quotes too, still without reading a mention row.
            return json ? ([], try store.actorListings(), articles) : (try store.actorDirectory(), [], articles)
        }
        if json {
            Console.json(.array(listings.filter { wanted == nil || $0.actor.kind == wanted }.map {
                ActorJSON.actor($0.actor, mentions: $0.mentionCount, articles: $0.articleIDs)
            }))
            return
        }
        let actors = entries.filter { wanted == nil || $0.kind == wanted }
        let table = TextTable(
            headers: ["NAME", "KIND", "ARTICLES", "MENTIONS", "ALIASES"],
            rows: actors.map { a in
                [a.name, a.kind.rawValue + (a.isSource ? " (source)" : ""), String(a.articles),
                 String(a.mentions), a.aliases.joined(separator: ", ")]
            })
        Console.table(table)
        Console.out("\(actors.count) actors in \(articles) articles")
    }

    /// Times the actors stage alone over the loaded articles (the stage runs again, measured).
    private func printStats(_ corpus: Corpus) {
        let bytes = corpus.articles.reduce(0) { $0 + $1.body.utf8.count }
        let clock = ContinuousClock()
        var result: ActorAnalysis.Result?
        let cpuBefore = Self.cpuSeconds()
        let elapsed = clock.measure { result = ActorAnalysis().run(corpus.articles) }
        // CPU time too: on a shared machine the wall clock says more about the neighbours than the code.
        let cpu = Self.cpuSeconds() - cpuBefore
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let mb = Double(bytes) / 1_000_000
        let line = String(format: "actors stage: %d articles, %.1f MB of text, %d actors, %d quotes in %.2f s wall (%.2f MB/s), %.2f s CPU (%.2f MB per CPU-second)\n",
                          corpus.articles.count, mb, result?.actors.count ?? 0, result?.quotes.count ?? 0, seconds,
                          seconds > 0 ? mb / seconds : 0, cpu, cpu > 0 ? mb / cpu : 0)
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
