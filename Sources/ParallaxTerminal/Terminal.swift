import CNCursesW
import ParallaxTUI
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal that asked the app to stop (0 = none). A signal handler may only set a lock-free atomic;
/// the key loop polls it between keys (it waits at most 100 ms), then restores the terminal itself.
private let pendingSignal = Atomic<Int32>(0)

/// The handlers that were installed for the crash signals before the TUI's (the Swift runtime's
/// backtracer), indexed by signal number: written once before the TUI's handlers go in, read only by
/// them. A signal handler cannot capture context, so this has to be global; it is the backend's only one.
private let previousActionSlots: Int32 = 65
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(previousActionSlots))
    p.initialize(repeating: sigaction(), count: Int(previousActionSlots))
    return p
}()

/// Errors that stop the TUI before it can start.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case initFailed

    public var description: String {
        switch self {
        case .notATerminal: return "the TUI needs a terminal (use `parallax render` for a text frame)"
        case .initFailed: return "could not initialise the terminal (is TERM set?)"
        }
    }
}

/// Runs the TUI on the real terminal: the only code that talks to ncurses.
public enum Terminal {
    /// Opens the terminal, runs the key loop until `q`, an error or a signal, and always restores the
    /// terminal. Returns the signal number that ended the loop, or 0.
    /// `poll`, when given, is called after every key and every wait, on this thread: work going on in
    /// the background (an index update) reports through the messages it returns.
    /// `perform` carries out the effects that reach outside the screen (files, commands) and returns
    /// what to say on the status line; it runs with the screen on, so it must not write to the terminal
    /// (bytes for the terminal, an OSC 52 copy, come back in its result and are written here).
    /// Loads (`Effect.load`) run on a background queue, one at a time, and come back as messages; a
    /// load that a newer one has superseded before it started is skipped (its answer would be stale).
    @discardableResult
    public static func run(_ initial: AppState, poll: (() -> [Msg])? = nil,
                           perform: (@Sendable (Effect) -> EffectResult)? = nil) throws -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        let utf8 = prepareLocale()
        installSignalHandlers()
        guard let win = initscr() else { throw TerminalError.initFailed }
        defer {
            // Every way out passes here: q, a thrown error, any terminating signal seen by the loop.
            endwin()
        }
        cbreak()
        noecho()
        nonl()
        keypad(win, true)
        curs_set(0)
        set_escdelay(25)
        wtimeout(win, 100)
        mousemask(px_mouse_mask_wanted(), nil)
        mouseinterval(0)
        let palette = Palette(theme: Theme.standard())
        let inbox = Inbox()
        let loads = DispatchQueue(label: "parallax.loads", qos: .userInitiated)

        var state = initial
        state.glyphs = utf8 ? .unicode : .ascii
        state.resize(width: Int(getmaxx(win)), height: Int(getmaxy(win)))
        draw(render(state), on: win, palette: palette, utf8: utf8)

        /// Runs a message through `update` and carries out its effects; true when one of them quits.
        func apply(_ m: Msg) -> Bool {
            let (next, effects) = update(state, m)
            state = next
            for e in effects {
                switch e {
                case .quit: return true
                case .redrawAll: wclear(win)
                case .bell: beep()
                case .load(let request):
                    inbox.requested(request.id)
                    let source = state.query
                    loads.async {
                        guard !inbox.isSuperseded(request.id) else { return }
                        inbox.post(.loaded(request.answer(from: source)))
                    }
                default:
                    let result = perform.map { $0(e) } ?? EffectResult(note: "not available here")
                    // (Written between frames: the sequence moves no cursor and draws nothing.)
                    if let bytes = result.terminalOutput { writeToTerminal(bytes) }
                    if let note = result.note { state = update(state, .done(note)).0 }
                }
            }
            return false
        }

