import ParallaxCore
import ParallaxTUI

/// Colours for the style roles, read from `theme.txt` (shipped, then the user's file).
/// Kept free of ncurses types so it can be read and tested without a terminal.
public struct Theme: Sendable, Equatable {
    /// A colour index for ncurses, or -1 for the terminal's default.
    public struct Colors: Sendable, Equatable {
        public var fg256: Int
        public var fg8: Int
        public var bg: Int
    }
    public private(set) var roles: [StyleRole: Colors] = [:]

    static let names = ["black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7]

    static func color(_ s: String) -> Int? {
        if s == "-" || s.isEmpty { return -1 }
        if let n = names[s.lowercased()] { return n }
        if let n = Int(s), (0...255).contains(n) { return n }
        return nil
    }

    public init(lines: [String]) {
        for line in lines {
            let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 3, let role = StyleRole(rawValue: f[0]), let a = Theme.color(f[1]),
                  let b = Theme.color(f[2]) else { continue }
            let bg = f.count > 3 ? (Theme.color(f[3]) ?? -1) : -1
            roles[role] = Colors(fg256: a, fg8: b, bg: bg)
        }
    }

    /// What is wrong with a theme line (nil when it is read): `init(lines:)` skips such a line.
    public static func problem(in line: String) -> String? {
        let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let role = f.first, StyleRole(rawValue: role) != nil else {
            return "unknown role “\(f.first ?? line)” (roles: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
        guard f.count >= 3 else { return "expected role | 256-colour | 8-colour | background" }
        for c in f.dropFirst() where color(c) == nil {
            return "unknown colour “\(c)” (0–255, black, red, green, yellow, blue, magenta, cyan, white, or - for the default)"
        }
        return nil
    }

    public static func standard() -> Theme { Theme(lines: ResourceFiles.lines(of: "theme.txt")) }
}
