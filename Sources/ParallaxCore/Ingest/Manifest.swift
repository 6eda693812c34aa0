import Foundation

/// Per-file metadata a user keeps beside the articles, in `parallax-manifest.json` in any folder:
///
///     { "000_story.txt": { "outlet": "France 24", "published": "2022-01-26" },
///       "sub/other.html": { "title": "…", "url": "…" } }
///
/// Keys are paths relative to the manifest's folder; values take `title`, `outlet`, `published`,
/// `url` (a `null` value says "unknown" and stops detection from guessing). It wins over detection.
public struct Manifest: Sendable {
    public static let fileName = "parallax-manifest.json"
    /// The largest manifest read (a line per file: 16 MB is hundreds of thousands of files).
    public static let maxBytes = 16 << 20

    /// Resolved absolute file path → metadata.
    public var entries: [String: GivenMetadata] = [:]
    /// Files for which the manifest says the outlet is unknown (a `null`).
    public var unknownOutlet: Set<String> = []

    public init() {}

    /// Reads the manifest of `folder`, if any. Problems become warnings.
    public static func load(folder: URL, warnings: inout [String]) -> Manifest? {
        let url = folder.appendingPathComponent(fileName)
        // Read at most the cap: a manifest is small, and a huge or endless one must not exhaust memory.
        if let kind = FileWalker.irregularKind(url.path) {
            // Opening a named pipe would block until a writer comes.
            warnings.append("\(url.path): manifest is \(kind), ignored")
            return nil
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        switch SafeFile.read(url.path, limit: maxBytes + 1) {
        case .success(let d): data = d
        case .failure(let f):
            warnings.append("\(url.path): manifest cannot be read (\(f.reason)), ignored")
            return nil
        }
        guard data.count <= maxBytes else {
            warnings.append("\(url.path): manifest larger than \(maxBytes >> 20) MB, ignored")
            return nil
        }
        guard let parsed = try? LenientJSON.object(with: data), let obj = parsed.0 as? [String: Any] else {
            warnings.append("\(url.path): manifest is not a JSON object of file names, ignored")
            return nil
        }
        var m = Manifest()
        for (name, value) in obj {
            guard let fields = value as? [String: Any] else {
                warnings.append("\(url.path): entry \"\(name)\" is not an object, ignored")
                continue
            }
            let file = folder.appendingPathComponent(name).standardizedFileURL.path
            if !FileManager.default.fileExists(atPath: file) {
                warnings.append("\(url.path): names \"\(name)\", which does not exist")
            }
            var g = GivenMetadata()
            g.title = fields["title"] as? String
            g.outlet = fields["outlet"] as? String
            g.published = fields["published"] as? String
            g.url = fields["url"] as? String
            if fields["outlet"] is NSNull { m.unknownOutlet.insert(file) }
            m.entries[file] = g
        }
        return m
    }
}
