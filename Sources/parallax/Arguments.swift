import ArgumentParser
import Foundation
import ParallaxCore

/// What is done to the command line before it is parsed: a mistyped subcommand is caught (it would
/// otherwise be taken for a path of the default command), and `-` becomes the article on standard input.
enum Arguments {
    /// The subcommand a mistyped first word most likely meant, when it is no subcommand, no existing
    /// path, and within two edits of one (`artciles` → `articles`).
    static func suggestion(for word: String, commands: [String]) -> String? {
        guard !word.hasPrefix("-"), !commands.contains(word), !FileManager.default.fileExists(atPath: word),
              !word.contains("/") else { return nil }
        let ranked = commands.map { ($0, editDistance(word.lowercased(), $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = ranked.first, best.1 <= min(2, max(1, best.0.count / 3)) else { return nil }
        return best.0
    }

    /// Levenshtein distance, with a transposition of neighbours counting as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    /// `-` among the arguments: standard input is read (as the loader reads a file, at most its limit)
    /// into a file of this process's own temporary folder, whose path replaces `-`; the corpus is then
    /// worked on in memory (`--no-index`), since an index of a one-off file would only be litter.
    /// The folder is removed when the process exits.
    static func readingStandardInput(_ args: [String]) throws -> [String] {
        guard let at = args.firstIndex(of: "-") else { return args }
        if args.filter({ $0 == "-" }).count > 1 { throw usage("- (standard input) can be given once") }
        if args.contains(where: { $0 == "--index" || $0.hasPrefix("--index=") }) {
            throw usage("- (standard input) is read into memory only; it cannot go into --index")
        }
        if isatty(STDIN_FILENO) != 0 {
            throw usage("- reads one article from standard input, which is a terminal here: pipe one in (cat article.txt | parallax articles -)")
        }
        let data: Data
        switch SafeFile.read(fd: STDIN_FILENO, limit: CorpusLoader().maxArticleBytes + 1) {
        case .success(let d): data = d
        case .failure(let f): throw Console.fail("standard input: \(f.reason)")
        }
        guard !data.isEmpty else { throw Console.fail("standard input is empty: no article to read") }
        let folder = stdinFolder
        try? FileManager.default.removeItem(atPath: folder)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw Console.fail("cannot write a temporary file for standard input in \(folder): \(error.localizedDescription)")
        }
        let path = folder + "/stdin." + sniffExtension(data)
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw Console.fail("cannot write a temporary file for standard input: \(path)")
        }
        atexit { try? FileManager.default.removeItem(atPath: Arguments.stdinFolder) }
        var out = args
        out[at] = path
        if !out.contains("--no-index") { out.append("--no-index") }
        return out
    }

    /// This process's folder for the article read from standard input (named by its pid, so that
    /// nothing need be remembered to remove it).
    static var stdinFolder: String {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("parallax-stdin-\(getpid())").path
    }

    /// The format the loader should read standard input as, from its first bytes: HTML, JSON (an object
    /// or array), JSON Lines (several lines that are each an object), else text.
    static func sniffExtension(_ data: Data) -> String {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        let t = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if t.hasPrefix("<") { return "html" }
        if t.hasPrefix("[") { return "json" }
        if t.hasPrefix("{") {
            let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .filter { !$0.allSatisfy(\.isWhitespace) }
            let objects = lines.filter { $0.drop(while: \.isWhitespace).hasPrefix("{") && $0.reversed().drop(while: \.isWhitespace).first == "}" }
            return lines.count > 1 && objects.count == lines.count ? "jsonl" : "json"
        }
        return "txt"
    }

    /// Whether a path is the article read from standard input.
    static func isStandardInput(_ path: String) -> Bool {
        path.hasPrefix(stdinFolder + "/")
    }

    static func usage(_ message: String) -> ExitCode { Console.usageFail(message) }
}
