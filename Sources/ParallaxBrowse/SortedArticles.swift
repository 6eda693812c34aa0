import Foundation
import ParallaxCore
import ParallaxStore

/// `parallax articles --sort`: the list found by the index, put in display order (newest first, as the
/// TUI lists it), then ordered by `ArticleSort.order` — the function the TUI's list goes through, so
/// the CLI and the TUI agree row for row, ties included (`SortedArticlesTests` compares them).
public enum SortedArticles {
    public static func summaries(_ query: ArticleQuery, sort: ArticleSort, store: SQLiteCorpusStore) throws -> [ArticleSummary] {
        let found = try store.summaries(query)
        var byID: [String: ArticleSummary] = [:]
        for s in found { byID[s.id] = s }
        let inDisplayOrder = try store.articleIDs(matching: ArticleQuery(query.root)).compactMap { byID[$0] }
        let terms = query.searchTerms
        func file(_ s: ArticleSummary) -> String { (s.path as NSString).lastPathComponent }
        return ArticleSort.order(inDisplayOrder, by: sort, day: \.published, outlet: { $0.outlet ?? file($0) },
                                 title: { $0.title ?? file($0) },
                                 relevance: { s in
                                     // The text is read only for this order.
                                     guard let a = (try? store.article(id: s.id)) ?? nil else { return 0 }
                                     return ArticleSort.relevance(of: terms, title: a.title ?? a.fileName, body: a.body)
                                 })
    }
}
