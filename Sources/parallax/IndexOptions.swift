import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

/// `--index PATH` / `--no-index`: which index a command that loads a corpus goes through.
/// Part of `CorpusOptions`, so every such command has them.
struct IndexOptions: ParsableArguments {
    @Option(name: .customLong("index"),
            help: ArgumentHelp("The index file to use instead of the one under $XDG_CACHE_HOME/parallax/ (else ~/.cache/parallax/).",
                               valueName: "path"))
    var indexPath: String?

    @Flag(name: .customLong("no-index"), help: "Work from memory only: read every file, write no index.")
    var noIndex = false

    func validate() throws {
        if noIndex && indexPath != nil { throw ValidationError("--index and --no-index exclude each other") }
    }

    func choice(roots: [String]) -> IndexChoice {
        if noIndex { return .memory }
        if let indexPath { return .file(indexPath) }
        return .cache(IndexLocation.defaultPath(roots: roots))
    }
}

/// A corpus loaded through the index, with the store that answers the filters.
struct IndexedCorpus {
    var corpus: Corpus
    var store: any CorpusStore
    var report: IndexReport
    var indexPath: String?
}

/// Loading through the index: open (or rebuild) it, bring it up to date with the files, read it back.
enum IndexedLoading {
    /// Brings the index up to date in the foreground (a progress bar on a terminal's stderr), prints
    /// what it did on its own and the files' warnings, or exits with one line.
    static func update(store: SQLiteCorpusStore, roots: [String], quiet: Bool,
                       reader: LoaderCorpusReader = LoaderCorpusReader()) throws -> IndexReport {
        let bar = ProgressBar.forStderr()
        let report: IndexReport
        do {
            report = try blocking {
                try await Indexer(reader: reader).update(store: store, roots: roots) { p in
                    bar?.update(done: p.done, total: p.total, phase: p.phase)
                }
            }
            bar?.finish()
        } catch let error as LoadError {
            bar?.finish()
            throw Console.fail(error.description)
        } catch {
            bar?.finish()
            throw Console.fail("index \(store.path ?? "(memory)"): \(error)")
        }
        for n in report.notes { Console.note(n) }
        if !quiet { Console.warn(report.warnings) }
        return report
    }

    /// The corpus roots and their index, opened (or rebuilt, or in memory) with its messages printed.
    static func openIndex(paths: [String], options: IndexOptions) throws -> (roots: [String], store: SQLiteCorpusStore) {
        let roots: [String]
        do {
            roots = try CorpusLoader.resolvePaths(paths)
        } catch {
            throw Console.fail(error.description)
        }
        let opened: IndexOpener.Opened
        do {
            opened = try IndexOpener.open(options.choice(roots: roots))
        } catch let refused as IndexOpener.Refused {
            throw Console.usageFail(refused.description)
        } catch {
            throw Console.fail("\(error)")
        }
        // Messages about the index itself are shown even with --quiet: they explain a slow start.
        for m in opened.messages { Console.note(m) }
        return (roots, opened.store)
    }

    static func load(paths: [String], options: IndexOptions, quiet: Bool,
                     reader: LoaderCorpusReader = LoaderCorpusReader()) throws -> IndexedCorpus {
        let (roots, store) = try openIndex(paths: paths, options: options)
        let report = try update(store: store, roots: roots, quiet: quiet, reader: reader)
        let corpus: Corpus
        do {
            corpus = try store.loadCorpus()
        } catch {
            throw Console.fail("index \(store.path ?? "(memory)"): \(error)")
        }
        guard !corpus.articles.isEmpty else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
        var loaded = corpus
        loaded.warnings = report.warnings
        return IndexedCorpus(corpus: loaded, store: store, report: report, indexPath: store.path)
    }
}

/// Runs async work from a synchronous command and waits for it (commands are synchronous; the
/// indexer uses structured concurrency inside).
func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.set(.success(try await work())) } catch { box.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try box.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, Error>?
    func set(_ r: Result<T, Error>) { lock.lock(); result = r; lock.unlock() }
    func get() throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let result else { throw CancellationError() }
        return try result.get()
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    static func forStderr() -> ProgressBar? {
        isatty(STDERR_FILENO) != 0 ? ProgressBar() : nil
    }

    func update(done: Int, total: Int, phase: String) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\u{1B}[2K\(phase) \(bar) \(done)/\(total) files"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}

extension IndexedCorpus {
    /// The articles matching the CLI's filters, answered by the index (text through FTS5, ranked by
    /// bm25; otherwise corpus order), as the corpus's articles.
    func articles(matching filter: ArticleFilter, actor: String? = nil, event: String? = nil) throws -> [Article] {
        if filter.isEmpty && actor == nil && event == nil { return corpus.articles }
        let search = filter.search.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let query = ArticleQuery(actor: actor, outlet: filter.outlet, since: filter.since, until: filter.until,
                                 event: event, text: search)
        let ids: [String]
        do {
            ids = try store.summaries(query).map(\.id)
        } catch {
            throw Console.fail("index: \(error)")
        }
        var byID: [String: Article] = [:]
        for a in corpus.articles { byID[a.id] = a }
        return ids.compactMap { byID[$0] }
    }
}
