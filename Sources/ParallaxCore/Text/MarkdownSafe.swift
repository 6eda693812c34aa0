/// Article text as Markdown that renders as exactly that text: no HTML, no link, no image, no
/// emphasis or block that the text did not ask for, and no `|` that splits a table cell. A report
/// is opened in viewers that render raw HTML and fetch images; strangers wrote what goes into it.
///
/// CommonMark and GFM rules, and what each escape is for:
/// - `<`, `>`, `&` become entities: no raw HTML (`<img onerror>`, `<script>`), no `<https://…>`
///   autolink, no entity the text did not spell.
/// - `\` is escaped first, so a `\|` in the text stays text and cannot become a cell separator.
/// - `[ ] ( ) !` (links, images, references, footnotes), `` ` `` (code spans), `* _ ~` (emphasis,
///   strikethrough, thematic breaks), `#` (headings), `|` (cells), `$` (math on GitHub) are escaped.
/// - GFM's bare autolinks: `:` after a letter (`https://`, `javascript:`) and the dot of `www.` are
///   escaped, and an e-mail address (linked whatever escapes it holds) is put in a code span.
/// - A leading `-`, `+`, `=` or `1.` / `1)` is escaped, so the text cannot open a list inside a list item.
/// - Whitespace runs, line breaks included, become one space: a cell or a list item stays one line.
public enum MarkdownSafe {
    /// `s` (terminal-safe already, or made so here) escaped for Markdown inline content or a table cell.
    public static func text(_ s: String) -> String {
        let scalars = Array(TerminalSafe.text(collapseWhitespace(s)).unicodeScalars)
        let emails = emailSpans(scalars)
        var out = String.UnicodeScalarView()
        var nextEmail = emails.makeIterator()
        var email = nextEmail.next()
        var i = 0
        while i < scalars.count {
            if let e = email, e.lowerBound == i {
                // A code span: GFM links an address whatever escapes or entities it holds.
                out.append("`")
                out.append(contentsOf: scalars[e])
                out.append("`")
                i = e.upperBound
                email = nextEmail.next()
                continue
            }
            let c = scalars[i]
            switch c {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "[", "]", "(", ")", "!", "`", "*", "_", "~", "#", "|", "$":
                out.append("\\")
                out.append(c)
            case ":" where i > 0 && isASCIILetter(scalars[i - 1]):
                out.append(contentsOf: "\\:".unicodeScalars)
            case "." where isWWW(scalars, dotAt: i):
                out.append(contentsOf: "\\.".unicodeScalars)
            default:
                // (A `where` after several patterns guards only the last: these are spelled out.)
                let opensList = (i == 0 && (c == "-" || c == "+" || c == "="))
                    || ((c == "." || c == ")") && i > 0 && scalars[0..<i].allSatisfy(isASCIIDigit))
                if opensList { out.append("\\") }
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    /// Runs of whitespace (newlines, tabs, U+2028 …) as one space, trimmed: an indented start would
    /// be a code block, a line break would end a cell.
    static func collapseWhitespace(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c)
    }

    /// Whether the dot at `i` ends a `www` that starts a word (GFM's extended www autolink).
    static func isWWW(_ s: [Unicode.Scalar], dotAt i: Int) -> Bool {
        guard i >= 3, s[(i - 3)..<i].allSatisfy({ $0 == "w" || $0 == "W" }) else { return false }
        return i == 3 || !(isASCIILetter(s[i - 4]) || isASCIIDigit(s[i - 4]))
    }

    /// The ranges of what GFM would link as an e-mail address: `local@domain.tld`.
    static func emailSpans(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        func local(_ c: Unicode.Scalar) -> Bool { isASCIILetter(c) || isASCIIDigit(c) || ".+-_".unicodeScalars.contains(c) }
        func domain(_ c: Unicode.Scalar) -> Bool { isASCIILetter(c) || isASCIIDigit(c) || ".-_".unicodeScalars.contains(c) }
        var spans: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s[i] == "@" else { i += 1; continue }
            var start = i
            while start > (spans.last?.upperBound ?? 0), local(s[start - 1]) { start -= 1 }
            var end = i + 1
            while end < s.count, domain(s[end]) { end += 1 }
            if start < i, end > i + 1, s[(i + 1)..<end].contains(".") {
                spans.append(start..<end)
            }
            i = end
        }
        return spans
    }
}
