/// Byte-level substring tests on UTF-8. Foundation's `contains`/`range(of:)` go through CFString
/// and dominated cleaning time; these are a plain scan.
public enum FastText {
    /// True when `needle` occurs in `haystack` (exact bytes; fold both first for case-insensitivity).
    @inline(__always)
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var h = haystack
        var n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                let hc = hb.count, nc = nb.count
                guard nc <= hc, let first = nb.first else { return false }
                var i = 0
                let last = hc - nc
                while i <= last {
                    if hb[i] == first {
                        var j = 1
                        while j < nc && hb[i + j] == nb[j] { j += 1 }
                        if j == nc { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    @inline(__always)
    public static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        s.utf8.starts(with: prefix.utf8)
    }

    @inline(__always)
    public static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        let a = s.utf8, b = suffix.utf8
        guard b.count <= a.count else { return false }
        return a.reversed().starts(with: b.reversed())
    }
}

extension FastText {
    /// White space as `CharacterSet.whitespacesAndNewlines` sees it, with an ASCII fast path.
    @inline(__always)
    public static func isSpace(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u == " " || (u.value >= 0x09 && u.value <= 0x0D) }
        return u.properties.isWhitespace
    }

    /// `s` without leading and trailing scalars for which `drop` holds. Foundation's
    /// `trimmingCharacters(in:)` converts through NSString and UTF-16 on Linux, and was a tenth of the
    /// CPU of an index build.
    public static func trimmed<S: StringProtocol>(_ s: S, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }),
              let last = scalars.lastIndex(where: { !drop($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// `s` without white space (newlines included) at either end.
    @inline(__always)
    public static func trimmed<S: StringProtocol>(_ s: S) -> String {
        trimmed(s, where: isSpace)
    }

    /// `s` without the given characters (each one scalar) at either end.
    @inline(__always)
    public static func trimmed<S: StringProtocol>(_ s: S, dropping chars: String) -> String {
        let set = Set(chars.unicodeScalars)
        return trimmed(s, where: { set.contains($0) })
    }

    /// True when `s` holds nothing but white space.
    @inline(__always)
    public static func isBlank<S: StringProtocol>(_ s: S) -> Bool {
        !s.unicodeScalars.contains { !isSpace($0) }
    }
}
