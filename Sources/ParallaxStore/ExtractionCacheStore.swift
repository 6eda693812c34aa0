import Foundation
import GRDB
import ParallaxCore

/// A store that keeps the per-article extractions of the analysis (`ArticleExtraction`), so that an
/// update re-extracts only new and changed articles and loads only their texts. Separate from
/// `CorpusStore` so that a store without it still works (the indexer then analyses everything).
public protocol ExtractionCacheStore: CorpusStore {
    /// The version the cached extractions were computed with (nil: none yet).
    func extractionVersion() throws -> String?
    /// The articles as `loadArticlesForAnalysis` returns them, with empty bodies and without what the
    /// analysis does not read (raw text, removed lines, credited sources).
    func loadArticleMetadataForAnalysis() throws -> [Article]
    /// Cached extractions by article id; empty when they were computed with another version.
    func loadExtractions(version: String) throws -> [String: ArticleExtraction]
    /// Clean texts by article id.
    func loadBodies(ids: [String]) throws -> [String: String]
    /// Stores new and changed extractions; a new version first drops every cached one.
    func saveExtractions(_ items: [ArticleExtraction], version: String) throws
}

extension SQLiteCorpusStore: ExtractionCacheStore {
    public func extractionVersion() throws -> String? {
        try writer.read { db in try meta("extract_version", db: db) }
    }

    /// Only what the analysis reads of an article besides its text (id, title, the dates as read) and
    /// what identifies it: decoding the removed lines (JSON) of every article cost more than the rest.
    public func loadArticleMetadataForAnalysis() throws -> [Article] {
        try writer.read { db in
            var out: [Article] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT a.id, a.path, a.format, a.title, a.outlet, a.outlet_source, a.read_published,
                    a.read_published_source, a.read_published_confidence, a.url, a.partial_date
                FROM source_file f JOIN article a ON a.file_path = f.path
                ORDER BY f.position, a.position
                """)
            while let row = try cursor.next() {
                let published = SQLiteCorpusStore.dated(row, at: 6)
                let format: String = row[2]
                let outletSource: String = row[5]
                var article = Article(id: row[0], path: row[1], format: SourceFormat(rawValue: format) ?? .text,
                                      rawText: "", body: "", title: row[3], outlet: row[4],
                                      outletSource: MetadataSource(rawValue: outletSource) ?? .none,
                                      published: published, url: row[9], sources: [], removed: [], truncated: false)
                // As `loadArticles`: kept until a date resolves it.
                if published == nil, let json: String = row[10] {
                    article.partialDate = try? JSONDecoder().decode(DateMention.self, from: Data(json.utf8))
                }
                out.append(article)
            }
            return out
        }
    }

    public func loadExtractions(version: String) throws -> [String: ArticleExtraction] {
        let rows: [(String, [UInt8], [UInt8]?)] = try writer.read { db in
            guard try meta("extract_version", db: db) == version else { return [] }
            var out: [(String, [UInt8], [UInt8]?)] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT a.id, x.base, x.events FROM article_extract x JOIN article a ON a.seq = x.seq
                """)
            while let r = try cursor.next() {
                let base: Data = r[1]
                let events: Data? = r[2]
                out.append((r[0], [UInt8](base), events.map { [UInt8]($0) }))
            }
            return out
        }
        // Decoding is most of the cost of a warm update: on all cores.
        let decoded = ConcurrentMap.map(rows) { row in
            ArticleExtraction(articleID: row.0, base: row.1, events: row.2)
        }
        var out: [String: ArticleExtraction] = [:]
        out.reserveCapacity(decoded.count)
        for case let e? in decoded { out[e.articleID] = e }
        return out
    }

    public func loadBodies(ids: [String]) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return try writer.read { db in
            var out: [String: String] = [:]
            out.reserveCapacity(ids.count)
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
            if ids.count * 4 > total {
                // Most of the corpus (a first build): one scan.
                let wanted = Set(ids)
                let cursor = try Row.fetchCursor(db, sql: "SELECT a.id, t.body FROM article a JOIN article_text t ON t.seq = a.seq")
                while let r = try cursor.next() {
                    let id: String = r[0]
                    if wanted.contains(id) { out[id] = r[1] }
                }
                return out
            }
            let stmt = try db.cachedStatement(sql: """
                SELECT t.body FROM article a JOIN article_text t ON t.seq = a.seq WHERE a.id = ?
                """)
            for id in ids {
                if let body = try String.fetchOne(stmt, arguments: [id]) { out[id] = body }
            }
            return out
        }
    }

    public func saveExtractions(_ items: [ArticleExtraction], version: String) throws {
        // In short transactions, as the analysis rows: a first build's extractions in one would hold
        // the write lock for seconds. A version change drops the old rows in the first. Each slice is
        // encoded (on all cores) just before its transaction, not the whole corpus at once: a first
        // build's encoded extractions were hundreds of megabytes at the peak.
        var offset = 0
        repeat {
            let slice = ConcurrentMap.map(Array(items[offset..<min(offset + rowsPerTransaction, items.count)])) { e in
                (e.articleID, Data(e.encodedBase()), Data(e.encodedEvents()))
            }
            offset += rowsPerTransaction
            try writer.write { db in
                if try meta("extract_version", db: db) != version {
                    try db.execute(sql: "DELETE FROM article_extract")
                    try setMeta("extract_version", version, db: db)
                }
                let stmt = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO article_extract (seq, base, events) SELECT seq, ?, ? FROM article WHERE id = ?
                    """)
                for (id, base, events) in slice {
                    try stmt.execute(arguments: [base, events, id])
                }
            }
        } while offset < items.count
    }
}

/// Identifies the running executable by size and modification time, so that a cache of extraction
/// results written by another build of parallax is not trusted (a rebuilt extractor may find other
/// things in the same text even when nobody bumped `ArticleExtraction.codeVersion`).
enum ExecutableStamp {
    static let current: String = {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        #endif
        guard let st = FileStat(path: path) else { return "unknown" }
        return "\(st.size).\(st.mtimeNS)"
    }()
}
