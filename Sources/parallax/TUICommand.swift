import ArgumentParser
import ParallaxCore
import ParallaxTUI
import ParallaxTerminal

/// `parallax tui [PATH…]` (also `parallax` with no subcommand): the full-screen ncurses interface.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Browse, filter and compare the corpus in the terminal (the default command).",
        discussion: "Press ? inside for the keys. Colours follow the theme; NO_COLOR=1 turns them off.")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let c = try corpus.load()
        let state = AppState(query: MemoryCorpus(c), width: 80, height: 24)
        let signal: Int32
        do {
            signal = try Terminal.run(state)
        } catch let e as TerminalError {
            throw Console.fail(e.description)
        }
        // Ended by SIGINT/SIGTERM/SIGHUP after the terminal was restored: report it the shell's way.
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}
