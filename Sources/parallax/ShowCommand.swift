import ArgumentParser
import ParallaxCore

/// `parallax show ID`: one article, its metadata then its clean (or raw) text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article: its metadata, then its clean body wrapped to the terminal width.")

    @Argument(help: "The article's id (from `parallax articles`); a unique prefix is enough. `-`: the article on standard input.") var id: String
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print the original text instead of the clean body.") var raw = false
    @Flag(help: "Print everything as JSON.") var json = false

    func run() throws {
        var options = self.corpus
        var id = self.id
        // `parallax show -`: the id's place holds standard input; its one article is the one shown.
        let fromStdin = Arguments.isStandardInput(id)
        if fromStdin { options.paths.insert(id, at: 0) }
        let corpus = try options.load()
        if fromStdin {
            guard let only = corpus.articles.first(where: { $0.path == options.paths[0] }) ?? corpus.articles.first else {
                throw Console.fail("no article on standard input")
            }
            id = only.id
        }
        let article = try IDParts.article(id, in: corpus)
        if json {
            Console.json(ArticleJSON.full(article, in: corpus))
            return
        }
        let width = min(Console.width, 100)
        // One-line fields are sanitised here, newlines included: a title or file name holding "\n"
        // must not forge a line of its own (only the body keeps its line breaks).
        func field(_ s: String) -> String { SafeText.sanitize(s) }
        var out: [String] = []
        let title = field(article.title ?? "(untitled)")
        out.append(title)
        out.append(String(repeating: "═", count: min(width, DisplayWidth.of(title))))
        out.append("id        \(article.id)")
        out.append("path      \(field(article.path))")
        out.append("outlet    \(field(article.outlet ?? "unknown"))")
        if let p = article.published {
            out.append("published \(p.day) (\(p.source.rawValue), confidence \(p.confidence))")
        } else {
            out.append("published unknown")
        }
        if !article.sources.isEmpty { out.append("sources   \(field(article.sources.joined(separator: ", ")))") }
        if let u = article.url { out.append("url       \(field(u))") }
        out.append("words     \(article.wordCount)\(article.truncated ? " (truncated)" : "")")
        out.append("")
        if raw {
            out.append(article.rawText)
        } else {
            for p in article.paragraphs {
                out.append(contentsOf: TextWrap.wrap(SafeText.sanitize(String(p)), width: width))
                out.append("")
            }
        }
        Console.out(out.joined(separator: "\n"))
    }
}
