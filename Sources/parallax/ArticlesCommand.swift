import ArgumentParser
import Foundation
import ParallaxBrowse
import ParallaxCore
import ParallaxStore
import ParallaxStorePostgres

/// `parallax articles`: the article list, as a table or JSON.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the articles: id, date, outlet, title.",
        discussion: """
            --query takes the query language the TUI's / prompt takes: words (all of them; the last one \
            a prefix), "a phrase", OR, -word or NOT word, (grouping), and the fields actor:NAME \
            outlet:NAME event:ID kind:talks|meeting|summit|call|other date:A..B date:..B date:DAY \
            date:none since:DAY until:DAY tag:NAME is:marked is:unread is:read has:quote. \
            --query @NAME runs a query saved in ~/.config/parallax/queries.txt (name = query). The other \
            filters are fields of the same query, combined with AND. \
            Example: parallax articles --query 'actor:putin (geneva OR paris) -opinion'. \
            --sort orders the list as the TUI's :sort does: date (newest first), outlet, title, or \
            relevance (how often the searched words occur, a title counting 3 times; needs words), each \
            optionally followed by asc or desc ('outlet desc'); --reverse turns the order round. Without \
            --sort the table keeps the index's order (corpus order, or best match first for words).
            """)

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(name: [.customShort("q"), .long], help: "A query in the query language (see below), or @NAME for a saved one.")
    var query: String?
    @Option(help: "Only articles from this outlet (case-insensitive; part of the name is enough).") var outlet: String?
    @Option(help: "Only articles published on or after this date (YYYY-MM-DD).") var since: String?
    @Option(help: "Only articles published on or before this date (YYYY-MM-DD).") var until: String?
    @Option(help: "Only articles whose title or text contains these words (the last one a prefix; case- and accent-insensitive).") var search: String?
    @Option(help: "Only articles naming this actor, by any of its names or spellings (zelenskiy finds Zelensky).") var actor: String?
    @Option(help: "Only articles that report or mention this event (an id from `parallax events`, or part of it).") var event: String?
    @Option(help: "Order: date, outlet, title or relevance, optionally with asc or desc ('title desc'), as the TUI's :sort.")
    var sort: String?
    @Flag(help: "Reverse the order (of --sort, else of the date order).") var reverse = false

    /// The order asked for, nil to keep the index's; a bad one is a usage error (exit 64).
    func articleSort(_ q: ArticleQuery) throws -> ArticleSort? {
        guard sort != nil || reverse else { return nil }
        var s = ArticleSort.standard
        if let text = sort {
            guard let parsed = ArticleSort(parsing: text) else {
                throw ValidationError("--sort: not an order: \(SafeText.sanitize(text)) (date, outlet, title or relevance, then asc or desc)")
            }
            s = parsed
        }
        if s.key == .relevance && q.searchTerms.isEmpty {
            throw ValidationError("--sort relevance needs words to search for (--search or words in --query)")
        }
        return reverse ? s.reversed : s
    }

    /// The flags and `--query` as one typed query, or exit 64 with the error's column.
    /// (`eventID`: the `--event` part resolved to one event's id, see `IDParts`.)
    func articleQuery(eventID: String? = nil) throws -> ArticleQuery {
        var parts: [QueryNode] = []
        if var text = query {
            if text.hasPrefix("@") {
                let name = String(text.dropFirst())
                // (Its unusable lines were reported with the user's other files at start.)
                let saved = SavedQueries.load()
                guard let q = saved.query(named: name) else {
                    throw Console.usageFail("no saved query “\(name)” in \(SavedQueries.defaultPath())")
                }
                text = q
            }
            parts += ArticleQuery(try Self.parse(text)).parts
        }
        if let outlet { parts.append(.outlet(outlet)) }
        let (from, to) = try dateRange()
        if from != nil || to != nil { parts.append(.date(DayRange(from: from, to: to))) }
        if let search, !FastText.isBlank(search) { parts += ArticleQuery.words(search) }
        if let actor { parts.append(.actor(actor)) }
        if let event { parts.append(.event(eventID ?? event)) }
        return ArticleQuery(.and(parts))
    }

    /// Parses a query, or exits 64 with the message and a caret under the column.
    static func parse(_ text: String) throws -> QueryNode {
        do {
            return try QueryParser.parse(text)
        } catch let e as QueryError {
            // The query and a caret under the column, on their own lines (each made terminal-safe).
            let exit = Console.usageFail("\(e)")
            let caret = String(repeating: " ", count: max(0, e.column - 1)) + "^"
            FileHandle.standardError.write(Data(("  " + SafeText.sanitize(text) + "\n  " + caret + "\n").utf8))
            throw exit
        }
    }

    /// A malformed date is a usage error (exit 64), found before anything is read (a bad order too,
    /// at the start of `run`: relevance depends on the words of a saved query).
    func validate() throws { _ = try dateRange() }

    func run() throws {
        let q = try articleQuery()
        let order: ArticleSort?
        do {
            order = try articleSort(q)
        } catch let e as ValidationError {
            throw Console.usageFail(e.message)
        }
        if let url = corpus.index.postgresURL {
            // The shared store answers the query in its own order (date, or relevance when searching).
            if order != nil { throw Console.usageFail("--sort is not answered by a PostgreSQL store yet") }
            try listFromSharedStore(q, url: url)
            return
        }
        // Both answer from the index without loading the corpus: the table from the article rows,
        // JSON from each article's record (`articleRecords`: its actors, event and date's source).
        if !json {
            try listFromIndex(q, sort: order)
            return
        }
        let (records, note) = try IndexedLoading.withIndex(paths: corpus.paths, options: corpus.index,
                                                            quiet: corpus.quiet, reader: corpus.reader) { roots, store, _ in
            guard try store.hasArticles() else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            let query = try resolved(q, store: store)
            var records = try store.articleRecords(query)
            if let order {
                // The records in the sorted list's order.
                let rank = Dictionary(try SortedArticles.summaries(query, sort: order, store: store).enumerated().map { ($1.id, $0) },
                                      uniquingKeysWith: { a, _ in a })
                records.sort { (rank[$0.id] ?? Int.max) < (rank[$1.id] ?? Int.max) }
            }
            return (records, try Self.undatedNote(query, store: store))
        }
        Console.json(.array(records.map { .object(ArticleJSON.summary($0)) }))
        if let note { Console.note(note) }
    }

    /// The query with its `--event` part resolved to one event's id: an event part that several
    /// events' ids contain is a question back, not a union.
    private func resolved(_ query: ArticleQuery, store: SQLiteCorpusStore) throws -> ArticleQuery {
        try event.map { try articleQuery(eventID: IDParts.event($0, among: store.eventList(withEvidence: false)).id) } ?? query
    }

    /// What a date filter left out, said rather than silent.
    static func undatedNote(_ q: ArticleQuery, store: any CorpusStore) throws -> String? {
        guard let s = store as? SQLiteCorpusStore else { return nil }
        return undatedNote(count: try s.undatedLeftOut(q))
    }

    static func undatedNote(count n: Int) -> String? {
        n == 0 ? nil : "\(n) undated article\(n == 1 ? "" : "s") left out by the date filter (date:none lists them)"
    }

    /// The table from a PostgreSQL store, read as it is (the collector updates it).
    private func listFromSharedStore(_ query: ArticleQuery, url: String) throws {
        // Article records for --json are read by the SQLite index only, so far.
        if json { throw SharedStore.notYet() }
        try SharedStore.refusePaths(corpus)
        let (rows, total, note) = try SharedStore.with(url) { store in
            let total = try store.articleCount()
            guard total > 0 else {
                throw Console.fail("the store \(store.location) has no articles yet (`parallax index --store URL PATHS` collects them)")
            }
            let q = try event.map { try articleQuery(eventID: IDParts.event($0, among: store.events()).id) } ?? query
            return (try store.summaries(q), total, Self.undatedNote(count: try store.undatedLeftOut(q)))
        }
        printTable(rows, total: total, note: note)
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

    /// The table straight from the index's rows.
    private func listFromIndex(_ query: ArticleQuery, sort: ArticleSort?) throws {
        // A damaged page met by these queries rebuilds the index too (`withIndex`).
        let (rows, total, note) = try IndexedLoading.withIndex(paths: corpus.paths, options: corpus.index,
                                                                quiet: corpus.quiet, reader: corpus.reader) { roots, store, _ in
            let total = try store.articleCount()
            guard total > 0 else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            let query = try resolved(query, store: store)
            let rows = try sort.map { try SortedArticles.summaries(query, sort: $0, store: store) } ?? store.summaries(query)
            return (rows, total, try Self.undatedNote(query, store: store))
        }
        printTable(rows, total: total, note: note)
    }

    private func printTable(_ rows: [ArticleSummary], total: Int, note: String?) {
        let table = TextTable(
            headers: ["ID", "DATE", "OUTLET", "TITLE"],
            rows: rows.map { a in
                [a.id, a.published?.description ?? "—", a.outlet ?? (a.path as NSString).lastPathComponent,
                 a.title ?? "(untitled)"]
            })
        Console.table(table)
        Console.out("\(rows.count) of \(total) articles" + (note.map { "; " + $0 } ?? ""))
    }
}
