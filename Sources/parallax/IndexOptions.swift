import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxStorePostgres

/// `--index PATH` / `--no-index`: which index a command that loads a corpus goes through.
/// Part of `CorpusOptions`, so every such command has them.
struct IndexOptions: ParsableArguments {
    @Option(name: .customLong("index"),
            help: ArgumentHelp("The index file to use instead of the one under $XDG_CACHE_HOME/parallax/ (else ~/.cache/parallax/).",
                               valueName: "path"))
    var indexPath: String?

    @Flag(name: .customLong("no-index"), help: "Work from memory only: read every file, write no index.")
    var noIndex = false

    @Option(name: .customLong("store"),
            help: ArgumentHelp("A PostgreSQL server a team shares, instead of an index file: postgres://user@host/database (else $PARALLAX_STORE). The password comes from the URL, PGPASSWORD or ~/.pgpass. `index` collects into it; `articles` reads it.",
                               valueName: "url"))
    var storeURL: String?

    /// The PostgreSQL store chosen by `--store`, else by `PARALLAX_STORE`; nil: an index file.
    var postgresURL: String? {
        if let storeURL { return storeURL }
        guard indexPath == nil, !noIndex, let env = ProcessInfo.processInfo.environment["PARALLAX_STORE"], !env.isEmpty else { return nil }
        return env
    }

    func validate() throws {
        if noIndex && indexPath != nil { throw ValidationError("--index and --no-index exclude each other") }
        if storeURL != nil && (noIndex || indexPath != nil) { throw ValidationError("--store excludes --index and --no-index") }
        if let url = postgresURL, !PostgresLocation.isURL(url) {
            throw ValidationError("--store (or PARALLAX_STORE) takes a postgres:// URL, not \(SafeText.sanitize(url))")
        }
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
        do {
            return try updateOrThrow(store: store, roots: roots, quiet: quiet, reader: reader)
        } catch {
            throw failure(error, store: store)
        }
    }

    /// As `update`, with the index's own errors (damage, busy) thrown as they are, for the caller to
    /// repair or report.
    static func updateOrThrow(store: SQLiteCorpusStore, roots: [String], quiet: Bool,
                              reader: LoaderCorpusReader = LoaderCorpusReader()) throws -> IndexReport {
        let bar = ProgressBar.forStderr()
        let report: IndexReport
        defer { bar?.finish() }
        report = try blocking {
            // One update at a time per index: a second waits for the first (saying for whom), then
            // finds the files already read.
            let lock = try await store.path.asyncMap { path in
                try await IndexLock.acquire(index: path, waiting: LockWaitNotice(bar: bar).callback)
            }
            let r = try await Indexer(reader: reader).update(store: store, roots: roots) { p in
                bar?.update(p)
            }
            withExtendedLifetime(lock) {}
            return r
        }
        bar?.finish()
        for n in report.notes { Console.note(n) }
        if !quiet { Console.warn(report.warnings) }
        return report
    }

    /// The one line (exit 1) for an error of the index: busy names the process, a loader error is its
    /// own message.
    static func failure(_ error: any Error, store: SQLiteCorpusStore) -> ExitCode {
        if let e = error as? LoadError { return Console.fail(e.description) }
        if let path = store.path, SQLiteCorpusStore.isBusy(error) {
            let holder = IndexLock.holder(index: path).map { $0 > 0 ? "process \($0)" : "another process" }
            return Console.fail(IndexOpener.Busy(path: path, holder: holder).description)
        }
        if let busy = error as? IndexOpener.Busy { return Console.fail(busy.description) }
        return Console.fail("index \(store.path ?? "(memory)"): \(error)")
    }

    /// The corpus roots and their index, opened (or rebuilt, or in memory) with its messages printed.
    static func openIndex(paths: [String], options: IndexOptions) throws -> (roots: [String], store: SQLiteCorpusStore) {
        // Every command reaching for an index file comes through here: one on a PostgreSQL store says so.
        if options.postgresURL != nil { throw SharedStore.notYet() }
        let roots: [String]
        do {
            roots = try CorpusLoader.resolvePaths(paths)
        } catch {
            throw Console.fail(error.description)
        }
        let opened: IndexOpener.Opened
        do {
            opened = try IndexOpener.open(options.choice(roots: roots), busy: busyWait())
        } catch let refused as IndexOpener.Refused {
            throw Console.usageFail(refused.description)
        } catch {
            throw Console.fail("\(error)")
        }
        // Messages about the index itself are shown even with --quiet: they explain a slow start.
        for m in opened.messages { Console.note(m) }
        return (roots, opened.store)
    }

