import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxStorePostgres

/// `--store postgres://…`: a corpus on a PostgreSQL server. `parallax index` is the collector (it reads
/// the files and writes the store); `parallax articles` reads the store as it is, without updating it,
/// so that any number of readers query while one collector writes.
enum SharedStore {
    /// The one line for a command that does not read a PostgreSQL store yet (exit 64).
    static func notYet() -> ExitCode {
        Console.usageFail("--store postgres:// is read by `parallax index` and `parallax articles` (table) so far; "
                          + "this command reads an index file (--index PATH)")
    }

    /// The store, its schema migrated, or exit 1 with one line (never the password).
    static func open(_ url: String) throws -> PostgresCorpusStore {
        do {
            let store = try PostgresCorpusStore(url: url)
            if !store.migrationsApplied.isEmpty {
                Console.note("store \(store.location): schema \(store.migrationsApplied.joined(separator: ", ")) applied")
            }
            return store
        } catch let e as PostgresLocation.Problem {
            throw Console.usageFail(e.description)
        } catch {
            throw failure(error)
        }
    }

    /// One line for a failure of the store (a lost connection says so), exit 1.
    static func failure(_ error: any Error) -> ExitCode {
        if let e = error as? ExitCode { return e }
        if let e = error as? LoadError { return Console.fail(e.description) }
        if let e = error as? PostgresStoreError {
            return Console.fail(e.connectionLost ? "\(e.message); nothing half-written was kept (each write is one transaction)" : e.message)
        }
        return Console.fail("store: \(error)")
    }

    /// Runs `body` on the store, any failure of it turned into one line.
    static func with<T>(_ url: String, _ body: (PostgresCorpusStore) throws -> T) throws -> T {
        let store = try open(url)
        do { return try body(store) } catch { throw failure(error) }
    }

    /// `parallax index --store URL PATHS`: brings the store up to date with the files.
    static func index(url: String, corpus: CorpusOptions, rebuild: Bool, stats: Bool) throws {
        let roots: [String]
        do { roots = try CorpusLoader.resolvePaths(corpus.paths) } catch { throw Console.fail(error.description) }
        try with(url) { store in
            if rebuild { try store.removeFiles(Array(try store.fileStates().keys)) }
            let bar = ProgressBar.forStderr()
            defer { bar?.finish() }
            let reader = corpus.reader
            let r = try blocking {
                try await Indexer(reader: reader).update(store: store, roots: roots) { p in bar?.update(p) }
            }
            bar?.finish()
            for n in r.notes { Console.note(n) }
            if !corpus.quiet { Console.warn(r.warnings) }
            let count = try store.articleCount()
            guard count > 0 else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
            let mb = Double(r.bytesRead) / 1_048_576
            Console.out("""
                \(r.filesListed) files: \(r.filesRead) read (\(r.added) added, \(r.changed) changed), \
                \(r.unchanged + r.touched) unchanged, \(r.removed) removed
                \(count) articles; \(r.articles) read (\(String(format: "%.1f", mb)) MB) \
                in \(String(format: "%.2f", r.seconds)) s\(r.analysed ? String(format: ", analysis %.2f s", r.analysisSeconds) : "")
                store: \(store.location)
                """)
            if stats {
                let s = try store.stats()
                let size = s.bytes.map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "?"
                Console.table(TextTable(headers: ["", "COUNT"], rows: [
                    ["files", "\(s.files)"], ["articles", "\(s.articles)"], ["actors", "\(s.actors)"],
                    ["aliases", "\(s.aliases)"], ["mentions", "\(s.mentions)"], ["quotes", "\(s.quotes)"],
                    ["events", "\(s.events)"], ["article–event links", "\(s.eventLinks)"],
                    ["schema", "pg v\(s.schemaVersion)"], ["size", size],
                ]))
            }
        }
    }

    /// Readers take no paths: the collector decides what the store holds.
    static func refusePaths(_ corpus: CorpusOptions) throws {
        guard corpus.paths.isEmpty else {
            throw Console.usageFail("with --store, `parallax index --store URL PATHS` collects the files; "
                                    + "reading commands take no paths")
        }
    }
}
