import Foundation
import ParallaxBrowse
import ParallaxCore
import ParallaxStore
import ParallaxTUI

/// Opening a corpus for the TUI through its index: the screen comes up on what is already indexed
/// (read from the index on demand, see `StoreCorpus`) while the index is brought up to date with the
/// files in the background. Only a first open, with nothing indexed yet, waits for the index build
/// (with the progress bar on stderr, as every command).
enum IndexedBrowsing {
    struct Opened {
        var query: StoreCorpus
        /// The update running behind the screen, nil when it ran before.
        var update: BackgroundIndexUpdate?
    }

    static func open(paths: [String], options: IndexOptions, quiet: Bool,
                     reader: LoaderCorpusReader = LoaderCorpusReader()) throws -> Opened {
        var (roots, store) = try IndexedLoading.openIndex(paths: paths, options: options)
        var repaired = false
        while true {
            do {
                if store.path != nil, try store.hasArticles() {
                    let query = try StoreCorpus(store: store)
                    return Opened(query: query, update: BackgroundIndexUpdate(store: store, roots: roots, reader: reader))
                }
                break
            } catch where !repaired && SQLiteCorpusStore.isDamage(error) {
                // As the CLI: a damaged page moves the index aside, and the TUI opens on a new build.
                repaired = true
                let opened: IndexOpener.Opened
                do {
                    opened = try IndexOpener.replaceDamaged(store, because: error, busy: IndexedLoading.busyWait())
                } catch {
                    throw IndexedLoading.failure(error, store: store)
                }
                for m in opened.messages { Console.note(m) }
                store = opened.store
            } catch {
                throw IndexedLoading.failure(error, store: store)
            }
        }
        // Nothing indexed yet (or an index in memory): build it first.
        let report = try IndexedLoading.update(store: store, roots: roots, quiet: quiet, reader: reader)
        let query: StoreCorpus
        do {
            query = try StoreCorpus(store: store, warnings: report.warnings)
        } catch {
            throw Console.fail("index \(store.path ?? "(memory)"): \(error)")
        }
        guard query.articleCount > 0 else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
        return Opened(query: query, update: nil)
    }
}

/// An index update running on other threads while the TUI is on screen. The key loop polls it (on
/// its own thread, every key and every wait): it answers with messages — the progress for the status
/// line, then the fresh answers of the updated index (opened on the update's thread, not the loop's).
final class BackgroundIndexUpdate: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: IndexProgress?
    /// What the finished update has to say: the new answers and a note, or a note alone.
    private var outcome: (query: StoreCorpus?, note: String?)?
    private var delivered = false
    private var lastActivity: String?

    init(store: SQLiteCorpusStore, roots: [String], reader: LoaderCorpusReader) {
        Task.detached(priority: .utility) { [self] in
            let r: Result<IndexReport, any Error>
            do {
                // Another process updating this index: wait for it on the status line.
                let lock = try await store.path.asyncMap { path in
                    try await IndexLock.acquire(index: path) { holder, _ in
                        self.report(IndexProgress(done: 0, total: 0,
                                                  phase: "waiting for \(holder.map { "process \($0)" } ?? "another process")"))
                    }
                }
                r = .success(try await Indexer(reader: reader).update(store: store, roots: roots) { p in
                    self.report(p)
                })
                withExtendedLifetime(lock) {}
            } catch {
                r = .failure(error)
            }
            self.finish(Self.outcome(of: r, store: store))
        }
    }

    /// The new answers (when files changed) and what to say.
    private static func outcome(of r: Result<IndexReport, any Error>, store: SQLiteCorpusStore) -> (StoreCorpus?, String?) {
        switch r {
        case .success(let report):
            let files = report.added + report.changed + report.removed
            guard files > 0 || report.analysed else { return (nil, nil) }
            do {
                return (try StoreCorpus(store: store, warnings: report.warnings),
                        "index updated: \(report.added) new, \(report.changed) changed, \(report.removed) removed file\(files == 1 ? "" : "s")")
            } catch {
                return (nil, "index: \(error)")
            }
        case .failure(let error):
            return (nil, "index update failed: \((error as? LoadError)?.description ?? "\(error)")")
        }
    }

    private func finish(_ o: (StoreCorpus?, String?)) {
        lock.lock()
        outcome = (o.0, o.1)
        lock.unlock()
    }

    private func report(_ p: IndexProgress) {
        lock.lock()
        progress = p
        lock.unlock()
    }

    /// The messages since the last poll: the status line's progress when it changed, and once the
    /// update is over, the end of the progress and its outcome.
    func poll() -> [Msg] {
        lock.lock()
        let p = progress, o = outcome, done = delivered
        if o != nil { delivered = true }
        lock.unlock()
        if done { return [] }
        guard let o else {
            let text: String
            if let p, p.phase.hasPrefix("waiting") {
                text = "indexing: \(p.phase)…"
            } else if let p, p.total > 0 {
                text = p.phase == "reading" ? "indexing: reading " + ProgressBar.counts(p) : "indexing: \(p.phase)…"
            } else {
                text = "indexing: checking the files…"
            }
            if lastActivity == text { return [] }
            lastActivity = text
            return [.activity(text)]
        }
        var out: [Msg] = [.activity(nil)]
        if let q = o.query {
            out.append(.replaceQuery(QueryBox(q), note: o.note))
        } else if let note = o.note {
            out.append(.done(note))
        }
        return out
    }
}
