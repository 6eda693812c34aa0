import Foundation
import ParallaxCore

/// Where `y` sends a clipping.
public enum CopyRoute: Sendable, Equatable {
    /// The terminal's clipboard, through an OSC 52 sequence written to the terminal.
    case osc52
    /// A command reading the text on its standard input (`wl-copy`, `xclip -selection clipboard` …).
    case command([String])
    /// Appended to the clippings file (no clipboard could be reached).
    case file
}

/// Choosing the clipboard and making what goes there safe. Pure: the environment, what is on `PATH`
/// and whether stdout is a terminal are given, so every choice is testable.
public enum Clipboard {
    /// The tools `auto` looks for, in order: the words that run one, and the display it needs
    /// (a tool without its display fails, as `xclip` does over ssh).
    static let tools: [(name: String, words: [String], display: String?)] = [
        ("wl-copy", ["wl-copy"], "WAYLAND_DISPLAY"),
        ("xclip", ["xclip", "-selection", "clipboard"], "DISPLAY"),
        ("xsel", ["xsel", "--clipboard", "--input"], "DISPLAY"),
        ("pbcopy", ["pbcopy"], nil),
    ]

    /// The values of the `copy` setting.
    public static let choices = ["auto", "osc52"] + tools.map(\.name) + ["file"]

    /// The route for a `copy` setting. `$PARALLAX_COPY` (a command line) comes first, as an
    /// environment variable overrides a file. `auto`: OSC 52 on a terminal known to take it, else the
    /// first tool on PATH whose display is there, else the clippings file.
    public static func route(setting: String, environment env: [String: String], stdoutIsTerminal: Bool,
                             onPath: (String) -> Bool) -> CopyRoute {
        if let cmd = env["PARALLAX_COPY"].map(words), !cmd.isEmpty { return .command(cmd) }
        switch setting {
        case "osc52":
            // Only a terminal can take the sequence; anywhere else it would be bytes in a file.
            return stdoutIsTerminal ? .osc52 : .file
        case "file":
            return .file
        default:
            if let t = tools.first(where: { $0.name == setting }) { return .command(t.words) }
        }
        if stdoutIsTerminal && acceptsOSC52(env) { return .osc52 }
        for t in tools where onPath(t.name) {
            if let d = t.display, (env[d] ?? "").isEmpty { continue }
            return .command(t.words)
        }
        return .file
    }

    /// Terminals known to set the clipboard from OSC 52 (others ignore it silently, so `auto` does not
    /// guess): tmux (its `set-clipboard` option), kitty, WezTerm, foot, Alacritty, Ghostty, iTerm2.
    /// GNU screen also says TERM=screen but drops the sequence: `STY` tells it apart.
    static func acceptsOSC52(_ env: [String: String]) -> Bool {
        if !(env["TMUX"] ?? "").isEmpty { return true }
        let term = (env["TERM"] ?? "").lowercased()
        if term.hasPrefix("tmux") || (term.hasPrefix("screen") && (env["STY"] ?? "").isEmpty) { return true }
        if ["kitty", "wezterm", "foot", "alacritty", "ghostty", "contour"].contains(where: { term.contains($0) }) { return true }
        let program = env["TERM_PROGRAM"] ?? ""
        return ["iTerm.app", "WezTerm", "ghostty", "tmux"].contains(program)
    }

    /// What a clipping may carry: article text is untrusted, and a pasted escape sequence or bidi
    /// control would act wherever it is pasted. Newlines and tabs stay; every other control,
    /// escape introducer, bidi control and invisible character goes.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if u == "\n" || u == "\t" || !TerminalSafe.needsReplacement(u, keepNewlines: true) { out.append(u) }
        }
        return String(out)
    }

    /// The OSC 52 sequence that sets the clipboard (`c`) to the cleaned text: `ESC ] 52 ; c ; base64 ESC \`.
    /// Base64 carries no control byte, so the only ones written are the sequence's own.
    public static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(clean(text).utf8).base64EncodedString() + "\u{1B}\\"
    }

    /// A human name for the route, for the status line.
    public static func describe(_ route: CopyRoute) -> String {
        switch route {
        case .osc52: return "the terminal's clipboard (OSC 52)"
        case .command(let w): return w.first ?? "a command"
        case .file: return "the clippings file"
        }
    }

    /// Words of a command line: whitespace separates, quotes group, nothing else is interpreted.
    public static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var quote: Character?
        var any = false
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { cur.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                any = true
            } else if c.isWhitespace {
                if any || !cur.isEmpty { out.append(cur) }
                cur = ""
                any = false
            } else {
                cur.append(c)
            }
        }
        if any || !cur.isEmpty { out.append(cur) }
        return out
    }
}

/// The user's settings (`settings.txt` in the config folder): `key = value` lines. One key today:
/// `copy = auto | osc52 | wl-copy | xclip | xsel | pbcopy | file`.
public struct Settings: Sendable, Equatable {
    public var copy = "auto"

    public init() {}

    /// Later lines win; a line that cannot be used is skipped here and reported by `problem(in:)`.
    public init(lines: [String]) {
        for line in lines where Settings.problem(in: line) == nil {
            guard let (k, v) = Settings.pair(line) else { continue }
            if k == "copy" { copy = v }
        }
    }

    static func pair(_ line: String) -> (String, String)? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let k = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
        let v = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        return (k, v)
    }

    /// What is wrong with a settings line, nil when it is read.
    public static func problem(in line: String) -> String? {
        guard let (k, v) = pair(line) else { return "expected key = value" }
        switch k {
        case "copy":
            return Clipboard.choices.contains(v) ? nil
                : "copy: unknown value “\(v)” (one of \(Clipboard.choices.joined(separator: ", ")))"
        default:
            return "unknown setting “\(k)” (settings: copy)"
        }
    }

    /// The user's settings file.
    public static func load() -> Settings {
        Settings(lines: ResourceFiles.numberedLines(of: ResourceFiles.userFolder.appendingPathComponent("settings.txt")).map(\.text))
    }
}
