import ArgumentParser
import Foundation
import ParallaxCore

/// The `parallax` command: subcommands over one corpus model.
@main
struct Parallax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "Read news critically: who is involved, and how each outlet told it.",
        discussion: "With no PATH, commands use the embedded sample corpus (five articles on the talks between Russia and Ukraine of January 2022).",
        version: "0.1.0",
        subcommands: [
            ArticlesCommand.self,
            ShowCommand.self,
            ActorsCommand.self, QuotesCommand.self,
            TUICommand.self, RenderCommand.self,
            EventsCommand.self,
            CompareCommand.self,
            TimelineCommand.self,
            IndexCommand.self,
            MarkCommand.self, TagCommand.self, WorksetCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Parses the command line after the checks argument parsing cannot make (`Arguments`): a mistyped
    /// subcommand, `-` for standard input.
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        guard ResourceFiles.root != nil else {
            _ = Console.fail(ResourceFiles.notFoundMessage)
            Foundation.exit(1)
        }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        if let first = args.first, let meant = Arguments.suggestion(for: first, commands: names) {
            let word = SafeText.sanitize(first)
            _ = Console.usageFail("no command \(word) (did you mean `parallax \(meant)`?); `parallax --help` lists them, "
                                  + "and a file or folder named \(word) does not exist")
            Foundation.exit(64)
        }
        do {
            args = try Arguments.readingStandardInput(args)
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch {
            Foundation.exit(1)
        }
        ConfigReport.report()
        main(args)
    }
}
