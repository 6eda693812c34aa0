/// The one sanitiser for text that strangers wrote, used by the CLI (`SafeText`) and the TUI
/// (`Sanitizer`, at the cell): what it replaces, and how many combining marks a cluster keeps, are
/// decided here only, so the two can never show different things.
///
/// Replaced, each by a visible stand-in: C0 controls, DEL, C1 controls (and any other `Cc`), the line
/// and paragraph separators U+2028/2029, bidi embeddings, overrides, isolates and marks, and every
/// invisible character — Unicode's default-ignorable code points (zero-width characters, word joiner,
/// BOM, Hangul fillers, variation selectors, tag characters U+E0000–E007F, which "smuggle" a hidden
/// message inside an outlet that reads "Reuters") and the other format characters (`Cf`). Kept where
/// they are part of how text is written: the soft hyphen; a ZWJ between two emoji of one cluster
/// (👨‍👩‍👧); ZWJ/ZWNJ after a letter of Arabic or an Indic script; one VS15/VS16 right after an emoji
/// base (❤️). A cluster keeps at most `maxMarks` combining marks (1,000 stacked on one letter draw
/// over the lines around it).
public enum TerminalSafe {
    /// How a replaced scalar is shown: the CLI names it (`<U+202E>`, for an analyst to look up); the
    /// TUI draws one column (`⇄`), so that a cell grid keeps its shape.
    public enum Style: Sendable {
        case codes
        case symbols
    }

    /// Combining marks kept per grapheme cluster; the rest are dropped.
    public static let maxMarks = 4

    /// Why a scalar is replaced.
    public enum Kind: Sendable, Equatable {
        case c0, delete, c1, lineSeparator, bidi, invisible
    }

    /// What a scalar is, when it is one that never reaches a terminal as it is (context aside: see
    /// `keptInCluster` for the joiners and selectors that a cluster may keep).
    @inline(__always)
    public static func kind(of u: Unicode.Scalar) -> Kind? {
        let v = u.value
        if v < 0x20 { return .c0 }
        if v < 0x7F { return nil }
        if v == 0x7F { return .delete }
        if v <= 0x9F { return .c1 }
        if v < 0x300 { return nil }  // Latin-1 and Latin Extended; the soft hyphen U+00AD is kept
        return classify(u)
    }

    private static func classify(_ u: Unicode.Scalar) -> Kind? {
        switch u.value {
        case 0x2028, 0x2029: return .lineSeparator
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return .bidi
        default: break
        }
        let p = u.properties
        if p.isDefaultIgnorableCodePoint { return .invisible }
        switch p.generalCategory {
        case .format: return .invisible
        case .control: return .c1
        default: return nil
        }
    }

    /// True for scalars that are replaced wherever they are (the CLI's and JSON's context-free test).
    @inline(__always)
    public static func needsReplacement(_ u: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        if keepNewlines && u.value == 0x0A { return false }
        return kind(of: u) != nil
    }

    /// Whether the scalar at `k` of a cluster is a joiner or selector that this cluster needs.
    static func keptInCluster(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        guard k > 0 else { return false }
        let u = s[k], prev = s[k - 1]
        switch u.value {
        case 0x200D:
            if k + 1 < s.count, s[k + 1].properties.isEmoji, isEmojiBase(prev) { return true }
            return isJoiningScript(prev)
        case 0x200C:
            return isJoiningScript(prev)
        case 0xFE0E, 0xFE0F:
            // One presentation selector, right after its base: more would be a hidden payload.
            return prev.properties.isEmoji && !(0xFE00...0xFE0F).contains(prev.value)
        default:
            return false
        }
    }

    private static func isEmojiBase(_ u: Unicode.Scalar) -> Bool {
        u.properties.isEmoji || u.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(u.value)
    }

