import Foundation
import ParallaxCore

/// The active query, as the TUI edits it: the `/` prompt replaces it whole; the `a o d e` prompts,
/// the actors pane and the timeline replace one field of it (a top-level part) and keep the rest.
public struct Filters: Sendable, Equatable {
    public var query: ArticleQuery

    public init(_ query: ArticleQuery = ArticleQuery()) {
        self.query = query
    }

    /// Fields as the prompts set them; `search` is query language (words when it does not parse).
    public init(actor: String? = nil, outlet: String? = nil, dates: DayRange? = nil, event: String? = nil,
                search: String = "") {
        var parts: [QueryNode] = []
        if let actor { parts.append(.actor(actor)) }
        if let outlet { parts.append(.outlet(outlet)) }
        if let dates { parts.append(.date(dates)) }
        if let event { parts.append(.event(event)) }
        if !search.trimmingCharacters(in: .whitespaces).isEmpty {
            let q = (try? QueryParser.parse(search)) ?? .and(ArticleQuery.words(search))
            parts += ArticleQuery(q).parts
        }
        self.init(ArticleQuery(.and(parts)))
    }

    public var isEmpty: Bool { query.isEmpty }

    /// The query as the language writes it.
    public var text: String { query.description }

    /// The first top-level part that `pick` reads a value from.
    private func field<T>(_ pick: (QueryNode) -> T?) -> T? {
        for p in query.parts { if let v = pick(p) { return v } }
        return nil
    }

    private mutating func setField(_ node: QueryNode?, where match: (QueryNode) -> Bool) {
        query = query.replacing(where: match, with: node.map { [$0] } ?? [])
    }

    public var actor: String? {
        get { field { if case .actor(let v) = $0 { return v }; return nil } }
        set { setField(newValue.map(QueryNode.actor)) { if case .actor = $0 { return true }; return false } }
    }

    public var outlet: String? {
        get { field { if case .outlet(let v) = $0 { return v }; return nil } }
        set { setField(newValue.map(QueryNode.outlet)) { if case .outlet = $0 { return true }; return false } }
    }

    public var event: String? {
        get { field { if case .event(let v) = $0 { return v }; return nil } }
        set { setField(newValue.map(QueryNode.event)) { if case .event = $0 { return true }; return false } }
    }

    /// The date part: a range, or `undated` for `date:none`.
    public var dates: QueryNode? {
        get { field { p in
            switch p {
            case .date, .undated: return p
            default: return nil
            }
        } }
        set { setField(newValue) { p in
            switch p {
            case .date, .undated: return true
            default: return false
            }
        } }
    }

    /// The words the query looks for (not negated), to highlight in the text.
    public var searchTerms: [TextTerm] { query.searchTerms }
}
