/// A `---` … `---` block at the top of a text file with `key: value` lines (`title`, `outlet`,
/// `published`, `url`). User metadata: it wins over what Parallax detects.
public enum FrontMatter {
    /// Splits the block off; returns the metadata and the text after it. Text without a block is
    /// returned unchanged.
    public static func split(_ text: String) -> (GivenMetadata, String) {
        // Only the head is split: the block must close within 60 lines, and the last piece holds the
        // rest of the text unsplit (splitting whole articles into lines was 5% of an index build).
        let lines = text.split(separator: "\n", maxSplits: 61, omittingEmptySubsequences: false)
        guard let first = lines.first, FastText.trimmed(first) == "---" else {
            return (GivenMetadata(), text)
        }
        guard let end = lines.dropFirst().firstIndex(where: { FastText.trimmed($0) == "---" }),
              end <= 60 else {
            return (GivenMetadata(), text)
        }
        var meta = GivenMetadata()
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = FastText.trimmed(line[..<colon]).lowercased()
            var value = FastText.trimmed(line[line.index(after: colon)...])
            if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
                value = String(value.dropFirst().dropLast())
            }
            guard !value.isEmpty else { continue }
            switch key {
            case "title", "headline": meta.title = value
            case "outlet", "source", "site": meta.outlet = value
            case "published", "date": meta.published = value
            case "url", "link": meta.url = value
            default: break
            }
        }
        return (meta, lines[(end + 1)...].joined(separator: "\n"))
    }
}
