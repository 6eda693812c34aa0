import Foundation

/// Locates the data shipped under `Resources/` and the user's own extensions of it.
public enum ResourceFiles {
    /// The folder holding `data/` and `corpus/`, found once (see `candidates`); nil when none has them.
    /// Found by hand rather than through `Bundle.module`, which ends the process when its bundle is not
    /// where the build left it (a copied or installed binary): Parallax says where it looked instead.
    public static let root: URL? = candidates.first { isResourceFolder($0) }

    /// Where the resources are looked for: `$PARALLAX_RESOURCES` alone when it is set (a setting is not
    /// second-guessed); else, in order, beside the executable as the build leaves them
    /// (`Parallax_ParallaxCore.resources`), `../share/parallax` from the executable (as `scripts/install`
    /// lays them out), and the source tree this binary was built from.
    public static var candidates: [URL] {
        var out: [URL] = []
        if let p = ProcessInfo.processInfo.environment["PARALLAX_RESOURCES"], !p.isEmpty {
            return [URL(fileURLWithPath: p)]
        }
        if let exe = executableURL {
            let dir = exe.deletingLastPathComponent()
            out.append(dir.appendingPathComponent("Parallax_ParallaxCore.resources"))
            out.append(dir.deletingLastPathComponent().appendingPathComponent("share/parallax"))
        }
        // …/Sources/ParallaxCore/Support/ResourceFiles.swift → …/Resources
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources")
        out.append(source)
        return out
    }

    /// The running executable, links resolved (a link in `~/bin` to an installed binary finds its share/).
    static var executableURL: URL? {
        if let p = SafeFile.realPath("/proc/self/exe") { return URL(fileURLWithPath: p) }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    static func isResourceFolder(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        let data = url.appendingPathComponent("data/keymap.txt").path
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus").path, isDirectory: &isDir)
            && isDir.boolValue && FileManager.default.fileExists(atPath: data)
    }

    /// What to tell a user whose Parallax cannot find its resources.
    public static var notFoundMessage: String {
        "cannot find its data files (a folder with data/ and corpus/); looked in: "
            + candidates.map(\.path).joined(separator: ", ")
            + ". Install with scripts/install PREFIX (the binary in PREFIX/bin, the data in PREFIX/share/parallax), "
            + "or set PARALLAX_RESOURCES to the folder that holds data/ and corpus/ (Resources/ of the source tree)"
    }

    /// The embedded sample corpus (`Resources/corpus`).
    public static var sampleCorpus: URL? {
        root?.appendingPathComponent("corpus")
    }

    /// A shipped data file under `Resources/data`.
    public static func shipped(_ name: String) -> URL? {
        root?.appendingPathComponent("data").appendingPathComponent(name)
    }

    /// The names of the shipped data files.
    public static func shippedNames() -> [String] {
        guard let folder = root?.appendingPathComponent("data"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted()
    }

    /// The user's extension folder: `$PARALLAX_CONFIG`, else `$XDG_CONFIG_HOME/parallax`, else `~/.config/parallax`.
    public static var userFolder: URL {
        let env = ProcessInfo.processInfo.environment
        if let p = env["PARALLAX_CONFIG"], !p.isEmpty { return URL(fileURLWithPath: p) }
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty {
            return URL(fileURLWithPath: x).appendingPathComponent("parallax")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/parallax")
    }

    /// Bumped whenever a change to the code changes what cleaning or extraction produce from the same
    /// text, so that an index built by an older Parallax is re-analysed rather than trusted.
    public static let analysisVersion = 24

    /// Data files that only shape the interface, not what is extracted.
    static let interfaceFiles: Set<String> = ["keymap.txt", "theme.txt"]

    /// A fingerprint of everything that decides what cleaning and extraction produce: the analysis
    /// version and the contents of every shipped data file and of the user's files of the same names.
    /// An index stores it; when it differs (a user added a gazetteer entry, a new Parallax shipped
    /// new rules) the files are read and analysed again.
    /// `rulesFingerprint()` read once per process: the files do not change under a running command.
    public static let currentRulesFingerprint = rulesFingerprint()

    public static func rulesFingerprint() -> String {
        var h = StableHash()
        h.combine(String(analysisVersion))
        guard let folder = root?.appendingPathComponent("data"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return h.hex() }
        for name in names.sorted() where !interfaceFiles.contains(name) {
            h.combine(name)
            for url in [folder.appendingPathComponent(name), userFolder.appendingPathComponent(name)] {
                // Missing user files hash as empty: adding one changes the fingerprint.
                let data = (try? Data(contentsOf: url)) ?? Data()
                h.combine(bytes: data)
                h.combine(bytes: [0xFF])
            }
        }
        return h.hex()
    }

    /// The lines of a data file: the shipped one, then the user's file of the same name, if any.
    /// Blank lines and `#` comments are dropped (`DataFileCheck` reports the lines a reader cannot use).
    public static func lines(of name: String) -> [String] {
        [shipped(name), userFolder.appendingPathComponent(name)].compactMap { $0 }.flatMap { numberedLines(of: $0).map(\.text) }
    }

    /// The lines of one data file that carry data, trimmed, with their line numbers (from 1): blank
    /// lines and `#` comments are skipped, and so is a line that is not UTF-8 (it is kept as nil text
    /// in `rawLines` for the check to report). A missing or unreadable file has none.
    public static func numberedLines(of url: URL) -> [DataLine] {
        rawLines(of: url).compactMap { n, t in t.map { DataLine(number: n, text: $0) } }
    }

    /// Every line of a file that is not blank or a comment, with its number; nil text for a line that
    /// is not UTF-8.
    static func rawLines(of url: URL) -> [(Int, String?)] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        var out: [(Int, String?)] = []
        var number = 0
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard let line = String(bytes: raw, encoding: .utf8) else {
                out.append((number, nil))
                continue
            }
            let t = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty || t.hasPrefix("#") { continue }
            out.append((number, t))
        }
        return out
    }
}

/// One line of a data file that carries data, with its number in the file (from 1).
public struct DataLine: Sendable, Equatable {
    public var number: Int
    public var text: String
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