    /// Arabic, Syriac, Thaana, NKo and the Indic scripts, whose spelling uses ZWJ/ZWNJ.
    private static func isJoiningScript(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0600...0x0DFF, 0xFB50...0xFDFF, 0xFE70...0xFEFC: return true
        default: return false
        }
    }

    private static func isMark(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    /// The visible stand-in for a replaced scalar.
    public static func placeholder(for u: Unicode.Scalar, kind: Kind, style: Style) -> String {
        let v = u.value
        switch (kind, style) {
        case (.c0, .codes) where v == 0x09: return " "
        case (.c0, _): return String(Character(Unicode.Scalar(0x2400 + v) ?? "?"))  // ␛ ␇ ␍ …
        case (.delete, _): return "␡"
        case (_, .codes): return "<U+" + String(v, radix: 16, uppercase: true) + ">"
        case (.c1, .symbols): return "\u{FFFD}"
        case (.lineSeparator, .symbols): return "\u{21B5}"  // ↵
        case (.bidi, .symbols): return "\u{21C4}"  // ⇄
        case (.invisible, .symbols): return "\u{00B7}"  // ·
        }
    }

    /// True when the cluster reaches the terminal unchanged.
    public static func isSafe(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a >= 0x20 && a != 0x7F }
        var marks = 0
        var first = true
        var replaced = false
        for u in c.unicodeScalars {
            if u.value >= 0x300, isMark(u) {
                // A cluster that starts with a combining mark gets a base (see `clean`).
                if first { return false }
                marks += 1
                if marks > maxMarks { return false }
            }
            if kind(of: u) != nil { replaced = true }
            first = false
        }
        guard replaced else { return true }
        // Only joiners and selectors can be kept, and only in their place in the cluster.
        let s = Array(c.unicodeScalars)
        return s.indices.allSatisfy { kind(of: s[$0]) == nil || keptInCluster(s, $0) }
    }

    /// The cluster as safe graphemes: itself when safe; else each replaced scalar as its stand-in, the
    /// marks past `maxMarks` dropped, and what is left re-clustered, a stray combining mark set on a
    /// dotted circle (with no base it would merge into whatever is drawn before it).
    public static func clean(_ c: Character, style: Style, keepNewlines: Bool = false) -> [Character] {
        if isSafe(c) { return [c] }
        let s = Array(c.unicodeScalars)
        var out: [Character] = []
        var pending = String.UnicodeScalarView()
        func flush() {
            guard !pending.isEmpty else { return }
            for ch in String(pending) {
                if let first = ch.unicodeScalars.first, isMark(first) {
                    out.append(Character("\u{25CC}" + String(ch)))
                } else {
                    out.append(ch)
                }
            }
            pending = String.UnicodeScalarView()
        }
        var marks = 0
        for k in s.indices {
            let u = s[k]
            if keepNewlines && u.value == 0x0A {
                flush()
                out.append("\n")
                continue
            }
            if let kind = kind(of: u), !keptInCluster(s, k) {
                flush()
                for ch in placeholder(for: u, kind: kind, style: style) { out.append(ch) }
                continue
            }
            if k > 0, isMark(u) {
                marks += 1
                if marks > maxMarks { continue }
            }
            pending.append(u)
        }
        flush()
        return out
    }

    /// A whole string made safe. `keepNewlines` keeps `\n` (lines of CLI output).
    public static func text(_ text: String, style: Style = .codes, keepNewlines: Bool = false) -> String {
        // Fast path: most text needs nothing (no replaced scalar, no long run of marks).
        var marks = 0
        var untouched = true
        for u in text.unicodeScalars {
            if u.value < 0x300 {
                marks = 0
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) {
                    if keepNewlines && u.value == 0x0A { continue }
                    untouched = false
                    break
                }
                continue
            }
            if isMark(u) {
                marks += 1
                if marks == 1 && text.unicodeScalars.first == u || marks > maxMarks { untouched = false; break }
            } else {
                marks = 0
            }
            if kind(of: u) != nil { untouched = false; break }
        }
        if untouched { return text }
        var out = ""
        for c in text {
            if isSafe(c) { out.append(c); continue }
            for d in clean(c, style: style, keepNewlines: keepNewlines) { out.append(d) }
        }
        return out
    }
}