        while true {
            let sig = pendingSignal.load(ordering: .relaxed)
            if sig != 0 { return sig }
            // While a list is on its way, look for it often; else wake up for the signal flag.
            wtimeout(win, state.isLoading ? 10 : 100)
            var ch: wint_t = 0
            let r = wget_wch(win, &ch)
            let msg: Msg?
            if r == KEY_CODE_YES {
                msg = keyCode(Int32(ch), win: win)
            } else if r == OK {
                msg = character(UInt32(ch)).map { .key($0) }
            } else {
                msg = nil  // timeout: go round and look at the signal flag
            }
            var changed = false
            if let m = msg {
                if apply(m) { return 0 }
                changed = true
            }
            for m in inbox.take() + (poll?() ?? []) {
                if apply(m) { return 0 }
                changed = true
            }
            if changed { draw(render(state), on: win, palette: palette, utf8: utf8) }
        }
    }

    /// Writes bytes straight to the terminal, past ncurses (which has flushed its frame by now).
    static func writeToTerminal(_ s: String) {
        let bytes = Array(s.utf8)
        bytes.withUnsafeBytes { buf in
            guard let base = buf.baseAddress else { return }
            var done = 0
            while done < buf.count {
                let n = write(1, base + done, buf.count - done)
                if n <= 0 { break }
                done += n
            }
        }
    }

    /// `setlocale(LC_ALL, "")` must precede `initscr()`. Returns whether the locale is UTF-8
    /// (else try C.UTF-8, else draw ASCII).
    static func prepareLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8() { return true }
        if setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8() { return true }
        setlocale(LC_ALL, "")
        return false
    }

    static func isUTF8() -> Bool {
        guard let p = px_codeset() else { return false }
        let s = String(cString: p).uppercased()
        return s == "UTF-8" || s == "UTF8"
    }

    /// Signals whose default action ends the process (POSIX "T", and SIGQUIT, whose core dump would
    /// bring the Swift runtime's backtracer up over the screen): while the TUI runs each one only sets
    /// the flag, and the loop restores the terminal and exits with 128 + its number, as a shell reports
    /// a death by that signal. SIGPIPE too: a closed stderr must not kill a raw terminal.
    static var endingSignals: [Int32] {
        var s = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                 SIGXCPU, SIGXFSZ, SIGPIPE, SIGIO, SIGPWR, SIGSTKFLT]
        // Real-time signals end the process by default too (glibc keeps the first few for itself).
        s += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
        return s
    }

    /// Faults: the process cannot go on, so the handler restores the terminal itself, then hands the
    /// signal to the handler that was there before (the Swift runtime's backtracer, which then prints
    /// on a working terminal), or to the default action.
    static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS]

    static func installSignalHandlers() {
        for sig in endingSignals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = { n in pendingSignal.store(n, ordering: .relaxed) }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = Int32(SA_RESTART)
            sigaction(sig, &sa, nil)
        }
        for sig in crashSignals where sig < previousActionSlots {
            // Kept before ours replaces it; read back only by the crash handler below.
            sigaction(sig, nil, previousActions + Int(sig))
            var sa = sigaction()
            sa.__sigaction_handler.sa_sigaction = { n, info, context in
                // endwin is not async-signal-safe, but the process is ending and a shell left without
                // echo is worse (htop does the same). Then the handler that was there before (the
                // backtracer) gets the signal with its own siginfo and context, so it reports the real
                // fault on a working terminal; should it return, the default action ends the process.
                endwin()
                let previous = previousActions[Int(n)]
                if previous.sa_flags & Int32(SA_SIGINFO) != 0, let f = previous.__sigaction_handler.sa_sigaction {
                    f(n, info, context)
                } else if let h = previous.__sigaction_handler.sa_handler, unsafeBitCast(h, to: Int.self) > 1 {
                    h(n)  // (0 and 1 are SIG_DFL and SIG_IGN, not functions)
                }
                signal(n, SIG_DFL)
                raise(n)  // delivered as this returns; a fault would recur anyway
            }
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = Int32(SA_SIGINFO)
            sigaction(sig, &sa, nil)
        }
    }

    /// Translates a decoded character from `wget_wch`.
    static func character(_ u: UInt32) -> Key? {
        switch u {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26:
            return Unicode.Scalar(u + 96).map { .ctrl(Character($0)) }
        default:
            return Unicode.Scalar(u).map { .char(Character($0)) }
        }
    }

    /// Translates a key code from `wget_wch`; resizes and mouse reports become messages of their own.
    static func keyCode(_ c: Int32, win: UnsafeMutablePointer<WINDOW>) -> Msg? {
        switch c {
        case KEY_RESIZE: return .resize(width: Int(getmaxx(win)), height: Int(getmaxy(win)))
        case KEY_MOUSE:
            var ev = MEVENT()
            guard getmouse(&ev) == OK else { return nil }
            let kind: MouseEvent.Kind
            if px_is_wheel_up(ev.bstate) != 0 { kind = .wheelUp }
            else if px_is_wheel_down(ev.bstate) != 0 { kind = .wheelDown }
            else if px_is_click(ev.bstate) != 0 { kind = .click }
            else { return nil }
            return .mouse(MouseEvent(kind, x: Int(ev.x), y: Int(ev.y)))
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        default: return nil
        }
    }

    /// Copies the cell grid to the screen: one `mvwaddstr` per run of cells with the same style.
    /// ncurses diffs against what is on screen, so unchanged cells cost nothing on the wire.
    static func draw(_ b: ScreenBuffer, on win: UnsafeMutablePointer<WINDOW>, palette: Palette, utf8: Bool) {
        for y in 0..<b.height {
            var x = 0
            while x < b.width {
                let style = b[x, y].style
                let startX = x
                var run = ""
                while x < b.width, b[x, y].style == style {
                    let c = b[x, y]
                    if !c.isContinuation {
                        if utf8 || c.text.utf8.allSatisfy({ $0 < 0x80 }) {
                            run += c.text
                        } else {
                            // A locale that cannot show it: one ? per column keeps the grid aligned.
                            run += String(repeating: "?", count: CellWidth.of(Character(c.text)))
                        }
                    }
                    x += 1
                }
                let (attrs, pair) = palette.attributes(for: style)
                px_wattrset(win, attrs, pair)
                // The bottom-right cell makes ncurses report ERR (the cursor cannot advance); the text is drawn.
                _ = mvwaddstr(win, Int32(y), Int32(startX), run)
            }
        }
        px_wattrset(win, px_a_normal(), 0)
        wrefresh(win)
    }
}

