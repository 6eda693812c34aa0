import Foundation

/// The order of an article list: by date (the display order: newest first), outlet, title, or
/// relevance to the query's words, either way. Every list that sorts (the TUI's, `articles --sort`)
/// orders through `order(_:…)`, so they agree on every tie.
public struct ArticleSort: Sendable, Hashable, CustomStringConvertible {
    public enum Key: String, Sendable, CaseIterable {
        case date, outlet, title, relevance
    }

    public var key: Key
    public var descending: Bool

    /// Newest first, undated last: the order lists have when nobody sorts them.
    public static let standard = ArticleSort(.date)

    /// `descending` by default for date (newest first) and relevance (best first), else ascending.
    public init(_ key: Key, descending: Bool? = nil) {
        self.key = key
        self.descending = descending ?? (key == .date || key == .relevance)
    }

    /// `KEY [asc|desc]`, e.g. `date`, `outlet desc`, `title asc` (a unique prefix of the key is enough).
    public init?(parsing text: String) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first, words.count <= 2 else { return nil }
        let keys = Key.allCases.filter { $0.rawValue.hasPrefix(first) }
        guard keys.count == 1, let key = keys.first else { return nil }
        var descending: Bool?
        if words.count == 2 {
            switch words[1] {
            case "asc", "ascending", "up": descending = false
            case "desc", "descending", "down": descending = true
            default: return nil
            }
        }
        self.init(key, descending: descending)
    }

    public var reversed: ArticleSort { ArticleSort(key, descending: !descending) }

    /// As `init(parsing:)` reads it: `outlet asc`.
    public var description: String { key.rawValue + (descending ? " desc" : " asc") }

    /// For the status line: `outlet ↑`.
    public var label: String { key.rawValue + (descending ? " ↓" : " ↑") }

    /// Sorts `items`, given in display order (newest first, undated last, then corpus order). Stable:
    /// items that compare equal keep their display order. Undated articles stay last in both date
    /// orders (they have no place among the dated ones). Outlets and titles compare folded (case and
    /// accents). `relevance` is only called for the relevance order.
    public static func order<T>(_ items: [T], by sort: ArticleSort, day: (T) -> Day?, outlet: (T) -> String,
                                title: (T) -> String, relevance: (T) -> Int) -> [T] {
        if sort == .standard { return items }
        switch sort.key {
        case .date:
            var dated: [T] = [], undated: [T] = []
            var days: [Int] = []
            for item in items {
                if let d = day(item) {
                    dated.append(item)
                    days.append(d.year * 10_000 + d.month * 100 + d.day)
                } else {
                    undated.append(item)
                }
            }
            return stable(dated, keys: days, descending: sort.descending) + undated
        case .relevance:
            return stable(items, keys: items.map(relevance), descending: sort.descending)
        case .outlet:
            return stable(items, keys: items.map { Fold.text(outlet($0)) }, descending: sort.descending)
        case .title:
            return stable(items, keys: items.map { Fold.text(title($0)) }, descending: sort.descending)
        }
    }

    /// `items` ordered by `keys` (one per item), ties in their given order.
    private static func stable<T, K: Comparable>(_ items: [T], keys: [K], descending: Bool) -> [T] {
        let order = items.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x != y { return descending ? x > y : x < y }
            return a < b
        }
        return order.map { items[$0] }
    }

    /// How relevant an article is to the words searched: each occurrence of a term in the body counts
    /// 1, in the title 3 (a title is what the article is about). Terms match as the query matches them:
    /// the words in sequence, folded, the last a prefix when the term is one.
    public static func relevance(of terms: [TextTerm], title: String, body: String) -> Int {
        guard !terms.isEmpty else { return 0 }
        let t = Fold.words(title), b = Fold.words(body)
        return terms.reduce(0) { $0 + 3 * occurrences($1, in: t) + occurrences($1, in: b) }
    }

    static func occurrences(_ term: TextTerm, in words: [String]) -> Int {
        let n = term.words.count
        guard n > 0, words.count >= n else { return 0 }
        var count = 0
        for i in 0...(words.count - n) {
            var ok = true
            for k in 0..<n {
                let w = words[i + k], want = term.words[k]
                if k == n - 1 && term.prefix ? !w.hasPrefix(want) : w != want { ok = false; break }
            }
            if ok { count += 1 }
        }
        return count
    }
}

extension ArticleQuery {
    /// The words the query looks for (not negated): what highlighting and relevance use.
    public var searchTerms: [TextTerm] {
        func collect(_ n: QueryNode) -> [TextTerm] {
            switch n {
            case .text(let t): return [t]
            case .and(let xs), .or(let xs): return xs.flatMap(collect)
            default: return []
            }
        }
        return collect(root)
    }
}
