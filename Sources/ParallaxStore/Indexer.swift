import Foundation
import ParallaxCore

/// What one `Indexer.update` did, for `parallax index` and the benchmark.
public struct IndexReport: Sendable, Equatable {
    public var filesListed = 0
    /// Files read and (re)analysed: new or changed content.
    public var filesRead = 0
    public var added = 0
    public var changed = 0
    /// Size or mtime changed but the content hash did not: only the file state was updated.
    public var touched = 0
    /// The rules (data files, analysis version) changed since the index was built: every file was read again.
    public var rulesChanged = false
    /// An earlier build or update was interrupted: its committed chunks were kept and only the rest read.
    public var resumed = false
    /// Lines about what the update did on its own, for stderr (not warnings about files).
    public var notes: [String] {
        if rulesChanged {
            return ["the rules changed since the index was built (data files or Parallax version): "
                    + "read all \(filesRead) files again"]
        }
        if resumed && filesRead > 0 {
            return ["an earlier index build was interrupted: kept the files it had read, read the other \(filesRead) file\(filesRead == 1 ? "" : "s")"]
        }
        if resumed {
            return ["an earlier index update was interrupted after reading the files: finished its analysis"]
        }
        return []
    }
    public var unchanged = 0
    public var removed = 0
    public var articles = 0
    public var bytesRead: Int64 = 0
    public var analysed = false
    public var analysisRewrote = 0
    public var seconds = 0.0
    public var scanSeconds = 0.0
    public var readSeconds = 0.0
    /// Of `readSeconds`, the time spent writing to the store (the rest is reading and cleaning).
    public var writeSeconds = 0.0
    public var analysisSeconds = 0.0
    /// Of `analysisSeconds`: loading the articles' metadata and the cached extractions, and writing
    /// the analysis and the new extractions.
    public var cacheLoadSeconds = 0.0
    public var analysisWriteSeconds = 0.0
    /// Articles whose actors (and lead words) came from the index's cache, and whose local events did;
    /// texts loaded for the articles that had to be read.
    public var extractionsReused = 0
    public var eventsReused = 0
    public var bodiesLoaded = 0
    /// Of `analysisSeconds`: extracting new articles, merging actors, the events stage.
    public var extractSeconds = 0.0
    public var mergeSeconds = 0.0
    public var eventsSeconds = 0.0
    public var warnings: [String] = []
    public init() {}
}

/// Progress of an update: files, and within them bytes and articles, so that one large file (a JSONL
/// export) moves the bar too.
public struct IndexProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var phase: String
    /// Bytes of the files to read that are read (a file being read counts by the share of its articles built).
    public var bytesDone: Int64
    public var bytesTotal: Int64
    /// Articles read so far.
    public var articles: Int
    public init(done: Int, total: Int, phase: String, bytesDone: Int64 = 0, bytesTotal: Int64 = 0, articles: Int = 0) {
        self.done = done
        self.total = total
        self.phase = phase
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.articles = articles
    }
}

/// A file's bytes handed out an article at a time (the k-th of n brings the total to k/n of them).
final class ByteShare: @unchecked Sendable {
    private let lock = NSLock()
    private let bytes: Int64
    private var given: Int64 = 0
    private var count: Int64 = 0
    init(bytes: Int64) { self.bytes = bytes }

    func next(of n: Int) -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        let target = n > 0 ? bytes * min(count, Int64(n)) / Int64(n) : bytes
        let step = max(0, target - given)
        given += step
        return step
    }

    /// What the articles did not account for (all of it for a file that gave none).
    func rest() -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        let r = max(0, bytes - given)
        given = bytes
        return r
    }
}

/// The counts behind `IndexProgress`, added to from the reading tasks as each article is built.
final class ProgressTally: @unchecked Sendable {
    private let lock = NSLock()
    private var files = 0
    private var bytes: Int64 = 0
    private var articles = 0
    let totalFiles: Int
    let totalBytes: Int64

