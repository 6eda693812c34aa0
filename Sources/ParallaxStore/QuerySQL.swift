import Foundation
import GRDB
import ParallaxCore

/// The typed query (`ArticleQuery`) as parameterised SQL over `article a`: AND, OR and NOT become
/// SQL's, each term a condition on the article row or a subquery on an indexed table (words through
/// FTS5). Names are resolved with `QueryMatch` over what the index holds, as the in-memory corpus
/// resolves them over its model, so both answer alike (the conformance tests compare them).
struct QuerySQL {
    var sql: String
    var arguments: [(any DatabaseValueConvertible)?]

    /// What the names of a query are resolved against, read once per statement when first needed.
    final class Names {
        let db: Database
        init(_ db: Database) {
            self.db = db
        }

        /// Outlets by their lookup key (`LookupKey.fold`, which `Fold.text` folds as it folds the name):
        /// an index-only scan of `article_outlet`.
        lazy var outletKeys: [String] = (try? String.fetchAll(db, sql: "SELECT DISTINCT outlet_key FROM article WHERE outlet_key IS NOT NULL")) ?? []
        /// Articles without an outlet are known by their file name.
        lazy var unnamed: [(seq: Int64, file: String)] = ((try? Row.fetchAll(db, sql: "SELECT seq, path FROM article WHERE outlet_key IS NULL")) ?? [])
            .map { r in
                let path: String = r[1]
                return (r[0], (path as NSString).lastPathComponent)
            }
        lazy var events: [(id: String, kind: String)] = ((try? Row.fetchAll(db, sql: "SELECT id, kind FROM event ORDER BY position")) ?? [])
            .map { ($0[0], $0[1]) }
    }

