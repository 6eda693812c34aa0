import ParallaxCore

/// The app's one state transition: pure, so tests call it directly and the headless renderer and the
/// terminal run exactly the same code.
public func update(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
    var s = state
    let effects = s.handle(msg)
    // A key may have brought the Compare pane on screen (focus, resize).
    if s.comparisonShown { s.buildComparison() }
    return (s, effects)
}

extension AppState {
    /// The contexts a key is looked up in, most specific first.
    var keyContexts: [KeyContext] {
        if overlay != nil { return [.overlay, .global] }
        return [reading ? .text : focus.context, .panes, .global]
    }

    mutating func handle(_ msg: Msg) -> [Effect] {
        switch msg {
        case .resize(let w, let h):
            resize(width: w, height: h)
            return [.redrawAll]
        case .mouse(let m):
            message = nil
            handleMouse(m)
            return []
        case .key(let k):
            if prompt != nil { return handlePromptKey(k) }
            message = nil
            guard let action = keymap.action(for: k, in: keyContexts) else { return [] }
            return perform(action)
        }
    }

    // MARK: - Actions

    mutating func perform(_ a: Action) -> [Effect] {
        switch a {
        case .quit:
            // Like a pager: q steps back out of what is open, and quits only from the list.
            if overlay != nil {
                overlay = nil
            } else if reading || focus != .articles {
                reading = false
                focus = .articles
                refresh()
            } else {
                return [.quit]
            }
        case .quitNow: return [.quit]
        case .reading: toggleReading()
        case .listNarrower: resizeList(by: -Layout.listPercentStep)
        case .listWider: resizeList(by: Layout.listPercentStep)
        case .redraw: return [.redrawAll]
        case .down: move(by: 1)
        case .up: move(by: -1)
        case .pageDown: move(by: max(1, pageSize - 1))
        case .pageUp: move(by: -max(1, pageSize - 1))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .nextPane: cycleFocus(1)
        case .prevPane: cycleFocus(-1)
        case .open: open()
        case .back: back()
        case .search: openPrompt(.search)
        case .filterActor: openPrompt(.actor)
        case .filterOutlet: openPrompt(.outlet)
        case .filterDate: openPrompt(.date)
        case .filterEvent: openPrompt(.event)
        case .nextMatch: jumpToMatch(1)
        case .prevMatch: jumpToMatch(-1)
        case .clear:
            setFilters(Filters())
            message = "filters cleared"
        case .compare:
            buildComparison()
            if overlay == .comparison { overlay = nil } else if derived.comparison != nil {
                overlay = .comparison
                compareSelected = 0
            } else if filters.event != nil {
                message = "the filtered event has no comparison"
            } else {
                message = selectedArticle == nil ? "no article selected" : "this article has no event"
            }
        case .timeline:
            loadTimeline()
            overlay = overlay == .timeline ? nil : .timeline
        case .help:
            overlay = overlay == .help ? nil : .help
            helpScroll = 0
        case .raw:
            raw.toggle()
            textScroll = 0
            refresh()
        case .why:
            showWhy.toggle()
            message = showWhy ? "comparison: why grouped and coverage shown" : "comparison: why grouped hidden"
        case .scope:
            actorScope = actorScope == .article ? .corpus : .article
            actorSelected = 0
            actorScroll = 0
            refresh()
        }
        return []
    }

    /// Rows one page moves in the context that has the keys.
    var pageSize: Int {
        if overlay != nil { return max(1, height - 4) }
        let r = layout.rect(of: focus) ?? Rect(x: 0, y: 0, width: width, height: height)
        return max(1, r.height - 3)
    }

    mutating func move(by delta: Int) {
        func clamp(_ v: Int, _ count: Int) -> Int { max(0, min(count - 1, v)) }
        func step(_ v: Int) -> Int {
            // Saturating: top/bottom pass huge deltas.
            let (r, o) = v.addingReportingOverflow(delta)
            return o ? (delta > 0 ? Int.max / 2 : 0) : r
        }
        if let o = overlay {
            switch o {
            case .help: helpScroll = max(0, min(step(helpScroll), max(0, keymap.bindings.count + 12 - (height - 4))))
            case .comparison: compareSelected = clamp(step(compareSelected), derived.comparison?.rows.count ?? 0)
            case .timeline: timelineSelected = clamp(step(timelineSelected), derived.timeline.count)
            }
            return
        }
        switch focus {
        case .articles:
            let before = selected
            selected = clamp(step(selected), visible.count)
            if selected != before { textScroll = 0 }
            refresh()
        case .text:
            textScroll = max(0, min(step(textScroll), max(0, derived.textLines.count - textHeight)))
        case .actors:
            actorSelected = clamp(step(actorSelected), derived.actorRows.count)
            refresh()
        case .compare:
            compareSelected = clamp(step(compareSelected), derived.comparison?.rows.count ?? 0)
        }
    }