    init(totalFiles: Int, totalBytes: Int64) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    func add(files f: Int = 0, bytes b: Int64 = 0, articles a: Int = 0) -> IndexProgress {
        lock.lock()
        defer { lock.unlock() }
        files += f
        bytes += b
        articles += a
        return IndexProgress(done: files, total: totalFiles, phase: "reading", bytesDone: min(bytes, totalBytes),
                             bytesTotal: totalBytes, articles: articles)
    }
}

/// Brings an index up to date with the files of a corpus: stats every file, re-reads only those whose
/// size, mtime and content hash say they changed (on all cores, a task per chunk of files), writes a
/// transaction per chunk so an interrupted build leaves a consistent index, drops removed files, then
/// re-runs the corpus-level stages over the stored articles when anything changed.
public struct Indexer: Sendable {
    public var reader: any CorpusReader
    /// Files per task and per transaction.
    public var chunkSize: Int
    public var workers: Int
    /// Called after each chunk is committed with the number committed so far; a throw stops the
    /// update there, as a kill would (tests of crash safety).
    public var chunkCommitted: (@Sendable (Int) throws -> Void)?

    public init(reader: any CorpusReader, chunkSize: Int = 64,
                workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.reader = reader
        self.chunkSize = max(1, chunkSize)
        self.workers = max(1, workers)
    }

    private struct ChunkResult: Sendable {
        var items: [FileBatchItem] = []
        var touched: [FileState] = []
        var added = 0
        var changed = 0
        var bytes: Int64 = 0
        var articles = 0
        var files = 0
        var warnings: [String] = []
        /// Actors and lead words of the chunk's articles, extracted in the chunk's task.
        var extracted: [Analyzer.Extracted] = []
    }

