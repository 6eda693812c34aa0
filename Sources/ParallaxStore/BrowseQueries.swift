import Foundation
import GRDB
import ParallaxCore

/// One article of the browse list, as compact as a row can be: 100,000 of them stay in memory while
/// the texts stay on disk.
public struct BrowseRow: Sendable, Equatable {
    /// The article's row number in the index (stable while the index is open).
    public var seq: Int64
    /// The outlet as displayed: the article's outlet, else its file name.
    public var outlet: String
    /// The published day as `yyyymmdd` (so that comparing numbers compares days), nil when undated.
    public var day: Int32?
    /// Place in corpus order (listing order of files, then position in the file): sorts like it.
    public var corpusOrder: Int64

    public init(seq: Int64, outlet: String, day: Int32?, corpusOrder: Int64) {
        self.seq = seq
        self.outlet = outlet
        self.day = day
        self.corpusOrder = corpusOrder
    }

    /// `yyyymmdd` of a day, the form `day` has.
    public static func number(_ d: Day) -> Int32 {
        Int32(d.year * 10_000 + d.month * 100 + d.day)
    }
}

/// An actor as a directory entry: what completion and the corpus-wide actor list need, without the
/// actor's mentions.
public struct ActorEntry: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: ActorKind
    /// Place in the corpus's actor list (`Corpus.actors` order).
    public var position: Int
    /// The other names it goes by, in stored order.
    public var aliases: [String]
    /// All its mentions in the corpus, and the number of articles they are in.
    public var mentions: Int
    public var articles: Int
    /// A news agency credited as a source (`Actor.isSource`).
    public var isSource: Bool

    public init(id: String, name: String, kind: ActorKind, position: Int, aliases: [String], mentions: Int,
                articles: Int, isSource: Bool = false) {
        self.isSource = isSource
        self.id = id
        self.name = name
        self.kind = kind
        self.position = position
        self.aliases = aliases
        self.mentions = mentions
        self.articles = articles
    }
}

/// An actor without its mentions, with what `actors --json` says of them.
public struct ActorListing: Sendable, Equatable {
    /// Its roles and quotes; `mentions` is empty.
    public var actor: Actor
    public var mentionCount: Int
    /// The articles that mention it, in the order of its first mention in each (`Actor.articleIDs`).
    public var articleIDs: [String]
}

/// How many times an actor is mentioned in a set of articles, and in how many of them.
public struct ActorCount: Sendable, Equatable {
    public var actorID: String
    public var name: String
    public var kind: ActorKind
    /// Place in the corpus's actor list, which breaks ties between equal counts.
    public var position: Int
    public var mentions: Int
    public var articles: Int

    public init(actorID: String, name: String, kind: ActorKind, position: Int, mentions: Int, articles: Int) {
        self.actorID = actorID
        self.name = name
        self.kind = kind
        self.position = position
        self.mentions = mentions
        self.articles = articles
    }
}

/// A mention's place in an article's text and the mentioned actor's kind, for highlighting.
public struct MentionSpan: Sendable, Equatable {
    public var range: TextRange
    public var kind: ActorKind
    public var actorID: String
    public init(range: TextRange, kind: ActorKind, actorID: String) {
        self.range = range
        self.kind = kind
        self.actorID = actorID
    }
}

