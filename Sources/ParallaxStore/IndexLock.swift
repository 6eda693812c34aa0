import Foundation

/// The advisory lock that lets one process at a time update an index: `flock(2)` on `<index>.lock`,
/// a small file Parallax creates next to the index, which holds the pid of the process updating it.
/// SQLite's own lock is held only for one short transaction at a time, so without this a second
/// indexer would interleave its writes with the first (and redo its work); with it, the second
/// waits, says for whom, and then finds the index up to date. The kernel releases the lock when its
/// holder exits, however it exits: a stale pid in the file means nothing while nobody holds it.
public final class IndexLock: @unchecked Sendable {
    // Only the descriptor, written once in init and closed in deinit.
    private let fd: Int32
    public let path: String

    public static func path(forIndex index: String) -> String { index + ".lock" }

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Opens (creating) the lock file; nil when it cannot be (a read-only folder: then no process can
    /// write the index either). A symbolic link in its place is not followed.
    private static func openFile(_ path: String) -> Int32? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Takes the lock without waiting; nil when another process (or another update in this one)
    /// holds it, or when there is no lock file to take.
    public static func tryAcquire(index: String) -> IndexLock? {
        let path = path(forIndex: index)
        guard let fd = openFile(path) else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        let lock = IndexLock(fd: fd, path: path)
        lock.writePID()
        return lock
    }

    /// What `acquire` reports while it waits: the holder's pid (nil if it wrote none) and the seconds
    /// waited so far, about every 200 ms.
    public typealias Waiting = @Sendable (_ holder: Int32?, _ seconds: Double) -> Void

    /// Takes the lock, waiting as long as another process holds it (an update always ends; Ctrl-C
    /// stops the wait). Returns nil, without waiting, when the lock file cannot be created: the
    /// index folder is then not writable and the caller works from memory anyway.
    public static func acquire(index: String, waiting: Waiting? = nil) async throws -> IndexLock? {
        let path = path(forIndex: index)
        guard let fd = openFile(path) else { return nil }
        let start = Date()
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(fd)
                return nil
            }
            waiting?(readPID(fd), Date().timeIntervalSince(start))
            do {
                try await Task.sleep(nanoseconds: 200_000_000)
            } catch {
                close(fd)
                throw error
            }
        }
        let lock = IndexLock(fd: fd, path: path)
        lock.writePID()
        return lock
    }

    /// The pid of the process holding the lock of this index, nil when nobody does (or it wrote none).
    /// Used to name who is writing when the index is busy.
    public static func holder(index: String) -> Int32? {
        let path = path(forIndex: index)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // A shared lock succeeds only when nobody holds the exclusive one.
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return readPID(fd) ?? 0
    }

    /// True when some process holds the lock (an update is running).
    public static func isHeld(index: String) -> Bool { holder(index: index) != nil }

    private func writePID() {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 32, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(text), pid > 0 else { return nil }
        return pid
    }
}
