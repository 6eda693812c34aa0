/// Terminal column widths of text as the screen buffer draws it, in pure Swift.
///
/// glibc's `wcwidth` depends on the process locale and is not visible from Swift 6, and `String.count`
/// counts grapheme clusters, not columns. Unlike ParallaxCore's `DisplayWidth` (for CLI output), this
/// measures a cluster *after* `Sanitizer` has replaced what is unsafe (a bidi override is drawn as a
/// one-column `⇄`, not zero columns), so views and the buffer always agree on where text ends.
public enum CellWidth {
    /// Columns a single grapheme cluster occupies once it has been made safe by `Sanitizer`.
    /// 0 only for a cluster made of nothing but zero-width scalars.
    public static func of(_ c: Character) -> Int {
        if let a = c.asciiValue, a >= 0x20, a != 0x7F { return 1 }
        guard Sanitizer.isSafe(c) else {
            // Measure what will actually be drawn: the visible stand-ins.
            return Sanitizer.clean(c).reduce(0) { $0 + of($1) }
        }
        var iterator = c.unicodeScalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        var w = of(first)
        // An emoji variation selector turns a text-presentation symbol into a two-column emoji.
        while let s = iterator.next() {
            if s.value == 0xFE0F, w == 1, first.properties.isEmoji { w = 2 }
        }
        // A cluster that starts with a combining mark is drawn on a dotted circle (see Sanitizer.clean).
        return max(w, 1)
    }

    /// Columns of a string (sum over its grapheme clusters).
    public static func of(_ s: some StringProtocol) -> Int {
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    /// Columns of one scalar: 0 for combining and format marks, 2 for East Asian wide/fullwidth and
    /// emoji presentation, else 1.
    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x300 { return 1 }  // fast path: ASCII and Latin-1, controls are replaced before measuring
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial/final jamo join the previous syllable
        if u.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges from Unicode's EastAsianWidth.txt, merged.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        // Binary search: the table is sorted and disjoint.
        var lo = 0
        var hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}

/// Turns untrusted text into graphemes that are safe to hand to a terminal.
///
/// Article text may carry ESC/CSI/OSC sequences, BEL, C1 controls, bidi overrides and zero-width
/// characters. The screen buffer passes every cluster through here, so no view can leak one: each such
/// scalar becomes a visible one-column symbol and the text around it stays readable.
public enum Sanitizer {
    /// The visible stand-in for an unsafe scalar, or nil when the scalar is safe as it is.
    public static func replacement(for u: Unicode.Scalar) -> Unicode.Scalar? {
        let v = u.value
        switch v {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + v)  // C0 → Control Pictures (ESC → ␛, BEL → ␇)
        case 0x7F: return "\u{2421}"  // DEL → ␡
        case 0x80...0x9F: return "\u{FFFD}"  // C1 controls (8-bit CSI, OSC, ST …) → �
        case 0x2028, 0x2029: return "\u{21B5}"  // line/paragraph separator → ↵
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return "\u{21C4}"  // bidi embeddings, overrides, isolates and marks → ⇄
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x180E:
            return "\u{00B7}"  // zero-width space/joiners, word joiner, BOM → ·
        case 0xE0000...0xE007F: return "\u{00B7}"  // tag characters can hide text
        default:
            if u.properties.generalCategory == .format, v >= 0x600 { return "\u{00B7}" }
            if u.properties.generalCategory == .control { return "\u{FFFD}" }
            return nil
        }
    }

    /// True when the cluster can reach the terminal unchanged.
    public static func isSafe(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a >= 0x20 && a != 0x7F }
        for u in c.unicodeScalars where replacement(for: u) != nil { return false }
        return true
    }

    /// The cluster's safe graphemes: itself when safe, else one visible symbol per unsafe scalar
    /// with the safe scalars kept (each re-clustered so a stray combining mark gets a dotted circle base).
    public static func clean(_ c: Character) -> [Character] {
        if isSafe(c) {
            if let first = c.unicodeScalars.first, CellWidth.of(first) == 0,
               first.properties.generalCategory != .format {
                // A combining mark with no base would merge into the previous cell on screen.
                return [Character(String("\u{25CC}") + String(c))]
            }
            return [c]
        }
        var out: [Character] = []
        var pending = String.UnicodeScalarView()
        func flush() {
            if !pending.isEmpty {
                for ch in String(pending) { out.append(contentsOf: clean(ch)) }
                pending = String.UnicodeScalarView()
            }
        }
        for u in c.unicodeScalars {
            if let r = replacement(for: u) {
                flush()
                out.append(Character(r))
            } else {
                pending.append(u)
            }
        }
        flush()
        return out
    }

    /// A whole string made safe (used by tests and by the headless renderer's plain output).
    public static func clean(_ s: String) -> String {
        var out = ""
        for c in s { for d in clean(c) { out.append(d) } }
        return out
    }
}
