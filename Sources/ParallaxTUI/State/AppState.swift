import ParallaxCore

/// A full-screen view over the panes.
public enum Overlay: Sendable, Equatable {
    case help
    case comparison
    case timeline
}

/// What a prompt on the status line is asking for.
public enum PromptKind: String, Sendable, Equatable {
    case search, actor, outlet, date, event, tag, saveQuery, savedQuery, export, pipe, command

    /// A prompt that edits one field of the query (`a o d e`).
    var isField: Bool { [.actor, .outlet, .date, .event].contains(self) }

    var label: String {
        switch self {
        case .search: return "query: "
        case .command: return ":"
        case .tag: return "tag (-tag removes): "
        case .saveQuery: return "save query as: "
        case .savedQuery: return "saved query: "
        case .export: return "export to file (.md or .json): "
        case .pipe: return "pipe text to command: "
        case .actor: return "actor: "
        case .outlet: return "outlet: "
        case .date: return "date (A..B, ..B, A.., day): "
        case .event: return "event: "
        }
    }
}

/// One completion offered by a prompt: what is shown, and the value the filter takes.
public struct Completion: Sendable, Equatable {
    public var label: String
    public var value: String
    /// Why it matched, when not by its own label (`also spelled Zelenskiy`).
    public var note: String?
    public init(label: String, value: String, note: String? = nil) {
        self.label = label
        self.value = value
        self.note = note
    }
}

/// An open prompt.
public struct Prompt: Sendable, Equatable {
    public var kind: PromptKind
    public var text: String = ""
    public var completions: [Completion] = []
    public var selected: Int = 0
    /// The query before the prompt opened, restored by Esc.
    public var previous = Filters()
    /// Why the typed query does not parse (with the column), shown while typing.
    public var error: String?
    /// Whether the text is still the field's value the prompt opened with, shown selected: the first
    /// typed character replaces it, Backspace removes it, Enter keeps the filter as it is.
    public var untouched: Bool = false
    /// Position in this prompt's history while `↑`/`↓` walk it (nil: editing a new line).
    public var historyIndex: Int?
    /// The line being edited before `↑` went into the history, given back by `↓`.
    public var draft: String = ""
    /// A completion was picked with Tab, so Enter applies it even on an empty line.
    public var picked = false

    public init(kind: PromptKind, text: String = "", previous: Filters = Filters()) {
        self.kind = kind
        self.text = text
        self.previous = previous
    }
}

/// Whose actors the Actors pane lists.
public enum ActorScope: Sendable, Equatable { case article, corpus }

/// The whole state of the TUI. A value: `update` returns a new one, `render` reads it.
public struct AppState: Sendable {
    /// Replaced by `replaceQuery` when the index behind it was brought up to date.
    public private(set) var query: any CorpusQuery
    public let keymap: Keymap
    public var glyphs: Glyphs
    public private(set) var width: Int
    public private(set) var height: Int