    /// A JSON array, for `json_each`: a set of any size as one argument.
    static func list(_ items: [String]) -> String {
        let data = (try? JSONEncoder().encode(items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The FTS5 expression of a text term: its words as a phrase, the last one a prefix if so typed.
    /// The words are `Fold.words` (letters and digits only), so nothing in them is FTS syntax.
    static func pattern(_ t: TextTerm) -> String {
        "\"" + t.words.joined(separator: " ") + "\"" + (t.prefix ? " *" : "")
    }

    static func compile(_ node: QueryNode, names: Names) -> QuerySQL {
        switch node {
        case .and(let xs):
            if xs.isEmpty { return QuerySQL(sql: "1", arguments: []) }
            let parts = xs.map { compile($0, names: names) }
            return QuerySQL(sql: "(" + parts.map(\.sql).joined(separator: " AND ") + ")", arguments: parts.flatMap(\.arguments))
        case .or(let xs):
            if xs.isEmpty { return QuerySQL(sql: "0", arguments: []) }
            let parts = xs.map { compile($0, names: names) }
            return QuerySQL(sql: "(" + parts.map(\.sql).joined(separator: " OR ") + ")", arguments: parts.flatMap(\.arguments))
        case .not(let x):
            let inner = compile(x, names: names)
            return QuerySQL(sql: "(NOT " + inner.sql + ")", arguments: inner.arguments)
        case .text(let t):
            guard !t.words.isEmpty else { return QuerySQL(sql: "0", arguments: []) }
            return QuerySQL(sql: "a.seq IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)", arguments: [pattern(t)])
        case .actor(let v):
            let ids = ((try? NameLookup.actorIDs(v, db: names.db)) ?? []).sorted()
            return QuerySQL(sql: """
                a.id IN (SELECT m.article_id FROM mention m WHERE m.actor_id IN (SELECT value FROM json_each(?)))
                """, arguments: [list(ids)])
        case .outlet(let v):
            let keys = names.outletKeys.filter { QueryMatch.outlet(v, matches: $0) }
            let unnamed = names.unnamed.filter { QueryMatch.outlet(v, matches: $0.file) }.map { String($0.seq) }
            return QuerySQL(sql: """
                ((a.outlet_key IS NOT NULL AND a.outlet_key IN (SELECT value FROM json_each(?))) OR a.seq IN (SELECT value FROM json_each(?)))
                """, arguments: [list(keys), "[" + unnamed.joined(separator: ",") + "]"])
        case .event(let v):
            let ids = QueryMatch.eventIDs(v, ids: names.events.map(\.id)).sorted()
            return linked(toEvents: ids)
        case .kind(let k):
            return linked(toEvents: names.events.filter { $0.kind == k.rawValue }.map(\.id))
        case .date(let r):
            var sql = "a.published IS NOT NULL"
            var args: [(any DatabaseValueConvertible)?] = []
            if let f = r.from { sql += " AND a.published >= ?"; args.append(f.description) }
            if let t = r.to { sql += " AND a.published <= ?"; args.append(t.description) }
            return QuerySQL(sql: "(" + sql + ")", arguments: args)
        case .undated:
            return QuerySQL(sql: "a.published IS NULL", arguments: [])
        case .tag(let t):
            return QuerySQL(sql: "a.id IN (SELECT article_id FROM user_data WHERE kind = 'tag' AND key = ?)",
                            arguments: [UserData.tagKey(t)])
        case .marked:
            return QuerySQL(sql: "a.id IN (SELECT article_id FROM user_data WHERE kind = 'mark')", arguments: [])
        case .unread:
            return QuerySQL(sql: "a.id NOT IN (SELECT article_id FROM user_data WHERE kind = 'read')", arguments: [])
        case .hasQuote:
            return QuerySQL(sql: "a.id IN (SELECT article_id FROM article_quote)", arguments: [])
        }
    }

    static func linked(toEvents ids: [String]) -> QuerySQL {
        QuerySQL(sql: "a.id IN (SELECT l.article_id FROM article_event l WHERE l.event_id IN (SELECT value FROM json_each(?)))",
                 arguments: [list(ids)])
    }

    /// The words every match must contain (`QueryNode.requiredTextTerms`), as one FTS5 expression.
    /// Joining `article_fts` on them ranks and snippets the matches without changing which match.
    static func requiredText(_ root: QueryNode) -> String? {
        let terms = root.requiredTextTerms
        return terms.isEmpty ? nil : terms.map(pattern).joined(separator: " AND ")
    }
}

/// Display order of the browse list: newest first, undated last, then corpus order.
let displayOrderSQL = "(a.published IS NULL), a.published DESC, a.file_position, a.position"

extension SQLiteCorpusStore {
    /// Row numbers of the articles the query finds, in display order (newest first, undated last).
    public func articleSeqs(matching query: ArticleQuery, ordered: Bool = true) throws -> [Int64] {
        try writer.read { db in
            let c = QuerySQL.compile(query.root, names: QuerySQL.Names(db))
            var sql = "SELECT a.seq FROM article a WHERE \(c.sql)" + (ordered ? " ORDER BY \(displayOrderSQL)" : "")
            var args = c.arguments
            if let limit = query.limit {
                sql += " LIMIT ?"
                args.append(limit)
            }
            return try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        }
    }

    /// Ids of the articles the query finds, in display order: what the conformance tests compare.
    public func articleIDs(matching query: ArticleQuery) throws -> [String] {
        try writer.read { db in
            let c = QuerySQL.compile(query.root, names: QuerySQL.Names(db))
            return try String.fetchAll(db, sql: "SELECT a.id FROM article a WHERE \(c.sql) ORDER BY \(displayOrderSQL)",
                                       arguments: StatementArguments(c.arguments))
        }
    }

    /// How many undated articles the query's date ranges left out (see `QueryIndex.undatedLeftOut`).
    public func undatedLeftOut(_ query: ArticleQuery) throws -> Int {
        guard query.root.hasDateRange else { return 0 }
        return try writer.read { db in
            let names = QuerySQL.Names(db)
            let with = QuerySQL.compile(query.root, names: names)
            let without = QuerySQL.compile(query.root.ignoringDateRanges, names: names)
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM article a WHERE a.published IS NULL AND \(without.sql) AND NOT \(with.sql)
                """, arguments: StatementArguments(without.arguments + with.arguments)) ?? 0
        }
    }

    // MARK: - User data

    /// Marks, tags and read state. They live in `user_data`, which no index update, rebuild or
    /// re-analysis deletes from (rows are keyed by article id, which is stable).
    public func userData() throws -> UserData {
        try writer.read { db in
            var u = UserData()
            for r in try Row.fetchAll(db, sql: "SELECT article_id, kind, value FROM user_data ORDER BY rowid") {
                let id: String = r[0]
                let kind: String = r[1]
                switch kind {
                case "mark": u.marked.insert(id)
                case "read": u.read.insert(id)
                case "tag": u.tags[id, default: []].append(r[2])
                default: break
                }
            }
            return u
        }
    }

    public func apply(_ change: UserDataChange) throws {
        try writer.write { db in
            func set(_ ids: [String], kind: String, key: String, value: String, on: Bool) throws {
                let ins = try db.cachedStatement(sql: """
                    INSERT INTO user_data (article_id, kind, key, value, at) VALUES (?, ?, ?, ?, datetime('now'))
                    ON CONFLICT(article_id, kind, key) DO UPDATE SET value = excluded.value
                    """)
                let del = try db.cachedStatement(sql: "DELETE FROM user_data WHERE article_id = ? AND kind = ? AND key = ?")
                for id in ids {
                    if on { try ins.execute(arguments: [id, kind, key, value]) } else { try del.execute(arguments: [id, kind, key]) }
                }
            }
            switch change {
            case .mark(let ids, let on): try set(ids, kind: "mark", key: "", value: "", on: on)
            case .read(let ids, let on): try set(ids, kind: "read", key: "", value: "", on: on)
            case .tag(let ids, let tag, let on):
                let key = UserData.tagKey(tag)
                guard !key.isEmpty else { return }
                try set(ids, kind: "tag", key: key, value: tag.trimmingCharacters(in: .whitespaces), on: on)
            }
        }
    }
}

extension SQLiteCorpusStore {
    /// Drops every indexed file and all that was derived from it, so that the next update reads every
    /// file again (`parallax index --rebuild`). The user data stays: it is not derived from the files.
    public func discardIndexedFiles() throws {
        try removeFiles(Array(try fileStates().keys))
    }

    /// Article ids equal to `part` or starting with it (what a user types from `parallax articles`).
    public func articleIDs(startingWith part: String) throws -> [String] {
        try writer.read { db in
            if let exact = try String.fetchOne(db, sql: "SELECT id FROM article WHERE id = ?", arguments: [part]) {
                return [exact]
            }
            return try String.fetchAll(db, sql: "SELECT id FROM article WHERE substr(id, 1, length(?)) = ? ORDER BY id",
                                       arguments: [part, part])
        }
    }
}