/// Theme roles bound to ncurses colour pairs for this terminal's colour count and `NO_COLOR`.
struct Palette {
    private var pairs: [StyleRole: Int16] = [:]
    let enabled: Bool

    init(theme: Theme) {
        // https://no-color.org: present and not empty turns colour off.
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard !noColor, has_colors(), start_color() == OK else {
            enabled = false
            return
        }
        use_default_colors()
        let many = px_colors() >= 256
        var n: Int16 = 1
        for role in StyleRole.allCases {
            guard let c = theme.roles[role], Int(n) < px_color_pairs() else { continue }
            let fg = many ? c.fg256 : c.fg8
            if fg < 0 && c.bg < 0 { continue }
            init_pair(n, Int16(fg), Int16(c.bg))
            pairs[role] = n
            n += 1
        }
        enabled = true
    }

    func attributes(for s: Style) -> (attr_t, Int16) {
        var a = px_a_normal()
        if s.bold { a |= px_a_bold() }
        if s.reverse { a |= px_a_reverse() }
        if s.underline { a |= px_a_underline() }
        if !enabled {
            // Without colour, roles that colour would set apart get an attribute instead.
            switch s.role {
            case .person, .organization, .country, .place, .actor, .header, .titleFocused: a |= px_a_bold()
            case .quote: a |= px_a_underline()
            case .dim, .border: a |= px_a_dim()
            case .match: a |= px_a_reverse()
            default: break
            }
            return (a, 0)
        }
        return (a, pairs[s.role] ?? 0)
    }
}

/// Messages from the load queue to the key loop, and the newest load asked for (a load older than it
/// need not run). One per `Terminal.run`, shared by its two threads through a mutex.
final class Inbox: Sendable {
    private let box = Mutex<(messages: [Msg], newest: Int)>(([], 0))
    func post(_ m: Msg) { box.withLock { $0.messages.append(m) } }
    func take() -> [Msg] {
        box.withLock { b in
            let m = b.messages
            b.messages = []
            return m
        }
    }
    func requested(_ id: Int) { box.withLock { $0.newest = max($0.newest, id) } }
    func isSuperseded(_ id: Int) -> Bool { box.withLock { id < $0.newest } }
}
