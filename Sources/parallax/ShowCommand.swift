import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

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
        var id = self.id
        let article: Article
        let corpus: Corpus
        // `parallax show -`: the id's place holds standard input; its one article is the one shown
        // (a corpus of its own, in memory: loaded).
        if Arguments.isStandardInput(id) {
            var options = self.corpus
            options.paths.insert(id, at: 0)
            corpus = try options.load()
            guard let only = corpus.articles.first(where: { $0.path == options.paths[0] }) ?? corpus.articles.first else {
                throw Console.fail("no article on standard input")
            }
            id = only.id
            article = try IDParts.article(id, in: corpus)
        } else {
            // From the index: the article the id names, and for JSON only what its fields read of the
            // rest (its actors, its event and that event's dates: `showCorpus`).
            let (json, part) = (self.json, id)
            (article, corpus) = try IndexedLoading.withIndex(paths: self.corpus.paths, options: self.corpus.index,
                                                              quiet: self.corpus.quiet, reader: self.corpus.reader) { roots, store, _ in
                guard try store.hasArticles() else { throw Console.fail(LoadError.emptyCorpus(roots).description) }
                let id = try IDParts.articleID(part, among: store.articles(idStartingWith: part))
                guard let article = try store.article(id: id) else { throw Console.fail("no article with id \(part)") }
                return (article, json ? try store.showCorpus(of: article) : Corpus(articles: [article]))
            }
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
