/// The CLI's name for `TerminalSafe` in its `codes` style: every control character, escape sequence
/// introducer, bidi control and invisible character becomes a visible placeholder (`␛`, `<U+202E>`),
/// so an article can neither drive the terminal nor appear other than it is.
public enum SafeText {
    /// Replaces what a terminal would interpret or not show. `keepNewlines` keeps `\n` (CLI text
    /// output); tabs become a space.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        TerminalSafe.text(text, style: .codes, keepNewlines: keepNewlines)
    }

    /// True for scalars that must not reach a terminal as they are, wherever they stand.
    @inline(__always)
    public static func needsReplacement(_ s: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        TerminalSafe.needsReplacement(s, keepNewlines: keepNewlines)
    }
}
