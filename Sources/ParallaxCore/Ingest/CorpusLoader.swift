import Foundation

/// Reads a corpus from files and folders into analysed articles: walk → read and decode → clean and
/// recover metadata (per file, on all cores) → corpus-wide date inference → analysis stages.
public struct CorpusLoader: Sendable {
    /// Articles longer than this are cut and marked truncated.
    public var maxArticleBytes: Int
    public var builder: ArticleBuilder
    /// How the given paths are walked (whether links may lead outside them).
    public var walker: FileWalker

    public init(maxArticleBytes: Int = 4 << 20, builder: ArticleBuilder = .shipped(), walker: FileWalker = FileWalker()) {
        self.maxArticleBytes = maxArticleBytes
        self.builder = builder
        self.walker = walker
    }

    /// The paths to read: the given ones, or the embedded sample corpus when none.
    public static func resolvePaths(_ paths: [String]) throws(LoadError) -> [String] {
        if !paths.isEmpty { return paths }
        guard let url = ResourceFiles.sampleCorpus else { throw LoadError.noSampleCorpus }
        return [url.path]
    }

    /// Loads and analyses. Throws only when nothing can be loaded; per-file problems are warnings.
    public func load(paths: [String]) throws(LoadError) -> Corpus {
        let (articles, warnings) = try loadArticles(paths: paths)
        return Analyzer.analyze(articles: articles, warnings: warnings)
    }

    /// Loads, cleans and dates the articles, without the analysis stages.
    public func loadArticles(paths given: [String]) throws(LoadError) -> ([Article], [String]) {
        let paths = try CorpusLoader.resolvePaths(given)
        var (files, warnings) = try walker.walk(paths)
        var found: [String: Manifest] = [:]
        for folder in Set(files.map { $0.url.deletingLastPathComponent().standardizedFileURL.path }).sorted() {
            if let m = Manifest.load(folder: URL(fileURLWithPath: folder), warnings: &warnings) { found[folder] = m }
        }
        let manifests = found
        let results = ConcurrentMap.map(files) { file -> ([Article], [String]) in
            let folder = file.url.deletingLastPathComponent().standardizedFileURL.path
            let key = file.url.standardizedFileURL.path
            let manifest = manifests[folder]
            let (docs, warns) = self.read(file, given: manifest?.entries[key] ?? GivenMetadata())
            let unknown = manifest?.unknownOutlet.contains(key) ?? false
            return (docs.map { builder.build($0, outletUnknown: unknown) }, warns)
        }
        var articles: [Article] = []
        for (a, w) in results {
            articles.append(contentsOf: a)
            warnings.append(contentsOf: w)
        }
        let skippedEmpty = articles.filter { $0.body.isEmpty }
        for a in skippedEmpty { warnings.append("\(a.path): no article text after cleaning, skipped") }
        articles.removeAll { $0.body.isEmpty }
        guard !articles.isEmpty else { throw LoadError.emptyCorpus(paths) }
        DateInference.resolvePartialDates(&articles, today: nil)
        return (articles, warnings)
    }

