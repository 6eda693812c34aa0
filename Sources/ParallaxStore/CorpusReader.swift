import Foundation
import ParallaxCore

/// One file of a corpus listing, with what is known of it from outside the file (a manifest entry),
/// so that it can be read alone.
public struct ListedFile: Sendable, Equatable {
    public var path: String
    public var url: URL
    public var given: GivenMetadata
    /// The manifest says the outlet is unknown (`null`).
    public var outletUnknown: Bool
    /// A fingerprint of the out-of-file metadata: a manifest edit re-reads the files it describes
    /// even though their size and mtime did not change.
    public var metaKey: String

    public init(path: String, url: URL, given: GivenMetadata = .init(), outletUnknown: Bool = false) {
        self.path = path
        self.url = url
        self.given = given
        self.outletUnknown = outletUnknown
        var h = ContentHash()
        h.add(given.title); h.add(given.outlet); h.add(given.published); h.add(given.url)
        h.add(outletUnknown ? 1 : 0)
        metaKey = (given == GivenMetadata() && !outletUnknown) ? "" : h.hex
    }
}

/// The ingestion steps the indexer drives: list the files of a corpus, turn one file into cleaned
/// articles, and run the corpus-level stages. Splitting them lets the indexer read only the files
/// that changed; `LoaderCorpusReader` implements it with ParallaxCore's loader.
public protocol CorpusReader: Sendable {
    /// The files under these roots, in corpus order, and warnings for what could not be listed.
    func listFiles(roots: [String]) throws -> (files: [ListedFile], warnings: [String])
    /// The cleaned articles of one file, and warnings naming the file.
    func readFile(_ file: ListedFile) -> (articles: [Article], warnings: [String])
    /// The same, calling `built(n)` as each of the file's n documents is built (from any thread), for
    /// progress within a large file.
    func readFile(_ file: ListedFile, built: @escaping @Sendable (Int) -> Void) -> (articles: [Article], warnings: [String])
    /// The corpus-level stages (dates across articles, actor merging, event grouping).
    func analyze(articles: [Article], warnings: [String]) -> Corpus
    /// A fingerprint of the rules reading and analysis follow (data files, analysis version): when it
    /// differs from the one an index was built with, every file is read again.
    var rulesVersion: String { get }
    /// The same stages with per-article extractions taken from `cache` where valid (`Analyzer`):
    /// articles may come with empty bodies, which `bodies` loads when they must be read.
    func analyze(articles: [Article], warnings: [String], cache: [String: ArticleExtraction],
                 bodies: ([Int]) -> [Int: String]) -> Analyzer.Incremental
    /// The per-article extractions of articles just read, made while the indexer writes them (on the
    /// other cores), so the analysis need not load their texts back to extract them; empty when the
    /// reader has none.
    func extractWhileReading(_ articles: [Article]) -> [Analyzer.Extracted]
    /// `analyze(articles:warnings:cache:bodies:)` with the extractions made while reading.
    func analyze(articles: [Article], warnings: [String], cache: [String: ArticleExtraction],
                 extracted: [String: Analyzer.Extracted], bodies: ([Int]) -> [Int: String]) -> Analyzer.Incremental
}

extension CorpusReader {
    public var rulesVersion: String { ResourceFiles.currentRulesFingerprint }

    /// Without progress of its own: the whole file at once.
    public func readFile(_ file: ListedFile, built: @escaping @Sendable (Int) -> Void) -> (articles: [Article], warnings: [String]) {
        let r = readFile(file)
        for _ in r.articles { built(r.articles.count) }
        return r
    }

    /// Without a cache of its own: every body is loaded and everything analysed.
    public func analyze(articles: [Article], warnings: [String], cache: [String: ArticleExtraction],
                        bodies: ([Int]) -> [Int: String]) -> Analyzer.Incremental {
        var articles = articles
        let unread = articles.indices.filter { articles[$0].body.isEmpty }
        for (i, body) in bodies(unread) where articles.indices.contains(i) { articles[i].body = body }
        return Analyzer.Incremental(corpus: analyze(articles: articles, warnings: warnings), extractions: [])
    }

    public func extractWhileReading(_ articles: [Article]) -> [Analyzer.Extracted] { [] }

    public func analyze(articles: [Article], warnings: [String], cache: [String: ArticleExtraction],
                        extracted: [String: Analyzer.Extracted], bodies: ([Int]) -> [Int: String]) -> Analyzer.Incremental {
        analyze(articles: articles, warnings: warnings, cache: cache, bodies: bodies)
    }
}

