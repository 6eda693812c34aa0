/// Terminal columns, in pure Swift (glibc's `wcwidth` depends on the locale and is not visible from
/// Swift 6; `String.count` counts clusters, not columns). The one width function: the CLI's tables
/// and wrapping and the TUI's cells (`CellWidth`) measure with it, so an emoji is two columns in both.
/// A cluster is measured as it is drawn: one that `TerminalSafe` would change, by its `symbols`
/// stand-ins (a bidi override is a one-column `⇄`, not zero columns).
public enum DisplayWidth {
    /// Columns one grapheme cluster occupies once made safe; at least 1 for a non-empty cluster.
    public static func of(_ c: Character) -> Int {
        if let a = c.asciiValue, a >= 0x20, a != 0x7F { return 1 }
        guard TerminalSafe.isSafe(c) else {
            return TerminalSafe.clean(c, style: .symbols).reduce(0) { $0 + of($1) }
        }
        var iterator = c.unicodeScalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        var w = of(first)
        // An emoji variation selector turns a text-presentation symbol into a two-column emoji.
        while let s = iterator.next() {
            if s.value == 0xFE0F, w == 1, first.properties.isEmoji { w = 2 }
        }
        return max(w, 1)
    }

    /// Columns of a string (the sum over its grapheme clusters).
    public static func of(_ s: some StringProtocol) -> Int {
        // Printable ASCII, most of what a table holds, is one column a byte and never joins its
        // neighbours into a cluster: counted without walking the grapheme clusters (a third of
        // `actors` was this walk).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    /// Columns of one scalar: 0 for combining and format marks, 2 for East Asian wide/fullwidth and
    /// emoji presentation, else 1.
    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
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

    /// The longest prefix of `s` that fits in `width` columns, with `…` when cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if of(s) <= width { return s }
        var out = ""
        var w = 0
        for c in s {
            let cw = of(c)
            if w + cw > width - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    /// `s` truncated or padded with spaces to exactly `width` columns.
    public static func pad(_ s: String, to width: Int) -> String {
        let t = truncate(s, to: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }
}
