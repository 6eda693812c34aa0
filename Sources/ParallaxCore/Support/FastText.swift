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
