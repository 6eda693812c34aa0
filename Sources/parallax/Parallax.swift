import ArgumentParser
import Foundation
import ParallaxCore

/// The `parallax` command: subcommands over one corpus model.
@main
struct Parallax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "Read news critically: who is involved, and how each outlet told it.",
        discussion: "With no PATH, commands use the embedded sample corpus (five articles on the Russia–Ukraine talks of January 2022).",
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
}
