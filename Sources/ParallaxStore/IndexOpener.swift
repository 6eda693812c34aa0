import Foundation
import GRDB

/// Opens an index for use, whatever state the file is in: creates it, migrates it, or moves a
/// damaged one aside and starts over; falls back to memory when the folder cannot be written.
/// Every such decision is reported as one message line for stderr.
///
/// It only ever touches what Parallax created: a path naming a folder, a device, or a file that is
/// not a Parallax index is refused (`Refused`) before anything is opened, and "moving aside" is a
/// rename, never a delete.
public enum IndexOpener {
    /// The opened store and what happened on the way (for stderr).
    public struct Opened: Sendable {
        public var store: SQLiteCorpusStore
        public var messages: [String]
    }

    /// `--index PATH` names something that is not Parallax's to write: a usage error (exit 64).
    public struct Refused: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Another process holds the index's lock for longer than we waited: the index is busy, not
    /// broken, and nothing was touched.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var holder: String?
        public init(path: String, holder: String?) {
            self.path = path
            self.holder = holder
        }
        public var description: String {
            "the index \(path) is being updated by \(holder ?? "another process"); nothing was changed — try again when it has finished"
        }
    }

    /// Opens the index the choice names. Throws `Refused` for a path that is not Parallax's and
    /// `Busy` when another process keeps it locked; every other problem becomes a message.
    public static func open(_ choice: IndexChoice, busy: BusyWait = BusyWait()) throws -> Opened {
        var asides: [String] = []
        let opened = try open(choice, busy: busy, asides: &asides)
        return salvage(opened, from: asides)
    }

    private static func open(_ choice: IndexChoice, busy: BusyWait, asides: inout [String]) throws -> Opened {
        let path: String
        let owned: Bool
        switch choice {
        case .memory: return memory([])
        case .file(let p): path = p; owned = false
        case .cache(let p): path = p; owned = true
        }
        var existing: Existing
        do {
            existing = try classify(path, owned: owned)
        } catch let refused as Refused {
            // A Parallax process creating this index right now holds its lock while the file is half
            // made (no application id or tables yet): wait for it, then look again.
            guard IndexLock.isHeld(index: path) else { throw refused }
            withExtendedLifetime(IndexLock.acquireBlocking(index: path)) {}
            existing = try classify(path, owned: owned)
        }
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return memory(["warning: cannot create the index folder \(folder); working without an index (--no-index)"])
        }
        let writable = existing == .none ? fm.isWritableFile(atPath: folder) : fm.isWritableFile(atPath: path)
        guard writable else {
            return memory(["warning: the index at \(path) is not writable; working without an index (--no-index)"])
        }
        var messages: [String] = []
        // An index another process is updating is not ours to move aside, whatever it looks like
        // from here (its WAL may hold pages the main file does not have yet).
        let damagedBeforeOpen: Bool
        if case .damaged = existing { damagedBeforeOpen = true } else { damagedBeforeOpen = false }
        if damagedBeforeOpen || (existing == .parallax && headerProblem(path: path) != nil),
           let pid = IndexLock.holder(index: path) {
            throw Busy(path: path, holder: processName(pid))
        }
        if case .damaged(let why) = existing {
            switch moveAside(path, because: why) {
            case .moved(let m, let target): messages.append(m); asides.append(target)
            case .failed(let m): return memory([m])
            }
        } else if existing == .parallax, let problem = headerProblem(path: path) {
            switch moveAside(path, because: problem) {
            case .moved(let m, let target): messages.append(m); asides.append(target)
            case .failed(let m): return memory([m])
            }
        }
        // Creating an index: under the index lock, so that a second process creating it at the same
        // moment waits and then finds a whole Parallax index (not a half-made file it would refuse).
        var creating: IndexLock?
        if existing == .none {
            creating = IndexLock.acquireBlocking(index: path)
            existing = try classify(path, owned: owned)
        }
        do {
            let holding = creating != nil
            let store = try withExtendedLifetime(creating) {
                try SQLiteCorpusStore(path: path, busy: busy, holdingLock: holding)
            }
            creating = nil
            if let problem = try uncleanEndProblem(store, path: path) {
                // The last update did not finish (killed, power cut) and SQLite finds a damaged page.
                store.close()
                switch moveAside(path, because: "damaged (\(problem))") {
                case .moved(let m, let target): messages.append(m); asides.append(target)
                case .failed(let m): return memory(messages + [m])
                }
                return Opened(store: try SQLiteCorpusStore(path: path, busy: busy), messages: messages)
            }
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
            // Released first: reopening below takes the lock again.
            creating = nil
            let why: String
            if let e = error as? DatabaseError, isBusy(e) {
                // Busy is not broken: leave every file as it is.
                throw Busy(path: path, holder: IndexLock.holder(index: path).map(processName))
            } else if case StoreError.newerSchema = error {
                why = "written by a newer schema"
            } else if let e = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(e.resultCode) {
                why = "damaged: \(e.message ?? "\(e.resultCode)")"
            } else if let e = error as? DatabaseError, [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(e.resultCode) {
                return memory(messages + ["warning: cannot open the index \(path) (\(e.resultCode)); working without an index (--no-index)"])
            } else {
                // An error we cannot classify is no proof of damage: keep the file, work from memory.
                return memory(messages + ["warning: cannot open the index \(path) (\(error)); working without an index (--no-index)"])
            }
            if let pid = IndexLock.holder(index: path) { throw Busy(path: path, holder: processName(pid)) }
            switch moveAside(path, because: why) {
            case .moved(let m, let target): messages.append(m); asides.append(target)
            case .failed(let m): return memory(messages + [m])
            }
            do {
                return Opened(store: try SQLiteCorpusStore(path: path, busy: busy), messages: messages)
            } catch {
                return memory(messages + ["warning: cannot create the index \(path) (\(error)); working without an index (--no-index)"])
            }
        }
    }

    /// Damage found while using an index (a corrupt page in a query): closes the store, moves the
    /// files aside and opens a new, empty index in their place, with the one line saying so. Throws
    /// `Busy` rather than touch an index that another process is updating.
    public static func replaceDamaged(_ store: SQLiteCorpusStore, because error: any Error,
                                      busy: BusyWait = BusyWait()) throws -> Opened {
        guard let path = store.path else { throw error }
        if let pid = IndexLock.holder(index: path) { throw Busy(path: path, holder: processName(pid)) }
        store.close()
        let why: String
        if let e = error as? DatabaseError {
            why = "damaged (\(e.message ?? "\(e.resultCode)"))"
        } else {
            why = "damaged (\(error))"
        }
        switch moveAside(path, because: why) {
        case .moved(let m, let target):
            do {
                return salvage(Opened(store: try SQLiteCorpusStore(path: path, busy: busy), messages: [m]), from: [target])
            } catch {
                return memory([m, "warning: cannot create the index \(path) (\(error)); working without an index (--no-index)"])
            }
        case .failed(let m): return memory([m])
        }
    }

    /// After an update that did not finish (its mark still set, nobody holding the lock), the one
    /// moment a damaged page is likely: `quick_check` reads the whole file once. Nil when sound.
    static func uncleanEndProblem(_ store: SQLiteCorpusStore, path: String) throws -> String? {
        guard try store.buildInProgress(), !IndexLock.isHeld(index: path) else { return nil }
        do {
            return try store.quickCheckProblem()
        } catch where SQLiteCorpusStore.isDamage(error) {
            return (error as? DatabaseError)?.message ?? "\(error)"
        }
    }

    static func processName(_ pid: Int32) -> String {
        pid > 0 ? "process \(pid)" : "another process"
    }

    static func isBusy(_ e: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED].contains(e.resultCode)
    }

    /// Marks, tags and read state are the user's, not derived from the files: copied from an index
    /// moved aside into the new one when they can still be read. The line that says the index was
    /// moved aside says how many were kept (or that they could not be read), so it stays one line.
    static func salvage(_ opened: Opened, from asides: [String]) -> Opened {
        guard opened.store.path != nil else { return opened }
        var out = opened
        func say(_ aside: String, _ what: String) {
            if let i = out.messages.lastIndex(where: { $0.contains(aside) }) {
                out.messages[i] += "; " + what
            } else {
                out.messages.append(what + " (\(aside))")
            }
        }
        for aside in asides {
            guard FileManager.default.fileExists(atPath: aside) else { continue }
            do {
                var config = Configuration()
                config.readonly = true
                let old = try DatabaseQueue(path: aside, configuration: config)
                let rows = try old.read { db -> [Row] in
                    guard try db.tableExists("user_data") else { return [] }
                    return try Row.fetchAll(db, sql: "SELECT article_id, kind, key, value, at FROM user_data")
                }
                try old.close()
                guard !rows.isEmpty else { continue }
                try opened.store.writer.write { db in
                    let ins = try db.cachedStatement(sql: """
                        INSERT OR IGNORE INTO user_data (article_id, kind, key, value, at) VALUES (?, ?, ?, ?, ?)
                        """)
                    for r in rows { try ins.execute(arguments: [r[0], r[1], r[2], r[3], r[4]]) }
                }
                say(aside, "kept its \(rows.count) mark\(rows.count == 1 ? "" : "s")/tags/read states")
            } catch {
                say(aside, "its marks and tags, if any, could not be read and stay in that file")
            }
        }
        return out
    }

    private static func memory(_ messages: [String]) -> Opened {
        // An in-memory SQLite database cannot fail to open short of running out of memory.
        do {
            return Opened(store: try SQLiteCorpusStore.inMemory(), messages: messages)
        } catch {
            fatalError("cannot open an in-memory SQLite database: \(error)")
        }
    }

    /// What is at an index path before it is opened.
    enum Existing: Equatable {
        /// Nothing there, or an empty file (nothing to lose).
        case none
        /// A Parallax index (by its application id, or by its tables for indexes written before it).
        case parallax
        /// A file in Parallax's own cache folder that is no longer a readable database.
        case damaged(String)
    }

    /// Decides whether the path may be opened as an index, refusing anything Parallax did not create.
    /// `owned` is true for Parallax's own file in its cache folder, which it may replace when damaged.
    static func classify(_ path: String, owned: Bool) throws -> Existing {
        let shown = path
        if path.isEmpty { throw Refused(description: "--index needs a file path") }
        if path.hasSuffix("/") {
            throw Refused(description: "--index \(shown): names a folder; give the path of an index file inside it (e.g. \(shown)parallax.sqlite)")
        }
        var st = stat()
        // stat follows a symbolic link: what matters is the file that would be written.
        guard stat(path, &st) == 0 else {
            if errno == ENOENT {
                var lst = stat()
                if lstat(path, &lst) == 0 {
                    throw Refused(description: "--index \(shown): is a symbolic link to nothing; remove it or choose another path")
                }
                return .none
            }
            if errno == ENOTDIR {
                // A parent is a file: creating the folder fails later with a clear warning.
                return .none
            }
            throw Refused(description: "--index \(shown): cannot be examined (\(String(cString: strerror(errno))))")
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw Refused(description: "--index \(shown): is a folder; give the path of an index file inside it (e.g. \(shown)/parallax.sqlite)")
        default:
            throw Refused(description: "--index \(shown): is not a regular file; give the path of an index file")
        }
        if st.st_size == 0 { return .none }
        let header = readHeader(path)
        let magic = Array("SQLite format 3\u{0}".utf8)
        guard header.count >= 72, header.starts(with: magic) else {
            if owned { return .damaged(header.count < 100 ? "truncated (\(st.st_size) bytes)" : "not an SQLite database") }
            throw Refused(description: "--index \(shown): is not a Parallax index (not an SQLite database); Parallax only writes files it created — choose another path")
        }
        let appID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if appID == Schema.applicationID { return .parallax }
        if appID != 0 {
            throw Refused(description: "--index \(shown): is another program's SQLite database, not a Parallax index; choose another path")
        }
        // Indexes written before the application id was set: known by their tables.
        switch legacyTables(path) {
        case .some(true): return .parallax
        case .some(false):
            throw Refused(description: "--index \(shown): is an SQLite database that Parallax did not create; choose another path")
        case .none:
            if owned { return .parallax }
            throw Refused(description: "--index \(shown): is an SQLite database that cannot be read as a Parallax index; choose another path")
        }
    }

    private static func readHeader(_ path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
    }

    /// Whether an SQLite file without an application id has Parallax's tables; nil when it cannot be read.
    private static func legacyTables(_ path: String) -> Bool? {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(2)
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db in
            let names = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            // No table yet (or only the migrations' own): an index another Parallax is creating this
            // moment, and in any case a database with nothing in it to lose.
            if names.subtracting(["grdb_migrations"]).isEmpty { return true }
            return ["meta", "source_file", "article", "grdb_migrations"].allSatisfy(names.contains)
        }
    }

    enum MoveAside {
        /// The message, and where the files went.
        case moved(String, target: String)
        case failed(String)
    }

    /// Moves a damaged index (and its WAL and shared-memory files) aside by renaming, so that the
    /// user keeps it for inspection. Nothing is ever deleted: when the index itself cannot be
    /// renamed, every file stays where it is.
    static func moveAside(_ path: String, because why: String) -> MoveAside {
        let fm = FileManager.default
        let stamp = Int(Date().timeIntervalSince1970)
        var target = "\(path).broken-\(stamp)"
        var n = 1
        while ["", "-wal", "-shm"].contains(where: { fm.fileExists(atPath: target + $0) }) {
            n += 1
            target = "\(path).broken-\(stamp)-\(n)"
        }
        do {
            try fm.moveItem(atPath: path, toPath: target)
        } catch {
            return .failed("warning: the index \(path) is \(why) but could not be moved aside (\(error.localizedDescription)); it was left as it is; working without an index (--no-index)")
        }
        var kept: [String] = []
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            if (try? fm.moveItem(atPath: path + suffix, toPath: target + suffix)) == nil { kept.append(path + suffix) }
        }
        let note = kept.isEmpty ? "" : " (\(kept.joined(separator: ", ")) could not be moved and was left)"
        return .moved("index \(path) \(why): moved aside to \(target) and rebuilt\(note)", target: target)
    }

    /// Checks the SQLite header without trusting SQLite to notice: a wrong magic string, an impossible
    /// page size, or a file shorter than the page count the header records (a truncated copy).
    static func headerProblem(path: String) -> String? {
        let bytes = readHeader(path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        if size == 0 { return nil }  // an empty file is a fresh database to SQLite
        guard bytes.count == 100 else { return "truncated (\(size) bytes)" }
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