    /// Waiting for SQLite's lock shows on a terminal's stderr, as the progress bar does.
    static func busyWait() -> BusyWait {
        guard isatty(STDERR_FILENO) != 0 else { return BusyWait() }
        return BusyWait { seconds in
            let line = "\r\u{1B}[2Kthe index is busy (another process is writing): waiting \(Int(seconds)) s"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Opens the index, brings it up to date and runs `body` on it. A damaged page met on the way (in
    /// the update or in `body`'s queries) moves the index aside and starts over once, with one line:
    /// the index is a cache of the files, so rebuilding it is always possible.
    static func withIndex<T>(paths: [String], options: IndexOptions, quiet: Bool,
                             reader: LoaderCorpusReader = LoaderCorpusReader(),
                             _ body: ([String], SQLiteCorpusStore, IndexReport) throws -> T) throws -> T {
        var (roots, store) = try openIndex(paths: paths, options: options)
        var repaired = false
        while true {
            do {
                let report = try updateOrThrow(store: store, roots: roots, quiet: quiet, reader: reader)
                return try body(roots, store, report)
            } catch where !repaired && store.path != nil && SQLiteCorpusStore.isDamage(error) {
                repaired = true
                let opened: IndexOpener.Opened
                do {
                    opened = try IndexOpener.replaceDamaged(store, because: error, busy: busyWait())
                } catch {
                    throw failure(error, store: store)
                }
                for m in opened.messages { Console.note(m) }
                store = opened.store
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw failure(error, store: store)
            }
        }
    }

    static func load(paths: [String], options: IndexOptions, quiet: Bool,
                     reader: LoaderCorpusReader = LoaderCorpusReader(),
                     parts: SQLiteCorpusStore.CorpusParts = .all) throws -> IndexedCorpus {
        try withIndex(paths: paths, options: options, quiet: quiet, reader: reader) { roots, store, report in
            let corpus = try store.loadCorpus(parts: parts)
            guard !corpus.articles.isEmpty else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            var loaded = corpus
            loaded.warnings = report.warnings
            return IndexedCorpus(corpus: loaded, store: store, report: report, indexPath: store.path)
        }
    }
}

/// Says once on stderr whom a second update waits for, then shows the seconds on a terminal.
private final class LockWaitNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var said = false
    private let bar: ProgressBar?

    init(bar: ProgressBar?) { self.bar = bar }

    var callback: IndexLock.Waiting {
        { [self] holder, seconds in
            lock.lock()
            let first = !said
            said = true
            lock.unlock()
            if first {
                let who = holder.map { "process \($0)" } ?? "another process"
                Console.note("waiting for \(who), which is updating this index (Ctrl-C to stop)")
            }
            bar?.status("waiting for the other update: \(Int(seconds)) s")
        }
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let w): return try await transform(w)
        case .none: return nil
        }
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

    func update(_ p: IndexProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let finished = p.done >= p.total && p.bytesDone >= p.bytesTotal
        guard finished || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + ProgressBar.line(p)).utf8))
        drawn = true
    }

    /// The bar for a progress: filled by bytes when there are any to read (so that one large file
    /// moves it), else by files; then bytes, articles and files.
    static func line(_ p: IndexProgress, width: Int = 30) -> String {
        let fraction: Double
        if p.bytesTotal > 0 { fraction = Double(p.bytesDone) / Double(p.bytesTotal) }
        else { fraction = p.total > 0 ? Double(p.done) / Double(p.total) : 1 }
        let filled = max(0, min(width, Int(fraction * Double(width))))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(p.phase) \(bar) " + counts(p)
    }

    /// `12.3/45.6 MB · 1234 articles · 1/1 file`: what the bar and the TUI's status line say.
    static func counts(_ p: IndexProgress) -> String {
        var parts: [String] = []
        if p.bytesTotal > 0 { parts.append("\(megabytes(p.bytesDone))/\(megabytes(p.bytesTotal)) MB") }
        if p.articles > 0 { parts.append("\(p.articles) article\(p.articles == 1 ? "" : "s")") }
        parts.append("\(p.done)/\(p.total) file\(p.total == 1 ? "" : "s")")
        return parts.joined(separator: " · ")
    }

    static func megabytes(_ b: Int64) -> String { String(format: "%.1f", Double(b) / 1_048_576) }

    /// A line of text in the bar's place (a wait, not a count).
    func status(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
        drawn = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
