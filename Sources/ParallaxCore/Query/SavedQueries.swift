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
            switch Self.read(line: raw) {
            case .none: continue
            case .problem(let why): problems.append("\(file):\(i + 1): \(why)")
            case .entry(let name, let query): set(name, query)
            }
        }
    }

    enum Line { case none, problem(String), entry(String, String) }

    /// One line of the file: blank or a comment, a saved query, or what is wrong with it.
    static func read(line raw: String) -> Line {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") { return .none }
        guard let eq = line.firstIndex(of: "=") else { return .problem("expected `name = query`") }
        let name = line[..<eq].trimmingCharacters(in: .whitespaces)
        let query = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard SavedQueries.isName(name) else { return .problem("“\(name)” is not a name (letters, digits, - and _)") }
        do {
            _ = try QueryParser.parse(query)
        } catch let e as QueryError {
            return .problem("\(e.message) (column \(e.column) of the query)")
        } catch {
            return .problem("\(error)")
        }
        return .entry(name, query)
    }

    /// What is wrong with a line of the file, for the one report of the user's files (`ConfigReport`).
    public static func problem(inLine line: String) -> String? {
        if case .problem(let why) = read(line: line) { return why }
        return nil
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

    /// Where the file lives: in the user's folder of data files (`$PARALLAX_CONFIG`, else
    /// `$XDG_CONFIG_HOME/parallax`, else `~/.config/parallax`), beside the files it is reported with.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["PARALLAX_CONFIG"], !p.isEmpty { return p + "/queries.txt" }
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