    /// The reading view on and off: it shows the selected article, so it needs one.
    mutating func toggleReading() {
        if reading {
            reading = false
        } else {
            guard selectedArticle != nil else {
                message = "no article selected"
                return
            }
            reading = true
            focus = .text
            secondary = .text
        }
        refresh()
    }

    mutating func resizeList(by delta: Int) {
        let r = Layout.listPercentRange
        let next = min(r.upperBound, max(r.lowerBound, listPercent + delta))
        if next == listPercent {
            message = delta < 0 ? "the list is as narrow as it gets" : "the list is as wide as it gets"
        }
        listPercent = next
        refresh()
    }

    mutating func cycleFocus(_ d: Int) {
        reading = false
        let all = Pane.allCases
        let i = all.firstIndex(of: focus) ?? 0
        focus = all[(i + d + all.count) % all.count]
        if focus != .articles { secondary = focus }
        refresh()
    }

    mutating func open() {
        if let o = overlay {
            switch o {
            case .help: overlay = nil
            case .timeline:
                guard timelineSelected < derived.timeline.count else { return }
                let e = derived.timeline[timelineSelected]
                var f = filters
                f.event = e.id
                overlay = nil
                applyFilters(f, what: "event “\(e.title)”")
            case .comparison:
                jumpToCompareRow()
            }
            return
        }
        switch focus {
        case .articles:
            guard selectedArticle != nil else { return }
            focus = .text
            secondary = .text
            refresh()
        case .text:
            toggleReading()
        case .actors:
            guard let a = selectedActor else { return }
            var f = filters
            f.actor = a.id
            applyFilters(f, what: "actor \(a.name)")
            focus = .articles
        case .compare:
            jumpToCompareRow()
        }
    }

    /// Applies filters and says so, or says that nothing matches.
    mutating func applyFilters(_ f: Filters, what: String) {
        setFilters(f)
        message = visible.isEmpty ? "no article matches \(what)" : "\(visible.count) article\(visible.count == 1 ? "" : "s") with \(what)"
    }

    /// An empty Enter in a filter's prompt: that filter is removed, the others stay.
    mutating func removeFilter(_ f: Filters, _ name: String) {
        let had = f != filters
        setFilters(f)
        message = had ? "\(name) filter removed · \(visible.count) article\(visible.count == 1 ? "" : "s")" : nil
    }

    /// Enter on a compare row: select the row's article and scroll its text to the sentence.
    mutating func jumpToCompareRow() {
        guard let c = derived.comparison, compareSelected < c.rows.count else { return }
        let row = c.rows[compareSelected]
        guard let anchor = row.anchors.compactMap({ $0 }).first else {
            message = "this row has no place in the text"
            return
        }
        guard let target = query.index(ofArticle: anchor.articleID) else { return }
        if !visible.contains(target) { setFilters(Filters()) }
        guard let i = visible.firstIndex(of: target) else { return }
        overlay = nil
        selected = i
        focus = .text
        secondary = .text
        mark = (anchor.articleID, anchor.range)
        raw = false  // ranges point into the clean body
        refresh()
        scrollText(to: anchor.range.start)
    }

    mutating func scrollText(to offset: Int) {
        let lines = derived.textLines
        guard let line = lines.lastIndex(where: { $0.start <= offset }) else { return }
        textScroll = max(0, min(line - 1, max(0, lines.count - textHeight)))
        if line < textScroll { textScroll = line }
    }

    mutating func back() {
        if overlay != nil {
            overlay = nil
        } else if reading {
            reading = false
            refresh()
        } else if focus != .articles {
            focus = .articles
            refresh()
        }
    }

