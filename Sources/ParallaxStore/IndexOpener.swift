import Foundation
import GRDB

/// Opens an index for use, whatever state the file is in: creates it, migrates it, or moves a
/// damaged one aside and starts over; falls back to memory when the folder cannot be written.
/// Every such decision is reported as one message line for stderr.
public enum IndexOpener {
    /// The opened store and what happened on the way (for stderr).
    public struct Opened: Sendable {
        public var store: SQLiteCorpusStore
        public var messages: [String]
    }

    public static func open(_ choice: IndexChoice) -> Opened {
        guard case .file(let path) = choice else { return memory([]) }
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try fm.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            return memory(["warning: cannot create the index folder \(folder); working without an index (--no-index)"])
        }
        let writable = fm.fileExists(atPath: path) ? fm.isWritableFile(atPath: path)
                                                   : fm.isWritableFile(atPath: folder.isEmpty ? "." : folder)
        guard writable else {
            return memory(["warning: the index at \(path) is not writable; working without an index (--no-index)"])
        }
        var messages: [String] = []
        if fm.fileExists(atPath: path) {
            if let problem = headerProblem(path: path) {
                messages.append(moveAside(path, because: problem))
            }
        }
        do {
            let store = try SQLiteCorpusStore(path: path)
            if !store.migratedFrom.isEmpty {
                let old = store.migratedFrom.last ?? "?"
                if store.migrationsApplied.contains(where: Schema.rebuildingMigrations.contains) {
                    messages.append("index \(path): schema \(old) is out of date, rebuilt as v\(Schema.version) (files are read again)")
                } else {
                    messages.append("index \(path): migrated from schema \(old) to v\(Schema.version)")
                }
            }
            return Opened(store: store, messages: messages)
        } catch {
            let why: String
            if case StoreError.newerSchema = error {
                why = "written by a newer schema"
            } else if let e = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(e.resultCode) {
                why = "damaged: \(e.message ?? "\(e.resultCode)")"
            } else if let e = error as? DatabaseError, [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(e.resultCode) {
                return memory(messages + ["warning: cannot open the index \(path) (\(e.resultCode)); working without an index (--no-index)"])
            } else {
                why = "unreadable: \(error)"
            }
            messages.append(moveAside(path, because: why))
            do {
                return Opened(store: try SQLiteCorpusStore(path: path), messages: messages)
            } catch {
                return memory(messages + ["warning: cannot create the index \(path) (\(error)); working without an index (--no-index)"])
            }
        }
    }

    private static func memory(_ messages: [String]) -> Opened {
        // An in-memory SQLite database cannot fail to open short of running out of memory.
        do {
            return Opened(store: try SQLiteCorpusStore.inMemory(), messages: messages)
        } catch {
            fatalError("cannot open an in-memory SQLite database: \(error)")
        }
    }

    /// Moves the index (and its WAL and shared-memory files) aside so that the user keeps it for
    /// inspection, and says so.
    static func moveAside(_ path: String, because why: String) -> String {
        let fm = FileManager.default
        let stamp = Int(Date().timeIntervalSince1970)
        let target = "\(path).broken-\(stamp)"
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            if suffix == "-shm" {
                try? fm.removeItem(atPath: path + suffix)
            } else {
                try? fm.removeItem(atPath: target + suffix)
                if (try? fm.moveItem(atPath: path + suffix, toPath: target + suffix)) == nil {
                    try? fm.removeItem(atPath: path + suffix)
                }
            }
        }
        return "index \(path) \(why): moved aside to \(target) and rebuilt"
    }

    /// Checks the SQLite header without trusting SQLite to notice: a wrong magic string, an impossible
    /// page size, or a file shorter than the page count the header records (a truncated copy).
    static func headerProblem(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        if size == 0 { return nil }  // an empty file is a fresh database to SQLite
        guard header.count == 100 else { return "truncated (\(size) bytes)" }
        let bytes = [UInt8](header)
        guard bytes.starts(with: Array("SQLite format 3\u{0}".utf8)) else { return "not an SQLite database" }
        func be32(_ o: Int) -> Int64 {
            bytes[o..<o + 4].reduce(Int64(0)) { $0 << 8 | Int64($1) }
        }
        let rawPage = Int64(bytes[16]) << 8 | Int64(bytes[17])
        let pageSize = rawPage == 1 ? 65536 : rawPage
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else { return "bad page size \(rawPage)" }
        // Pages still in the WAL may legitimately be missing from the main file.
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0
        if walSize == 0 {
            if size % pageSize != 0 { return "truncated (\(size) bytes is not a whole number of pages)" }
            let pages = be32(28)
            if be32(92) == be32(24), pages > 0, pages * pageSize > size {
                return "truncated (\(size) of \(pages * pageSize) bytes)"
            }
        }
        return nil
    }
}
