import ArgumentParser
import ParallaxCore

/// `parallax show ID`: one article, its metadata then its clean (or raw) text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article: its metadata, then its clean body wrapped to the terminal width.")

    @Argument(help: "The article's id (from `parallax articles`); a unique prefix is enough.") var id: String
    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Print the original text instead of the clean body.") var raw = false
    @Flag(help: "Print everything as JSON.") var json = false

    func run() throws {
        let corpus = try self.corpus.load()
        let matches = corpus.articles.filter { $0.id == id || $0.id.hasPrefix(id) }
        guard let article = matches.first(where: { $0.id == id }) ?? (matches.count == 1 ? matches.first : nil) else {
            throw Console.fail(matches.isEmpty ? "no article with id \(id)" : "id \(id) is ambiguous: \(matches.map(\.id).joined(separator: ", "))")
        }
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
