import Foundation

/// Transliteration-aware keys for names, so that the spellings outlets use for one name compare equal:
/// `Zelensky`/`Zelenskyy`/`Zelenskiy`, `Sergei`/`Sergey`, `Antony`/`Anthony`, `Poutine`/`Putin`,
/// `Dmitry`/`Dmitri`, `Oleksiy`/`Oleksii`, `Plötner`/`Ploetner`.
///
/// The rules fold the variation that romanising Cyrillic (and French or German spelling habits)
/// introduces — y/i/iy/yy/ij endings, x/ks, ou/u, kh/h, h/g (Ukrainian vs Russian), ph/f, w/v,
/// e/ye at the start, doubled letters, a silent final e — rather than listing names.
/// A key is only ever compared with another key; it is not meant to be read.
public enum NameKey {
    /// The key of one word of a name.
    public static func key(_ word: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count + 2)
        for u in word.unicodeScalars {
            appendFolded(u, to: &out)
        }
        return rewrite(out)
    }

    /// The key of a multi-word name: the words' keys joined by spaces.
    public static func phraseKey(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" }).map { key($0) }.joined(separator: " ")
    }

    /// Lower-cases and strips diacritics to ASCII; drops apostrophes, hyphens and other marks.
    static func appendFolded(_ u: Unicode.Scalar, to out: inout [UInt8]) {
        let v = u.value
        if v < 0x80 {
            let b = UInt8(v)
            if b >= 65 && b <= 90 { out.append(b + 32) } else if b >= 97 && b <= 122 || b >= 48 && b <= 57 { out.append(b) }
            return
        }
        switch u {
        case "ł", "Ł": out.append(UInt8(ascii: "l"))
        case "ø", "Ø": out.append(UInt8(ascii: "o"))
        case "ß": out.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
        case "đ", "Đ": out.append(UInt8(ascii: "d"))
        case "ı": out.append(UInt8(ascii: "i"))
        case "æ", "Æ": out.append(contentsOf: [UInt8(ascii: "a"), UInt8(ascii: "e")])
        case "œ", "Œ": out.append(contentsOf: [UInt8(ascii: "o"), UInt8(ascii: "e")])
        case "þ": out.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "h")])
        default:
            // Decompose (é → e + ´) and keep the ASCII base letter.
            let decomposed = String(u).decomposedStringWithCanonicalMapping
            for d in decomposed.unicodeScalars where d.value < 0x80 {
                let b = UInt8(d.value)
                if b >= 65 && b <= 90 { out.append(b + 32) } else if b >= 97 && b <= 122 { out.append(b) }
            }
        }
    }

    /// Applies the romanisation rules to a folded ASCII word.
    static func rewrite(_ s: [UInt8]) -> String {
        if s.isEmpty { return "" }
        let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), f = UInt8(ascii: "f"), g = UInt8(ascii: "g"),
            h = UInt8(ascii: "h"), i = UInt8(ascii: "i"), j = UInt8(ascii: "j"), k = UInt8(ascii: "k"),
            o = UInt8(ascii: "o"), p = UInt8(ascii: "p"), q = UInt8(ascii: "q"), s_ = UInt8(ascii: "s"),
            t = UInt8(ascii: "t"), u = UInt8(ascii: "u"), v = UInt8(ascii: "v"), w = UInt8(ascii: "w"),
            x = UInt8(ascii: "x"), y = UInt8(ascii: "y"), c = UInt8(ascii: "c"), z = UInt8(ascii: "z")
        var r: [UInt8] = []
        r.reserveCapacity(s.count + 2)
        var idx = 0
        let n = s.count
        while idx < n {
            let ch = s[idx]
            let next: UInt8 = idx + 1 < n ? s[idx + 1] : 0
            switch ch {
            case x: r.append(k); r.append(s_)
            case p where next == h: r.append(f); idx += 1
            case t where next == h: r.append(t); idx += 1
            case k where next == h: r.append(g); idx += 1          // kh → h → g
            case c where next == k: r.append(k); idx += 1
            case o where next == u: r.append(u); idx += 1          // Poutine, Choïgou
            case o where next == e, u where next == e, a where next == e && idx > 0:
                r.append(ch); idx += 1                             // Ploetner/Plötner
            case w: r.append(v)
            case q: r.append(k)
            case y, j: r.append(i)
            case h:
                // Ukrainian h is Russian g (Serhiy/Sergei, Oleh/Oleg), except in digraphs (sh, ch, zh).
                if let prev = r.last, prev == s_ || prev == c || prev == z || prev == k || prev == t {
                    r.append(h)
                } else {
                    r.append(g)
                }
            default: r.append(ch)
            }
            idx += 1
        }
        // Initial ie/ye → e (Yevgeny/Evgeny, Yermak/Ermak).
        if r.count > 2 && r[0] == i && r[1] == e { r.removeFirst() }
        // Collapse doubled letters (Zelenskyy → zelenskii → zelenski).
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(r.count)
        for b in r where collapsed.last != b { collapsed.append(b) }
        // A silent final e (Poutine → putin) in longer words.
        if collapsed.count > 4 && collapsed.last == e { collapsed.removeLast() }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// How far apart two surname keys may be and still be one name: none for short names,
    /// one edit from five letters, two from nine.
    public static func surnameTolerance(_ a: String, _ b: String) -> Int {
        let n = min(a.count, b.count)
        return n >= 9 ? 2 : (n >= 5 ? 1 : 0)
    }
}
