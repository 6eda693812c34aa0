/// A `---` … `---` block at the top of a text file with `key: value` lines (`title`, `outlet`,
/// `published`, `url`). User metadata: it wins over what Parallax detects.
public enum FrontMatter {
    /// Splits the block off; returns the metadata and the text after it. Text without a block is
    /// returned unchanged.
    public static func split(_ text: String) -> (GivenMetadata, String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return (GivenMetadata(), text)
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }),
              end <= 60 else {
            return (GivenMetadata(), text)
        }
        var meta = GivenMetadata()
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
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
        lines.removeSubrange(0...end)
        return (meta, lines.joined(separator: "\n"))
    }
}
