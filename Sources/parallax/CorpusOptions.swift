import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

/// The corpus paths every command takes, and how a command loads them.
struct CorpusOptions: ParsableArguments {
    @Argument(help: "Files or folders of articles (.txt, .md, .html, .json, .jsonl). Default: the embedded sample corpus.")
    var paths: [String] = []

    @Flag(name: .long, help: "Do not print warnings about unreadable or skipped files.")
    var quiet = false

    @Flag(name: .long, help: "Follow symbolic links that lead outside the given files and folders (never into /proc, /sys or /dev).")
    var followOutside = false

    @OptionGroup var index: IndexOptions

    /// How the files are listed and read: links stay inside the given paths unless --follow-outside.
    var reader: LoaderCorpusReader {
        LoaderCorpusReader(loader: CorpusLoader(walker: FileWalker(followOutside: followOutside)))
    }

    /// Loads the corpus (through the index) or exits with one clear line on stderr.
    func load() throws -> Corpus {
        try loadIndexed().corpus
    }

    /// The corpus without the parts a command does not print (see `SQLiteCorpusStore.CorpusParts`).
    func load(parts: SQLiteCorpusStore.CorpusParts) throws -> Corpus {
        try IndexedLoading.load(paths: paths, options: index, quiet: quiet, reader: reader, parts: parts).corpus
    }

    /// Loads the corpus through the index and keeps the store for the filters.
    func loadIndexed() throws -> IndexedCorpus {
        try IndexedLoading.load(paths: paths, options: index, quiet: quiet, reader: reader)
    }
}

/// Writing to the terminal: warnings and errors on stderr, sanitised.
enum Console {
    static func warn(_ lines: [String]) {
        for l in lines { FileHandle.standardError.write(Data(("parallax: warning: " + SafeText.sanitize(l) + "\n").utf8)) }
    }

    /// One line about what parallax did on its own (an index rebuilt or migrated), on stderr.
    static func note(_ line: String) {
        FileHandle.standardError.write(Data(("parallax: " + SafeText.sanitize(line) + "\n").utf8))
    }

    /// Prints `parallax: message` on stderr and returns the error that exits with status 1.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("parallax: " + SafeText.sanitize(message) + "\n").utf8))
        return ExitCode.failure
    }

    /// Prints `parallax: message` on stderr and returns the usage error (exit status 64, EX_USAGE).
    static func usageFail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("parallax: " + SafeText.sanitize(message) + "\n").utf8))
        return ExitCode(64)
    }

    /// The width a table is cut to: the terminal's on a terminal; none when stdout is a pipe or a file,
    /// as `git`, `ls` and `tig` do, so that what a program reads is whole.
    static var tableWidth: Int? {
        isatty(STDOUT_FILENO) != 0 ? width : nil
    }

    /// Prints a table, cut to the terminal's width only on a terminal.
    static func table(_ t: TextTable) {
        out(t.render(width: tableWidth))
    }

    /// Columns of the terminal on stdout, else `$COLUMNS`, else 80.
    static var width: Int {
        var ws = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 {
            return Int(ws.ws_col)
        }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 80
    }

    /// Prints text with every control character made visible (newlines kept).
    static func out(_ s: String) {
        print(SafeText.sanitize(s, keepNewlines: true))
    }

    static func json(_ v: JSONValue) {
        print(v.serialized(pretty: true))
    }
}

/// An aligned plain-text table, measured in terminal columns; the last column takes what is left.
struct TextTable {
    var headers: [String]
    var rows: [[String]]

    /// - Parameter width: the columns to fit, the last column cut to what is left; nil: nothing is cut.
    func render(width: Int?) -> String {
        let cols = headers.count
        var widths = headers.map { DisplayWidth.of($0) }
        let clean = rows.map { $0.map { SafeText.sanitize($0) } }
        for r in clean {
            for (i, c) in r.enumerated() where i < cols { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (cols - 1)
        if cols > 0, let width { widths[cols - 1] = max(10, min(widths[cols - 1], width - fixed)) }
        var lines: [String] = []
        func line(_ cells: [String]) -> String {
            var s = ""
            for i in 0..<cols {
                let c = i < cells.count ? cells[i] : ""
                s += i == cols - 1 ? DisplayWidth.truncate(c, to: widths[i]) : DisplayWidth.pad(c, to: widths[i]) + "  "
            }
            return s
        }
        lines.append(line(headers))
        lines.append(line(widths.map { String(repeating: "─", count: $0) }))
        for r in clean { lines.append(line(r)) }
        return lines.joined(separator: "\n")
    }
}
