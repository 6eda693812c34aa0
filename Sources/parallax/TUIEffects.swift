import Foundation
import ParallaxCore
import ParallaxTUI

/// The TUI's effects that reach outside the screen: files the user named, commands they configured.
/// Each returns the line for the status bar. No shell is ever involved: commands are split into words
/// and run directly, so nothing in an article (a URL, a quote) can become a shell command.
enum TUIEffects {
    /// The `copy` setting, read once when the TUI starts.
    static let settings = Settings.load()

    @Sendable static func perform(_ e: Effect) -> EffectResult {
        if case .copy(let text) = e {
            let env = ProcessInfo.processInfo.environment
            let route = Clipboard.route(setting: settings.copy, environment: env, stdoutIsTerminal: isatty(1) == 1,
                                        onPath: { onPath($0, env: env) })
            return copy(text, route: route)
        }
        return EffectResult(note: note(e))
    }

    static func note(_ e: Effect) -> String? {
        switch e {
        case .quit, .redrawAll, .bell, .copy, .load:
            return nil
        case .saveQueries(let q):
            do {
                try q.save()
                return "saved to \(SavedQueries.defaultPath())"
            } catch {
                return "could not save the queries: \(error.localizedDescription)"
            }
        case .export(let path, let contents):
            return export(path: path, contents: contents)
        case .openURL(let target):
            return open(target)
        case .pipe(let command, let input):
            let words = split(command)
            guard !words.isEmpty else { return "no command" }
            let r = run(words, input: input)
            return r.map { "| \(words[0]): " + $0 } ?? "| \(words[0]): could not run it"
        }
    }

    /// Writes a new file; an existing one is the user's and is left alone.
    static func export(path: String, contents: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { return "file exists; nothing written (choose a new name): \(path)" }
        let url = URL(fileURLWithPath: path)
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
            return "exported to \(path)"
        } catch {
            return "could not write \(path): \(error.localizedDescription)"
        }
    }

    /// Opens a web URL or a file with `$BROWSER` (its first entry), else `xdg-open`, in the background.
    static func open(_ target: String) -> String {
        let lower = target.lowercased()
        let arg: String
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            arg = target
        } else if !target.contains("://"), !target.contains("#") || FileManager.default.fileExists(atPath: target) {
            // A file of the corpus: absolute, so that it cannot be read as an option.
            arg = URL(fileURLWithPath: target).standardizedFileURL.path
        } else {
            return "not a web address or a file: \(target)"
        }
        let env = ProcessInfo.processInfo.environment
        var words = (env["BROWSER"].flatMap { $0.split(separator: ":").first.map(String.init) }).map(split) ?? []
        if words.isEmpty { words = ["xdg-open"] }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = words + [arg]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            try p.run()
        } catch {
            return "could not run \(words[0]): \(error.localizedDescription)"
        }
        return "opening \(arg) with \(words[0])"
    }

    /// Whether an executable of that name is on `PATH` (what `auto` looks for).
    static func onPath(_ name: String, env: [String: String]) -> Bool {
        let fm = FileManager.default
        return (env["PATH"] ?? "").split(separator: ":").contains { dir in
            fm.isExecutableFile(atPath: String(dir) + "/" + name)
        }
    }

    /// Copies along the route: OSC 52 bytes for the terminal to write, a clipboard command fed on
    /// stdin, or a line appended to the clippings file. The status line says where it went.
    static func copy(_ text: String, route: CopyRoute) -> EffectResult {
        let clean = Clipboard.clean(text)
        switch route {
        case .osc52:
            return EffectResult(note: "copied to \(Clipboard.describe(route))", terminalOutput: Clipboard.osc52(clean))
        case .command(let cmd):
            guard let name = cmd.first else { return EffectResult(note: "no copy command") }
            return EffectResult(note: run(cmd, input: clean) != nil ? "copied with \(name)" : "could not run \(name)")
        case .file:
            let env = ProcessInfo.processInfo.environment
            let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/share")
            let path = base + "/parallax/clippings.md"
            let fm = FileManager.default
            do {
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if !fm.fileExists(atPath: path) { _ = fm.createFile(atPath: path, contents: nil) }
                let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? h.close() }
                try h.seekToEnd()
                try h.write(contentsOf: Data(("- " + MarkdownSafe.text(clean) + "\n").utf8))
                return EffectResult(note: "copied to \(path) (no clipboard found: see copy in settings.txt)")
            } catch {
                return EffectResult(note: "could not write \(path): \(error.localizedDescription)")
            }
        }
    }

    /// Words of a command line: whitespace separates, single or double quotes group; nothing else
    /// is interpreted.
    static func split(_ s: String) -> [String] { Clipboard.words(s) }

    /// Runs the command with `input` on stdin (at most 10 s) and returns the first line of its output,
    /// or nil when it could not be started.
    static func run(_ words: [String], input: String) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = words
        let stdin = Pipe(), stdout = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stdout
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        do { try p.run() } catch { return nil }
        let data = Data(input.utf8)
        DispatchQueue.global().async {
            // A command that stops reading early closes its end: the write fails, which is fine.
            try? stdin.fileHandleForWriting.write(contentsOf: data)
            try? stdin.fileHandleForWriting.close()
        }
        let output = OutputBox()
        DispatchQueue.global().async {
            output.set(stdout.fileHandleForReading.readDataToEndOfFile())
        }
        if done.wait(timeout: .now() + 10) == .timedOut {
            p.terminate()
            return "stopped after 10 s"
        }
        let text = String(decoding: output.get(waiting: 1).prefix(4096), as: UTF8.self)
        let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let status = p.terminationStatus == 0 ? "" : " (exit \(p.terminationStatus))"
        return SafeText.sanitize(first.isEmpty ? "done" + status : first + status)
    }
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var data = Data()
    func set(_ d: Data) {
        lock.lock()
        data = d
        lock.unlock()
        ready.signal()
    }
    func get(waiting seconds: Double) -> Data {
        _ = ready.wait(timeout: .now() + seconds)
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
