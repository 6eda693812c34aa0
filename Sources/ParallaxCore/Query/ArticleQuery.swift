import Foundation

/// Words to find in an article's title or body: every word, in sequence (one typed word that the
/// tokenizer splits, `pro-Russian`, is a sequence too, as is a `"quoted phrase"`). Words are folded
/// (`Fold.words`); with `prefix`, the last one matches any word it starts.
public struct TextTerm: Sendable, Hashable {
    /// As typed (for showing the query back).
    public var raw: String
    public var words: [String]
    public var prefix: Bool
    /// Typed in double quotes.
    public var quoted: Bool

    public init(raw: String, prefix: Bool = false, quoted: Bool = false) {
        self.raw = raw
        self.words = Fold.words(raw)
        self.prefix = prefix && !self.words.isEmpty
        self.quoted = quoted
    }
}

/// One node of a parsed query. Every backend (the in-memory corpus, the SQLite index) answers the
/// same tree; `and([])` is every article, `or([])` none.
public indirect enum QueryNode: Sendable, Hashable {
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
    case text(TextTerm)
    /// Any name or alias of an actor, by spelling-variant key (`NameKey`): the full name, or its
    /// last words (`kozak` finds Dmitry Kozak); an actor id works too.
    case actor(String)
    /// Part of the outlet's name (an article without one is known by its file name), folded.
    case outlet(String)
    /// An event id, or part of one: articles that report or mention a matching event.
    case event(String)
    /// Articles that report or mention an event of this kind (`EventKind`).
    case kind(EventKind)
    /// Dated articles whose published day is in the range. Undated articles never match one (see
    /// `undated`, and `ArticleQuery.undatedLeftOut`).
    case date(DayRange)
    /// Articles without a published date (`date:none`).
    case undated
    case tag(String)
    case marked
    case unread
    /// Articles with at least one direct quotation (attributed or not).
    case hasQuote

    public static let all = QueryNode.and([])
    public static let nothing = QueryNode.or([])

    /// Whether a date range appears anywhere in the tree (then undated articles need a word).
    public var hasDateRange: Bool {
        switch self {
        case .date: return true
        case .and(let xs), .or(let xs): return xs.contains { $0.hasDateRange }
        case .not(let x): return x.hasDateRange
        default: return false
        }
    }

    /// Whether the answer depends on marks, tags or read state (then a change to them changes it).
    public var usesUserData: Bool {
        switch self {
        case .tag, .marked, .unread: return true
        case .and(let xs), .or(let xs): return xs.contains { $0.usesUserData }
        case .not(let x): return x.usesUserData
        default: return false
        }
    }

    /// The text terms every match must contain: those at the top level, not negated, not in an OR.
    /// What ranks and snippets the matches in every backend, without changing which articles match.
    public var requiredTextTerms: [TextTerm] {
        let parts: [QueryNode]
        if case .and(let xs) = self { parts = xs } else { parts = [self] }
        return parts.compactMap { p -> TextTerm? in
            if case .text(let t) = p, !t.words.isEmpty { return t }
            return nil
        }
    }

    /// The tree with every date range taken as true: what the query would find if undated articles
    /// were in every range. The undated articles it finds beyond the query's are those left out.
    public var ignoringDateRanges: QueryNode {
        switch self {
        case .date: return .all
        case .and(let xs): return .and(xs.map(\.ignoringDateRanges))
        case .or(let xs): return .or(xs.map(\.ignoringDateRanges))
        case .not(let x): return .not(x.ignoringDateRanges)
        default: return self
        }
    }
}

/// The typed query every filter of the CLI and the TUI is: parsed from the query language
/// (`QueryParser`), built from flags, edited by the TUI's prompts. Parts at the top level combine
/// with AND.
public struct ArticleQuery: Sendable, Hashable, CustomStringConvertible {
    public var root: QueryNode
    /// At most this many rows (the CLI's and the benchmarks' paging); nil for all.
    public var limit: Int?

    public init(_ root: QueryNode = .all, limit: Int? = nil) {
        self.root = root
        self.limit = limit
    }

