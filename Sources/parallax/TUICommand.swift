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
        var state: AppState
        var poll: (() -> [Msg])?
        if corpus.index.noIndex {
            state = AppState(query: MemoryCorpus(try corpus.load()), width: 80, height: 24)
        } else {
            // Large corpora are browsed from the index, not loaded: the first frame does not wait for
            // the whole corpus, nor for the index update.
            let opened = try IndexedBrowsing.open(paths: corpus.paths, options: corpus.index, quiet: corpus.quiet,
                                                  reader: corpus.reader)
            state = AppState(query: opened.query, width: 80, height: 24)
            let query = opened.query, update = opened.update
            var warm = false
            poll = {
                // After the first frame: the actor directory and event list would compete with it.
                if !warm { warm = true; query.warmUp() }
                return update?.poll() ?? []
            }
        }
        // The user's data files were reported on stderr before the screen opened; say so here too.
        if let m = ConfigReport.statusLine(ConfigReport.problems()) { state.message = m }
        // (Its lines that cannot be used are among the problems reported above.)
        state.savedQueries = SavedQueries.load()
        let signal: Int32
        do {
            signal = try Terminal.run(state, poll: poll, perform: TUIEffects.perform)
        } catch let e as TerminalError {
            throw Console.fail(e.description)
        }
        // Ended by SIGINT/SIGTERM/SIGHUP after the terminal was restored: report it the shell's way.
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}
