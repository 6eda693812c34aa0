import Foundation

/// Where the index of a corpus lives: `$XDG_CACHE_HOME/parallax/` (else `~/.cache/parallax/`), one
/// file per corpus root, named by a hash of the canonical (absolute, symlink-resolved) root paths.
public enum IndexLocation {
    public static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let x = environment["XDG_CACHE_HOME"], !x.isEmpty {
            return URL(fileURLWithPath: x).appendingPathComponent("parallax")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/parallax")
    }

    /// The canonical form of a root: the same folder reached by another relative path or a symlink
    /// gets the same index.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public static func defaultPath(roots: [String],
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let key = Set(roots.map(canonical)).sorted().joined(separator: "\n")
        let name = "index-" + ContentHash.hex(of: Array(key.utf8)) + ".sqlite"
        return cacheFolder(environment: environment).appendingPathComponent(name).path
    }
}

/// Which index a command uses: `--index PATH`, the default per-root file, or `--no-index`.
public enum IndexChoice: Sendable, Equatable {
    /// A path the user named (`--index`): opened only if it is empty, absent or a Parallax index.
    case file(String)
    /// Parallax's own file in its cache folder: replaced (moved aside) when it is damaged.
    case cache(String)
    case memory
}
