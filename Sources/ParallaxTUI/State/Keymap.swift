import ParallaxCore

/// Everything a key can ask the app to do. The names are the ones keymap files use.
public enum Action: String, Sendable, CaseIterable {
    case down, up, pageDown, pageUp, top, bottom, nextPane, prevPane, open, back
    case search, nextMatch, prevMatch, filterActor, filterOutlet, filterDate, filterEvent, clear
    case compare, timeline, raw, scope, why, help, redraw, quit, quitNow
    case reading, listNarrower, listWider, sortNext, sortReverse
    case undo, mark, tag, toggleRead, savedQuery, saveQuery, export, openURL, copy, pipe, command
}

/// Where an action applies: `global` everywhere, `panes` on the pane screen, a pane's name in that
/// pane only, `overlay` in the full-screen views.
public enum KeyContext: String, Sendable, CaseIterable {
    case global, panes, articles, text, actors, compare, overlay
}

/// One row of the action table: it drives key dispatch, the help screen and the hint bar.
public struct KeyBinding: Sendable, Equatable {
    public var action: Action
    public var keys: [Key]
    public var contexts: [KeyContext]
    /// Short label for the status bar, nil when the action is not hinted there.
    public var hint: String?
    public var help: String
}

/// The action table, read from `keymap.txt` (shipped, then the user's file of the same name).
public struct Keymap: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]
    /// Lines of the keymap files that could not be understood, for the status bar.
    public private(set) var problems: [String]

    /// Builds the table from `action | keys | contexts | hint | help` lines. A later line for the same
    /// action replaces its keys (and any other field it gives), so a user file can rebind.
    public init(lines: [String]) {
        var table: [Action: KeyBinding] = [:]
        var order: [Action] = []
        var problems: [String] = []
        for line in lines {
            let f = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if let p = Keymap.problem(in: line) { problems.append("keymap: " + p) }
            guard let name = f.first, let action = Action(rawValue: name), f.count >= 2 else { continue }
            let keys = f[1].split(separator: " ").compactMap { Key(name: String($0)) }
            var b = table[action] ?? KeyBinding(action: action, keys: [], contexts: [.global], hint: nil, help: name)
            b.keys = keys
            if f.count > 2, !f[2].isEmpty {
                let cs = f[2].split(separator: " ").compactMap { KeyContext(rawValue: String($0)) }
                if !cs.isEmpty { b.contexts = cs }
            }
            if f.count > 3, !f[3].isEmpty { b.hint = f[3] == "-" ? nil : f[3] }
            if f.count > 4, !f[4].isEmpty { b.help = f[4] }
            if table[action] == nil { order.append(action) }
            table[action] = b
        }
        // A key rebound by a later line is taken away from the actions that had it before.
        var claimed: [Key: Action] = [:]
        for line in lines.reversed() {
            let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = f.first, let action = Action(rawValue: name), f.count >= 2 else { continue }
            for k in f[1].split(separator: " ").compactMap({ Key(name: String($0)) }) where claimed[k] == nil {
                claimed[k] = action
            }
        }
        bindings = order.compactMap { a in
            table[a].map { b in
                var b = b
                b.keys = b.keys.filter { claimed[$0] == nil || claimed[$0] == a }
                return b
            }
        }
        self.problems = problems
    }

    /// What is wrong with a keymap line (nil when all of it is understood): an unknown action, key or
    /// context is skipped by `init(lines:)`, so it is reported rather than silently doing nothing.
    public static func problem(in line: String) -> String? {
        let f = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let name = f.first, Action(rawValue: name) != nil else {
            return "unknown action “\(f.first ?? line)” (actions: \(Action.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
        guard f.count >= 2 else { return "expected action | keys | contexts | hint | help" }
        let badKeys = f[1].split(separator: " ").filter { Key(name: String($0)) == nil }
        if !badKeys.isEmpty {
            return "unknown key \(badKeys.map { "“\($0)”" }.joined(separator: ", ")) (a character, or <Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <BS> <Del> <Space> <C-x>)"
        }
        if f.count > 2 {
            let badContexts = f[2].split(separator: " ").filter { KeyContext(rawValue: String($0)) == nil }
            if !badContexts.isEmpty {
                return "unknown context \(badContexts.map { "“\($0)”" }.joined(separator: ", ")) (contexts: \(KeyContext.allCases.map(\.rawValue).joined(separator: ", ")))"
            }
        }
        return nil
    }

    /// The shipped key map plus the user's `keymap.txt`.
    public static func standard() -> Keymap {
        Keymap(lines: ResourceFiles.lines(of: "keymap.txt"))
    }

    /// The action a key triggers in a context (pane-specific bindings win over global ones).
    public func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        for c in contexts {
            if let b = bindings.first(where: { $0.contexts.contains(c) && $0.keys.contains(key) }) { return b.action }
        }
        return nil
    }

    public func binding(_ a: Action) -> KeyBinding? { bindings.first { $0.action == a } }

    /// The keys of an action as the help screen shows them (`j/↓`).
    public func keyLabel(_ a: Action) -> String {
        (binding(a)?.keys ?? []).map(\.label).joined(separator: "/")
    }
}
