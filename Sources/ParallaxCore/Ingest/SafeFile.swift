import Foundation

/// Opening and reading article files so that no file can hang or flood Parallax: only regular files,
/// never one under `/proc`, `/sys` or `/dev` (`/proc/self/pagemap` says it is a regular file of size 0
/// and never ends; `/proc/kmsg` blocks), opened without blocking and read up to a cap.
public enum SafeFile {
    /// Why a file was not opened or read, in words for a warning.
    public struct Failure: Error, Equatable, Sendable {
        public var reason: String
    }

    /// Folders whose files are the kernel's, not articles (a procfs mounted elsewhere is not caught).
    public static let systemFolders = ["/proc", "/sys", "/dev"]

    /// Whether a real (resolved) path lies in one of `systemFolders`.
    public static func isSystemPath(_ real: String) -> Bool {
        systemFolders.contains { real == $0 || real.hasPrefix($0 + "/") }
    }

    /// What a file type is, for a warning, when it is not a regular file.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR: return "a folder"
        default: return "a special file"
        }
    }

    /// A file descriptor on a regular file, or why not. Opened with `O_NONBLOCK` so that a path that
    /// turned into a FIFO or a device since it was listed cannot block the open; its type is then
    /// checked on the descriptor itself (`fstat`), so nothing swapped in between is read.
    public static func open(_ path: String) -> Result<Int32, Failure> {
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)).lowercased())) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            close(fd)
            return .failure(Failure(reason: reason))
        }
        if let kind = kindName(st.st_mode) {
            close(fd)
            return .failure(Failure(reason: "\(kind), not a regular file"))
        }
        // Where the descriptor really leads (the kernel's answer, after every link and any swap since
        // the walk). Swift's Glibc has no fstatfs to ask for the filesystem type instead.
        if let opened = openedPath(fd), isSystemPath(opened) {
            close(fd)
            return .failure(Failure(reason: "a system file (\(opened)), not an article"))
        }
        return .success(fd)
    }

    /// At most `limit` bytes from the start of a regular file: a file of any size (or one that never
    /// ends) costs at most `limit` bytes of memory.
    public static func read(_ path: String, limit: Int) -> Result<Data, Failure> {
        switch open(path) {
        case .failure(let f): return .failure(f)
        case .success(let fd):
            defer { close(fd) }
            return read(fd: fd, limit: limit)
        }
    }

    /// At most `limit` bytes from an open descriptor.
    public static func read(fd: Int32, limit: Int) -> Result<Data, Failure> {
        var data = Data()
        let block = 1 << 16
        var buffer = [UInt8](repeating: 0, count: block)
        while data.count < limit {
            let want = min(block, limit - data.count)
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                // EAGAIN cannot come from a regular file; anything else is a read error.
                return .failure(Failure(reason: String(cString: strerror(errno)).lowercased()))
            }
            data.append(contentsOf: buffer[0..<n])
        }
        return .success(data)
    }

    /// The path of an open descriptor, from `/proc/self/fd` (nil where that is not mounted).
    static func openedPath(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The canonical path (every link resolved), or nil when it does not resolve.
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
