import Foundation
import GRDB
import ParallaxCore

/// What the CLI's event commands say of an article: its id, and what labels and dates it (outlet, else
/// file name; published day).
public struct ArticleLabel: Sendable, Equatable {
    public var id: String
    public var path: String
    public var outlet: String?
    public var day: Day?

    public init(id: String, path: String, outlet: String?, day: Day?) {
        self.id = id
        self.path = path
        self.outlet = outlet
        self.day = day
    }

    /// The article as far as `EventCoverage` and the outlet lists read one (no text, no provenance),
    /// so that the model's own functions answer from labels as they do from a loaded corpus.
    public var article: Article {
        Article(id: id, path: path, format: .text, rawText: "", body: "", title: nil, outlet: outlet,
                outletSource: .none, published: day.map { DatedValue(day: $0, source: .none, confidence: 0) },
                url: nil, sources: [], removed: [], truncated: false)
    }
}

/// The queries the CLI's commands ask beyond the browser's (`BrowsingStore`): each reads only what
/// the command prints, so that a command does not load the corpus.
extension SQLiteCorpusStore {
    /// Every article's label in corpus order (listing order of files, then position in the file): four
    /// short columns through the `article_order` index, no text and no JSON to decode.
    public func articleLabels() throws -> [ArticleLabel] {
        try writer.read { db in
            var out: [ArticleLabel] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, path, outlet, published FROM article ORDER BY file_position, position
                """)
            while let r = try rows.next() {
                let day: String? = r[3]
                out.append(ArticleLabel(id: r[0], path: r[1], outlet: r[2], day: day.flatMap(Day.init(iso:))))
            }
            return out
        }
    }
}
