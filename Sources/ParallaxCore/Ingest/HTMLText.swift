/// Reduces an HTML page (or an HTML fragment, as a JSON body may be) to its story's text plus the
/// page's own metadata: libxml2 parses it into an `HTMLTree`, `HTMLMetadata` reads JSON-LD, `<meta>`
/// and `<time>`, `HTMLExtractor` keeps the story's blocks. The line rules (`Cleaner`) apply after.
public enum HTMLText {
    public struct Result: Equatable {
        public var text: String
        public var meta: GivenMetadata
    }

    /// A page or fragment given as text (already decoded).
    public static func extract(_ html: String) -> Result {
        extract(tree: HTMLTree.parse(html), fragment: !looksLikePage(html.utf8.prefix(8192)))
    }

    /// A page given as the file's bytes: valid UTF-8 is read as UTF-8 whatever the page declares
    /// (saved pages keep their old `<meta charset>`); other bytes in the charset the page declares;
    /// with none, `fallback` (the bytes as `TextDecoding` read them).
    public static func extract(bytes: [UInt8], fallback: String) -> Result {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let fragment = !looksLikePage(body.prefix(8192))
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !utf16, String(validating: body, as: UTF8.self) != nil {
            return extract(tree: HTMLTree.parse(bytes: Array(body)), fragment: fragment)
        }
        if !utf16, let charset = declaredCharset(body.prefix(4096)) {
            let tree = HTMLTree.parse(bytes: Array(body), encoding: charset)
            if tree.count > 1 { return extract(tree: tree, fragment: fragment) }
        }
        return extract(tree: HTMLTree.parse(fallback), fragment: fragment)
    }

    static func extract(tree: HTMLTree, fragment: Bool) -> Result {
        let meta = fragment ? GivenMetadata() : HTMLMetadata.read(tree)
        let extractor = HTMLExtractor()
        let text: String
        if fragment {
            // A fragment is all story: only code and hidden parts go.
            var removed = [Bool](repeating: false, count: tree.count)
            let body = tree.first("body") ?? 0
            if tree.count > 0 { extractor.markAlwaysDropped(tree, body: body, removed: &removed) }
            text = tree.count > 0 ? extractor.serialize(tree, roots: [body], removed: removed) : ""
        } else {
            text = extractor.extract(tree, title: meta.title)
        }
        return Result(text: text, meta: meta)
    }

    /// A whole page (`<html`, `<head`, `<body` or a doctype) rather than a fragment.
    static func looksLikePage<C: Collection>(_ head: C) -> Bool where C.Element == UInt8 {
        let lower = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        return ["<html", "<head", "<body", "<!doctype"].contains { FastText.contains(lower, $0) }
    }

    /// The charset of `<meta charset=…>` or `<meta http-equiv … content="…; charset=…">`.
    static func declaredCharset<C: Collection>(_ head: C) -> String? where C.Element == UInt8 {
        let lower = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        guard let r = lower.range(of: "charset=") else { return nil }
        let name = lower[r.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            .prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." })
        guard !name.isEmpty, name != "utf-8", name != "utf8" else { return nil }
        return String(name)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").replacingOccurrences(of: "\u{AD}", with: "")
    }

    /// Whitespace inside a paragraph collapses; paragraphs are separated by one blank line.
    static func normalizeBlocks(_ s: String) -> String {
        s.components(separatedBy: "\n\n")
            .map { collapse($0) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    /// True when a text looks like markup rather than prose (used for JSON bodies).
    public static func looksLikeHTML(_ s: String) -> Bool {
        let head = s.utf8.prefix(4000)
        guard head.contains(0x3C) else { return false }  // no "<" at all: prose
        let lower = String(decoding: head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        return ["<p>", "<p ", "<div", "<br", "<html"].contains { FastText.contains(lower, $0) }
    }
}

