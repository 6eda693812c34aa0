import ParallaxCore

/// Draws the whole frame for a state. Pure: the same state always gives the same cells.
public func render(_ s: AppState) -> ScreenBuffer {
    var b = ScreenBuffer(width: s.width, height: s.height)
    let l = s.layout
    if l.tooSmall {
        TooSmallView.draw(into: &b, width: s.width, height: s.height)
        return b
    }
    if let o = s.overlay {
        switch o {
        case .help: HelpView.draw(s, into: &b, rect: l.overlay)
        case .comparison: CompareView.drawOverlay(s, into: &b, rect: l.overlay)
        case .timeline: TimelineView.draw(s, into: &b, rect: l.overlay)
        }
    } else {
        for (pane, rect) in l.panes {
            let focused = pane == s.focus
            switch pane {
            case .articles: ArticlesView.draw(s, into: &b, rect: rect, focused: focused)
            case .text: TextView.draw(s, into: &b, rect: rect, focused: focused)
            case .actors: ActorsView.draw(s, into: &b, rect: rect, focused: focused)
            case .compare: CompareView.drawPane(s, into: &b, rect: rect, focused: focused)
            }
        }
    }
    StatusBar.draw(s, into: &b, rect: l.status)
    return b
}

/// The message shown instead of a layout that would not fit.
enum TooSmallView {
    static func draw(into b: inout ScreenBuffer, width: Int, height: Int) {
        let lines = ["Terminal too small: \(width)×\(height)",
                     "Parallax needs at least \(Layout.minWidth)×\(Layout.minHeight).",
                     "Enlarge the window, or press Q to quit."]
        let top = max(0, height / 2 - 1)
        for (i, t) in lines.enumerated() where top + i < height {
            let fitted = Columns.truncate(t, to: width)
            let x = max(0, (width - CellWidth.of(fitted)) / 2)
            b.put(fitted, x: x, y: top + i, style: Style(i == 0 ? .warning : .normal, bold: i == 0))
        }
    }
}

/// Articles: date, outlet, title; the selection in reverse video.
enum ArticlesView {
    static func draw(_ s: AppState, into b: inout ScreenBuffer, rect: Rect, focused: Bool) {
        let total = s.query.articleCount
        let title = s.visible.count == total ? "Articles (\(total))" : "Articles (\(s.visible.count)/\(total))"
        b.box(rect, title: title, focused: focused, glyphs: s.glyphs)
        let r = rect.inner
        guard r.width > 0, r.height > 0 else { return }
        let outletW = min(18, max(r.width >= 40 ? 12 : 8, r.width / 4))
        // The sorted column carries its direction (the date order of every unsorted list does not).
        func named(_ n: String, _ k: ArticleSort.Key) -> String {
            s.sort == .standard || s.sort.key != k ? n : n + (s.sort.descending ? " ↓" : " ↑")
        }
        let titleHead = s.sort.key == .relevance ? "By relevance " + (s.sort.descending ? "↓" : "↑") : named("Title", .title)
        let header = Columns.pad(named("Date", .date), to: 10) + " " + Columns.pad(named("Outlet", .outlet), to: outletW) + " " + titleHead
        b.put(header, x: r.x, y: r.y, style: Style(.header, bold: true), maxX: r.maxX)
        if s.visible.isEmpty {
            let why = s.filters.isEmpty ? "no articles" : "no article matches the query (u undoes, x clears)"
            b.put(why, x: r.x, y: r.y + 1, style: Style(.dim), maxX: r.maxX)
            return
        }
        let rows = r.height - 1
        for i in 0..<rows {
            let vi = s.listScroll + i
            guard vi < s.visible.count else { break }
            let a = s.query.row(at: s.visible[vi])
            let y = r.y + 1 + i
            let isSel = vi == s.selected
            let base = isSel ? Style.normal.selected : Style.normal
            b.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: base)
            var x = b.put(a.day.map { $0.description } ?? "undated", x: r.x, y: y,
                          style: isSel ? base : Style(.date), maxX: r.maxX)
            // The working set in the gap after the date: marked, else tagged.
            if s.userData.marked.contains(a.id) {
                b.put(s.glyphs.marked, x: r.x + 10, y: y, style: isSel ? base : Style(.warning, bold: true), maxX: r.maxX)
            } else if s.userData.tags[a.id] != nil {
                b.put(s.glyphs.tagged, x: r.x + 10, y: y, style: isSel ? base : Style(.dim), maxX: r.maxX)
            }
            x = r.x + 11
            b.put(Columns.truncate(a.outlet, to: outletW, ellipsis: s.glyphs.ellipsis),
                  x: x, y: y, style: isSel ? base : Style(.outlet), maxX: r.maxX)
            x += outletW + 1
            if x < r.maxX {
                b.put(Columns.truncate(a.title, to: r.maxX - x, ellipsis: s.glyphs.ellipsis),
                      x: x, y: y, style: base, maxX: r.maxX)
            }
        }
    }
}

