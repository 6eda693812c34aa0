import ParallaxCore

/// A read of the corpus that `update` asks for instead of doing it (bubbletea's `Cmd`): the list for
/// a query, in an order. The backend answers with `Msg.loaded` carrying the same id; an answer whose id
/// is not the newest request's is stale (the user typed on) and is dropped.
public struct LoadRequest: Sendable, Equatable {
    public var id: Int
    public var query: ArticleQuery
    public var sort: ArticleSort

    public init(id: Int, query: ArticleQuery, sort: ArticleSort) {
        self.id = id
        self.query = query
        self.sort = sort
    }

    /// Runs the read against a corpus (any thread: a `CorpusQuery` is Sendable; a store answers from
    /// its index). The list comes in display order, then in the requested order.
    public func answer(from source: any CorpusQuery) -> LoadAnswer {
        let found = source.filter(query)
        let terms = query.searchTerms
        let ordered = ArticleSort.order(found, by: sort, day: { source.row(at: $0).day },
                                        outlet: { source.row(at: $0).outlet }, title: { source.row(at: $0).title },
                                        relevance: { i in
                                            let a = source.article(at: i)
                                            return ArticleSort.relevance(of: terms, title: a.title ?? a.fileName, body: a.body)
                                        })
        return LoadAnswer(id: id, visible: ordered, undatedLeftOut: source.undatedLeftOut(query))
    }
}

/// The answer to a `LoadRequest`.
public struct LoadAnswer: Sendable, Equatable {
    public var id: Int
    /// Display positions of the articles found, in the requested order.
    public var visible: [Int]
    public var undatedLeftOut: Int

    public init(id: Int, visible: [Int], undatedLeftOut: Int) {
        self.id = id
        self.visible = visible
        self.undatedLeftOut = undatedLeftOut
    }
}

/// What to do once the list asked for has come: the message that needs its count, or the rest of an
/// action that needs the new list (a compare row's article to select).
enum AfterLoad: Sendable, Equatable {
    case nothing
    /// "N articles with WHAT" (or "no article matches WHAT").
    case matches(String)
    /// A filter removed by an empty Enter.
    case removed(String)
    /// The query prompt accepted.
    case searched
    /// The list sorted.
    case sorted
    /// A compare row's passage, once its article is in the list.
    case jump(articleID: String, range: TextRange)
}

/// A request on its way: its id, and what follows its answer.
struct PendingLoad: Sendable, Equatable {
    var id: Int
    var then: AfterLoad
}

/// A corpus answer swapped in by the background index update, in a message. Compared by identity:
/// two boxes are the same message only if they are the same box.
public final class QueryBox: Sendable, Equatable {
    public let query: any CorpusQuery
    public init(_ query: any CorpusQuery) { self.query = query }
    public static func == (a: QueryBox, b: QueryBox) -> Bool { a === b }
}

/// `update`, with each load it asks for answered at once from the state's corpus and fed back as its
/// message: how the headless renderer, the tests' key scripts and the fuzzer run the very code the
/// terminal runs, without its threads. The loads are taken out of the effects returned.
public func settle(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
    var (s, queue) = update(state, msg)
    var out: [Effect] = []
    while !queue.isEmpty {
        let e = queue.removeFirst()
        guard case .load(let r) = e else { out.append(e); continue }
        let (next, more) = update(s, .loaded(r.answer(from: s.query)))
        s = next
        queue += more
    }
    return (s, out)
}
