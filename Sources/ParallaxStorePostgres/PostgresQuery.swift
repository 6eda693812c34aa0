import Foundation
import ParallaxCore
import ParallaxStore
import PostgresNIO

/// The typed query (`ArticleQuery`) as one parameterised condition over `article a`, as `QuerySQL`
/// makes it for SQLite: words through the GIN-indexed `tsvector`s, names resolved with `QueryMatch`
/// over what the store holds (as the in-memory corpus and SQLite resolve them).
struct PostgresCondition {
    var sql = ""
    var binds = PostgresBindings()

    /// Appends a parameter and returns its placeholder.
    mutating func bind<T: PostgresEncodable & PostgresNonThrowingEncodable>(_ value: T) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    /// What the names of a query are resolved against, read once per query when first needed.
    final class Names {
        let tx: PostgresSession.Transaction
        init(_ tx: PostgresSession.Transaction) { self.tx = tx }
        lazy var actors: [ActorNames] = ((try? tx.query("SELECT id, names FROM actor ORDER BY position")) ?? []).compactMap { r in
            guard let id = try? r.at(0, String.self), let names = try? r.at(1, [String].self) else { return nil }
            return ActorNames(id: id, names: names)
        }
        lazy var outlets: [String] = ((try? tx.query("SELECT DISTINCT outlet FROM article WHERE outlet IS NOT NULL")) ?? [])
            .compactMap { try? $0.at(0, String.self) }
        /// Articles without an outlet are known by their file name.
        lazy var unnamed: [(seq: Int64, file: String)] = ((try? tx.query("SELECT seq, path FROM article WHERE outlet IS NULL")) ?? [])
            .compactMap { r in
                guard let seq = try? r.at(0, Int64.self), let path = try? r.at(1, String.self) else { return nil }
                return (seq, (path as NSString).lastPathComponent)
            }
        lazy var events: [(id: String, kind: String)] = ((try? tx.query("SELECT id, kind FROM event ORDER BY position")) ?? [])
            .compactMap { r in
                guard let id = try? r.at(0, String.self), let kind = try? r.at(1, String.self) else { return nil }
                return (id, kind)
            }
    }

    /// Appends the condition of `node` to `sql`.
    mutating func compile(_ node: QueryNode, names: Names) {
        func join(_ xs: [QueryNode], _ op: String, empty: String) {
            if xs.isEmpty { sql += empty; return }
            sql += "("
            for (i, x) in xs.enumerated() {
                if i > 0 { sql += " \(op) " }
                compile(x, names: names)
            }
            sql += ")"
        }
        switch node {
        case .and(let xs): join(xs, "AND", empty: "true")
        case .or(let xs): join(xs, "OR", empty: "false")
        case .not(let x):
            sql += "(NOT "
            compile(x, names: names)
            sql += ")"
        case .text(let t):
            guard !t.words.isEmpty else { sql += "false"; return }
            let q = bind(TSVector.query(t))
            // Title or body, each on its own: a phrase does not run from the title into the body (FTS5's
            // phrases stay within one column too).
            sql += "(a.title_words @@ \(q)::tsquery OR a.body_words @@ \(q)::tsquery)"
        case .actor(let v):
            let ids = QueryMatch.actorIDs(v, actors: names.actors).sorted()
            sql += "a.id IN (SELECT article_id FROM article_actor WHERE actor_id = ANY(\(bind(ids))))"
        case .outlet(let v):
            let outlets = names.outlets.filter { QueryMatch.outlet(v, matches: $0) }
            let unnamed = names.unnamed.filter { QueryMatch.outlet(v, matches: $0.file) }.map(\.seq)
            sql += "(a.outlet = ANY(\(bind(outlets))) OR a.seq = ANY(\(bind(unnamed))))"
        case .event(let v):
            linked(toEvents: QueryMatch.eventIDs(v, ids: names.events.map(\.id)).sorted())
        case .kind(let k):
            linked(toEvents: names.events.filter { $0.kind == k.rawValue }.map(\.id))
        case .date(let r):
            sql += "(a.published IS NOT NULL"
            if let f = r.from { sql += " AND a.published COLLATE \"C\" >= \(bind(f.description))" }
            if let t = r.to { sql += " AND a.published COLLATE \"C\" <= \(bind(t.description))" }
            sql += ")"
        case .undated:
            sql += "a.published IS NULL"
        case .tag(let t):
            sql += "a.id IN (SELECT article_id FROM user_data WHERE kind = 'tag' AND key = \(bind(UserData.tagKey(t))))"
        case .marked:
            sql += "a.id IN (SELECT article_id FROM user_data WHERE kind = 'mark')"
        case .unread:
            sql += "a.id NOT IN (SELECT article_id FROM user_data WHERE kind = 'read')"
        case .hasQuote:
            sql += "a.has_quote"
        }
    }