/// The questions an interactive browser asks of the index, each answered by a few indexed reads, so
/// that a large corpus is browsed without loading it (see `CorpusStore.loadCorpus` for the opposite).
public protocol BrowsingStore: CorpusStore {
    /// Whether any article is indexed (a first open has none): answered without counting them.
    func hasArticles() throws -> Bool
    /// Every article as a compact row, in no particular order (see `BrowseRow.corpusOrder`).
    func browseRows() throws -> [BrowseRow]
    func article(seq: Int64) throws -> Article?
    /// List lines (day, outlet or file name, title or file name) of these articles, by row number.
    func listLines(seqs: [Int64]) throws -> [Int64: (id: String, day: Day?, outlet: String, title: String)]
    func seq(ofArticle id: String) throws -> Int64?
    /// Row numbers of the articles the typed query finds (words through FTS5), in display order
    /// (newest first, undated last, then corpus order); `ordered: false` leaves the order to the caller.
    func articleSeqs(matching query: ArticleQuery, ordered: Bool) throws -> [Int64]
    /// How many undated articles the query's date ranges left out.
    func undatedLeftOut(_ query: ArticleQuery) throws -> Int
    /// The analyst's marks, tags and read state, and a change to them.
    func userData() throws -> UserData
    func apply(_ change: UserDataChange) throws
    func actorCount() throws -> Int
    /// The complete actor (aliases, roles, mentions and quotes in corpus order).
    func actor(id: String) throws -> Actor?
    /// The actor's name, kind, aliases and roles, without its mentions and quotes (a country named in
    /// half the corpus has hundreds of thousands): what a detail line shows.
    func actorCard(id: String) throws -> Actor?
    /// Every actor with its names and mention count, in corpus order.
    func actorDirectory() throws -> [ActorEntry]
    /// Mention counts per actor in one article.
    func actorCounts(inArticle id: String) throws -> [ActorCount]
    /// Mention counts per actor over a set of articles (the whole corpus: see `actorDirectory`).
    func actorCounts(inArticleSeqs seqs: [Int64]) throws -> [ActorCount]
    /// The article's actor mentions and the ranges of its attributed quotes.
    func highlights(ofArticle id: String) throws -> (mentions: [MentionSpan], quotes: [TextRange])
    /// Every event in corpus order with its participants and article lists, but without its
    /// `mentions` (the largest part of an event, needed only by the comparison).
    func eventList() throws -> [Event]
    /// One complete event.
    func event(id: String) throws -> Event?
    /// The article's primary event: the recorded one, else the first event listing the article.
    func primaryEventID(ofArticle id: String) throws -> String?
    /// The part of the corpus an event's comparison reads: the event's articles in corpus order and
    /// the actors restricted to their mentions and quotes in those articles.
    func comparisonCorpus(ofEvent event: Event) throws -> Corpus
    /// Warnings recorded for the indexed files.
    func storedWarnings() throws -> [String]
}

