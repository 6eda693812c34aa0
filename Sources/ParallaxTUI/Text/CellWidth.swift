import ParallaxCore

/// Terminal columns of text as the screen buffer draws it: ParallaxCore's `DisplayWidth`, the one
/// width function the CLI uses too (a cluster `Sanitizer` would change is measured by what is drawn).
public typealias CellWidth = DisplayWidth

/// The TUI's name for `TerminalSafe` in its `symbols` style: each replaced scalar becomes one visible
/// column (`␛`, `�` for C1, `⇄` for bidi controls, `·` for invisible characters, `↵` for U+2028/9),
/// so the cell grid keeps its shape. The screen buffer passes every cluster through here, so no view
/// can leak one; what is replaced is decided in ParallaxCore only, for the CLI and the TUI alike.
public enum Sanitizer {
    /// True when the cluster can reach the terminal unchanged.
    public static func isSafe(_ c: Character) -> Bool { TerminalSafe.isSafe(c) }

    /// The cluster's safe graphemes (itself when safe).
    public static func clean(_ c: Character) -> [Character] { TerminalSafe.clean(c, style: .symbols) }

    /// A whole string made safe (used by tests and by the headless renderer's plain output).
    public static func clean(_ s: String) -> String { TerminalSafe.text(s, style: .symbols) }
}