    public var focus: Pane = .articles
    /// The pane shown beside the list on medium terminals when the list has focus.
    public var secondary: Pane = .text
    public var overlay: Overlay?
    /// The reading view: the Text pane on the whole screen (`z`).
    public var reading = false
    /// The article list's share of the width in percent (`<`/`>`), kept for the session.
    public var listPercent = Layout.defaultListPercent
    public var prompt: Prompt?
    /// What was entered in each prompt, oldest first, for `↑`/`↓` (the session's, not saved).
    public var promptHistory: [PromptKind: [String]] = [:]
    public private(set) var filters = Filters()
    /// Undated articles the query's date ranges leave out: said on the status line, never silent.
    public private(set) var undatedLeftOut = 0
    /// Marks, tags and read state (as stored by the query's backend).
    public private(set) var userData = UserData()
    /// Named queries (`queries.txt`), listed and applied by the saved-query prompt.
    public var savedQueries = SavedQueries()
    /// Filter changes, for `u` to undo the last.
    public private(set) var history: [Filters] = []
    /// Display positions (see `CorpusQuery.article(at:)`) of the articles that pass the filters, in
    /// the order of `sort`. Replaced when the list asked for by a `LoadRequest` comes back.
    public private(set) var visible: [Int]
    /// The list's order (`=` cycles the key, `R` reverses, `:sort`).
    public private(set) var sort = ArticleSort.standard
    /// The newest list request not yet answered: older answers are stale and dropped.
    var pendingLoad: PendingLoad?
    /// The id of the newest request made (ids only grow).
    var lastLoadID = 0
    /// Effects asked for by a change deep in a key's handling (a load), handed out by `update`.
    var outbox: [Effect] = []
    /// Index into `visible`.
    public var selected = 0
    public var listScroll = 0
    public var textScroll = 0
    public var raw = false
    /// The comparison shows why each article is in the event and a coverage sparkline (`w`).
    public var showWhy = false
    public var actorScope: ActorScope = .article
    public var actorSelected = 0
    public var actorScroll = 0
    public var compareSelected = 0
    public var helpScroll = 0
    public var timelineSelected = 0
    /// A one-off line for the status bar (a bad date, no match …); cleared by the next key.
    public var message: String?
    /// Work going on behind the screen (the index being updated), shown on the status line until done.
    public var activity: String?
    /// The passage a compare row jumped to, underlined in the Text pane while that article is shown.
    public var mark: (articleID: String, range: TextRange)?
    /// The current search match in the text (index into `derived.matches`).
    public var matchIndex = 0

    /// Values computed from the fields above, cached so that drawing a frame does no search or wrapping.
    public private(set) var derived = Derived()

    /// Cached, recomputed by `refresh()` when what they depend on changes.
    public struct Derived: Sendable {
        var textKey: String = "\u{0}"
        public var textLines: [StyledLine] = []
        public var matches: [TextRange] = []
        var actorsKey: String = "\u{0}"
        public var actorRows: [ActorSummary] = []
        var compareKey: String = "\u{0}"
        /// The selected article's event, whose comparison is built only once it is on screen (the
        /// Compare pane or overlay): on a large event it is the costliest thing a key can trigger.
        var compareEvent: Event?
        var comparisonBuilt = false
        public var comparison: ComparisonView?
        /// Read from the query when the timeline or the event prompt first needs it (`loadTimeline`):
        /// a store-backed query reads the event list in the background, and the first frame need not wait.
        public var timeline: [Event] = []
        var timelineLoaded = false
    }

    public init(query: any CorpusQuery, keymap: Keymap = .standard(), width: Int, height: Int,
                glyphs: Glyphs = .unicode) {
        self.query = query
        self.keymap = keymap
        self.glyphs = glyphs
        self.width = width
        self.height = height
        visible = Array(0..<query.articleCount)
        userData = query.userData
        if let w = query.warnings.first {
            message = query.warnings.count == 1 ? w : "\(w) (+\(query.warnings.count - 1) more warnings)"
        } else if let p = keymap.problems.first {
            message = p
        }
        refresh()
    }

    /// Reads the events into `derived.timeline` the first time they are needed.
    public mutating func loadTimeline() {
        guard !derived.timelineLoaded else { return }
        derived.timeline = AppState.timeline(query.events)
        derived.timelineLoaded = true
    }

