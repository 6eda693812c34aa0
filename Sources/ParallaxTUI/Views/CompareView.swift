import ParallaxCore

/// A piece of text at a column offset of a comparison line.
struct Segment: Equatable {
    var x: Int
    var text: String
    var style: Style
    var width: Int
}

/// A comparison line: segments, and the row it belongs to (nil for the coverage block).
struct CompareLine: Equatable {
    var segments: [Segment]
    var row: Int?
    var isRowHeading = false
}

/// The event's comparison: one column per outlet, coverage first, then the rows side by side.
enum CompareView {
    static func drawPane(_ s: AppState, into b: inout ScreenBuffer, rect: Rect, focused: Bool) {
        b.box(rect, title: "Compare", focused: focused, glyphs: s.glyphs)
        let r = rect.inner
        guard r.width > 0, r.height > 0 else { return }
        guard let c = s.derived.comparison else {
            let why = s.selectedArticle == nil ? "no article selected"
                : (s.query.events.isEmpty ? "no events found in this corpus" : "this article has no event")
            b.put(why, x: r.x, y: r.y, style: Style(.dim), maxX: r.maxX)
            return
        }
        drawLines(lines(c, width: r.width, glyphs: s.glyphs, why: s.showWhy), selected: focused ? s.compareSelected : nil,
                  into: &b, rect: r)
    }

    static func drawOverlay(_ s: AppState, into b: inout ScreenBuffer, rect: Rect) {
        b.box(rect, title: "Comparison — j/k rows · Enter jump to the text · c/q/Esc close", focused: true,
              glyphs: s.glyphs)
        let r = rect.inner
        guard let c = s.derived.comparison, r.width > 0 else { return }
        drawLines(lines(c, width: r.width, glyphs: s.glyphs, why: s.showWhy), selected: s.compareSelected, into: &b, rect: r)
    }