extension SQLiteCorpusStore: BrowsingStore {
    public func articleCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
    }

    public func hasArticles() throws -> Bool {
        try writer.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM article)") ?? false }
    }

    public func browseRows() throws -> [BrowseRow] {
        try writer.read { db in
            var out: [BrowseRow] = []
            out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0)
            // The path only where there is no outlet: most rows then carry one short string. No
            // ORDER BY: sorting the join in SQL took twice as long as the join (the caller sorts
            // integers instead).
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.seq, coalesce(a.outlet, a.path), a.outlet IS NULL,
                    CAST(replace(a.published, '-', '') AS INTEGER), a.file_position * 4294967296 + a.position
                FROM article a
                """)
            var interned: [String: String] = [:]
            while let r = try rows.next() {
                var outlet: String = r[1]
                if r[2] as Bool { outlet = (outlet as NSString).lastPathComponent }
                // One string per outlet rather than one per article.
                if let s = interned[outlet] { outlet = s } else { interned[outlet] = outlet }
                let day: Int64? = r[3]
                out.append(BrowseRow(seq: r[0], outlet: outlet, day: day.map { Int32(truncatingIfNeeded: $0) },
                                     corpusOrder: r[4]))
            }
            return out
        }
    }

    public func article(seq: Int64) throws -> Article? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT \(Self.articleColumns) FROM article a JOIN article_text t ON t.seq = a.seq WHERE a.seq = ?
                """, arguments: [seq]).map(Self.article(from:))
        }
    }

    public func listLines(seqs: [Int64]) throws -> [Int64: (id: String, day: Day?, outlet: String, title: String)] {
        guard !seqs.isEmpty else { return [:] }
        let list = "[" + seqs.map(String.init).joined(separator: ",") + "]"
        return try writer.read { db in
            var out: [Int64: (id: String, day: Day?, outlet: String, title: String)] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, published, outlet, title, path, id FROM article WHERE seq IN (SELECT value FROM json_each(?))
                """, arguments: [list])
            while let r = try rows.next() {
                let path: String = r[4]
                let file = (path as NSString).lastPathComponent
                let day: String? = r[1]
                out[r[0]] = (r[5], day.flatMap(Day.init(iso:)), r[2] ?? file, r[3] ?? file)
            }
            return out
        }
    }

    public func seq(ofArticle id: String) throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT seq FROM article WHERE id = ?", arguments: [id]) }
    }

    public func actorCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM actor") ?? 0 }
    }

    public func actor(id: String) throws -> Actor? {
        try writer.read { db in try loadActor(id, articles: nil, db: db) }
    }

    public func actorCard(id: String) throws -> Actor? {
        try writer.read { db in try loadActor(id, articles: nil, withMentions: false, db: db) }
    }

    /// A JSON array of strings, for `json_each`: a set of any size as one statement argument.
    static func jsonList(_ items: [String]) -> String {
        let data = (try? JSONEncoder().encode(items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The actor; with `articles` (a `jsonList`), only its mentions, roles and quotes in those articles,
    /// read through the (actor, article) indexes rather than all of them, and in article order then
    /// their order in the article (the order within each article is what the comparison reads; the
    /// runs that give the corpus order can be as long as the corpus).
    private func loadActor(_ id: String, articles: String?, withMentions: Bool = true, db: Database) throws -> Actor? {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT id, name, kind, affiliation, is_source, mention_runs, role_runs, quote_runs FROM actor WHERE id = ?
            """, arguments: [id]) else { return nil }
        let restrict = articles == nil ? "" : " AND article_id IN (SELECT value FROM json_each(?))"
        var args: StatementArguments = [id]
        if let articles { args += [articles] }
        let aliases = try String.fetchAll(db, sql: """
            SELECT alias FROM actor_alias WHERE actor_id = ? AND position > 0 ORDER BY position
            """, arguments: [id])
        let order = articles == nil ? "" : " ORDER BY article_id, position"
        func arrange<T>(_ items: [(String, Int, T)], runs: String?) -> [T] {
            articles == nil ? Runs.arrange(items, runs: runs) : items.map(\.2)
        }
        var mentions: [(String, Int, Mention)] = []
        for m in try !withMentions ? [] : Row.fetchAll(db, sql: """
            SELECT article_id, position, range_start, range_end, surface FROM mention WHERE actor_id = ?\(restrict)\(order)
            """, arguments: args) {
            let art: String = m[0]
            mentions.append((art, m[1], Mention(articleID: art, range: TextRange(start: m[2], end: m[3]), surface: m[4])))
        }
        var roles: [(String, Int, RoleMention)] = []
        for m in try Row.fetchAll(db, sql: "SELECT article_id, position, role FROM actor_role WHERE actor_id = ?\(restrict)\(order)",
                                  arguments: args) {
            let art: String = m[0]
            roles.append((art, m[1], RoleMention(articleID: art, role: m[2])))
        }
        var quotes: [(String, Int, Quote)] = []
        for m in try !withMentions ? [] : Row.fetchAll(db, sql: """
            SELECT article_id, position, text, range_start, range_end, speaker, speaker_label FROM quote
            WHERE actor_id = ?\(restrict)\(order)
            """, arguments: args) {
            let art: String = m[0]
            quotes.append((art, m[1], Quote(articleID: art, text: m[2], range: TextRange(start: m[3], end: m[4]),
                                            speaker: m[5], speakerLabel: m[6])))
        }
        let kind: String = r[2]
        let name: String = r[1]
        let actorKind = ActorKind(rawValue: kind) ?? .person
        let ms = arrange(mentions, runs: r[5])
        return Actor(id: id, name: name, kind: actorKind, aliases: aliases,
                     affiliation: r[3], roles: arrange(roles, runs: r[6]),
                     mentions: ms, quotes: arrange(quotes, runs: r[7]),
                     isSource: r[4], shortName: ActorAnalysis.shortName(of: name, kind: actorKind, mentions: ms))
    }

    public func actorDirectory() throws -> [ActorEntry] {
        try writer.read { db in
            var aliases: [String: [String]] = [:]
            let ac = try Row.fetchCursor(db, sql: """
                SELECT actor_id, alias FROM actor_alias WHERE position > 0 ORDER BY actor_id, position
                """)
            while let r = try ac.next() { aliases[r[0], default: []].append(r[1]) }
            // The counts are kept in the actor rows (written with them): one row per actor, no pass
            // over the mentions (at 20,000 articles of 50 people each, two million of them).
            return try Row.fetchAll(db, sql: """
                SELECT id, name, kind, position, is_source, mention_count, article_count FROM actor ORDER BY position
                """)
                .enumerated().map { i, r in
                    let id: String = r[0]
                    let kind: String = r[2]
                    return ActorEntry(id: id, name: r[1], kind: ActorKind(rawValue: kind) ?? .person, position: i,
                                      aliases: aliases[id] ?? [], mentions: r[5], articles: r[6], isSource: r[4])
                }
        }
    }

    /// Every actor in corpus order as `actors --json` prints it: with its roles and quotes in corpus
    /// order but without its mentions (`mentions` empty), which only count there: their number and
    /// their articles in order come from the actor row (the count and the mention runs), so that no
    /// mention row is read.
    public func actorListings() throws -> [ActorListing] {
        try writer.read { db in
            var aliases: [String: [String]] = [:]
            let ac = try Row.fetchCursor(db, sql: """
                SELECT actor_id, alias FROM actor_alias WHERE position > 0 ORDER BY actor_id, position
                """)
            while let r = try ac.next() { aliases[r[0], default: []].append(r[1]) }
            var roles: [String: [(String, Int, RoleMention)]] = [:]
            let rc = try Row.fetchCursor(db, sql: "SELECT actor_id, article_id, position, role FROM actor_role")
            while let r = try rc.next() {
                let art: String = r[1]
                roles[r[0], default: []].append((art, r[2], RoleMention(articleID: art, role: r[3])))
            }
            var quotes: [String: [(String, Int, Quote)]] = [:]
            let qc = try Row.fetchCursor(db, sql: """
                SELECT actor_id, article_id, position, text, range_start, range_end, speaker, speaker_label FROM quote
                """)
            while let r = try qc.next() {
                let art: String = r[1]
                quotes[r[0], default: []].append((art, r[2], Quote(
                    articleID: art, text: r[3], range: TextRange(start: r[4], end: r[5]), speaker: r[6], speakerLabel: r[7])))
            }
            var out: [ActorListing] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT id, name, kind, affiliation, is_source, mention_runs, role_runs, quote_runs, mention_count, short_name
                FROM actor ORDER BY position
                """)
            while let r = try cursor.next() {
                let id: String = r[0]
                let name: String = r[1]
                let kind: String = r[2]
                let actor = Actor(id: id, name: name, kind: ActorKind(rawValue: kind) ?? .person,
                                  aliases: aliases[id] ?? [], affiliation: r[3],
                                  roles: Runs.arrange(roles[id], runs: r[6]), mentions: [],
                                  quotes: Runs.arrange(quotes[id], runs: r[7]), isSource: r[4],
                                  shortName: r[9] ?? name)
                out.append(ActorListing(actor: actor, mentionCount: r[8], articleIDs: Runs.articles(in: r[5] ?? "")))
            }
            return out
        }
    }

    /// Rows of (actor id, name, kind, position, mentions, articles).
    private func actorCounts(sql: String, arguments: StatementArguments, db: Database) throws -> [ActorCount] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
            let kind: String = r[2]
            return ActorCount(actorID: r[0], name: r[1], kind: ActorKind(rawValue: kind) ?? .person, position: r[3],
                              mentions: r[4], articles: r[5])
        }
    }

    public func actorCounts(inArticle id: String) throws -> [ActorCount] {
        try writer.read { db in
            try actorCounts(sql: """
                SELECT m.actor_id, ac.name, ac.kind, ac.position, count(*), 1 FROM mention m JOIN actor ac ON ac.id = m.actor_id
                WHERE m.article_id = ? GROUP BY m.actor_id
                """, arguments: [id], db: db)
        }
    }

    public func actorCounts(inArticleSeqs seqs: [Int64]) throws -> [ActorCount] {
        try writer.read { db in
            guard !seqs.isEmpty else { return [] }
            // The set goes in as one JSON array: no statement length limit, one prepared statement.
            let list = "[" + seqs.map(String.init).joined(separator: ",") + "]"
            return try actorCounts(sql: """
                SELECT m.actor_id, ac.name, ac.kind, ac.position, count(*), count(DISTINCT m.article_id)
                FROM article a JOIN mention m ON m.article_id = a.id JOIN actor ac ON ac.id = m.actor_id
                WHERE a.seq IN (SELECT value FROM json_each(?)) GROUP BY m.actor_id
                """, arguments: [list], db: db)
        }
    }

    public func highlights(ofArticle id: String) throws -> (mentions: [MentionSpan], quotes: [TextRange]) {
        try writer.read { db in
            let mentions = try Row.fetchAll(db, sql: """
                SELECT m.range_start, m.range_end, ac.kind, m.actor_id FROM mention m JOIN actor ac ON ac.id = m.actor_id
                WHERE m.article_id = ? ORDER BY m.range_start, m.range_end, ac.position, m.position
                """, arguments: [id]).map { r -> MentionSpan in
                let kind: String = r[2]
                return MentionSpan(range: TextRange(start: r[0], end: r[1]), kind: ActorKind(rawValue: kind) ?? .person,
                                   actorID: r[3])
            }
            let quotes = try Row.fetchAll(db, sql: """
                SELECT DISTINCT range_start, range_end FROM quote WHERE article_id = ? ORDER BY range_start, range_end
                """, arguments: [id]).map { TextRange(start: $0[0], end: $0[1]) }
            return (mentions, quotes)
        }
    }

    public func eventList() throws -> [Event] {
        try eventList(withEvidence: true)
    }

    /// `withEvidence` false: without `why` (a JSON object per membership), which only JSON prints.
    public func eventList(withEvidence: Bool) throws -> [Event] {
        try writer.read { db in
            var participants: [String: [String]] = [:]
            let pc = try Row.fetchCursor(db, sql: "SELECT event_id, name FROM event_participant ORDER BY event_id, position")
            while let r = try pc.next() { participants[r[0], default: []].append(r[1]) }
            var members: [String: [String]] = [:]
            var mentioned: [String: [String]] = [:]
            var why: [String: EventEvidence] = [:]
            let decoder = JSONDecoder()
            let lc = try Row.fetchCursor(db, sql: """
                SELECT article_id, event_id, role, evidence FROM article_event WHERE role <> 'primary' ORDER BY event_id, role, position
                """)
            while let r = try lc.next() {
                let role: String = r[2]
                if role == "article" {
                    members[r[1], default: []].append(r[0])
                    if withEvidence, let data: String = r[3],
                       let ev = try? decoder.decode(MembershipEvidence.self, from: Data(data.utf8)) {
                        why[r[1], default: [:]][r[0]] = ev
                    }
                } else { mentioned[r[1], default: []].append(r[0]) }
            }
            return try Row.fetchAll(db, sql: "SELECT id, title, kind, date, place FROM event ORDER BY position").map { r in
                let id: String = r[0]
                let kind: String = r[2]
                let date: String? = r[3]
                return Event(id: id, title: r[1], kind: EventKind(rawValue: kind) ?? .other,
                             date: date.flatMap(Day.init(iso:)), place: r[4], participants: participants[id] ?? [],
                             articles: members[id] ?? [], mentionedBy: mentioned[id] ?? [], why: why[id] ?? [:])
            }
        }
    }

    public func event(id: String) throws -> Event? {
        try writer.read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT id, title, kind, date, place FROM event WHERE id = ?",
                                           arguments: [id]) else { return nil }
            let participants = try String.fetchAll(db, sql: """
                SELECT name FROM event_participant WHERE event_id = ? ORDER BY position
                """, arguments: [id])
            let articles = try String.fetchAll(db, sql: """
                SELECT article_id FROM article_event WHERE event_id = ? AND role = 'article' ORDER BY position
                """, arguments: [id])
            let mentionedBy = try String.fetchAll(db, sql: """
                SELECT article_id FROM article_event WHERE event_id = ? AND role = 'mention' ORDER BY position
                """, arguments: [id])
            let decoder = JSONDecoder()
            var why: EventEvidence = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT article_id, evidence FROM article_event WHERE event_id = ? AND role = 'article' AND evidence IS NOT NULL
                """, arguments: [id]) {
                let data: String = r[1]
                if let ev = try? decoder.decode(MembershipEvidence.self, from: Data(data.utf8)) { why[r[0]] = ev }
            }
            let mentions = try Row.fetchAll(db, sql: """
                SELECT \(EventMentionRows.columns) FROM event_mention WHERE event_id = ? ORDER BY position
                """, arguments: [id]).map { EventMentionRows.mention(from: $0, at: 0) }
            let kind: String = r[2]
            let date: String? = r[3]
            return Event(id: id, title: r[1], kind: EventKind(rawValue: kind) ?? .other,
                         date: date.flatMap(Day.init(iso:)), place: r[4], participants: participants,
                         articles: articles, mentionedBy: mentionedBy, mentions: mentions, why: why)
        }
    }

    public func primaryEventID(ofArticle id: String) throws -> String? {
        try writer.read { db in
            if let e = try String.fetchOne(db, sql: """
                SELECT event_id FROM article_event WHERE article_id = ? AND role = 'primary' LIMIT 1
                """, arguments: [id]) { return e }
            return try String.fetchOne(db, sql: """
                SELECT l.event_id FROM article_event l JOIN event e ON e.id = l.event_id
                WHERE l.article_id = ? AND l.role = 'article' ORDER BY e.position LIMIT 1
                """, arguments: [id])
        }
    }

    public func comparisonCorpus(ofEvent event: Event) throws -> Corpus {
        let ids = Set(event.articles)
        let articles = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.articleColumns) FROM source_file f JOIN article a ON a.file_path = f.path
                JOIN article_text t ON t.seq = a.seq
                WHERE a.id IN (SELECT article_id FROM article_event WHERE event_id = ? AND role = 'article')
                ORDER BY f.position, a.position
                """, arguments: [event.id]).map(Self.article(from:))
        }.filter { ids.contains($0.id) }
        // The comparison reads only these articles' mentions and quotes, and whether the corpus has
        // actors at all: the actors of these articles, restricted to them, answer the same.
        let list = Self.jsonList(articles.map(\.id))
        let actors = try writer.read { db in try self.actors(inArticles: list, db: db) }
        return Corpus(articles: articles, actors: actors, events: [event])
    }

    /// The actors named or quoted in these articles (a `jsonList`), restricted to their mentions, roles
    /// and quotes there, in corpus order; the corpus's first actor (restricted to nothing) when none
    /// is, so that "the corpus has actors" stays true.
    func actors(inArticles list: String, db: Database) throws -> [Actor] {
        var ids = try String.fetchAll(db, sql: """
            SELECT id FROM actor WHERE id IN (
                SELECT actor_id FROM mention WHERE article_id IN (SELECT value FROM json_each(?))
                UNION SELECT actor_id FROM quote WHERE article_id IN (SELECT value FROM json_each(?)))
            ORDER BY position
            """, arguments: [list, list])
        if ids.isEmpty { ids = try String.fetchAll(db, sql: "SELECT id FROM actor ORDER BY position LIMIT 1") }
        return try ids.compactMap { try loadActor($0, articles: list, db: db) }
    }

    public func storedWarnings() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT warnings FROM source_file WHERE warnings <> '' ORDER BY path")
                .flatMap { $0.components(separatedBy: "\n") }
        }
    }
}