    mutating func jumpToMatch(_ d: Int) {
        let m = derived.matches
        guard !m.isEmpty else {
            message = filters.search.isEmpty ? "no search: press / first" : "no match in this article"
            return
        }
        // n after the search itself goes to the first match.
        matchIndex = (matchIndex + d + m.count) % m.count
        if focus == .articles || overlay != nil {
            overlay = nil
        }
        scrollText(to: m[matchIndex].start)
        message = "match \(matchIndex + 1)/\(m.count)"
    }

    // MARK: - Mouse

    mutating func handleMouse(_ m: MouseEvent) {
        if overlay != nil {
            switch m.kind {
            case .wheelUp: move(by: -3)
            case .wheelDown: move(by: 3)
            case .click: break
            }
            return
        }
        guard let (pane, rect) = layout.panes.first(where: { $0.rect.contains(x: m.x, y: m.y) }) else { return }
        if focus != pane {
            focus = pane
            if pane != .articles { secondary = pane }
        }
        switch m.kind {
        case .wheelUp: move(by: -3)
        case .wheelDown: move(by: 3)
        case .click:
            let row = m.y - rect.y - 2  // border, then the heading row
            guard row >= 0 else { break }
            switch pane {
            case .articles:
                let i = listScroll + row
                if i < visible.count, i != selected {
                    selected = i
                    textScroll = 0
                }
            case .actors:
                let i = actorScroll + row
                if i < derived.actorRows.count { actorSelected = i }
            case .text, .compare: break
            }
        }
        refresh()
    }

    // MARK: - Prompts

    /// Opens a prompt holding the filter's current value (selected: typing replaces it).
    mutating func openPrompt(_ kind: PromptKind) {
        if kind == .event { loadTimeline() }
        let current = currentValue(of: kind)
        var p = Prompt(kind: kind, text: current, previousSearch: filters.search)
        // The search narrows as it is typed, so it goes on from the current text rather than replacing it.
        p.untouched = kind != .search && !current.isEmpty
        p.completions = completions(for: kind, text: current)
        prompt = p
        if kind == .actor && query.actorCount == 0 { message = "no actors found in this corpus" }
        if kind == .event && query.events.isEmpty { message = "no events found in this corpus" }
    }

    /// The value a prompt starts with: what its filter is set to now, as the user would type it.
    func currentValue(of kind: PromptKind) -> String {
        switch kind {
        case .search: return filters.search
        case .actor: return filters.actor.map { query.actorCard(id: $0)?.name ?? $0 } ?? ""
        case .outlet: return filters.outlet ?? ""
        case .date: return filters.dates?.description ?? ""
        case .event: return filters.event.map { query.event(id: $0)?.title ?? $0 } ?? ""
        }
    }

    mutating func handlePromptKey(_ k: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        switch k {
        case .escape:
            if p.kind == .search {
                var f = filters
                f.search = p.previousSearch
                setFilters(f)
            }
            prompt = nil
            return []
        case .enter:
            prompt = nil
            remember(p)
            accept(p)
            return []
        case .backspace, .delete:
            if p.untouched { p.text = "" } else if !p.text.isEmpty { p.text.removeLast() }
        case .tab:
            if !p.completions.isEmpty { p.selected = (p.selected + 1) % p.completions.count; p.picked = true }
            prompt = p
            return []
        case .backTab:
            if !p.completions.isEmpty {
                p.selected = (p.selected - 1 + p.completions.count) % p.completions.count
                p.picked = true
            }
            prompt = p
            return []
        case .up, .down:
            // History, newest first going up; down past the newest gives back the line being edited.
            let h = promptHistory[p.kind] ?? []
            guard !h.isEmpty else { return [] }
            if k == .up {
                if p.historyIndex == nil { p.draft = p.text }
                p.historyIndex = max(0, (p.historyIndex ?? h.count) - 1)
            } else {
                guard let i = p.historyIndex else { return [] }
                p.historyIndex = i + 1 < h.count ? i + 1 : nil
            }
            p.text = p.historyIndex.map { h[$0] } ?? p.draft
        case .char(let c):
            if p.untouched { p.text = "" }
            p.text.append(c)
        case .ctrl("u"):
            p.text = ""
        default:
            return []
        }
        p.untouched = false
        p.picked = false
        p.completions = completions(for: p.kind, text: p.text)
        p.selected = 0
        prompt = p
        if p.kind == .search {
            // Incremental: a longer query can only narrow the current list.
            var f = filters
            let narrowing = p.text.hasPrefix(f.search) && !f.search.isEmpty
            f.search = p.text
            setFilters(f, narrowing: narrowing)
            message = nil
        }
        return []
    }