    /// Draws lines scrolled so that the selected row's heading is on screen.
    static func drawLines(_ ls: [CompareLine], selected: Int?, into b: inout ScreenBuffer, rect r: Rect) {
        var scroll = 0
        if let sel = selected, let at = ls.firstIndex(where: { $0.row == sel && $0.isRowHeading }) {
            let end = ls.lastIndex(where: { $0.row == sel }) ?? at
            if end >= r.height { scroll = min(at, end - r.height + 1) }
            if at - scroll < 0 { scroll = at }
        }
        for i in 0..<r.height {
            let li = scroll + i
            guard li < ls.count else { break }
            let line = ls[li]
            let y = r.y + i
            if line.isRowHeading, line.row == selected {
                b.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: Style.normal.selected)
            }
            for sg in line.segments {
                var st = sg.style
                if line.isRowHeading, line.row == selected { st = st.selected }
                b.put(sg.text, x: r.x + sg.x, y: y, style: st, maxX: min(r.maxX, r.x + sg.x + sg.width))
            }
        }
    }

    /// Lays out a comparison in `width` columns.
    static func lines(_ c: ComparisonView, width: Int, glyphs: Glyphs, why: Bool = false) -> [CompareLine] {
        var out: [CompareLine] = []
        let e = c.event
        var head = e.title
        if let d = e.date { head += " · \(d)" }
        if let p = e.place { head += " · \(p)" }
        out.append(CompareLine(segments: [Segment(x: 0, text: head, style: Style(.header, bold: true), width: width)]))
        if !e.participants.isEmpty {
            out.append(CompareLine(segments: [Segment(x: 0, text: "participants: " + e.participants.joined(separator: ", "),
                                                      style: Style(.dim), width: width)]))
        }
        let n = max(1, c.columns.count)
        let gap = 2  // two spaces keep neighbouring columns from reading as one sentence
        let colW = max(4, (width - gap * (n - 1)) / n)
        func x(_ k: Int) -> Int { k * (colW + gap) }
        // Coverage: one column per outlet.
        func row(_ cells: [String], style: (Int) -> Style, maxLines: Int) {
            let wrapped = cells.map { Array(TextLayout.wrap($0, width: colW).prefix(maxLines)) }
            let h = wrapped.map(\.count).max() ?? 0
            for i in 0..<h {
                var segs: [Segment] = []
                for (k, w) in wrapped.enumerated() where i < w.count {
                    segs.append(Segment(x: x(k), text: w[i].plain, style: style(k), width: colW))
                }
                out.append(CompareLine(segments: segs, row: nil))
            }
        }
        out.append(CompareLine(segments: [], row: nil))
        row(c.columns.map(\.outlet), style: { _ in Style(.outlet, bold: true, underline: true) }, maxLines: 1)
        row(c.columns.map(\.headline), style: { _ in Style(.normal, bold: true) }, maxLines: 3)
        row(c.columns.map { "\($0.date) · \($0.words) words" }, style: { _ in Style(.date) }, maxLines: 1)
        row(c.columns.map { $0.sources.isEmpty ? "" : "via " + $0.sources.joined(separator: ", ") },
            style: { _ in Style(.dim) }, maxLines: 2)
        if why {
            // When each outlet reported it: one cell per day of the event's coverage, its day marked.
            let days = c.columns.compactMap(\.day).map(\.ordinal)
            if let lo = days.min(), let hi = days.max() {
                let span = min(hi - lo + 1, max(1, colW - 2))
                row(c.columns.map { col in
                    guard let d = col.day?.ordinal else { return "undated" }
                    let at = min(span - 1, d - lo)
                    return String((0..<span).map { $0 == at ? Character("█") : Character("·") })
                }, style: { _ in Style(.date) }, maxLines: 1)
            }
            row(c.columns.map { col in
                guard let w = col.why else { return "why: —" }
                var parts = [w.score >= 1 && w.actors.isEmpty && w.terms.isEmpty
                    ? "why: opened the event" : "why: \(String(format: "%.2f", w.score))"]
                if !w.actors.isEmpty { parts.append(w.actors.prefix(3).joined(separator: ", ")) }
                if !w.terms.isEmpty { parts.append("“" + w.terms.prefix(3).joined(separator: " ") + "”") }
                return parts.joined(separator: " · ")
            }, style: { _ in Style(.dim) }, maxLines: 3)
        }
        if c.rows.isEmpty {
            out.append(CompareLine(segments: [], row: nil))
            let why = c.columns.count < 2 ? "only one outlet reports this event" : "no aligned claims or quotes found"
            out.append(CompareLine(segments: [Segment(x: 0, text: why, style: Style(.dim), width: width)]))
        }
        for (ri, r) in c.rows.enumerated() {
            let label: String
            let role: StyleRole
            switch r.kind {
            case .claim: label = "shared"; role = .header
            case .unique: label = "unique"; role = .outlet
            case .quote: label = "quote"; role = .quote
            case .number: label = "figures"; role = .header
            case .discrepancy: label = "discrepancy"; role = .discrepancy
            }
            let mark = r.kind == .discrepancy ? "! " : "▸ "
            out.append(CompareLine(segments: [Segment(x: 0, text: mark + label + ": " + r.label,
                                                      style: Style(role, bold: true), width: width)],
                                   row: ri, isRowHeading: true))
            let wrapped = r.cells.map { cell in cell.map { TextLayout.wrap($0, width: colW) } ?? [] }
            let h = wrapped.map(\.count).max() ?? 0
            for i in 0..<h {
                var segs: [Segment] = []
                for (k, w) in wrapped.enumerated() where i < w.count {
                    segs.append(Segment(x: x(k), text: w[i].plain, style: Style(r.kind == .quote ? .quote : .normal),
                                        width: colW))
                }
                out.append(CompareLine(segments: segs, row: ri))
            }
            for (k, cell) in r.cells.enumerated() where cell == nil && h > 0 && k < n {
                // Say explicitly that this outlet does not have it.
                if let idx = out.lastIndex(where: { $0.row == ri && !$0.isRowHeading }) {
                    let first = idx - h + 1
                    out[first].segments.append(Segment(x: x(k), text: "—", style: Style(.dim), width: colW))
                }
            }
        }
        return out
    }
}

