/// Reduces an HTML page to article text plus the page's own metadata. Tolerant of broken markup:
/// a single forward scan, no tree, no recursion, so unclosed tags or deep nesting cannot hurt it.
public enum HTMLText {
    /// Elements whose whole content is page furniture or code.
    static let dropped: Set<String> = ["script", "style", "nav", "header", "footer", "aside", "noscript",
                                       "template", "svg", "form", "button", "iframe", "select", "figcaption"]
    /// Elements that end a paragraph.
    static let blocks: Set<String> = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                                      "article", "section", "main", "tr", "table", "blockquote", "figure",
                                      "dd", "dt", "pre", "hr", "title", "body"]

    public struct Result: Equatable {
        public var text: String
        public var meta: GivenMetadata
    }

    public static func extract(_ html: String) -> Result {
        var meta = GivenMetadata()
        var out = ""
        out.reserveCapacity(html.utf8.count / 2)
        var dropDepth: [String] = []   // stack of open dropped elements
        var inTitle = false
        var titleText = ""
        var h1Text: String?
        var inH1 = false
        var h1Buffer = ""
        var timeDate: String?
        let scalars = Array(html.unicodeScalars)
        var i = 0
        let n = scalars.count
        var textRun = String.UnicodeScalarView()

        func flushText() {
            guard !textRun.isEmpty else { return }
            let decoded = Entities.decode(String(textRun))
            textRun.removeAll()
            if inTitle { titleText += decoded; return }
            if inH1 { h1Buffer += decoded }
            if dropDepth.isEmpty { out += decoded }
        }

        while i < n {
            let c = scalars[i]
            if c != "<" {
                textRun.append(c)
                i += 1
                continue
            }
            // Comment
            if i + 3 < n, scalars[i + 1] == "!", scalars[i + 2] == "-", scalars[i + 3] == "-" {
                flushText()
                var j = i + 4
                while j + 2 < n, !(scalars[j] == "-" && scalars[j + 1] == "-" && scalars[j + 2] == ">") { j += 1 }
                i = min(n, j + 3)
                continue
            }
            // Find the end of the tag, respecting quotes.
            var j = i + 1
            var quote: Unicode.Scalar?
            while j < n {
                let d = scalars[j]
                if let q = quote {
                    if d == q { quote = nil }
                } else if d == "\"" || d == "'" {
                    quote = d
                } else if d == ">" {
                    break
                } else if d == "<" && j > i + 1 {
                    break  // a stray "<" in text: treat what came before as text
                }
                j += 1
            }
            let tagBody = String(String.UnicodeScalarView(scalars[(i + 1)..<min(j, n)]))
            let (name, closing, attrs) = parseTag(tagBody)
            if name.isEmpty || !(name.first?.isLetter ?? false) {
                // Not a tag ("a < b"): keep it as text.
                textRun.append(c)
                i += 1
                continue
            }
            flushText()
            i = (j < n && scalars[j] == ">") ? j + 1 : j
            if name == "script" || name == "style", !closing, !tagBody.hasSuffix("/") {
                // Raw text elements: skip to the matching close tag without parsing.
                let close = "</" + name
                var k = i
                while k < n {
                    if scalars[k] == "<", k + close.unicodeScalars.count <= n,
                       String(String.UnicodeScalarView(scalars[k..<(k + close.unicodeScalars.count)])).lowercased() == close {
                        break
                    }
                    k += 1
                }
                while k < n, scalars[k] != ">" { k += 1 }
                i = min(n, k + 1)
                continue
            }
            if dropped.contains(name) {
                if closing {
                    if let idx = dropDepth.lastIndex(of: name) { dropDepth.removeSubrange(idx...) }
                } else if !tagBody.hasSuffix("/") {
                    dropDepth.append(name)
                }
            }
            // A title holds no markup: a tag inside one means `</title>` is missing, and the rest of the
            // page is body, not title (otherwise an unclosed title swallows the article).
            if inTitle && name != "title" { inTitle = false }
            switch name {
            case "title":
                inTitle = !closing
            case "h1":
                if closing {
                    if h1Text == nil, !h1Buffer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        h1Text = h1Buffer
                    }
                    inH1 = false
                } else {
                    inH1 = true
                    h1Buffer = ""
                }
            case "meta":
                let key = (attrs["property"] ?? attrs["name"] ?? attrs["itemprop"] ?? "").lowercased()
                let content = attrs["content"].map(Entities.decode)
                switch key {
                case "og:title", "twitter:title": meta.title = meta.title ?? content
                case "og:site_name", "application-name": meta.outlet = meta.outlet ?? content
                case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date":
                    meta.published = meta.published ?? content
                case "og:url": meta.url = meta.url ?? content
                default: break
                }
            case "link":
                if attrs["rel"]?.lowercased() == "canonical", let href = attrs["href"] { meta.url = Entities.decode(href) }
            case "time":
                if !closing, timeDate == nil, let dt = attrs["datetime"] { timeDate = dt }
            default: break
            }
            if blocks.contains(name) && dropDepth.isEmpty { out += "\n\n" }
        }
        flushText()
        let cleanTitle = collapse(titleText)
        if meta.title == nil {
            meta.title = h1Text.map(collapse) ?? (cleanTitle.isEmpty ? nil : cleanTitle)
        }
        if meta.published == nil { meta.published = timeDate }
        return Result(text: normalizeBlocks(out), meta: meta)
    }

    /// Tag name (lower-cased), whether it closes, and its attributes (names lower-cased).
    static func parseTag(_ body: String) -> (String, Bool, [String: String]) {
        var s = Substring(body)
        var closing = false
        if s.first == "/" { closing = true; s = s.dropFirst() }
        let nameEnd = s.firstIndex(where: { $0.isWhitespace || $0 == "/" || $0 == ">" }) ?? s.endIndex
        let name = s[..<nameEnd].lowercased()
        var attrs: [String: String] = [:]
        var rest = s[nameEnd...]
        while true {
            rest = rest.drop(while: { $0.isWhitespace || $0 == "/" })
            guard !rest.isEmpty else { break }
            let keyEnd = rest.firstIndex(where: { $0 == "=" || $0.isWhitespace }) ?? rest.endIndex
            let key = rest[..<keyEnd].lowercased()
            rest = rest[keyEnd...].drop(while: { $0.isWhitespace })
            guard rest.first == "=" else {
                if !key.isEmpty { attrs[key] = "" }
                if keyEnd == rest.startIndex && rest.first != "=" { rest = rest.dropFirst() }
                continue
            }
            rest = rest.dropFirst().drop(while: { $0.isWhitespace })
            var value: Substring
            if let q = rest.first, q == "\"" || q == "'" {
                let after = rest.dropFirst()
                let end = after.firstIndex(of: q) ?? after.endIndex
                value = after[..<end]
                rest = end < after.endIndex ? after[after.index(after: end)...] : after[end...]
            } else {
                let end = rest.firstIndex(where: { $0.isWhitespace }) ?? rest.endIndex
                value = rest[..<end]
                rest = rest[end...]
            }
            if !key.isEmpty { attrs[key] = String(value) }
        }
        return (name, closing, attrs)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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

/// HTML character references: the named ones news pages use, and numeric ones.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "copy": "©", "reg": "®",
        "trade": "™", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "eacute": "é", "egrave": "è",
        "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â", "ccedil": "ç", "ouml": "ö", "uuml": "ü",
        "auml": "ä", "szlig": "ß", "oacute": "ó", "iacute": "í", "uacute": "ú", "ntilde": "ñ", "euro": "€",
        "pound": "£", "deg": "°", "times": "×", "shy": "", "zwj": "", "zwnj": "", "thinsp": " ", "ensp": " ",
        "emsp": " ", "sbquo": "‚", "bdquo": "„", "prime": "′", "Prime": "″", "iuml": "ï", "euml": "ë",
        "Eacute": "É", "Ouml": "Ö", "Uuml": "Ü", "Auml": "Ä",
    ]

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            guard c == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") else {
                out.append(c)
                i = s.index(after: i)
                continue
            }
            let name = s[s.index(after: i)..<semi]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                if let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { replacement = String(Character(u)) }
            } else if name.hasPrefix("#") {
                if let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { replacement = String(Character(u)) }
            } else {
                replacement = named[String(name)]
            }
            if let r = replacement {
                out += r
                i = s.index(after: semi)
            } else {
                out.append(c)
                i = s.index(after: i)
            }
        }
        return out
    }
}
