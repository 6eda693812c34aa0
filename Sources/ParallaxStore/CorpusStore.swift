import Foundation
import ParallaxCore

/// What the index remembers of one source file, to tell on the next open whether it must be read again.
public struct FileState: Sendable, Equatable, Hashable {
    /// The file path as the loader found it.
    public var path: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtimeNS: Int64
    /// A 64-bit content hash (hex) of the file's bytes; decides when size or mtime changed but content did not.
    public var hash: String
    /// Warnings the loader gave for this file, replayed on later opens without re-reading it.
    public var warnings: [String]
    /// `ListedFile.metaKey` when it was read: out-of-file metadata (a manifest entry).
    public var metaKey: String
    /// Place in the corpus listing: articles come back in this order.
    public var position: Int

    public init(path: String, size: Int64, mtimeNS: Int64, hash: String, warnings: [String] = [],
                metaKey: String = "", position: Int = 0) {
        self.path = path
        self.size = size
        self.mtimeNS = mtimeNS
        self.hash = hash
        self.warnings = warnings
        self.metaKey = metaKey
        self.position = position
    }
}

/// One file's fresh content for the index: its state and the articles read from it, in file order.
public struct FileBatchItem: Sendable {
    public var state: FileState
    public var articles: [Article]
    public init(state: FileState, articles: [Article]) {
        self.state = state
        self.articles = articles
    }
}

/// The row of an article list: enough to draw it without loading the text.
public struct ArticleSummary: Sendable, Equatable {
    public var id: String
    public var path: String
    public var title: String?
    public var outlet: String?
    public var published: Day?
    public var publishedSource: MetadataSource
    public var words: Int
    /// The primary event's id, if any.
    public var event: String?
    /// For a text search: a short excerpt around the match, with `[` `]` around matched tokens
    /// (for the first `SQLiteCorpusStore.snippetRows` results).
    public var snippet: String?

    public init(id: String, path: String, title: String?, outlet: String?, published: Day?,
                publishedSource: MetadataSource, words: Int, event: String?, snippet: String? = nil) {
        self.id = id
        self.path = path
        self.title = title
        self.outlet = outlet
        self.published = published
        self.publishedSource = publishedSource
        self.words = words
        self.event = event
        self.snippet = snippet
    }
}

/// Counts and size of an index, for `parallax index --stats`.
public struct StoreStats: Sendable, Equatable {
    public var files = 0
    public var articles = 0
    public var actors = 0
    public var aliases = 0
    public var mentions = 0
    public var quotes = 0
    public var events = 0
    public var eventLinks = 0
    /// Bytes on disk (main file + WAL), nil in memory.
    public var bytes: Int64?
    public var schemaVersion = 0
    public init() {}
}

/// The persistent index of a corpus. SQLite (`SQLiteCorpusStore`) is the embedded default; the
/// operations are phrased so that another SQL server could implement them later.
public protocol CorpusStore: Sendable {
    /// What is known of every indexed file, by path.
    func fileStates() throws -> [String: FileState]
    /// Replaces the articles of these files (new or changed) in one transaction.
    func upsertFiles(_ items: [FileBatchItem]) throws
    /// Records new size/mtime/position for files whose content did not change.
    func updateFileStates(_ states: [FileState]) throws
    /// Drops files and their articles (and what was derived from those articles).
    func removeFiles(_ paths: [String]) throws
    /// Replaces the corpus-level analysis (actors, events, links), rewriting only the rows of
    /// articles whose analysis changed.
    func replaceAnalysis(of corpus: Corpus) throws -> AnalysisWriteReport
    /// True when the stored analysis matches the stored articles (no write since the last analysis).
    func analysisIsCurrent() throws -> Bool
    /// The `CorpusReader.rulesVersion` the stored files were read with (nil: not recorded).
    func rulesVersion() throws -> String?
    func setRulesVersion(_ version: String) throws
    /// Records the rules a build reads under before it reads any file; `markingFilesStale` (the rules
    /// changed) makes every indexed file look changed, so that an interrupted re-read resumes.
    func recordRules(_ version: String, markingFilesStale: Bool) throws
    /// Marks a build or update as in progress (files are about to be written) …
    func beginBuild() throws
    /// … and as finished (its analysis written).
    func finishBuild() throws
    /// True when the last build or update did not finish.
    func buildInProgress() throws -> Bool

    /// All articles in corpus order (listing order of files, then position in the file), as analysed.
    func loadArticles(includeRaw: Bool) throws -> [Article]
    /// All articles with their metadata as read from the files: the input of the corpus-level stages.
    func loadArticlesForAnalysis() throws -> [Article]
    /// The whole corpus as the in-memory model sees it.
    func loadCorpus() throws -> Corpus
    func article(id: String) throws -> Article?
    /// Article rows the typed query finds; ranked by bm25 when the query requires words (text terms
    /// at its top level), else in corpus order.
    func summaries(_ query: ArticleQuery) throws -> [ArticleSummary]
    /// Actors whose name or alias folds to `name`.
    func actorIDs(named name: String) throws -> [String]
    func stats() throws -> StoreStats
}

/// What `replaceAnalysis` changed, for the index report.
public struct AnalysisWriteReport: Sendable, Equatable {
    public var articlesRewritten = 0
    public var actors = 0
    public var events = 0
    public var eventsRewritten = 0
    public init() {}
}

/// Case and accent folding used for lookup keys (aliases, outlets), identical on write and read.
public enum LookupKey {
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
