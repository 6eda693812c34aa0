import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

/// The working set from the command line: marks and tags live in the index's user data (kept across
/// updates and `index --rebuild`), listed with `parallax articles --query is:marked` or `tag:NAME`.
enum WorkingSet {
    /// Opens the index (brought up to date), resolves each id part to one article, and applies the
    /// change. An unknown or ambiguous id part changes nothing and exits 64.
    static func change(_ corpus: CorpusOptions, ids: [String], _ make: ([String]) -> UserDataChange) throws -> [String] {
        if corpus.index.noIndex {
            throw Console.usageFail("--no-index keeps no marks or tags (they live in the index)")
        }
        return try IndexedLoading.withIndex(paths: corpus.paths, options: corpus.index, quiet: corpus.quiet,
                                            reader: corpus.reader) { _, store, _ in
            guard store.path != nil else {
                throw Console.fail("the index could not be opened on disk, so marks and tags cannot be kept")
            }
            var resolved: [String] = []
            for part in ids {
                let found = try store.articleIDs(startingWith: part)
                if found.isEmpty { throw Console.usageFail("no article with id \(part)") }
                if found.count > 1 {
                    throw Console.usageFail("id \(part) is ambiguous: \(found.prefix(10).joined(separator: ", "))\(found.count > 10 ? ", …" : "")")
                }
                resolved.append(found[0])
            }
            try store.apply(make(resolved))
            return resolved
        }
    }
}

/// Where the working set is kept: the corpus (by `--corpus`, as ids come first on the command
/// line) and its index.
struct WorkingSetOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: ArgumentHelp("A file or folder of the corpus (repeat for several). Default: the embedded sample.", valueName: "path"))
    var paths: [String] = []
    @Option(name: .customLong("index"), help: ArgumentHelp("The index file to use instead of the default one.", valueName: "path"))
    var indexPath: String?
    @Flag(name: .long, help: "Do not print warnings about unreadable or skipped files.") var quiet = false

    /// The same options as every corpus command takes, parsed from the equivalent arguments (paths
    /// after `--`, so that none is read as an option).
    func corpus() throws -> CorpusOptions {
        var args: [String] = []
        if let indexPath { args += ["--index", indexPath] }
        if quiet { args.append("--quiet") }
        return try CorpusOptions.parse(args + ["--"] + paths)
    }
}

/// `parallax mark ID…`: marks (or with --unmark, unmarks) articles.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark articles (the working set); list them with `parallax articles --query is:marked`.")

    @Argument(help: "Article ids (from `parallax articles`); a unique prefix is enough.") var ids: [String]
    @Flag(help: "Remove the mark instead.") var unmark = false
    @OptionGroup var options: WorkingSetOptions

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one article id") }
    }

    func run() throws {
        let done = try WorkingSet.change(options.corpus(), ids: ids) { .mark($0, !unmark) }
        Console.out("\(unmark ? "unmarked" : "marked") \(done.count) article\(done.count == 1 ? "" : "s"): \(done.joined(separator: " "))")
    }
}

/// `parallax tag ID TAG`: tags (or with --remove, untags) an article.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag an article; list a tag's articles with `parallax articles --query tag:NAME`.")

    @Argument(help: "The article's id; a unique prefix is enough.") var id: String
    @Argument(help: "The tag (compared without case or accents).") var tag: String
    @Flag(help: "Remove the tag instead.") var remove = false
    @OptionGroup var options: WorkingSetOptions

    func validate() throws {
        if UserData.tagKey(tag).isEmpty { throw ValidationError("the tag is empty") }
    }

    func run() throws {
        let done = try WorkingSet.change(options.corpus(), ids: [id]) { .tag($0, tag, !remove) }
        Console.out("\(remove ? "removed tag" : "tagged") “\(tag)”: \(done.joined(separator: " "))")
    }
}
