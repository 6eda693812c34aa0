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

/// `parallax workset --export` / `--import FILE`: the marks, tags and read state as JSON, to keep,
/// share or move to another index (ids are stable hashes of file name and text).
struct WorksetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workset",
        abstract: "Export or import the marks, tags and read state as JSON: {\"marked\": [ID…], \"tags\": {ID: [TAG…]}, \"read\": [ID…]}.")

    @Flag(help: "Print the working set as JSON.") var export = false
    @Option(name: .customLong("import"), help: ArgumentHelp("Add the working set in this JSON file (as --export writes it) to the index's.", valueName: "file"))
    var importFile: String?
    @OptionGroup var options: WorkingSetOptions

    func validate() throws {
        if export == (importFile != nil) { throw ValidationError("give either --export or --import FILE") }
    }

    func run() throws {
        let corpus = try options.corpus()
        if let importFile {
            let incoming = try Self.read(importFile)
            let (known, total) = try IndexedLoading.withIndex(paths: corpus.paths, options: corpus.index, quiet: corpus.quiet,
                                                              reader: corpus.reader) { _, store, _ -> (Int, Int) in
                guard store.path != nil else { throw Console.fail("the index could not be opened on disk, so nothing can be kept") }
                try store.apply(.mark(Array(incoming.marked), true))
                try store.apply(.read(Array(incoming.read), true))
                for (id, tags) in incoming.tags { for t in tags { try store.apply(.tag([id], t, true)) } }
                let ids = Set(incoming.marked).union(incoming.read).union(incoming.tags.keys)
                let known = ids.filter { (try? store.seq(ofArticle: $0)) != nil }.count
                return (known, ids.count)
            }
            Console.out("imported \(incoming.marked.count) marked, \(incoming.tags.values.reduce(0) { $0 + $1.count }) tags, "
                        + "\(incoming.read.count) read; \(known) of \(total) articles are in this corpus")
            return
        }
        let data = try IndexedLoading.withIndex(paths: corpus.paths, options: corpus.index, quiet: corpus.quiet,
                                                reader: corpus.reader) { _, store, _ in try store.userData() }
        Console.json(.object([
            ("marked", .array(data.marked.sorted().map(JSONValue.string))),
            ("tags", .object(data.tags.keys.sorted().map { ($0, .array((data.tags[$0] ?? []).map(JSONValue.string))) })),
            ("read", .array(data.read.sorted().map(JSONValue.string))),
        ]))
    }

    /// The file as user data, or exit with what is wrong with it (nothing is written then).
    static func read(_ path: String) throws -> UserData {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw Console.fail("cannot read \(path)") }
        guard let root = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            throw Console.fail("\(path): not a JSON object (expected {\"marked\": [...], \"tags\": {...}, \"read\": [...]})")
        }
        func ids(_ key: String) throws -> [String] {
            guard let v = root[key] else { return [] }
            guard let list = v as? [String] else { throw Console.fail("\(path): \"\(key)\" must be an array of article ids") }
            return list
        }
        var u = UserData(marked: Set(try ids("marked")), read: Set(try ids("read")))
        if let t = root["tags"] {
            guard let tags = t as? [String: [String]] else {
                throw Console.fail("\(path): \"tags\" must map article ids to arrays of tags")
            }
            u.tags = tags.filter { !$0.value.isEmpty }
        }
        return u
    }
}