    /// Events in date order (undated last), for the timeline and the event prompt.
    static func timeline(_ events: [Event]) -> [Event] {
        events.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.title < b.title
            }
        }
    }

    // MARK: - Reading the state

    public var layout: ScreenLayout {
        Layout.compute(width: width, height: height, focus: focus, secondary: secondary,
                       listPercent: listPercent, reading: reading)
    }

    public var selectedArticle: Article? {
        guard selected >= 0, selected < visible.count else { return nil }
        return query.article(at: visible[selected])
    }

    public var selectedActor: ActorSummary? {
        let rows = derived.actorRows
        guard actorSelected >= 0, actorSelected < rows.count else { return nil }
        return rows[actorSelected]
    }

    /// Text columns inside the Text pane (the full-width pane on small screens).
    var textWidth: Int {
        let l = layout
        let r = l.rect(of: .text) ?? Rect(x: 0, y: 0, width: width, height: height - 1)
        return max(1, r.width - 3)  // border on both sides, one column for the scroll bar
    }

    var textHeight: Int {
        let r = layout.rect(of: .text) ?? Rect(x: 0, y: 0, width: width, height: height - 1)
        return max(1, r.height - 3)  // border and the heading line
    }

    // MARK: - Changing it

    public mutating func resize(width w: Int, height h: Int) {
        width = max(1, w)
        height = max(1, h)
        refresh()
    }

    /// Answers the loads asked for so far at once, on this thread (for code that changes the state
    /// directly rather than through `update`, as benchmarks and tests do).
    public mutating func answerLoads() {
        let pending = outbox
        outbox = []
        for case .load(let r) in pending { receive(r.answer(from: query)) }
        outbox += pending.filter { if case .load = $0 { return false }; return true }
    }

    /// Whether a list asked for has not come back yet.
    public var isLoading: Bool { pendingLoad != nil }

    /// Sets filters and asks for their list (a `LoadRequest`); the list on screen stays until it comes.
    /// `remember`: the change can be undone with `u` (typing in the query prompt is one change).
    public mutating func setFilters(_ f: Filters, remember: Bool = true) {
        setFilters(f, remember: remember, then: .nothing)
    }

    mutating func setFilters(_ f: Filters, remember: Bool, then: AfterLoad) {
        if remember, f != filters {
            history.append(filters)
            if history.count > 100 { history.removeFirst() }
        }
        filters = f
        // Relevance has nothing to go on without words: back to the date order.
        if sort.key == .relevance && f.searchTerms.isEmpty { sort = .standard }
        requestLoad(then: then)
        refresh()
    }

    /// Sets the list's order and asks for the list in it.
    mutating func setSort(_ s: ArticleSort) {
        sort = s
        requestLoad(then: .sorted)
    }

    /// Asks for the list of the current filters in the current order; any request before it is stale.
    mutating func requestLoad(then: AfterLoad) {
        lastLoadID += 1
        pendingLoad = PendingLoad(id: lastLoadID, then: then)
        outbox.append(.load(LoadRequest(id: lastLoadID, query: filters.query, sort: sort)))
    }

    /// What follows the list: at once when it is here, else when the pending request is answered.
    mutating func afterLoad(_ then: AfterLoad) {
        if pendingLoad != nil { pendingLoad?.then = then } else { finish(then) }
    }

    /// Takes the answer to the newest request (an older one is dropped): the new list, keeping the
    /// selected article if it is still in it.
    mutating func receive(_ a: LoadAnswer) {
        guard let p = pendingLoad, a.id == p.id else { return }
        pendingLoad = nil
        let keep = selectedArticle?.id
        visible = a.visible
        undatedLeftOut = a.undatedLeftOut
        if let id = keep, let k = query.index(ofArticle: id), let i = visible.firstIndex(of: k) {
            selected = i
        } else {
            selected = 0
            textScroll = 0
        }
        listScroll = 0
        refresh()
        finish(p.then)
    }

    /// Swaps in a new answer to the corpus questions (the same corpus, updated): the filters are
    /// applied again, the selected article stays selected if it is still there, and every cached
    /// pane is recomputed.
    public mutating func replaceQuery(_ q: any CorpusQuery) {
        let keep = selectedArticle?.id
        query = q
        // Until the new list comes, the old one with what is gone left out.
        visible = visible.filter { $0 < q.articleCount }
        requestLoad(then: .nothing)
        userData = q.userData
        let hadTimeline = derived.timelineLoaded
        derived = Derived()
        if hadTimeline { loadTimeline() }
        timelineSelected = min(timelineSelected, max(0, derived.timeline.count - 1))
        if let id = keep, let k = q.index(ofArticle: id), let i = visible.firstIndex(of: k) {
            selected = i
        } else {
            selected = min(selected, max(0, visible.count - 1))
        }
        refresh()
    }

    /// Changes marks, tags or read state: stored by the query's backend, then shown (a list filtered
    /// by `is:marked` or `tag:` is filtered again).
    public mutating func changeUserData(_ change: UserDataChange) {
        if let problem = query.apply(change) {
            message = problem
            return
        }
        userData.apply(change)
        if filters.query.root.usesUserData { requestLoad(then: .nothing) }
    }

    /// Records `previous` as the state `u` goes back to, when the filters moved away from it (a query
    /// typed in the prompt is applied as it is typed, and remembered once when accepted).
    public mutating func remember(_ previous: Filters) {
        guard previous != filters else { return }
        history.append(previous)
        if history.count > 100 { history.removeFirst() }
    }

    /// Takes back the last filter change.
    mutating func undoFilters() -> Bool {
        guard let last = history.popLast() else { return false }
        setFilters(last, remember: false)
        return true
    }

    /// Recomputes cached text, matches, actor rows and comparison when their inputs changed.
    public mutating func refresh() {
        let art = selectedArticle
        let marks = mark.flatMap { m in m.articleID == art?.id ? [m.range] : nil } ?? []
        let terms = filters.searchTerms
        let textKey = "\(art?.id ?? "")|\(textWidth)|\(raw)|\(terms.map(\.raw))|\(marks)"
        if textKey != derived.textKey {
            derived.textKey = textKey
            if let a = art {
                let source = raw ? a.rawText : a.body
                let matches = Array(Set(terms.flatMap { TextLayout.matches(of: $0.raw, in: source) })).sorted()
                if raw {
                    derived.textLines = TextLayout.wrap(source, width: textWidth, matches: matches)
                } else {
                    let h = query.highlights(ofArticle: a.id)
                    derived.textLines = TextLayout.wrap(source, width: textWidth, mentions: h.mentions,
                                                        quotes: h.quotes, matches: matches, marks: marks)
                }
                derived.matches = matches
            } else {
                derived.textLines = []
                derived.matches = []
            }
            matchIndex = 0
        }
        let actorsKey: String
        switch actorScope {
        case .article: actorsKey = "a|" + (art?.id ?? "")
        case .corpus: actorsKey = "c|\(visible.count)|\(filters)"
        }
        if actorsKey != derived.actorsKey {
            derived.actorsKey = actorsKey
            switch actorScope {
            case .article: derived.actorRows = art.map { query.actors(inArticle: $0.id) } ?? []
            case .corpus: derived.actorRows = query.actors(inArticles: visible)
            }
            actorSelected = min(actorSelected, max(0, derived.actorRows.count - 1))
            if actorsKey.hasPrefix("a|") { actorSelected = 0; actorScroll = 0 }
        }
        // The event the list is filtered on, when there is one: that is what the user is looking at.
        let event = filteredEvent ?? art.flatMap { query.primaryEvent(ofArticle: $0.id) }
        let compareKey = event?.id ?? ""
        if compareKey != derived.compareKey {
            derived.compareKey = compareKey
            derived.compareEvent = event
            derived.comparison = nil
            derived.comparisonBuilt = false
            compareSelected = 0
        }
        if comparisonShown { buildComparison() }
        textScroll = max(0, min(textScroll, derived.textLines.count - 1))
        let l = layout
        listScroll = AppState.follow(selected, scroll: listScroll, rows: (l.rect(of: .articles)?.height ?? height) - 3)
        actorScroll = AppState.follow(actorSelected, scroll: actorScroll,
                                      rows: (l.rect(of: .actors)?.height ?? height) - 3 - ActorsView.detailHeight)
    }

    /// The event of the event filter, if one is set and known.
    var filteredEvent: Event? {
        filters.event.flatMap { query.event(id: $0) }
    }

    /// Whether the comparison is on screen (or about to be): the Compare pane or overlay.
    var comparisonShown: Bool {
        overlay == .comparison || layout.rect(of: .compare) != nil
    }

    /// Builds the selected article's comparison if it is not built yet.
    public mutating func buildComparison() {
        guard !derived.comparisonBuilt else { return }
        derived.comparison = derived.compareEvent.flatMap { query.comparison(ofEvent: $0.id) }
        derived.comparisonBuilt = true
    }

    /// The scroll offset that keeps row `sel` in a window of `rows` rows, moving as little as possible.
    static func follow(_ sel: Int, scroll: Int, rows: Int) -> Int {
        let n = max(1, rows)
        if sel < scroll { return max(0, sel) }
        if sel >= scroll + n { return sel - n + 1 }
        return max(0, scroll)
    }
}