    /// Reads one file into documents (several for JSON arrays and JSONL). Never throws: problems are
    /// returned as warnings naming the file.
    public func read(_ file: FileWalker.Found, given: GivenMetadata = .init()) -> ([RawDocument], [String]) {
        let ext = file.url.pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" { return readJSONL(file, given: given) }
        // At most one byte past the cap (to know it was cut), never the whole of a file of unknown size.
        let data: Data
        switch SafeFile.read(file.url.path, limit: maxArticleBytes + 1) {
        case .success(let d): data = d
        case .failure(let f): return ([], ["\(file.path): cannot be read (\(f.reason)), skipped"])
        }
        let truncated = data.count > maxArticleBytes
        let bytes = truncated ? data.prefix(maxArticleBytes) : data
        var warnings: [String] = []
        if truncated { warnings.append("\(file.path): larger than \(maxArticleBytes >> 20) MB, truncated") }
        guard !bytes.isEmpty else { return ([], ["\(file.path): empty file, skipped"]) }
        let text: String
        switch TextDecoding.decode(bytes) {
        case .binary:
            return ([], ["\(file.path): binary file (contains NUL bytes), skipped"])
        case .text(let s, let note):
            text = s
            if let n = note { warnings.append("\(file.path): \(n)") }
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            return ([], ["\(file.path): only whitespace, skipped"])
        }
        switch ext {
        case "html", "htm":
            let r = HTMLText.extract(bytes: [UInt8](bytes), fallback: text)
            return ([RawDocument(path: file.path, format: .html, text: r.text, given: given, page: r.meta, truncated: truncated)], warnings)
        case "json":
            if truncated { return ([], warnings + ["\(file.path): JSON larger than the cap cannot be parsed, skipped"]) }
            let (docs, w) = JSONArticles.parseJSON(Data(text.utf8), path: file.path)
            return (docs.map { var d = $0; d.given = given.filling(from: d.given); return d }, warnings + w)
        default:
            // Checked by content: an .txt that is really HTML is read as HTML.
            let (front, rest) = FrontMatter.split(text)
            if HTMLText.looksLikeHTML(rest) && rest.lowercased().contains("<html") {
                let r = HTMLText.extract(rest)
                return ([RawDocument(path: file.path, format: .html, text: r.text, given: front.filling(from: given), page: r.meta,
                                     truncated: truncated)], warnings)
            }
            let format: SourceFormat = (ext == "md" || ext == "markdown") ? .markdown : .text
            return ([RawDocument(path: file.path, format: format, text: rest, given: front.filling(from: given),
                                 truncated: truncated)], warnings)
        }
    }

    /// JSONL, streamed line by line so a large file never sits in memory whole.
    func readJSONL(_ file: FileWalker.Found, given: GivenMetadata) -> ([RawDocument], [String]) {
        let handle: FileHandle
        switch SafeFile.open(file.url.path) {
        case .success(let fd): handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        case .failure(let f): return ([], ["\(file.path): cannot be read (\(f.reason)), skipped"])
        }
        defer { try? handle.close() }
        var docs: [RawDocument] = []
        var warnings: [String] = []
        var pending = Data()
        var lineNumber = 0
        var skippingLongLine = false
        // The lines of each block read are parsed on all cores, in line order.
        var lines: [(number: Int, data: Data)] = []
        func handleLine(_ line: Data) {
            lineNumber += 1
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            guard trimmed.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            lines.append((lineNumber, Data(trimmed)))
        }
        let path = file.path
        func parseLines() {
            let parsed = ConcurrentMap.map(lines) { JSONArticles.parseLine($0.data, path: path, lineNumber: $0.number) }
            lines.removeAll(keepingCapacity: true)
            for (doc, warning) in parsed {
                if let d = doc { docs.append(RawDocument(path: d.path, format: d.format, text: d.text, given: given.filling(from: d.given), page: d.page)) }
                if let w = warning, warnings.count < 20 { warnings.append(w) }
            }
        }
        while true {
            parseLines()
            guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
            var start = chunk.startIndex
            while let nl = chunk[start...].firstIndex(of: 0x0A) {
                if skippingLongLine {
                    skippingLongLine = false
                    lineNumber += 1
                } else {
                    pending.append(chunk[start..<nl])
                    handleLine(pending)
                }
                pending.removeAll(keepingCapacity: true)
                start = chunk.index(after: nl)
            }
            if !skippingLongLine { pending.append(chunk[start...]) }
            if pending.count > maxArticleBytes {
                warnings.append("\(file.path):\(lineNumber + 1): line longer than \(maxArticleBytes >> 20) MB, skipped")
                pending.removeAll()
                skippingLongLine = true
            }
        }
        if !pending.isEmpty && !skippingLongLine { handleLine(pending) }
        parseLines()
        if docs.isEmpty && warnings.isEmpty { warnings.append("\(file.path): no articles in JSONL file") }
        return (docs, warnings)
    }
}

/// Maps over an array on all cores, keeping order. Work items must be independent.
public enum ConcurrentMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results.set(i, transform(items[i]))
        }
        return results.values()
    }
}

/// Write-once slots filled from concurrent iterations; each index is written by exactly one of them.
final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private var storage: [R?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: R) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }
    func values() -> [R] { storage.compactMap { $0 } }
}