/// The timeline: every event the corpus knows, dated ones in order.
enum TimelineView {
    static func draw(_ s: AppState, into b: inout ScreenBuffer, rect: Rect) {
        b.box(rect, title: "Timeline — j/k move · Enter filter by event · t/q/Esc close", focused: true, glyphs: s.glyphs)
        let r = rect.inner
        guard r.width > 0, r.height > 0 else { return }
        let evs = s.derived.timeline
        if evs.isEmpty {
            b.put("no events found in this corpus", x: r.x, y: r.y, style: Style(.dim), maxX: r.maxX)
            return
        }
        let placeW = 14
        b.put(Columns.pad("Date", to: 10) + " " + Columns.pad("Kind", to: 8) + " " + Columns.pad("Place", to: placeW)
              + " Articles  Title", x: r.x, y: r.y, style: Style(.header, bold: true), maxX: r.maxX)
        let rows = r.height - 1
        let scroll = AppState.follow(s.timelineSelected, scroll: 0, rows: rows)
        for i in 0..<rows {
            let k = scroll + i
            guard k < evs.count else { break }
            let e = evs[k]
            let y = r.y + 1 + i
            let sel = k == s.timelineSelected
            let base = sel ? Style.normal.selected : Style.normal
            b.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: base)
            let n = e.articles.count + e.mentionedBy.count
            let line = Columns.pad(e.date?.description ?? "undated", to: 10) + " " + Columns.pad(e.kind.rawValue, to: 8)
                + " " + Columns.pad(e.place ?? "—", to: placeW, ellipsis: s.glyphs.ellipsis) + " "
                + Columns.pad(String(n), to: 8) + "  " + e.title
            b.put(line, x: r.x, y: y, style: base, maxX: r.maxX)
        }
    }
}

/// The help screen, generated from the action table.
enum HelpView {
    static func draw(_ s: AppState, into b: inout ScreenBuffer, rect: Rect) {
        b.box(rect, title: "Help — Parallax keys · ?/q/Esc close", focused: true, glyphs: s.glyphs)
        let r = rect.inner
        guard r.width > 0, r.height > 0 else { return }
        var lines: [(String, String, Style)] = []
        for bd in s.keymap.bindings {
            lines.append((s.keymap.keyLabel(bd.action), bd.help, .normal))
        }
        lines.append(("", "", .normal))
        lines.append(("Colours", "person · organization · country · place · “quote” · search match", Style(.header, bold: true)))
        lines.append(("Prompts", "open on the current value (typing replaces it) · Tab/S-Tab choose a completion · ↑↓ history", .normal))
        lines.append(("", "Enter apply (on nothing: remove that filter) · Esc cancel · C-u clear", .normal))
        lines.append(("Mouse", "click selects a row or a pane · the wheel scrolls", .normal))
        lines.append(("Ctrl-Z", "suspend (fg resumes) · Ctrl-C quits", .normal))
        lines.append(("Key map", "Resources/data/keymap.txt; rebind in ~/.config/parallax/keymap.txt", .normal))
        let keyW = min(20, max(10, (lines.map { CellWidth.of($0.0) }.max() ?? 10) + 2))
        for i in 0..<r.height {
            let k = s.helpScroll + i
            guard k < lines.count else { break }
            let (key, help, st) = lines[k]
            let y = r.y + i
            b.put(key, x: r.x + 1, y: y, style: Style(.statusKey, bold: true), maxX: r.x + keyW)
            if key == "Colours" {
                var x = r.x + keyW + 1
                for (t, role) in [("person", StyleRole.person), ("organization", .organization), ("country", .country),
                                  ("place", .place)] {
                    x = b.put(t, x: x, y: y, style: Style(role, bold: true), maxX: r.maxX)
                    x = b.put(" · ", x: x, y: y, maxX: r.maxX)
                }
                x = b.put("“quote”", x: x, y: y, style: Style(.quote), maxX: r.maxX)
                x = b.put(" · ", x: x, y: y, maxX: r.maxX)
                b.put("search match", x: x, y: y, style: Style(.match, reverse: true), maxX: r.maxX)
            } else {
                b.put(help, x: r.x + keyW + 1, y: y, style: st, maxX: r.maxX)
            }
        }
    }
}
