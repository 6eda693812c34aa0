import Foundation
import GRDB
import ParallaxCore

/// What the CLI's event commands say of an article: its id, and what labels and dates it (outlet, else
/// file name; published day).
public struct ArticleLabel: Sendable, Equatable {
    public var id: String
    public var path: String
    public var outlet: String?
    /// The published day as stored (`YYYY-MM-DD`): parsed only for the articles a command dates
    /// (parsing every article's took a tenth of `timeline`).
    public var published: String?

    public init(id: String, path: String, outlet: String?, published: String?) {
        self.id = id
        self.path = path
        self.outlet = outlet
        self.published = published
    }

    public var day: Day? { published.flatMap(Day.init(iso:)) }

    /// The article as far as `EventCoverage` and the outlet lists read one (no text, no provenance),
    /// so that the model's own functions answer from labels as they do from a loaded corpus.
    public var article: Article {
        Article(id: id, path: path, format: .text, rawText: "", body: "", title: nil, outlet: outlet,
                outletSource: .none, published: day.map { DatedValue(day: $0, source: .none, confidence: 0) },
                url: nil, sources: [], removed: [], truncated: false)
    }
}

/// The queries the CLI's commands ask beyond the browser's (`BrowsingStore`): each reads only what
/// the command prints, so that a command does not load the corpus.
extension SQLiteCorpusStore {
    /// Every article's label in corpus order (listing order of files, then position in the file): four
    /// short columns through the `article_order` index, no text and no JSON to decode.
    public func articleLabels() throws -> [ArticleLabel] {
        try writer.read { db in
            var out: [ArticleLabel] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, path, outlet, published FROM article ORDER BY file_position, position
                """)
            while let r = try rows.next() {
                out.append(ArticleLabel(id: r[0], path: r[1], outlet: r[2], published: r[3]))
            }
            return out
        }
    }

    /// The part of the corpus `EventCoverage.of` reads of an event: the articles that report it and
    /// those that mention one of its participants (labels, in corpus order), and the actors named as
    /// a participant with the articles of their mentions (no ranges, no text). `EventCoverage.of` on
    /// it gives what it gives on the whole corpus, blindspots included.
    public func coverageCorpus(ofEvent event: Event) throws -> Corpus {
        let people = Set(event.participants.map { $0.lowercased() })
        return try writer.read { db in
            // Found through the name's lookup key (position 0 is the canonical name), then kept when
            // equal as EventCoverage compares them: lowercased (SQLite's lower() is ASCII-only).
            var actors: [Actor] = []
            let keys = Self.jsonList(Set(event.participants.map(LookupKey.fold)).sorted())
            for r in try Row.fetchAll(db, sql: """
                SELECT ac.id, ac.name, ac.kind FROM actor_alias al JOIN actor ac ON ac.id = al.actor_id
                WHERE al.position = 0 AND al.alias_key IN (SELECT value FROM json_each(?)) ORDER BY ac.position
                """, arguments: [keys]) {
                let name: String = r[1]
                let kind = ActorKind(rawValue: r[2] as String) ?? .person
                guard people.contains(name.lowercased()), kind != .country else { continue }
                let id: String = r[0]
                let mentions = try String.fetchAll(db, sql: "SELECT DISTINCT article_id FROM mention WHERE actor_id = ?",
                                                   arguments: [id])
                    .map { Mention(articleID: $0, range: TextRange(start: 0, end: 0), surface: "") }
                actors.append(Actor(id: id, name: name, kind: kind, aliases: [], affiliation: nil, roles: [],
                                    mentions: mentions, quotes: [], isSource: false, shortName: name))
            }
            let ids = Set(event.articles).union(actors.flatMap { $0.mentions.map(\.articleID) })
            let articles = try Row.fetchAll(db, sql: """
                SELECT id, path, outlet, published FROM article WHERE id IN (SELECT value FROM json_each(?))
                ORDER BY file_position, position
                """, arguments: [Self.jsonList(ids.sorted())])
                .map { ArticleLabel(id: $0[0], path: $0[1], outlet: $0[2], published: $0[3]).article }
            return Corpus(articles: articles, actors: actors, events: [event])
        }
    }

    /// Every quotation of the corpus, attributed or not, in corpus order (`Corpus.quotes`).
    public func allQuotes() throws -> [Quote] {
        try writer.read { db in try corpusQuotes(db) }
    }

    /// The one reading of `Corpus.quotes` (`loadCorpus` uses it too): the rows, in the order the
    /// `quote_runs` meta value records.
    func corpusQuotes(_ db: Database) throws -> [Quote] {
        var all: [(String, Int, Quote)] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT article_id, position, text, range_start, range_end, speaker, speaker_label FROM article_quote
            """)
        while let r = try rows.next() {
            let art: String = r[0]
            all.append((art, r[1], Quote(articleID: art, text: r[2], range: TextRange(start: r[3], end: r[4]),
                                         speaker: r[5], speakerLabel: r[6])))
        }
        return Runs.arrange(all, runs: try meta("quote_runs", db: db))
    }

