/// Makes untrusted text safe to print on a terminal: every control character, escape sequence
/// introducer, bidirectional override and zero-width character becomes a visible placeholder,
/// so an article can neither drive the terminal nor appear other than it is.
public enum SafeText {
    /// Replaces what a terminal would interpret. `keepNewlines` keeps `\n` (CLI text output);
    /// tabs become a space.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        // Fast path: most text needs nothing.
        if !text.unicodeScalars.contains(where: { needsReplacement($0, keepNewlines: keepNewlines) }) {
            return text
        }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if !needsReplacement(s, keepNewlines: keepNewlines) {
                out.append(s)
            } else {
                out.append(contentsOf: placeholder(for: s).unicodeScalars)
            }
        }
        return String(out)
    }

    /// True for scalars that must not reach a terminal as they are.
    @inline(__always)
    public static func needsReplacement(_ s: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        let v = s.value
        if v < 0x20 { return !(keepNewlines && v == 0x0A) }
        if v < 0x7F { return false }
        if v == 0x7F || (0x80...0x9F).contains(v) { return true }
        return isInvisibleFormat(v)
    }

    /// Bidi embeddings/overrides/isolates, marks and zero-width characters.
    @inline(__always)
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x061C, 0x180E:
            return true
        default:
            return false
        }
    }

    /// The visible stand-in for one dangerous scalar: control pictures for C0 (`␛` for ESC),
    /// `␡` for DEL, `\u{85}`-style escapes for C1 and format characters.
    public static func placeholder(for s: Unicode.Scalar) -> String {
        let v = s.value
        switch v {
        case 0x09: return " "
        case 0x00..<0x20:
            return String(Character(Unicode.Scalar(0x2400 + v) ?? "?"))
        case 0x7F: return "␡"
        default:
            return "<U+" + String(v, radix: 16, uppercase: true) + ">"
        }
    }
}
