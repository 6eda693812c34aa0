import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxTUI

/// `parallax render`: runs scripted keys through the TUI's own update and render code, without a
/// terminal, and prints the final frame as text — for tests, scripts and screenshots.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run keys through the TUI headlessly and print the resulting frame as text.",
        discussion: """
            Keys are separated by spaces: a single character is that key, a name in angle brackets \
            (<Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <PgUp> <PgDn> <Home> <End> <BS> <Space> <C-l>) is that \
            key, any other word is typed letter by letter. Example: --keys "j j / Paris <Enter> c".
            """)

    @Option(help: "Screen size as COLUMNSxROWS.")
    var size = "120x40"

    @Option(help: "The keys to press, in order.")
    var keys = ""

    @Flag(help: "Draw lines with ASCII instead of Unicode box drawing.")
    var ascii = false

    @Flag(help: "Print load time and each key's update+render time (ms) on stderr.")
    var time = false

    @OptionGroup var corpus: CorpusOptions

    func validate() throws {
        if RenderCommand.parseSize(size) == nil { throw RenderCommand.badSize(size) }
    }

    static func badSize(_ size: String) -> ValidationError {
        ValidationError("--size must look like 120x40 (columns x rows, each 1–1000), not “\(SafeText.sanitize(size))”")
    }

    func run() throws {
        guard let (w, h) = RenderCommand.parseSize(size) else { throw RenderCommand.badSize(size) }
        let t0 = DispatchTime.now()
        let c = try corpus.load()
        let query = MemoryCorpus(c)
        var state = AppState(query: query, width: w, height: h, glyphs: ascii ? .ascii : .unicode)
        var frame = render(state)
        let loaded = RenderCommand.ms(since: t0)
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var perKey = ""
        for k in Key.script(keys) {
            let t = DispatchTime.now()
            let c0 = RenderCommand.threadCPUms()
            let (next, effects) = settle(state, .key(k))
            state = next
            frame = render(state)
            times.append(RenderCommand.ms(since: t))
            cpuTimes.append(RenderCommand.threadCPUms() - c0)
            perKey += String(format: "  %-6@ %8.3f ms wall %8.3f ms cpu\n", k.label, times[times.count - 1],
                             cpuTimes[cpuTimes.count - 1])
            if effects.contains(.quit) { break }
        }
        print(frame.text)
        if time {
            let sorted = times.sorted()
            let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            let cpu = cpuTimes.sorted()
            let line = String(format: "render: %d articles, load+index %.1f ms; %d keys: wall median %.2f ms, max %.2f ms; "
                                + "cpu median %.2f ms, max %.2f ms\n",
                              c.articles.count, loaded, times.count, median, sorted.last ?? 0,
                              cpu.isEmpty ? 0 : cpu[cpu.count / 2], cpu.last ?? 0)
            FileHandle.standardError.write(Data((perKey + line).utf8))
        }
    }

    static func parseSize(_ s: String) -> (Int, Int)? {
        let p = s.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard p.count == 2, let w = Int(p[0]), let h = Int(p[1]), (1...1000).contains(w), (1...1000).contains(h) else {
            return nil
        }
        return (w, h)
    }

    /// CPU time of this thread: on a machine shared with other work, wall time also counts waiting.
    static func threadCPUms() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
    }

    static func ms(since t: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e6
    }
}
