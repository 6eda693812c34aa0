import Foundation

/// The filters the CLI and the TUI apply to the article list. Filters combine (all must match).
public struct ArticleFilter: Sendable, Equatable {
    public var outlet: String?
    public var since: Day?
    public var until: Day?
    /// Free text, matched case- and accent-insensitively in title and body.
    public var search: String?

    public init(outlet: String? = nil, since: Day? = nil, until: Day? = nil, search: String? = nil) {
        self.outlet = outlet
        self.since = since
        self.until = until
        self.search = search
    }

    public var isEmpty: Bool { outlet == nil && since == nil && until == nil && (search ?? "").isEmpty }

    /// Case- and accent-insensitive form used for matching.
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'")
    }

    public func apply(to articles: [Article]) -> [Article] {
        if isEmpty { return articles }
        let outletKey = outlet.map(ArticleFilter.fold)
        let needle = search.map(ArticleFilter.fold).flatMap { $0.isEmpty ? nil : $0 }
        return articles.filter { a in
            if let o = outletKey {
                let name = ArticleFilter.fold(a.outlet ?? a.fileName)
                if name != o && !name.contains(o) { return false }
            }
            if since != nil || until != nil {
                guard let d = a.published?.day else { return false }
                if let s = since, d < s { return false }
                if let u = until, d > u { return false }
            }
            if let n = needle {
                let inTitle = ArticleFilter.fold(a.title ?? "").contains(n)
                if !inTitle && !ArticleFilter.fold(a.body).contains(n) { return false }
            }
            return true
        }
    }

    /// Parses a date range as users type it: `2022-01-20..2022-01-26`, `..2022-01-15`,
    /// `2022-01-20..`, or a single day. Nil when it is not one.
    public static func parseRange(_ s: String) -> (since: Day?, until: Day?)? {
        let t = s.trimmingCharacters(in: .whitespaces)
        if let r = t.range(of: "..") {
            let a = String(t[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            let b = String(t[r.upperBound...]).trimmingCharacters(in: .whitespaces)
            let since = a.isEmpty ? nil : DateParser.parseGiven(a)
            let until = b.isEmpty ? nil : DateParser.parseGiven(b)
            if (!a.isEmpty && since == nil) || (!b.isEmpty && until == nil) || (a.isEmpty && b.isEmpty) { return nil }
            return (since, until)
        }
        guard let d = DateParser.parseGiven(t) else { return nil }
        return (d, d)
    }
}