    public func update(store: any CorpusStore, roots: [String],
                       progress: (@Sendable (IndexProgress) -> Void)? = nil) async throws -> IndexReport {
        let start = Date()
        var report = IndexReport()
        let listing = try reader.listFiles(roots: roots)
        report.warnings += listing.warnings
        report.filesListed = listing.files.count
        let known = try store.fileStates()
        // Cleaning and extraction follow data files the user can extend: an index read under other
        // rules (or by an older Parallax) is read again in full rather than trusted.
        let rules = reader.rulesVersion
        let storedRules = try store.rulesVersion()
        let rulesChanged = !known.isEmpty && storedRules != rules
        report.rulesChanged = rulesChanged
        report.resumed = try store.buildInProgress() && !rulesChanged
        if storedRules != rules {
            // Recorded before any file is read, with every file already indexed marked stale: each
            // chunk committed from here on is under these rules, so an interrupted build resumes from
            // its committed chunks instead of starting over (and does not call them "other rules").
            try store.recordRules(rules, markingFilesStale: rulesChanged)
        }

        var candidates: [(file: ListedFile, stat: FileStat, old: FileState?, position: Int)] = []
        var moved: [FileState] = []
        var seen = Set<String>()
        for (position, file) in listing.files.enumerated() where seen.insert(file.path).inserted {
            guard let st = FileStat(path: file.url.path) else {
                report.warnings.append("\(file.path): cannot read file status")
                continue
            }
            if !rulesChanged, let old = known[file.path], old.size == st.size, old.mtimeNS == st.mtimeNS,
               old.metaKey == file.metaKey {
                report.unchanged += 1
                report.warnings += old.warnings
                if old.position != position {
                    var s = old
                    s.position = position
                    moved.append(s)
                }
            } else {
                candidates.append((file, st, known[file.path], position))
            }
        }
        try store.updateFileStates(moved)
        let removed = known.keys.filter { !seen.contains($0) }.sorted()
        // Dropped before anything new is written: a file moved to another folder brings the same
        // article ids, which must find their old rows gone (else they would get a collision suffix
        // that a fresh build of the moved tree would not give them).
        try store.removeFiles(removed)
        report.removed = removed.count
        report.scanSeconds = Date().timeIntervalSince(start)
        if !candidates.isEmpty { try store.beginBuild() }

        // Read and clean in parallel; the single consumer writes each chunk in its own transaction
        // while the other chunks are still being read.
        let readStart = Date()
        let chunks = stride(from: 0, to: candidates.count, by: chunkSize).map {
            Array(candidates[$0..<min($0 + chunkSize, candidates.count)])
        }
        let reader = self.reader
        let total = candidates.count
        let tally = ProgressTally(totalFiles: total, totalBytes: candidates.reduce(0) { $0 + max(0, $1.stat.size) })
        // Actors and lead words of the articles read, extracted in each chunk's task.
        var extracted: [String: Analyzer.Extracted] = [:]
        var sharedIDs = Set<String>()
        try await withThrowingTaskGroup(of: ChunkResult.self) { group in
            var next = 0
            func launch() {
                guard next < chunks.count else { return }
                let chunk = chunks[next]
                next += 1
                group.addTask {
                    var r = ChunkResult()
                    for c in chunk {
                        r.files += 1
                        // Hashed in blocks: a file of any size costs the same memory (issue 7).
                        let hash: String
                        let size: Int64
                        switch FileHashing.hash(path: c.file.url.path) {
                        case .success(let h):
                            (hash, size) = h
                        case .failure(let e):
                            r.warnings.append("\(c.file.path): cannot be read (\(e.reason)), skipped")
                            continue
                        }
                        let fileBytes = max(0, c.stat.size)
                        if !rulesChanged, let old = c.old, old.hash == hash, old.metaKey == c.file.metaKey {
                            progress.map { $0(tally.add(files: 1, bytes: fileBytes)) }
                            r.touched.append(FileState(path: c.file.path, size: c.stat.size, mtimeNS: c.stat.mtimeNS,
                                                       hash: hash, warnings: old.warnings, metaKey: old.metaKey,
                                                       position: c.position))
                            r.warnings += old.warnings
                            continue
                        }
                        // Each built article moves the bar by its share of the file's bytes.
                        let share = ByteShare(bytes: fileBytes)
                        let read = reader.readFile(c.file) { of in
                            progress.map { $0(tally.add(bytes: share.next(of: of), articles: 1)) }
                        }
                        progress.map { $0(tally.add(files: 1, bytes: share.rest())) }
                        r.bytes += size
                        r.articles += read.articles.count
                        r.warnings += read.warnings
                        if c.old == nil { r.added += 1 } else { r.changed += 1 }
                        r.items.append(FileBatchItem(
                            state: FileState(path: c.file.path, size: c.stat.size, mtimeNS: c.stat.mtimeNS,
                                             hash: hash, warnings: read.warnings, metaKey: c.file.metaKey,
                                             position: c.position),
                            articles: read.articles))
                    }
                    // Extracted here, beside the other chunks being read, rather than after the writes.
                    r.extracted = reader.extractWhileReading(r.items.flatMap(\.articles))
                    return r
                }
            }
            // Keep one chunk in flight per core plus one being written, not the whole corpus in memory.
            for _ in 0..<(workers + 1) { launch() }
            var done = 0
            var committed = 0
            while let r = try await group.next() {
                let writeStart = Date()
                try store.upsertFiles(r.items)
                try store.updateFileStates(r.touched)
                report.writeSeconds += Date().timeIntervalSince(writeStart)
                // Two articles under one id (the store gives the second another): neither is trusted.
                for x in r.extracted {
                    let id = x.extraction.articleID
                    if extracted[id] == nil && !sharedIDs.contains(id) {
                        extracted[id] = x
                    } else {
                        extracted[id] = nil
                        sharedIDs.insert(id)
                    }
                }
                report.added += r.added
                report.changed += r.changed
                report.touched += r.touched.count
                report.bytesRead += r.bytes
                report.articles += r.articles
                report.warnings += r.warnings
                done += r.files
                committed += 1
                try chunkCommitted?(committed)
                progress?(tally.add())
                launch()
            }
        }
        report.filesRead = report.added + report.changed
        report.readSeconds = Date().timeIntervalSince(readStart)

        let current = try store.analysisIsCurrent()
        // Cached extractions from another extractor, other data files or another build: analysed again
        // (a fresh build with this one would find other things).
        let cacheStore = store as? any ExtractionCacheStore
        let version = ArticleExtraction.version + "-" + ExecutableStamp.current
        let staleCache = try cacheStore.map { try $0.extractionVersion() != version } ?? false
        if report.filesRead > 0 || report.removed > 0 || !current || staleCache {
            // Marked for the analysis too: an update killed while writing it is checked on the next open.
            try store.beginBuild()
            let analysisStart = Date()
            var analysing = tally.add()
            analysing.phase = "analysing"
            progress?(analysing)
            if let cacheStore {
                try analyseIncrementally(store: cacheStore, version: version, extracted: extracted, report: &report)
            } else {
                let articles = try store.loadArticlesForAnalysis()
                let corpus = reader.analyze(articles: articles, warnings: [])
                // What the analysis set aside (a page date years from the corpus) is said where the
                // files' warnings are.
                report.warnings += corpus.warnings
                report.analysisRewrote = try store.replaceAnalysis(of: corpus).articlesRewritten
            }
            report.analysed = true
            report.analysisSeconds = Date().timeIntervalSince(analysisStart)
        }
        try store.finishBuild()
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}

extension Indexer {
    /// The corpus-level stages over the stored articles, re-extracting only articles without a valid
    /// cached extraction and loading only their texts.
    private func analyseIncrementally(store: any ExtractionCacheStore, version: String,
                                      extracted: [String: Analyzer.Extracted], report: inout IndexReport) throws {
        var t = Date()
        let articles = try store.loadArticleMetadataForAnalysis()
        let cache = try store.loadExtractions(version: version)
        report.cacheLoadSeconds = Date().timeIntervalSince(t)
        var loadError: (any Error)?
        var result = reader.analyze(articles: articles, warnings: [], cache: cache, extracted: extracted) { wanted in
            do {
                let bodies = try store.loadBodies(ids: wanted.map { articles[$0].id })
                report.bodiesLoaded += wanted.count
                var out: [Int: String] = [:]
                for i in wanted { out[i] = bodies[articles[i].id] }
                return out
            } catch {
                loadError = error
                return [:]
            }
        }
        if let loadError { throw loadError }
        report.warnings += result.corpus.warnings
        report.extractionsReused = result.reusedActors
        report.eventsReused = result.reusedEvents
        report.extractSeconds = result.extractSeconds
        report.mergeSeconds = result.mergeSeconds
        report.eventsSeconds = result.eventsSeconds
        t = Date()
        // The extractions are written first and let go, and the texts are dropped (the analysis rows
        // do not need them), so that writing the rows does not hold all three at once (issue 14: the
        // peak of a first build). Killed in between, the next update finds the analysis stale and
        // redoes it from these cached extractions.
        var extractions: [ArticleExtraction] = []
        swap(&extractions, &result.extractions)
        try store.saveExtractions(extractions, version: version)
        extractions = []
        for i in result.corpus.articles.indices {
            result.corpus.articles[i].body = ""
            result.corpus.articles[i].rawText = ""
        }
        report.analysisRewrote = try store.replaceAnalysis(of: result.corpus).articlesRewritten
        report.analysisWriteSeconds = Date().timeIntervalSince(t)
    }
}

/// Content hashes of source files, read in fixed-size blocks so that memory stays bounded whatever the
/// size of the file (a 200 MB scrape costs one block, not 200 MB).
enum FileHashing {
    /// Why a file could not be hashed, in the system's words ("Permission denied").
    struct Failure: Error {
        var reason: String
    }

    static let blockSize = 1 << 20

    static func hash(path: String) -> Result<(hash: String, bytes: Int64), Failure> {
        // Regular files only, opened without blocking (a path swapped for a FIFO since the walk).
        let fd: Int32
        switch SafeFile.open(path) {
        case .success(let d): fd = d
        case .failure(let f): return .failure(Failure(reason: f.reason))
        }
        defer { close(fd) }
        var h = ContentHash()
        var total: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, blockSize)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: String(cString: strerror(errno)).lowercased()))
            }
            h.add(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            total += Int64(n)
        }
        return .success((h.hex, total))
    }
}
