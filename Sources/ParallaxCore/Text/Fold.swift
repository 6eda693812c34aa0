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

    /// The words of a text as search compares them: folded (`text`), split at everything that is not a
    /// letter, digit or private-use character. This is how SQLite's FTS5 `unicode61` tokenizer (with
    /// `remove_diacritics 2`) splits the index's text, so a typed word means the same thing to the
    /// in-memory corpus and to the index.
    public static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for u in text(s).unicodeScalars {
            if isWordScalar(u) {
                current.append(u)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    /// unicode61's token characters: general categories L*, N* and Co.
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 {
            let b = u.value
            return (b >= 48 && b <= 57) || (b >= 97 && b <= 122) || (b >= 65 && b <= 90)
        }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