/// Text: the selected article's clean (or raw) body, wrapped, highlighted, scrolled.
enum TextView {
    static func draw(_ s: AppState, into b: inout ScreenBuffer, rect: Rect, focused: Bool) {
        let lines = s.derived.textLines
        var title = s.reading ? "Reading" : "Text"
        if s.raw { title += " · raw" }
        if !lines.isEmpty {
            let last = min(lines.count, s.textScroll + max(1, rect.height - 3))
            title += " · \(s.textScroll + 1)–\(last)/\(lines.count)"
        }
        if s.reading { title += " · z/q close" }
        b.box(rect, title: title, focused: focused, glyphs: s.glyphs)
        let r = rect.inner
        guard r.width > 0, r.height > 0 else { return }
        guard let a = s.selectedArticle else {
            b.put("no article selected", x: r.x, y: r.y, style: Style(.dim), maxX: r.maxX)
            return
        }
        b.put(Columns.truncate(a.title ?? a.fileName, to: r.width, ellipsis: s.glyphs.ellipsis), x: r.x, y: r.y,
              style: Style(.header, bold: true), maxX: r.maxX)
        let rows = r.height - 1
        let textMaxX = r.maxX - 1  // the last column is the scroll bar
        for i in 0..<rows {
            let li = s.textScroll + i
            guard li < lines.count else { break }
            var x = r.x
            for sc in lines[li].chars {
                x = b.put(String(sc.char), x: x, y: r.y + 1 + i, style: sc.style, maxX: textMaxX)
            }
        }
        if lines.isEmpty {
            b.put(s.raw ? "(empty raw text)" : "(empty body)", x: r.x, y: r.y + 1, style: Style(.dim), maxX: r.maxX)
        }
        // Scroll bar: a thumb whose position and length show the visible part.
        if lines.count > rows, rows > 0 {
            let thumb = max(1, rows * rows / lines.count)
            let pos = (rows - thumb) * s.textScroll / max(1, lines.count - rows)
            for i in 0..<rows {
                let on = i >= pos && i < pos + thumb
                b.put(on ? "█" : s.glyphs.vertical, x: r.maxX - 1, y: r.y + 1 + i,
                      style: Style(on ? .borderFocused : .dim))
            }
        }
    }
}

/// Actors: of the selected article or of the filtered list; aliases and roles of the selected one.
enum ActorsView {
    /// Lines kept at the bottom of the pane for the selected actor's aliases and roles.
    static let detailHeight = 3

