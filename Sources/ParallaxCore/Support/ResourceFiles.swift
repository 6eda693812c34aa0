import Foundation

/// Locates the data shipped under `Resources/` and the user's own extensions of it.
public enum ResourceFiles {
    /// The embedded sample corpus (`Resources/corpus`).
    public static var sampleCorpus: URL? {
        Bundle.module.url(forResource: "corpus", withExtension: nil)
    }

    /// A shipped data file under `Resources/data`.
    public static func shipped(_ name: String) -> URL? {
        Bundle.module.url(forResource: "data", withExtension: nil)?.appendingPathComponent(name)
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
    public static let analysisVersion = 3

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
        guard let folder = Bundle.module.url(forResource: "data", withExtension: nil),
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
    /// Blank lines and `#` comments are dropped.
    public static func lines(of name: String) -> [String] {
        var out: [String] = []
        for url in [shipped(name), userFolder.appendingPathComponent(name)].compactMap({ $0 }) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.split(whereSeparator: \.isNewline) {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("#") { continue }
                out.append(t)
            }
        }
        return out
    }
}
