/// Drops end tags that close nothing (`</nav>` with no `<nav>` open) before libxml2 sees the page.
///
/// An HTML parser ignores such a tag, but libxml2 first searches its whole stack of open elements for
/// it: a page of N unclosed `<aside>` then N `</nav>` costs N² string comparisons (100,000 of each:
/// 19 s). One linear pass that counts the open elements by name removes exactly the tags the parser
/// would ignore, so the tree is the same and the work is linear. Comments, doctype and processing
/// instructions are skipped whole; the raw text of `script`, `style`, `textarea`, `title`, `xmp` and
/// `plaintext` is skipped to its own end tag.
enum StrayEndTags {
    static let rawText: Set<[UInt8]> = Set(["script", "style", "textarea", "title", "xmp", "plaintext", "noscript", "iframe", "noembed", "noframes"].map { Array($0.utf8) })
    static let void: Set<[UInt8]> = Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                         "param", "source", "track", "wbr"].map { Array($0.utf8) })

    /// The bytes without the end tags that close nothing; the same array when there are none.
    static func strip(_ b: [UInt8]) -> [UInt8] {
        var open: [[UInt8]: Int] = [:]
        var drop: [Range<Int>] = []
        var i = 0
        let n = b.count
        // One pass: `i` only moves forward, and the helpers scan ahead of it (see WorkCounter).
        WorkCounter.count(n, "html")
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A || c == 0x5F
        }
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
        /// Index just past the next `>` at or after `j` (n when there is none).
        func pastTagEnd(_ j: Int) -> Int {
            var k = j
            while k < n, b[k] != 0x3E { k += 1 }
            return min(n, k + 1)
        }
        /// Index of `needle` (lower-cased ASCII) at or after `j`, case-insensitively, else n.
        func find(_ needle: [UInt8], from j: Int) -> Int {
            guard !needle.isEmpty else { return j }
            var k = j
            while k + needle.count <= n {
                if lower(b[k]) == needle[0] {
                    var m = 1
                    while m < needle.count, lower(b[k + m]) == needle[m] { m += 1 }
                    if m == needle.count { return k }
                }
                k += 1
            }
            return n
        }
        while i < n {
            guard b[i] == 0x3C, i + 1 < n else { i += 1; continue }  // '<'
            let c = b[i + 1]
            if c == 0x21 {  // '<!': a comment, or a doctype / CDATA-like declaration
                if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    let end = find(Array("-->".utf8), from: i + 4)
                    i = min(n, end + 3)
                } else {
                    i = pastTagEnd(i + 2)
                }
                continue
            }
            if c == 0x3F { i = pastTagEnd(i + 2); continue }  // '<?'
            if c == 0x2F {  // '</'
                var k = i + 2
                var name: [UInt8] = []
                while k < n, isNameByte(b[k]) { name.append(lower(b[k])); k += 1 }
                guard !name.isEmpty else { i += 2; continue }
                let end = pastTagEnd(k)
                if let count = open[name], count > 0 {
                    open[name] = count - 1
                } else {
                    drop.append(i..<end)
                }
                i = end
                continue
            }
            guard isNameByte(c) else { i += 1; continue }
            var k = i + 1
            var name: [UInt8] = []
            while k < n, isNameByte(b[k]) { name.append(lower(b[k])); k += 1 }
            let end = pastTagEnd(k)
            let selfClosing = end >= 2 && b[end - 1] == 0x3E && b[end - 2] == 0x2F
            if rawText.contains(name) {
                // Its text runs to its own end tag, whatever it holds.
                let close = find(Array("</".utf8) + name, from: end)
                i = close
                if close < n { open[name, default: 0] += 1 }
                continue
            }
            if !selfClosing && !void.contains(name) { open[name, default: 0] += 1 }
            i = end
        }
        guard !drop.isEmpty else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var at = 0
        for r in drop {
            out.append(contentsOf: b[at..<r.lowerBound])
            at = r.upperBound
        }
        out.append(contentsOf: b[at..<n])
        return out
    }
}