    private mutating func linked(toEvents ids: [String]) {
        sql += "a.id IN (SELECT article_id FROM article_event WHERE event_id = ANY(\(bind(ids))))"
    }

    /// The words every match must contain (`QueryNode.requiredTextTerms`) as one tsquery: what ranks
    /// the matches.
    static func requiredText(_ root: QueryNode) -> String? {
        let terms = root.requiredTextTerms
        return terms.isEmpty ? nil : terms.map { "(" + TSVector.query($0) + ")" }.joined(separator: " & ")
    }
}

/// Display order of the browse list: newest first, undated last, then corpus order.
let postgresDisplayOrder = "(a.published IS NULL), a.published COLLATE \"C\" DESC, a.file_position, a.position"

extension PostgresCorpusStore {
    /// Above this many matches a search is listed in corpus order rather than ranked (as SQLite's).
    public static let rankedMatchLimit = SQLiteCorpusStore.rankedMatchLimit

    /// Article rows the query finds: ranked by `ts_rank` (titles weighing 4×, as SQLite's bm25 weighs
    /// them) when the query requires words, else in corpus order.
    public func summaries(_ query: ArticleQuery) throws -> [ArticleSummary] {
        try session.transaction(writing: false) { tx in
            var c = PostgresCondition()
            c.sql = "SELECT a.id, a.path, a.title, a.outlet, a.published, a.published_source, a.words, a.primary_event FROM article a WHERE "
            c.compile(query.root, names: PostgresCondition.Names(tx))
            var order = "a.file_position, a.position"
            if let pattern = PostgresCondition.requiredText(query.root) {
                var count = PostgresBindings()
                count.append(pattern)
                count.append(Self.rankedMatchLimit + 1)
                let n = try tx.query("""
                    SELECT count(*) FROM (SELECT 1 FROM article a WHERE a.title_words @@ $1::tsquery OR a.body_words @@ $1::tsquery LIMIT $2) m
                    """, count).first?.at(0, Int.self) ?? 0
                if n <= Self.rankedMatchLimit {
                    let q = c.bind(pattern)
                    order = "4 * ts_rank(a.title_words, \(q)::tsquery) + ts_rank(a.body_words, \(q)::tsquery) DESC, a.seq"
                } else {
                    order = "a.seq"
                }
            }
            c.sql += " ORDER BY \(order)"
            if let limit = query.limit { c.sql += " LIMIT \(c.bind(limit))" }
            return try tx.query(c.sql, c.binds).map { r in
                ArticleSummary(id: try r.at(0), path: try r.at(1), title: try r.at(2), outlet: try r.at(3),
                               published: try r.at(4, String?.self).flatMap(Day.init(iso:)),
                               publishedSource: try r.at(5, String?.self).flatMap(MetadataSource.init(rawValue:)) ?? .none,
                               words: try r.at(6), event: try r.at(7))
            }
        }
    }

    /// Ids of the articles the query finds, in display order (newest first, undated last).
    public func articleIDs(matching query: ArticleQuery) throws -> [String] {
        try session.transaction(writing: false) { tx in
            var c = PostgresCondition()
            c.sql = "SELECT a.id FROM article a WHERE "
            c.compile(query.root, names: PostgresCondition.Names(tx))
            c.sql += " ORDER BY \(postgresDisplayOrder)"
            if let limit = query.limit { c.sql += " LIMIT \(c.bind(limit))" }
            return try tx.query(c.sql, c.binds).map { try $0.at(0, String.self) }
        }
    }

    /// How many undated articles the query's date ranges left out.
    public func undatedLeftOut(_ query: ArticleQuery) throws -> Int {
        guard query.root.hasDateRange else { return 0 }
        return try session.transaction(writing: false) { tx in
            let names = PostgresCondition.Names(tx)
            var c = PostgresCondition()
            c.sql = "SELECT count(*) FROM article a WHERE a.published IS NULL AND "
            c.compile(query.root.ignoringDateRanges, names: names)
            c.sql += " AND NOT "
            c.compile(query.root, names: names)
            return try tx.query(c.sql, c.binds).first?.at(0, Int.self) ?? 0
        }
    }
}
