import Foundation

/// Case, accent and spelling-variant folding for matching what a user types against names and text.
public enum Fold {
    /// Lowercased, diacritics removed: what search compares.
    public static func text(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// A looser key for names: folded, letters and digits only, `y`→`i`, `ou`→`u`,
    /// doubled letters single. `Zelenskyy`, `Zelenskiy` and `Zelensky` share a key; so do
    /// `Sergey`/`Sergei` and `Dmitry`/`Dmitri`. Transliteration variants are common in news, and a user
    /// types whichever spelling they last read.
    public static func nameKey(_ s: String) -> String {
        var out: [Character] = []
        let folded = text(s)
        var prev: Character? = nil
        var chars = Array(folded)
        // ou → u (French transliteration: Poutine-style spellings)
        var i = 0
        var tmp: [Character] = []
        while i < chars.count {
            if chars[i] == "o", i + 1 < chars.count, chars[i + 1] == "u" {
                tmp.append("u")
                i += 2
                continue
            }
            tmp.append(chars[i])
            i += 1
        }
        chars = tmp
        for var c in chars {
            guard c.isLetter || c.isNumber || c == " " else { continue }
            if c == "y" { c = "i" }
            if c == prev { continue }
            out.append(c)
            prev = c
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    /// The words of a text as search compares them — exactly as SQLite's FTS5 `unicode61` tokenizer
    /// with `remove_diacritics 2` splits and folds the index's text, so that a word means the same to
    /// the in-memory corpus as to the index (the conformance tests hold them to it):
    /// - a word is a run of letters, digits and private-use characters (categories L*, N*, Co), with
    ///   combining marks inside it (which it then drops);
    /// - each character is case-folded (simple folding: `ß` stays `ß`, `Σ`/`ς` become `σ`) and loses
    ///   its diacritics only when it is an ASCII letter with marks (`é` → `e`; `ø`, `ł`, `ї` stay).
    /// `text` (Foundation's folding) is for names and outlets; it folds further (`ß` → `ss`) than
    /// the index can, so it is not used for words.
    public static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { out.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for u in s.unicodeScalars {
            if u.value < 0x80 {
                let b = u.value
                if (b >= 48 && b <= 57) || (b >= 97 && b <= 122) {
                    current.append(u)
                } else if b >= 65 && b <= 90, let l = Unicode.Scalar(b + 32) {
                    current.append(l)
                } else {
                    flush()
                }
                continue
            }
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                for f in caseFold(u) { appendWithoutDiacritics(f, to: &current) }
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // A combining mark continues the word and is dropped (a decomposed `é`).
                continue
            default:
                flush()
            }
        }
        flush()
        return out
    }

    /// Simple case folding: the lowercase form, except where folding differs from lowercasing for a
    /// single character (Greek final sigma and the Greek symbol variants, long s).
    static func caseFold(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        switch u.value {
        case 0x03C2: return ["\u{03C3}"]  // ς → σ
        case 0x03D0: return ["\u{03B2}"]
        case 0x03D1: return ["\u{03B8}"]
        case 0x03D5: return ["\u{03C6}"]
        case 0x03D6: return ["\u{03C0}"]
        case 0x03F0: return ["\u{03BA}"]
        case 0x03F1: return ["\u{03C1}"]
        case 0x03F5: return ["\u{03B5}"]
        case 0x017F: return ["s"]
        case 0x1E9E: return ["\u{00DF}"]  // ẞ → ß
        default: break
        }
        let lower = Array(u.properties.lowercaseMapping.unicodeScalars)
        return lower.isEmpty ? [u] : lower
    }

    /// A letter whose canonical decomposition is an ASCII letter and marks becomes that letter; a
    /// lone mark is dropped; anything else stays.
    static func appendWithoutDiacritics(_ u: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if u.value < 0x80 { out.append(u); return }
        if isDiacriticOnly(u) { return }
        let d = Array(String(u).decomposedStringWithCanonicalMapping.unicodeScalars)
        if d.count > 1, let base = d.first, base.isASCII, base.properties.isAlphabetic,
           d.dropFirst().allSatisfy(isDiacriticOnly) {
            out.append(base)
            return
        }
        out.append(u)
    }

    static func isDiacriticOnly(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