    /// The filters of the CLI's flags as one query. `text` is taken as words (all of them, the last
    /// a prefix unless it ends with a space), not as query syntax; text with no word matches nothing.
    public init(actor: String? = nil, outlet: String? = nil, since: Day? = nil, until: Day? = nil,
                event: String? = nil, text: String? = nil, limit: Int? = nil) {
        var parts: [QueryNode] = []
        if let actor { parts.append(.actor(actor)) }
        if let outlet { parts.append(.outlet(outlet)) }
        if since != nil || until != nil { parts.append(.date(DayRange(from: since, to: until))) }
        if let event { parts.append(.event(event)) }
        if let text { parts += ArticleQuery.words(text) }
        self.init(.and(parts), limit: limit)
    }

    /// Parses the query language; throws `QueryError` (with its column) for what it cannot read.
    public init(parsing text: String, limit: Int? = nil) throws {
        self.init(try QueryParser.parse(text), limit: limit)
    }

    /// Plain words as text terms: every whitespace-separated word, the last a prefix while typed.
    public static func words(_ text: String) -> [QueryNode] {
        let chunks = text.split(whereSeparator: { $0.isWhitespace })
        if chunks.isEmpty { return [] }
        let endsOpen = !(text.last?.isWhitespace ?? true)
        var out: [QueryNode] = []
        for (i, c) in chunks.enumerated() {
            let t = TextTerm(raw: String(c), prefix: endsOpen && i == chunks.count - 1)
            if !t.words.isEmpty { out.append(.text(t)) }
        }
        // Only punctuation typed: nothing can match (rather than everything).
        return out.isEmpty ? [.nothing] : out
    }

    /// The parts combined at the top level (one part when the root is not an AND).
    public var parts: [QueryNode] {
        if case .and(let xs) = root { return xs }
        return [root]
    }

    public var isEmpty: Bool { parts.isEmpty }

    /// The query with the top-level parts that `remove` selects taken out and `add` appended: how a
    /// prompt for one field replaces that field and keeps the rest.
    public func replacing(where remove: (QueryNode) -> Bool, with add: [QueryNode]) -> ArticleQuery {
        ArticleQuery(.and(parts.filter { !remove($0) } + add), limit: limit)
    }

    /// The query as the language writes it (parsing it gives the same query back).
    public var description: String { QueryParser.format(root, top: true) }
}

/// Marks, tags and read state: the analyst's own data about articles, by article id.
public struct UserData: Sendable, Equatable {
    public var marked: Set<String>
    /// Article id → its tags (as first typed).
    public var tags: [String: [String]]
    public var read: Set<String>

    public init(marked: Set<String> = [], tags: [String: [String]] = [:], read: Set<String> = []) {
        self.marked = marked
        self.tags = tags
        self.read = read
    }

    public func hasTag(_ id: String, _ tag: String) -> Bool {
        let key = UserData.tagKey(tag)
        return tags[id]?.contains { UserData.tagKey($0) == key } ?? false
    }

    /// Tags compare folded (case and accents), as every other filter.
    public static func tagKey(_ tag: String) -> String { Fold.text(tag).trimmingCharacters(in: .whitespaces) }

    /// Every tag in use, with how many articles carry it, most used first.
    public var tagCounts: [(tag: String, articles: Int)] {
        var counts: [String: (String, Int)] = [:]
        for list in tags.values {
            for t in list { counts[UserData.tagKey(t), default: (t, 0)].1 += 1 }
        }
        return counts.values.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map { ($0.0, $0.1) }
    }

    public mutating func apply(_ change: UserDataChange) {
        switch change {
        case .mark(let ids, let on):
            for id in ids { if on { marked.insert(id) } else { marked.remove(id) } }
        case .tag(let ids, let tag, let on):
            let key = UserData.tagKey(tag)
            guard !key.isEmpty else { return }
            for id in ids {
                var list = tags[id] ?? []
                list.removeAll { UserData.tagKey($0) == key }
                if on { list.append(tag.trimmingCharacters(in: .whitespaces)) }
                tags[id] = list.isEmpty ? nil : list
            }
        case .read(let ids, let on):
            for id in ids { if on { read.insert(id) } else { read.remove(id) } }
        }
    }
}

/// One change to the user data.
public enum UserDataChange: Sendable, Equatable {
    case mark([String], Bool)
    case tag([String], String, Bool)
    case read([String], Bool)
}
