import ParallaxCore

/// A key as the TUI understands it, independent of ncurses' key codes.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    /// Ctrl plus a letter (lowercase), for keys such as Ctrl-L.
    case ctrl(Character)

    /// Parses a key name as written in keymap files and `--keys` scripts: a single character, or
    /// `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`,
    /// `<Home>`, `<End>`, `<BS>`, `<Del>`, `<Space>`, `<C-x>` (angle brackets optional for names).
    public init?(name raw: String) {
        var n = raw
        if n.count > 2, n.hasPrefix("<"), n.hasSuffix(">") { n = String(n.dropFirst().dropLast()) }
        if n.count == 1, let c = n.first {
            self = .char(c)
            return
        }
        switch n.lowercased() {
        case "enter", "return", "cr": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "s-tab", "backtab", "shift-tab": self = .backTab
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "bs", "backspace": self = .backspace
        case "del", "delete": self = .delete
        case "space": self = .char(" ")
        case "lt": self = .char("<")
        case "bar": self = .char("|")
        default:
            let l = n.lowercased()
            if l.count == 3, l.hasPrefix("c-"), let c = l.last, c.isLetter {
                self = .ctrl(c)
                return
            }
            return nil
        }
    }

    /// How the help screen and hint bar show the key.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .ctrl(let c): return "C-" + String(c)
        }
    }

    /// Parses a `--keys` script: whitespace-separated tokens; a single character or a key name
    /// (`<Enter>`, `Tab`, `PgDn`, `C-l` …) is that key, any other token is typed character by character
    /// (`/Paris` types `/`, `P`, `a` …; write `<Space>` for a space).
    public static func script(_ s: String) -> [Key] {
        var out: [Key] = []
        for tok in s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let t = String(tok)
            if let k = Key(name: t) {
                out.append(k)
            } else {
                out.append(contentsOf: t.map { .char($0) })
            }
        }
        return out
    }
}

/// A mouse report, in screen cells.
public struct MouseEvent: Hashable, Sendable {
    /// A press of the first button, or a wheel step.
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything that can happen to the app: the input of `update`.
public enum Msg: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// What an effect did (a file written, a command's output), for the status line.
    case done(String)
    /// The answer to a `LoadRequest` (ignored unless its id is the newest request's).
    case loaded(LoadAnswer)
    /// Work going on behind the screen (the index update), for the status line; nil when it is over.
    case activity(String?)
    /// The index was brought up to date: its new answers replace the old, and the note says what changed.
    case replaceQuery(QueryBox, note: String?)
}

/// I/O that `update` asks the backend to perform; `update` itself does none.
public enum Effect: Sendable, Equatable {
    case quit
    /// Read the list for a query from the corpus, off the key loop; answered by `Msg.loaded`.
    case load(LoadRequest)
    /// Repaint every cell (after a resize or when the screen may be garbled).
    case redrawAll
    /// Audible/visual bell for a key that does nothing here.
    case bell
    /// Write the saved queries back to their file.
    case saveQueries(SavedQueries)
    /// Write an export (Markdown or JSON, already made safe) to a file the user named.
    case export(path: String, contents: String)
    /// Open a URL or file with `$BROWSER` or `xdg-open` (no shell).
    case openURL(String)
    /// Copy a clipping (quote or reference with its source) to the clipboard the `copy` setting
    /// chooses (`Clipboard.route`): OSC 52, a clipboard command, or the clippings file.
    case copy(String)
    /// Run a command (split into words, no shell) with the text on its standard input.
    case pipe(command: String, input: String)
}

/// What the backend did for an effect: the status line's note, and bytes for the terminal itself
/// (an OSC 52 sequence, made by `Clipboard.osc52`, which only the terminal's owner may write).
public struct EffectResult: Sendable, Equatable {
    public var note: String?
    public var terminalOutput: String?
    public init(note: String?, terminalOutput: String? = nil) {
        self.note = note
        self.terminalOutput = terminalOutput
    }
}
