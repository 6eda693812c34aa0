import Foundation
import ParallaxCore
import ParallaxTUI
import ParallaxTerminal

/// The one place the user's data files are checked and their problems said: every line a reader would
/// skip, once per run, on stderr, as `file:line: what is wrong`.
enum ConfigReport {
    /// Every data file a user can override, with the check of its reader.
    static let checks: [DataFileCheck] = DataFileCheck.core + [
        DataFileCheck("keymap.txt", eachLine: Keymap.problem(in:)),
        DataFileCheck("theme.txt", eachLine: Theme.problem(in:)),
        DataFileCheck("queries.txt", eachLine: SavedQueries.problem(inLine:)),
        DataFileCheck("settings.txt", eachLine: Settings.problem(in:)),
    ]

    static func problems() -> [DataProblem] { DataFileCheck.userProblems(checks) }

    /// Prints the problems of the user's files on stderr; returns them (the TUI also says so on its status line).
    @discardableResult
    static func report() -> [DataProblem] {
        let found = problems()
        for p in found { FileHandle.standardError.write(Data(("parallax: " + SafeText.sanitize(p.description) + "\n").utf8)) }
        return found
    }

    /// The status line's summary of them, nil when there are none.
    static func statusLine(_ found: [DataProblem]) -> String? {
        guard let first = found.first else { return nil }
        let name = (first.file as NSString).lastPathComponent
        let more = found.count > 1 ? " (+\(found.count - 1) more on stderr)" : ""
        return "\(name):\(first.line): \(first.message)\(more)"
    }
}
