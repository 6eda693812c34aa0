import ParallaxCore

/// A character of laid-out text with its style.
public struct StyledChar: Sendable, Equatable {
    public var char: Character
    public var style: Style
}

/// One screen line of wrapped text and where it starts in the source (Unicode scalar offset),
/// so a range in the article (a mention, a match, a compare anchor) can be scrolled into view.
public struct StyledLine: Sendable, Equatable {
    public var start: Int
    public var chars: [StyledChar]
    public var plain: String { String(chars.map(\.char)) }
}

/// Word wrapping and highlighting, measured in terminal columns.
public enum TextLayout {
    /// Styles text by ranges and wraps it at word boundaries to `width` columns. A newline ends a line
    /// (so the clean body's blank line between paragraphs stays a blank line); a word longer than the
    /// line is broken. Ranges are Unicode scalar offsets, as `TextRange` is everywhere in the model.
    public static func wrap(_ text: String, width: Int, mentions: [(range: TextRange, kind: ActorKind)] = [],
                            quotes: [TextRange] = [], matches: [TextRange] = [],
                            marks: [TextRange] = []) -> [StyledLine] {
        guard width > 0 else { return [] }
        // 1. Style every character by sweeping the sorted ranges alongside the text.
        var chars: [(Character, Int, Style)] = []  // char, scalar offset, style
        chars.reserveCapacity(text.utf8.count)
        var offset = 0
        var mi = 0, qi = 0, xi = 0, ki = 0
        let ks = marks.sorted()
        let ms = mentions.sorted { $0.range < $1.range }
        let qs = quotes.sorted()
        let xs = matches.sorted()
        for c in text {
            while mi < ms.count && ms[mi].range.end <= offset { mi += 1 }
            while qi < qs.count && qs[qi].end <= offset { qi += 1 }
            while xi < xs.count && xs[xi].end <= offset { xi += 1 }
            while ki < ks.count && ks[ki].end <= offset { ki += 1 }
            var st = Style.normal
            if qi < qs.count, qs[qi].start <= offset { st = Style(.quote) }
            if mi < ms.count, ms[mi].range.start <= offset { st = Style(role(for: ms[mi].kind), bold: true) }
            if ki < ks.count, ks[ki].start <= offset { st.underline = true }  // the passage a compare row jumped to
            if xi < xs.count, xs[xi].start <= offset { st = Style(.match, reverse: true) }
            chars.append((c, offset, st))
            offset += c.unicodeScalars.count
        }
        // 2. Split into source lines, then wrap each greedily by words.
        var lines: [StyledLine] = []
        var lineStart = 0
        var i = 0
        while i <= chars.count {
            if i == chars.count || chars[i].0.isNewline {
                let start = lineStart < chars.count ? chars[lineStart].1 : offset
                wrapLine(chars[lineStart..<i], start: start, width: width, into: &lines)
                lineStart = i + 1
            }
            i += 1
        }
        return lines
    }

    private static func wrapLine(_ src: ArraySlice<(Character, Int, Style)>, start: Int, width: Int,
                                 into lines: inout [StyledLine]) {
        if src.isEmpty {
            lines.append(StyledLine(start: start, chars: []))
            return
        }
        var cur: [StyledChar] = []
        var curStart = start
        var curWidth = 0
        var i = src.startIndex
        while i < src.endIndex {
            // A word: non-spaces; then the spaces after it.
            var j = i
            while j < src.endIndex && !isSpace(src[j].0) { j += 1 }
            var k = j
            while k < src.endIndex && isSpace(src[k].0) { k += 1 }
            let word = src[i..<j]
            let ww = word.reduce(0) { $0 + CellWidth.of($1.0) }
            if curWidth > 0 && curWidth + ww > width {
                lines.append(StyledLine(start: curStart, chars: trimTrailing(cur)))
                cur = []
                curWidth = 0
                curStart = src[i].1
            }
            if ww > width {
                // Break an over-long word (a URL, a run of symbols) at the edge.
                for ch in word {
                    let w = CellWidth.of(ch.0)
                    if curWidth + w > width && curWidth > 0 {
                        lines.append(StyledLine(start: curStart, chars: cur))
                        cur = []
                        curWidth = 0
                        curStart = ch.1
                    }
                    cur.append(StyledChar(char: ch.0, style: ch.2))
                    curWidth += w
                }
            } else {
                if curWidth == 0 { curStart = src[i].1 }
                for ch in word { cur.append(StyledChar(char: ch.0, style: ch.2)) }
                curWidth += ww
            }
            for s in src[j..<k] where curWidth < width {
                // Spaces keep the style of the text they sit in (`Andriy Yermak` is one highlighted name,
                // a quote's inner spaces stay marked); trailing ones are trimmed; a tab is drawn as a space.
                cur.append(StyledChar(char: " ", style: s.2))
                curWidth += 1
            }
            i = k
        }
        if !cur.isEmpty || lines.isEmpty { lines.append(StyledLine(start: curStart, chars: trimTrailing(cur))) }
    }

    private static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" }

    private static func trimTrailing(_ cs: [StyledChar]) -> [StyledChar] {
        var c = cs
        while c.last?.char == " " { c.removeLast() }
        return c
    }

    static func role(for kind: ActorKind) -> StyleRole {
        switch kind {
        case .person: return .person
        case .organization: return .organization
        case .country: return .country
        case .place: return .place
        }
    }

    /// Where a folded query occurs in text, as scalar ranges of the original (case- and accent-insensitive).
    public static func matches(of query: String, in text: String) -> [TextRange] {
        let needle = Array(Fold.text(query))
        guard !needle.isEmpty else { return [] }
        var folded: [Character] = []
        var origin: [Int] = []  // scalar offset of each folded character's source character
        folded.reserveCapacity(text.utf8.count)
        var offset = 0
        for c in text {
            if let a = c.asciiValue {
                folded.append(Character(Unicode.Scalar(a >= 65 && a <= 90 ? a + 32 : a)))
                origin.append(offset)
            } else {
                for f in Fold.text(String(c)) {
                    folded.append(f)
                    origin.append(offset)
                }
            }
            offset += c.unicodeScalars.count
        }
        origin.append(offset)
        var out: [TextRange] = []
        var i = 0
        while i + needle.count <= folded.count {
            if folded[i] == needle[0] && Array(folded[i..<i + needle.count]) == needle {
                let endChar = i + needle.count
                // The end is the offset of the character after the match's last source character.
                var e = origin[endChar]
                if e == origin[endChar - 1] { e = origin[endChar - 1] + 1 }
                out.append(TextRange(start: origin[i], end: e))
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }
}
