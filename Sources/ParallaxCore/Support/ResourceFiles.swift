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

    /// A hash of every shipped data file and the user's file of the same name: results derived from
    /// the data (cached extractions) are stale when it changes. Computed once per process.
    public static let dataFingerprint: String = {
        var h = StableHash()
        let folder = Bundle.module.url(forResource: "data", withExtension: nil)
        let names = ((folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) }) ?? []).sorted()
        for name in names {
            h.combine(name)
            for url in [shipped(name), userFolder.appendingPathComponent(name)].compactMap({ $0 }) {
                let bytes = (try? Data(contentsOf: url)) ?? Data()
                h.combine(bytes: bytes)
                h.combine(bytes: [0xFF, 0xFE])
            }
        }
        return h.hex()
    }()

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