    /// Adds an entered line to its prompt's history (once, as the newest).
    mutating func remember(_ p: Prompt) {
        let t = p.text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return }
        var h = promptHistory[p.kind] ?? []
        h.removeAll { $0 == t }
        h.append(t)
        promptHistory[p.kind] = Array(h.suffix(100))
    }

    mutating func accept(_ p: Prompt) {
        var f = filters
        let chosen = p.completions.indices.contains(p.selected) ? p.completions[p.selected] : nil
        // An empty line removes the filter, unless a completion was picked with Tab.
        let empty = p.text.trimmingCharacters(in: .whitespaces).isEmpty && !p.picked
        // Enter on the value the prompt opened with keeps the filter as it is.
        if p.untouched, !p.picked, p.kind != .search { return }
        switch p.kind {
        case .search:
            message = filters.search.isEmpty ? nil : "\(visible.count) match\(visible.count == 1 ? "" : "es") for “\(filters.search)”"
            if !derived.matches.isEmpty { matchIndex = -1 }
        case .actor:
            // An empty Enter removes this filter; it never silently takes the first completion.
            if empty {
                f.actor = nil
                removeFilter(f, "actor")
                return
            }
            guard let c = chosen else {
                message = "no actor matches “\(p.text)”"
                return
            }
            f.actor = c.value
            applyFilters(f, what: "actor \(c.label)")
        case .outlet:
            if empty {
                f.outlet = nil
                removeFilter(f, "outlet")
                return
            }
            guard let c = chosen else {
                message = "no outlet matches “\(p.text)”"
                return
            }
            f.outlet = c.value
            applyFilters(f, what: "outlet \(c.label)")
        case .event:
            if empty {
                f.event = nil
                removeFilter(f, "event")
                return
            }
            guard let c = chosen else {
                message = "no event matches “\(p.text)”"
                return
            }
            f.event = c.value
            applyFilters(f, what: "event “\(c.label)”")
        case .date:
            if empty {
                f.dates = nil
                removeFilter(f, "date")
            } else if let r = DayRange(parsing: p.text) {
                f.dates = r
                applyFilters(f, what: "date \(r)")
            } else {
                message = "not a date range: “\(p.text)” (try 2022-01-20..2022-01-26, ..2022-01-15, 2022-01-26)"
            }
        }
    }

    /// Completions for a prompt: actors by name and alias (spelling variants match through
    /// `Fold.nameKey`), outlets, events. Prefix matches first, then substring, then variant matches.
    func completions(for kind: PromptKind, text: String) -> [Completion] {
        let q = Fold.text(text)
        let qk = Fold.nameKey(text)
        func rank(_ candidate: String) -> Int? {
            let f = Fold.text(candidate)
            if q.isEmpty { return 3 }
            if f.hasPrefix(q) { return 0 }
            if f.contains(q) { return 1 }
            if !qk.isEmpty, Fold.nameKey(candidate).contains(qk) { return 2 }
            return nil
        }
        var scored: [(Int, Int, Completion)] = []
        switch kind {
        case .search, .date:
            return []
        case .actor:
            return query.completeActors(text)
        case .outlet:
            for (i, o) in query.outlets.enumerated() {
                if let r = rank(o.name) { scored.append((r, i, Completion(label: o.name, value: o.name, note: "\(o.articles)"))) }
            }
        case .event:
            for (i, e) in derived.timeline.enumerated() {
                let label = (e.date.map { $0.description + " " } ?? "") + e.title
                if let r = rank(label) ?? rank(e.title) ?? e.place.flatMap(rank) {
                    scored.append((r, i, Completion(label: label, value: e.id, note: nil)))
                }
            }
        }
        scored.sort { ($0.0, $0.1, $0.2.label) < ($1.0, $1.1, $1.2.label) }
        return scored.prefix(50).map(\.2)
    }
}