/// `CorpusReader` over ParallaxCore's `CorpusLoader`: the same walk, manifests, reading, cleaning
/// and corpus-level stages as `CorpusLoader.load`, cut at the file boundary.
public struct LoaderCorpusReader: CorpusReader {
    public var loader: CorpusLoader

    public init(loader: CorpusLoader = CorpusLoader()) {
        self.loader = loader
    }

    public func listFiles(roots: [String]) throws -> (files: [ListedFile], warnings: [String]) {
        let paths = try CorpusLoader.resolvePaths(roots)
        var (found, warnings) = try loader.walker.walk(paths)
        // Folders by their path as found (cheap string work: URL standardisation per file cost more
        // than the walk itself at 100,000 files), standardised once each, as CorpusLoader keys them.
        var manifests: [String: Manifest?] = [:]
        var files: [ListedFile] = []
        files.reserveCapacity(found.count)
        for f in found {
            let raw = f.url.path
            let slash = raw.lastIndex(of: "/")
            let parent = slash.map { String(raw[..<$0]) } ?? "."
            if manifests[parent] == nil {
                let folder = URL(fileURLWithPath: parent.isEmpty ? "/" : parent).standardizedFileURL
                manifests[parent] = .some(Manifest.load(folder: folder, warnings: &warnings))
            }
            guard let m = manifests[parent] ?? nil else {
                files.append(ListedFile(path: f.path, url: f.url))
                continue
            }
            let key = f.url.standardizedFileURL.path
            files.append(ListedFile(path: f.path, url: f.url, given: m.entries[key] ?? GivenMetadata(),
                                    outletUnknown: m.unknownOutlet.contains(key)))
        }
        return (files, warnings)
    }

    public func readFile(_ file: ListedFile) -> (articles: [Article], warnings: [String]) {
        readFile(file, built: { _ in })
    }

    public func readFile(_ file: ListedFile, built report: @escaping @Sendable (Int) -> Void) -> (articles: [Article], warnings: [String]) {
        let (docs, warns) = loader.read(FileWalker.Found(path: file.path, url: file.url), given: file.given)
        var warnings = warns
        var articles: [Article] = []
        let builder = loader.builder
        let outletUnknown = file.outletUnknown
        // A JSONL export can hold thousands of articles in one file: clean them on all cores.
        let n = docs.count
        let build: @Sendable (RawDocument) -> Article = { d in
            let a = builder.build(d, outletUnknown: outletUnknown)
            report(n)
            return a
        }
        let built = docs.count > 16 ? ConcurrentMap.map(docs, build) : docs.map(build)
        for a in built {
            // As in CorpusLoader: an article that cleaning emptied is skipped with a warning.
            if a.body.isEmpty {
                warnings.append("\(a.path): no article text after cleaning, skipped")
            } else {
                articles.append(a)
            }
        }
        return (articles, warnings)
    }

    public func analyze(articles: [Article], warnings: [String]) -> Corpus {
        var articles = articles
        DateInference.resolvePartialDates(&articles, today: nil)
        return Analyzer.analyze(articles: articles, warnings: warnings)
    }

    public func analyze(articles: [Article], warnings: [String], cache: [String: ArticleExtraction],
                        bodies: ([Int]) -> [Int: String]) -> Analyzer.Incremental {
        var articles = articles
        // Reads dates only: the same with or without bodies.
        DateInference.resolvePartialDates(&articles, today: nil)
        return Analyzer.analyze(articles: articles, warnings: warnings, cache: cache, bodies: bodies)
    }

    public func extractWhileReading(_ articles: [Article]) -> [Analyzer.Extracted] {
        ConcurrentMap.map(articles, Analyzer.extract)
    }

    public func analyze(articles: [Article], warnings: [String], cache: [String: ArticleExtraction],
                        extracted: [String: Analyzer.Extracted], bodies: ([Int]) -> [Int: String]) -> Analyzer.Incremental {
        var articles = articles
        DateInference.resolvePartialDates(&articles, today: nil)
        return Analyzer.analyze(articles: articles, warnings: warnings, cache: cache, extracted: extracted, bodies: bodies)
    }
}

/// Size and modification time of a file, from one `stat` call (FileManager's attribute dictionary
/// costs ten times more, which shows on 100,000 files).
public struct FileStat: Sendable, Equatable {
    public var size: Int64
    public var mtimeNS: Int64

    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int64(st.st_size)
        #if os(Linux)
        mtimeNS = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
        mtimeNS = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
    }
}