    /// The canonical names of the actors a value names (`Corpus.actors(matching:)`: an id, a name or
    /// alias by its spelling-variant key, else a name's last words), in corpus order, resolved as
    /// queries resolve `actor:` (`NameLookup`).
    public func actorNames(matching value: String) throws -> [String] {
        try writer.read { db in
            let ids = try NameLookup.actorIDs(value, db: db)
            return try String.fetchAll(db, sql: """
                SELECT name FROM actor WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position
                """, arguments: [Self.jsonList(ids.sorted())])
        }
    }

    /// The articles a user's id part names, in corpus order: the one with that id, else those whose id
    /// starts with it (through the id's unique index: a range of keys, then checked).
    public func articles(idStartingWith part: String) throws -> [ArticleSummary] {
        try writer.read { db in
            let columns = "id, path, title, outlet, published, published_source, words"
            var rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM article WHERE id = ?", arguments: [part])
            if rows.isEmpty {
                // U+10FFFF sorts after every character in SQLite's binary collation of UTF-8.
                rows = try Row.fetchAll(db, sql: """
                    SELECT \(columns) FROM article WHERE id >= ? AND id < ? ORDER BY file_position, position
                    """, arguments: [part, part + "\u{10FFFF}"])
            }
            return rows.compactMap { r in
                let id: String = r[0]
                guard id.hasPrefix(part) else { return nil }
                let published: String? = r[4]
                let src: String? = r[5]
                return ArticleSummary(id: id, path: r[1], title: r[2], outlet: r[3], published: published.flatMap(Day.init(iso:)),
                                      publishedSource: src.flatMap(MetadataSource.init(rawValue:)) ?? .none,
                                      words: r[6], event: nil)
            }
        }
    }

    /// The part of the corpus `show --json` reads of an article: the article, its actors restricted
    /// to it (the actor summaries), its primary event whole with that event's articles (where an
    /// inferred date came from: their dates, without texts).
    public func showCorpus(of article: Article) throws -> Corpus {
        let (actors, eventID) = try writer.read { db in
            // As `loadCorpus` keeps it: the last primary row by event id.
            (try self.actors(inArticles: Self.jsonList([article.id]), db: db), try String.fetchOne(db, sql: """
                SELECT event_id FROM article_event WHERE article_id = ? AND role = 'primary' ORDER BY event_id DESC LIMIT 1
                """, arguments: [article.id]))
        }
        guard let eventID else { return Corpus(articles: [article], actors: actors) }
        guard let event = try event(id: eventID) else {
            return Corpus(articles: [article], actors: actors, primaryEvent: [article.id: eventID])
        }
        let cols = Self.articleColumns.replacingOccurrences(of: "t.raw_text", with: "''").replacingOccurrences(of: "t.body", with: "''")
        let others = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(cols) FROM article a WHERE a.id IN (SELECT value FROM json_each(?)) AND a.id <> ?
                ORDER BY a.file_position, a.position
                """, arguments: [Self.jsonList(event.articles), article.id]).map(Self.article(from:))
        }
        return Corpus(articles: [article] + others, actors: actors, events: [event], primaryEvent: [article.id: eventID])
    }
}

/// `QueryMatch.actorIDs` as indexed lookups on the stored names' keys (schema v8-name-keys): an actor
/// id; else the actors one of whose names has the value's spelling-variant key; else those with a name
/// ending in the value's words — a prefix of the reversed key, one range of the index.
enum NameLookup {
    /// A name's `NameKey.phraseKey` with its words single-spaced (as `QueryMatch` splits it), and the
    /// same words in reverse order.
    static func keys(_ name: String) -> (key: String, reversed: String) {
        let words = NameKey.phraseKey(name).split(separator: " ")
        return (words.joined(separator: " "), words.reversed().joined(separator: " "))
    }

    static func actorIDs(_ value: String, db: Database) throws -> Set<String> {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM actor WHERE id = ?)", arguments: [value]) ?? false {
            return [value]
        }
        let q = keys(value)
        guard !q.key.isEmpty else { return [] }
        let exact = try String.fetchAll(db, sql: """
            SELECT DISTINCT al.actor_id FROM actor_alias al JOIN actor ac ON ac.id = al.actor_id WHERE al.name_key = ?
            """, arguments: [q.key])
        if !exact.isEmpty { return Set(exact) }
        // Keys are compared bytewise: " " (0x20) and "!" (0x21) bound the names whose reversed key
        // continues the value's with another word.
        return Set(try String.fetchAll(db, sql: """
            SELECT DISTINCT al.actor_id FROM actor_alias al JOIN actor ac ON ac.id = al.actor_id
            WHERE al.name_key_reversed = ? OR (al.name_key_reversed >= ? AND al.name_key_reversed < ?)
            """, arguments: [q.reversed, q.reversed + " ", q.reversed + "!"]))
    }
}