    static func draw(_ s: AppState, into b: inout ScreenBuffer, rect: Rect, focused: Bool) {
        let scope = s.actorScope == .article ? "this article" : "filtered list"
        b.box(rect, title: "Actors · \(scope)", focused: focused, glyphs: s.glyphs)
        let r = rect.inner
        guard r.width > 0, r.height > 0 else { return }
        let rows = s.derived.actorRows
        if rows.isEmpty {
            let why: String
            if s.query.actorCount == 0 {
                why = "no actors found in this corpus"
            } else if s.actorScope == .article {
                why = s.selectedArticle == nil ? "no article selected" : "no actors found in this article"
            } else {
                why = "no actors found in the filtered list"
            }
            b.put(why, x: r.x, y: r.y, style: Style(.dim), maxX: r.maxX)
            return
        }
        let kindW = 12
        let countW = 8
        let nameW = max(8, r.width - kindW - countW - 2)
        b.put(Columns.pad("Name", to: nameW) + " " + Columns.pad("Kind", to: kindW) + " Mentions",
              x: r.x, y: r.y, style: Style(.header, bold: true), maxX: r.maxX)
        let detail = r.height > 8 ? detailHeight : 0
        let listRows = r.height - 1 - detail
        for i in 0..<max(0, listRows) {
            let k = s.actorScroll + i
            guard k < rows.count else { break }
            let a = rows[k]
            let y = r.y + 1 + i
            // The selected actor is the one whose aliases and roles show below: reverse video when the
            // pane has the keys, underlined otherwise.
            let sel = k == s.actorSelected
            let base = sel ? (focused ? Style.normal.selected : Style(.normal, underline: true)) : Style.normal
            b.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: base)
            var nameStyle = Style(TextLayout.role(for: a.kind), bold: true, underline: sel)
            if sel && focused { nameStyle = base }
            b.put(Columns.truncate(a.name, to: nameW, ellipsis: s.glyphs.ellipsis), x: r.x, y: y,
                  style: nameStyle, maxX: r.maxX)
            b.put(a.kind.rawValue, x: r.x + nameW + 1, y: y, style: sel ? base : Style(.dim), maxX: r.maxX)
            let count = String(a.mentions)
            b.put(count, x: r.maxX - CellWidth.of(count), y: y, style: base, maxX: r.maxX)
        }
        guard detail > 0, let sel = s.selectedActor, let actor = s.query.actorCard(id: sel.id) else { return }
        let y0 = r.maxY - detail
        b.put(String(repeating: s.glyphs.horizontal, count: r.width), x: r.x, y: y0, style: Style(.border))
        let aliases = actor.aliases.filter { $0 != actor.name }
        var roles: [String] = []
        let here = s.selectedArticle?.id
        // Roles this article gives first: that is what the reader is looking at.
        for rm in actor.roles.sorted(by: { ($0.articleID == here ? 0 : 1) < ($1.articleID == here ? 0 : 1) })
        where !roles.contains(rm.role) { roles.append(rm.role) }
        b.put("aliases: " + (aliases.isEmpty ? "—" : aliases.joined(separator: ", ")), x: r.x, y: y0 + 1,
              style: Style(.normal), maxX: r.maxX)
        b.put("roles: " + (roles.isEmpty ? "—" : roles.joined(separator: "; ")), x: r.x, y: y0 + 2,
              style: Style(.normal), maxX: r.maxX)
    }
}

/// The status line: corpus size, active filters, hints (or the open prompt).
enum StatusBar {
    static func draw(_ s: AppState, into b: inout ScreenBuffer, rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let bar = Style(.status, reverse: true)
        b.fill(rect, style: bar)
        if let p = s.prompt {
            drawPrompt(p, s, into: &b, rect: rect)
            return
        }
        var left = " \(s.query.articleCount) articles"
        if s.visible.count != s.query.articleCount { left += " · \(s.visible.count) shown" }
        let f = filterSummary(s)
        if !f.isEmpty { left += " · " + f }
        // Work in progress before the one-off message: when the line is cut, the message's end goes first.
        if let a = s.activity { left += " · " + a }
        if let m = s.message { left += " · " + m }
        // Hints from the action table, for the context the keys apply to.
        let ctx = s.keyContexts
        var hints: [(String, String)] = []
        for bd in s.keymap.bindings {
            guard var h = bd.hint, let k = bd.keys.first, bd.contexts.contains(where: ctx.contains) else { continue }
            // q steps back out of what is open before it quits: say which it will do now.
            if bd.action == .quit, s.overlay != nil || s.reading || s.focus != .articles { h = "close" }
            hints.append((k.label, h))
        }
        func width(_ hs: [(String, String)]) -> Int { hs.reduce(0) { $0 + CellWidth.of($1.0) + CellWidth.of($1.1) + 3 } }
        // When they do not all fit beside the text, drop from the middle: the last ones (help, quit)
        // always stay, and the text gives way to them — cut at a word, never mid-word.
        while hints.count > 2, CellWidth.of(left) + 2 + width(hints) > rect.width { hints.remove(at: hints.count - 3) }
        let room = max(0, rect.width - width(hints) - 2)
        if CellWidth.of(left) > room { left = StatusBar.cutAtWord(left, to: room, ellipsis: s.glyphs.ellipsis) }
        b.put(left, x: rect.x, y: rect.y, style: bar, maxX: rect.maxX)
        var hx = max(rect.x, rect.maxX - width(hints))
        for (k, h) in hints {
            hx = b.put(k, x: hx, y: rect.y, style: Style(.statusKey, bold: true, reverse: true), maxX: rect.maxX)
            hx = b.put(" " + h + "  ", x: hx, y: rect.y, style: bar, maxX: rect.maxX)
        }
    }

