import Foundation

/// Named queries, kept in the user's `queries.txt` as `name = query` lines (`#` starts a comment).
/// The TUI lists and applies them, the CLI takes `--query @name`.
public struct SavedQueries: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var query: String
    }

    public private(set) var entries: [Entry] = []
    /// Lines that could not be used, as `file:line: what is wrong`.
    public private(set) var problems: [String] = []

    public init() {}

    public init(text: String, file: String) {
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                problems.append("\(file):\(i + 1): expected `name = query`")
                continue
            }
            let name = line[..<eq].trimmingCharacters(in: .whitespaces)
            let query = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard SavedQueries.isName(name) else {
                problems.append("\(file):\(i + 1): “\(name)” is not a name (letters, digits, - and _)")
                continue
            }
            do {
                _ = try QueryParser.parse(query)
            } catch let e as QueryError {
                problems.append("\(file):\(i + 1): \(e.message) (column \(e.column) of the query)")
                continue
            } catch {
                continue
            }
            set(name, query)
        }
    }

    public static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    public func query(named name: String) -> String? {
        entries.first { $0.name == name }?.query
    }

    /// Adds the query, or replaces the one of that name.
    public mutating func set(_ name: String, _ query: String) {
        if let i = entries.firstIndex(where: { $0.name == name }) {
            entries[i].query = query
        } else {
            entries.append(Entry(name: name, query: query))
        }
    }

    public var serialized: String {
        "# Parallax saved queries: name = query (see `parallax articles --help` for the language)\n"
            + entries.map { "\($0.name) = \($0.query)\n" }.joined()
    }

    /// Where the file lives: `$XDG_CONFIG_HOME/parallax/queries.txt`, else `~/.config/parallax/queries.txt`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/parallax/queries.txt"
    }

    /// Reads the file (missing: none saved).
    public static func load(path: String = defaultPath()) -> SavedQueries {
        guard let data = FileManager.default.contents(atPath: path) else { return SavedQueries() }
        return SavedQueries(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Writes the file (through a temporary file and a rename, so a crash never leaves half of it).
    public func save(path: String = defaultPath()) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(serialized.utf8).write(to: url, options: .atomic)
    }
}
