import Foundation
import ParallaxCore

/// The app's one state transition: pure, so tests call it directly and the headless renderer and the
/// terminal run exactly the same code.
public func update(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
    var s = state
    var effects = s.handle(msg)
    // A key may have brought the Compare pane on screen (focus, resize).
    if s.comparisonShown { s.buildComparison() }
    // Loads asked for on the way (a filter changed) go out before the key's own effects.
    effects = s.outbox + effects
    s.outbox = []
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
        case .done(let note):
            message = note
            return []
        case .loaded(let answer):
            receive(answer)
            return []
        case .activity(let text):
            activity = text
            return []
        case .replaceQuery(let box, let note):
            replaceQuery(box.query)
            if let note { message = note }
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
        case .search:
            // The prompt starts with the query as it stands, to edit: a space after it, unless its
            // last word is still a prefix (a space would make it a whole word and change the list).
            let t = filters.text
            var open = false
            if case .text(let last)? = filters.query.parts.last { open = last.prefix }
            prompt = Prompt(kind: .search, text: t.isEmpty || open ? t : t + " ", previous: filters)
        case .filterActor: openPrompt(.actor)
        case .filterOutlet: openPrompt(.outlet)
        case .filterDate: openPrompt(.date)
        case .filterEvent: openPrompt(.event)
        case .nextMatch: jumpToMatch(1)
        case .prevMatch: jumpToMatch(-1)
        case .clear:
            setFilters(Filters())
            message = "query cleared (u undoes)"
        case .undo:
            message = undoFilters() ? (filters.isEmpty ? "query undone: none" : "query undone: \(filters.text)") : "nothing to undo"
        case .sortNext: cycleSort()
        case .sortReverse: setSort(sort.reversed)
        case .mark:
            guard let a = selectedArticle else { message = "no article selected"; return [] }
            let on = !userData.marked.contains(a.id)
            changeUserData(.mark([a.id], on))
            if message == nil { message = on ? "marked (\(userData.marked.count) marked; is:marked lists them)" : "unmarked" }
        case .toggleRead:
            guard let a = selectedArticle else { message = "no article selected"; return [] }
            let on = !userData.read.contains(a.id)
            changeUserData(.read([a.id], on))
            if message == nil { message = on ? "marked read" : "marked unread" }
        case .tag:
            guard selectedArticle != nil else { message = "no article selected"; return [] }
            openPrompt(.tag)
        case .savedQuery:
            openPrompt(.savedQuery)
            if savedQueries.entries.isEmpty { message = "no saved queries yet (S saves the current one)" }
        case .saveQuery:
            guard !filters.isEmpty else { message = "no query to save"; return [] }
            openPrompt(.saveQuery)
        case .export:
            openPrompt(.export)
        case .command:
            openPrompt(.command)
        case .openURL:
            guard let a = selectedArticle else { message = "no article selected"; return [] }
            return [.openURL(a.url ?? a.path)]
        case .copy:
            guard let clip = clipping() else { message = "nothing to copy here"; return [] }
            return [.copy(clip)]
        case .pipe:
            guard selectedArticle != nil else { message = "no article selected"; return [] }
            openPrompt(.pipe)
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
            guard let a = selectedArticle else { return }
            // Reading an article marks it read (U takes it back).
            if !userData.read.contains(a.id) { changeUserData(.read([a.id], true)) }
            focus = .text
            secondary = .text
            refresh()
        case .text:
            toggleReading()
        case .actors:
            guard let a = selectedActor else { return }
            var f = filters
            f.actor = a.name
            applyFilters(f, what: "actor \(a.name)")
            focus = .articles
        case .compare:
            jumpToCompareRow()
        }
    }

    /// Applies filters and says so (once their list is here), or says that nothing matches.
    mutating func applyFilters(_ f: Filters, what: String) {
        setFilters(f, remember: true, then: .matches(what))
    }

    /// An empty Enter in a filter's prompt: that filter is removed, the others stay.
    mutating func removeFilter(_ f: Filters, _ name: String) {
        let had = f != filters
        setFilters(f, remember: true, then: had ? .removed(name) : .nothing)
        if !had { message = nil }
    }

    /// The part of an action that needed the new list.
    mutating func finish(_ then: AfterLoad) {
        let n = "\(visible.count) article\(visible.count == 1 ? "" : "s")"
        switch then {
        case .nothing: break
        case .matches(let what): message = visible.isEmpty ? "no article matches \(what)" : "\(n) with \(what)"
        case .removed(let name): message = "\(name) filter removed · \(n)"
        case .searched: message = filters.isEmpty ? nil : "\(n) for \(filters.text)"
        case .sorted: message = "= next order · R reverses"
        case .jump(let id, let range): jump(toArticle: id, range: range)
        }
    }

    /// `=`: the next sort key (relevance only while the query searches words), in its usual direction.
    mutating func cycleSort() {
        var keys: [ArticleSort.Key] = [.date, .outlet, .title]
        if !filters.searchTerms.isEmpty { keys.append(.relevance) }
        let i = keys.firstIndex(of: sort.key) ?? -1
        setSort(ArticleSort(keys[(i + 1) % keys.count]))
    }

    /// `:sort KEY [asc|desc]`, `:sort reverse`, `:sort` (says the order).
    mutating func sortCommand(_ rest: String) {
        let t = rest.trimmingCharacters(in: .whitespaces).lowercased()
        if t.isEmpty {
            message = "sorted by \(sort.label) (:sort date|outlet|title|relevance [asc|desc], :sort reverse)"
            return
        }
        if "reverse".hasPrefix(t) && t.count >= 3 {
            setSort(sort.reversed)
            return
        }
        guard let s = ArticleSort(parsing: t) else {
            message = "not a sort: “\(rest)” (date, outlet, title or relevance, then asc or desc)"
            return
        }
        if s.key == .relevance && filters.searchTerms.isEmpty {
            message = "relevance needs words to search for (/ or :query)"
            return
        }
        setSort(s)
    }

    /// What `y` copies: the selected compare row with each outlet's cell, else the quote at the top of
    /// the article's text (or its first), else a reference to the article; always with outlet and date.
    func clipping() -> String? {
        func source(outlet: String, date: String, title: String) -> String { "— \(outlet), \(date): “\(title)”" }
        if overlay == .comparison || focus == .compare, let c = derived.comparison, compareSelected < c.rows.count {
            let row = c.rows[compareSelected]
            var lines = ["\(row.label) (\(c.event.title))"]
            for (i, cell) in row.cells.enumerated() where i < c.columns.count {
                guard let cell else { continue }
                let col = c.columns[i]
                lines.append("  \(cell) " + source(outlet: col.outlet, date: col.date, title: col.headline))
            }
            return lines.joined(separator: "\n")
        }
        guard let a = selectedArticle else { return nil }
        let ref = source(outlet: a.outlet ?? a.fileName, date: a.published?.day.description ?? "undated",
                         title: a.title ?? a.fileName) + (a.url.map { " <\($0)>" } ?? "")
        let quotes = query.highlights(ofArticle: a.id).quotes
        let top = derived.textLines.indices.contains(textScroll) ? derived.textLines[textScroll].start : 0
        if let q = quotes.first(where: { $0.end > top }) ?? quotes.first {
            let scalars = Array(a.body.unicodeScalars)
            let lo = max(0, min(q.start, scalars.count)), hi = max(lo, min(q.end, scalars.count))
            var t = String(String.UnicodeScalarView(scalars[lo..<hi]))
            t = t.trimmingCharacters(in: .whitespacesAndNewlines)
            return t + " " + ref
        }
        return ref
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
        if !visible.contains(target) {
            // Not in the list: the whole list, then the passage once it is here.
            setFilters(Filters(), remember: true, then: .jump(articleID: anchor.articleID, range: anchor.range))
            return
        }
        jump(toArticle: anchor.articleID, range: anchor.range)
    }

    /// Selects the article (in the list) and scrolls its text to the passage, underlined.
    mutating func jump(toArticle id: String, range: TextRange) {
        guard let target = query.index(ofArticle: id), let i = visible.firstIndex(of: target) else { return }
        overlay = nil
        selected = i
        focus = .text
        secondary = .text
        mark = (id, range)
        raw = false  // ranges point into the clean body
        refresh()
        scrollText(to: range.start)
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
            message = filters.searchTerms.isEmpty ? "no search: press / first" : "no match in this article"
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
        var p = Prompt(kind: kind, previous: filters)
        // A field's prompt starts with its current value, to edit or clear (empty Enter removes it).
        switch kind {
        case .actor: p.text = filters.actor ?? ""
        case .outlet: p.text = filters.outlet ?? ""
        // (An event is shown by its title, as the completions list it.)
        case .event: p.text = filters.event.map { query.event(id: $0)?.title ?? $0 } ?? ""
        case .date: p.text = filters.dates.map { QueryParser.format($0).replacingOccurrences(of: "date:", with: "") } ?? ""
        default: break
        }
        // Shown selected: the first typed character replaces it, Backspace removes it.
        p.untouched = kind.isField && !p.text.isEmpty
        p.completions = completions(for: kind, text: p.text)
        prompt = p
        if kind == .actor && query.actorCount == 0 { message = "no actors found in this corpus" }
        if kind == .event && query.events.isEmpty { message = "no events found in this corpus" }
    }

    mutating func handlePromptKey(_ k: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        switch k {
        case .escape:
            if p.kind == .search { setFilters(p.previous, remember: false) }
            prompt = nil
            return []
        case .enter:
            if p.kind == .search, let e = p.error {
                message = e
                return []
            }
            prompt = nil
            remember(p)
            return accept(p)
        case .backspace, .delete:
            if p.untouched { p.text = "" } else if !p.text.isEmpty { p.text.removeLast() }
        case .tab:
            // On the command line a single matching command is completed into the line.
            if p.kind == .command, p.completions.count == 1 {
                p.text = p.completions[0].value + " "
                p.completions = []
                prompt = p
                return []
            }
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
            // As you type: the list follows every query that parses; one that does not keeps the
            // last list and says why, with the column.
            message = nil
            do {
                let q = try ArticleQuery(parsing: p.text)
                p.error = nil
                setFilters(Filters(q), remember: false)
            } catch let e as QueryError {
                p.error = "column \(e.column): \(e.message)"
            } catch {
                p.error = "\(error)"
            }
            prompt = p
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

    mutating func accept(_ p: Prompt) -> [Effect] {
        var f = filters
        let chosen = p.completions.indices.contains(p.selected) ? p.completions[p.selected] : nil
        // An empty line removes the field, unless a completion was picked with Tab.
        let empty = p.text.trimmingCharacters(in: .whitespaces).isEmpty && !p.picked
        // Enter on the value the prompt opened with keeps the field as it is.
        if p.untouched, !p.picked, p.kind.isField { return [] }
        switch p.kind {
        case .search:
            // The typing was one change: undo goes back to the query before the prompt.
            remember(p.previous)
            afterLoad(.searched)
            if !derived.matches.isEmpty { matchIndex = -1 }
        case .actor, .outlet, .event:
            let name = p.kind.rawValue
            if empty {
                // An empty Enter removes the field (never applies a completion no one chose).
                switch p.kind {
                case .actor: f.actor = nil
                case .outlet: f.outlet = nil
                default: f.event = nil
                }
                removeFilter(f, name)
                return []
            }
            guard let c = chosen else {
                message = "no \(name) matches “\(p.text)”"
                return []
            }
            switch p.kind {
            case .actor: f.actor = c.label
            case .outlet: f.outlet = c.value
            default: f.event = c.value
            }
            applyFilters(f, what: p.kind == .event ? "event “\(c.label)”" : "\(name) \(c.label)")
        case .date:
            if empty {
                f.dates = nil
                removeFilter(f, "date")
            } else if p.text.trimmingCharacters(in: .whitespaces).lowercased() == "none" {
                f.dates = .undated
                applyFilters(f, what: "no date")
            } else if let r = DayRange(parsing: p.text) {
                f.dates = .date(r)
                applyFilters(f, what: "date \(r)")
            } else {
                message = "not a date range: “\(p.text)” (try 2022-01-20..2022-01-26, ..2022-01-15, 2022-01-26, none)"
            }
        case .tag:
            guard let a = selectedArticle else { return [] }
            // What was typed, unless a completion was chosen with Tab/↓ (or nothing was typed).
            var t = p.text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || p.selected > 0, let c = chosen { t = c.value }
            let removing = t.hasPrefix("-")
            let tag = removing ? String(t.dropFirst()) : t
            guard !UserData.tagKey(tag).isEmpty else { return [] }
            changeUserData(.tag([a.id], tag, !removing))
            if message == nil { message = removing ? "tag “\(tag)” removed" : "tagged “\(tag)” (tag:\(QueryParser.value(tag)) lists them)" }
        case .saveQuery:
            let name = p.text.trimmingCharacters(in: .whitespaces)
            guard SavedQueries.isName(name) else {
                message = "not a name: “\(name)” (letters, digits, - and _)"
                return []
            }
            savedQueries.set(name, filters.text)
            message = "saved “\(name)” = \(filters.text)"
            return [.saveQueries(savedQueries)]
        case .savedQuery:
            let name = chosen?.value ?? p.text.trimmingCharacters(in: .whitespaces)
            guard let text = savedQueries.query(named: name) else {
                message = empty ? nil : "no saved query “\(name)”"
                return []
            }
            do {
                applyFilters(Filters(try ArticleQuery(parsing: text)), what: "saved query \(name)")
            } catch {
                message = "saved query \(name): \(error)"
            }
        case .export:
            guard !empty else { return [] }
            let path = (p.text.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
            return [.export(path: path, contents: exportContents(json: path.lowercased().hasSuffix(".json")))]
        case .pipe:
            guard !empty, let a = selectedArticle else { return [] }
            return [.pipe(command: p.text, input: a.body)]
        case .command:
            return run(command: p.picked ? (chosen?.value ?? p.text) : p.text)
        }
        return []
    }

    /// The command line's commands (`:`), for the rarer actions: each runs as its key's prompt would
    /// with the rest of the line as what was typed.
    static let commands: [(name: String, kind: PromptKind?, help: String)] = [
        ("query", .search, "query Q: set the whole query"),
        ("actor", .actor, "actor NAME: filter by actor (no name: remove)"),
        ("outlet", .outlet, "outlet NAME: filter by outlet (no name: remove)"),
        ("date", .date, "date A..B: filter by date (no range: remove)"),
        ("event", .event, "event ID: filter by event (no id: remove)"),
        ("tag", .tag, "tag NAME: tag the selected article (-NAME removes)"),
        ("save", .saveQuery, "save NAME: save the current query"),
        ("load", .savedQuery, "load NAME: apply a saved query"),
        ("export", .export, "export FILE: the comparison on screen or the list (.md or .json)"),
        ("sort", nil, "sort date|outlet|title|relevance [asc|desc], or sort reverse: the list's order"),
        ("pipe", .pipe, "pipe COMMAND: the article's text to a command (no shell)"),
        ("quit", nil, "quit: leave Parallax"),
    ]

    mutating func run(command line: String) -> [Effect] {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return [] }
        let word = String(t.prefix { !$0.isWhitespace })
        let rest = t.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        // A unique prefix is enough (`:ex notes.md`).
        let matching = Self.commands.filter { $0.name.hasPrefix(word.lowercased()) }
        guard let cmd = matching.first(where: { $0.name == word.lowercased() }) ?? (matching.count == 1 ? matching.first : nil) else {
            let names = (matching.isEmpty ? Self.commands : matching).map(\.name).joined(separator: ", ")
            message = matching.isEmpty ? "unknown command “\(word)” (commands: \(names))" : "“\(word)” could be \(names)"
            return []
        }
        guard let kind = cmd.kind else {
            if cmd.name == "sort" {
                sortCommand(rest)
                return []
            }
            return [.quit]
        }
        switch kind {
        case .search:
            do {
                applyFilters(Filters(try ArticleQuery(parsing: rest)), what: rest.isEmpty ? "no query" : rest)
            } catch let e as QueryError {
                message = "query: column \(e.column): \(e.message)"
            } catch {
                message = "query: \(error)"
            }
            return []
        case .tag, .pipe:
            guard selectedArticle != nil else { message = "no article selected"; return [] }
        case .saveQuery:
            guard !filters.isEmpty else { message = "no query to save"; return [] }
        case .export, .savedQuery:
            guard !rest.isEmpty else { message = "\(cmd.name) needs a name: \(cmd.help)"; return [] }
        default: break
        }
        if kind == .event { loadTimeline() }
        var p = Prompt(kind: kind, text: rest, previous: filters)
        p.completions = completions(for: kind, text: rest)
        return accept(p)
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
        case .search, .date, .saveQuery, .export, .pipe:
            return []
        case .command:
            // The commands while the first word is typed.
            guard !text.contains(" ") else { return [] }
            for (i, c) in Self.commands.enumerated() where c.name.hasPrefix(text.lowercased()) {
                scored.append((0, i, Completion(label: c.name, value: c.name, note: c.help)))
            }
        case .tag:
            let typed = text.hasPrefix("-") ? String(text.dropFirst()) : text
            let prefix = text.hasPrefix("-") ? "-" : ""
            for (i, t) in userData.tagCounts.enumerated() {
                if typed.isEmpty || Fold.text(t.tag).hasPrefix(Fold.text(typed)) {
                    scored.append((0, i, Completion(label: prefix + t.tag, value: prefix + t.tag, note: "\(t.articles)")))
                }
            }
        case .savedQuery:
            for (i, e) in savedQueries.entries.enumerated() {
                if let r = rank(e.name) { scored.append((r, i, Completion(label: e.name, value: e.name, note: e.query))) }
            }
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
