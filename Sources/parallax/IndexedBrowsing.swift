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

/// An index update running on other threads while the TUI is on screen. The key loop calls `tick`
/// (on its own thread, every key and every 100 ms): it shows the progress on the status line and,
/// when the update changed the index, swaps a fresh query into the state.
final class BackgroundIndexUpdate: @unchecked Sendable {
    private let lock = NSLock()
    private var progress: IndexProgress?
    private var result: Result<IndexReport, any Error>?
    private var applied = false
    private let store: SQLiteCorpusStore

    init(store: SQLiteCorpusStore, roots: [String], reader: LoaderCorpusReader) {
        self.store = store
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
            self.finish(r)
        }
    }

    private func finish(_ r: Result<IndexReport, any Error>) {
        lock.lock()
        result = r
        lock.unlock()
    }

    private func report(_ p: IndexProgress) {
        lock.lock()
        progress = p
        lock.unlock()
    }

    /// Returns true when it changed the state.
    func tick(_ state: inout AppState) -> Bool {
        lock.lock()
        let p = progress, r = result, done = applied
        if r != nil { applied = true }
        lock.unlock()
        if done { return false }
        guard let r else {
            let text: String
            if let p, p.phase.hasPrefix("waiting") {
                text = "indexing: \(p.phase)…"
            } else if let p, p.total > 0 {
                text = p.phase == "reading" ? "indexing: reading " + ProgressBar.counts(p) : "indexing: \(p.phase)…"
            } else {
                text = "indexing: checking the files…"
            }
            if state.activity == text { return false }
            state.activity = text
            return true
        }
        state.activity = nil
        switch r {
        case .success(let report):
            let files = report.added + report.changed + report.removed
            guard files > 0 || report.analysed else { return true }
            do {
                state.replaceQuery(try StoreCorpus(store: store, warnings: report.warnings))
                state.message = "index updated: \(report.added) new, \(report.changed) changed, \(report.removed) removed file\(files == 1 ? "" : "s")"
            } catch {
                state.message = "index: \(error)"
            }
        case .failure(let error):
            state.message = "index update failed: \((error as? LoadError)?.description ?? "\(error)")"
        }
        return true
    }
}