    /// The longest start of `s` that ends at a word boundary and fits `width` columns with the ellipsis.
    static func cutAtWord(_ s: String, to width: Int, ellipsis: String) -> String {
        guard CellWidth.of(s) > width else { return s }
        let room = width - CellWidth.of(ellipsis)
        guard room > 0 else { return "" }
        var out = ""
        var lastBreak = ""
        var w = 0
        for c in s {
            let cw = CellWidth.of(String(c))
            if w + cw > room {
                if c == " " { lastBreak = out }  // the cut falls just after a whole word
                break
            }
            if c == " " { lastBreak = out }
            out.append(c)
            w += cw
        }
        // (A long path or address is one "word": cut inside it rather than drop it whole.)
        let cut = lastBreak.isEmpty || CellWidth.of(lastBreak) * 2 < room ? out : lastBreak
        // No dangling separator before the ellipsis.
        var t = cut
        while let l = t.last, l == " " || l == "·" { t.removeLast() }
        return t + ellipsis
    }

    /// The query as typed parts, and the undated articles its dates leave out (never silently).
    static func filterSummary(_ s: AppState) -> String {
        var parts: [String] = []
        let f = s.filters
        if !f.isEmpty { parts.append("query: " + f.text) }
        if s.sort != .standard { parts.append("sort: " + s.sort.label) }
        if s.undatedLeftOut > 0 {
            parts.append("\(s.undatedLeftOut) undated not shown (date:none)")
        }
        return parts.joined(separator: " · ")
    }

    static func drawPrompt(_ p: Prompt, _ s: AppState, into b: inout ScreenBuffer, rect: Rect) {
        let st = Style(.prompt, bold: true)
        b.fill(rect, style: Style(.prompt))
        var x = b.put(p.kind.label, x: rect.x, y: rect.y, style: st)
        // The value the prompt opened with is shown selected: typing replaces it.
        x = b.put(p.text, x: x, y: rect.y, style: Style(.prompt, reverse: p.untouched))
        b.put(" ", x: x, y: rect.y, style: Style(.prompt, reverse: true))
        var info = ""
        if p.kind == .search, let e = p.error { info = e }
        else if p.kind == .search { info = "\(s.visible.count) match\(s.visible.count == 1 ? "" : "es")  Enter keep · Esc cancel" }
        else if let m = s.message { info = m }
        else if p.text.isEmpty { info = "Tab choose · ↑↓ history · Enter on nothing removes the filter · Esc cancel" }
        else { info = "Tab choose · ↑↓ history · Enter apply · Esc cancel" }
        let iw = CellWidth.of(info)
        if rect.maxX - iw > x + 2 { b.put(info, x: rect.maxX - iw - 1, y: rect.y, style: Style(.dim)) }
        // Completions above the prompt line.
        let shown = min(p.completions.count, 8, max(0, rect.y - 1))
        guard shown > 0 else { return }
        let w = min(rect.width, 64)
        let first = max(0, min(p.selected - shown + 1, p.completions.count - shown))
        for i in 0..<shown {
            let c = p.completions[first + i]
            let y = rect.y - shown + i
            let sel = first + i == p.selected
            let base = sel ? Style(.prompt, reverse: true) : Style(.prompt)
            b.fill(Rect(x: rect.x, y: y, width: w, height: 1), style: base)
            let xx = b.put(" " + c.label, x: rect.x, y: y, style: base, maxX: rect.x + w)
            if let n = c.note { b.put("  " + n, x: xx, y: y, style: sel ? base : Style(.dim), maxX: rect.x + w) }
        }
    }
}
