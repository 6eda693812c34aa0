/// Renders a comparison for people: a side-by-side plain-text report that fits a width, and Markdown.
/// Text from articles is sanitised here so that no control sequence reaches a terminal, and made inert
/// Markdown in the Markdown report.
public enum ComparisonReport {
    /// The side-by-side report, `width` terminal columns wide. With too many outlets for the width,
    /// columns give way to one block per outlet.
    public static func text(_ c: Comparison, width: Int) -> String {
        let width = max(40, width)
        let cols = c.outlets
        let n = max(cols.count, 1)
        let gutter = " │ "
        let colW = (width - DisplayWidth.of(gutter) * (n - 1)) / n
        let sideBySide = n >= 2 && colW >= 22
        var out: [String] = []
        let rule = String(repeating: "─", count: width)

        func clean(_ s: String) -> String { SafeText.sanitize(s) }
        func wrap(_ s: String, _ w: Int) -> [String] {
            let lines = TextWrap.wrap(clean(s), width: max(8, w))
            return lines.isEmpty ? [""] : lines
        }
        func heading(_ s: String) { out.append(""); out.append(s.uppercased()); out.append(rule) }
        /// One row of cells, one per column, wrapped and padded side by side.
        func row(_ cells: [String]) {
            let wrapped = cells.map { wrap($0, colW) }
            let h = wrapped.map(\.count).max() ?? 0
            for k in 0..<h {
                let parts = wrapped.map { k < $0.count ? DisplayWidth.pad($0[k], to: colW) : String(repeating: " ", count: colW) }
                var line = parts.joined(separator: gutter)
                while line.hasSuffix(" ") { line.removeLast() }
                out.append(line)
            }
        }
        func block(_ s: String, indent: String = "") {
            for l in wrap(s, width - DisplayWidth.of(indent)) { out.append(indent + l) }
        }
        func cells(_ passages: [Passage], _ f: (Passage) -> String) -> [String] {
            cols.map { col in passages.filter { $0.articleID == col.articleID }.map(f).joined(separator: " / ") }
        }

        let e = c.event
        block(clean(e.title) + " — " + [e.date?.description ?? "undated", e.place ?? "no place", "\(cols.count) article\(cols.count == 1 ? "" : "s")"].joined(separator: " · "))
        if !e.participants.isEmpty { block("Participants: " + e.participants.map(clean).joined(separator: ", ")) }

        heading("Coverage")
        if sideBySide {
            row(cols.map { $0.outlet })
            out.append(cols.map { _ in String(repeating: "┄", count: colW) }.joined(separator: gutter))
            row(cols.map { $0.headline ?? "(no headline)" })
            row(cols.map { col in col.date.map { "\($0.day) (\($0.source.rawValue))" } ?? "undated" })
            row(cols.map { "\($0.words) words" + ($0.sources.isEmpty ? "" : " · sources: " + $0.sources.joined(separator: ", ")) })
        } else {
            for col in cols {
                block("■ " + col.outlet)
                block((col.headline ?? "(no headline)"), indent: "  ")
                block((col.date.map { "\($0.day) (\($0.source.rawValue))" } ?? "undated") + " · \(col.words) words"
                      + (col.sources.isEmpty ? "" : " · sources: " + col.sources.joined(separator: ", ")), indent: "  ")
            }
        }

        heading("Actors")
        if sideBySide {
            row(cols.map { "Named: " + ($0.named.prefix(10).joined(separator: ", ")) })
            row(cols.map { "Quoted: " + ($0.quoted.isEmpty ? "—" : $0.quoted.joined(separator: ", ")) })
            row(cols.map { "Only here: " + ($0.onlyHere.isEmpty ? "—" : $0.onlyHere.joined(separator: ", ")) })
        } else {
            for col in cols {
                block("■ " + col.outlet)
                block("Named: " + col.named.prefix(10).joined(separator: ", "), indent: "  ")
                block("Quoted: " + (col.quoted.isEmpty ? "—" : col.quoted.joined(separator: ", ")), indent: "  ")
                block("Only here: " + (col.onlyHere.isEmpty ? "—" : col.onlyHere.joined(separator: ", ")), indent: "  ")
            }
        }

        heading("Shared claims (\(c.shared.count))")
        for (i, claim) in c.shared.enumerated() {
            if i > 0 { out.append(sideBySide ? cols.map { _ in String(repeating: "┄", count: colW) }.joined(separator: gutter) : "") }
            if sideBySide { row(cells(claim.passages) { $0.text }) }
            else { for p in claim.passages { block("[\(p.outlet)] " + p.text) } }
        }
        if c.shared.isEmpty { block("None found.") }

        heading("Claims only one outlet makes (\(c.unique.count))")
        for col in cols {
            let mine = c.unique.filter { $0.articleID == col.articleID }
            guard !mine.isEmpty else { continue }
            block("■ " + col.outlet)
            for p in mine { block("• " + p.text, indent: "  ") }
        }

        heading("Quotes (\(c.quotes.count))")
        for q in c.quotes {
            block("» " + (q.speaker.map(clean) ?? "unattributed"))
            if sideBySide { row(cells(q.renderings.map(\.passage)) { p in
                let form = q.renderings.first { $0.passage == p }?.form.rawValue ?? ""
                return "“\(p.text)” (\(form))"
            }) } else {
                for r in q.renderings { block("[\(r.passage.outlet)] “\(r.passage.text)” (\(r.form.rawValue))", indent: "  ") }
            }
        }
        if c.quotes.isEmpty { block("No statement quoted by two outlets.") }

        heading("Numbers (\(c.numbers.count))")
        for nc in c.numbers {
            var byFigure: [String: [String]] = [:]
            var order: [String] = []
            for m in nc.mentions {
                if byFigure[m.figure] == nil { order.append(m.figure) }
                if !(byFigure[m.figure]?.contains(m.passage.outlet) ?? false) { byFigure[m.figure, default: []].append(m.passage.outlet) }
            }
            block((nc.conflict ? "⚠ " : "• ") + nc.counts + ": " + order.map { "\($0) (\(byFigure[$0]!.joined(separator: ", ")))" }.joined(separator: "; ")
                  + (nc.conflict ? " — figures differ" : ""))
        }
        if c.numbers.isEmpty { block("No figures.") }

        heading("Discrepancies (\(c.discrepancies.count))")
        for d in c.discrepancies { block("⚠ \(d.kind.rawValue) — \(clean(d.subject)): \(clean(d.note))") }
        if c.discrepancies.isEmpty { block("None found.") }
        heading("Coverage over time")
        for o in c.coverage.outlets {
            block("\(clean(o.outlet)): " + (o.days.isEmpty ? "undated" : o.days.map(\.description).joined(separator: ", ")))
        }
        heading("Not reported by (\(c.coverage.blindspots.count))")
        for b in c.coverage.blindspots {
            block("\(clean(b.outlet)): \(b.articles.count) article\(b.articles.count == 1 ? "" : "s") on \(b.names.map(clean).joined(separator: ", ")) within \(EventCoverage.windowDays) days, none on this event")
        }
        if c.coverage.blindspots.isEmpty { block("No other outlet of the corpus covered its people in those weeks.") }
        return out.joined(separator: "\n")
    }

    /// A Markdown report a user can paste into a document. Every string from an article passes
    /// `MarkdownSafe`: no HTML, link or image from the text survives rendering, and table cells hold.
    public static func markdown(_ c: Comparison) -> String {
        func esc(_ s: String) -> String { MarkdownSafe.text(s) }
        let cols = c.outlets
        var out: [String] = []
        let e = c.event
        out.append("# \(esc(e.title))")
        out.append("")
        out.append("- **Date:** \(e.date?.description ?? "undated")")
        out.append("- **Place:** \(e.place.map(esc) ?? "—")")
        out.append("- **Kind:** \(e.kind.rawValue)")
        if !e.participants.isEmpty { out.append("- **Participants:** \(e.participants.map(esc).joined(separator: ", "))") }
        out.append("- **Articles:** \(cols.count)")
        out.append("")
        func table(_ header: [String], _ rows: [[String]]) {
            out.append("| " + header.map(esc).joined(separator: " | ") + " |")
            out.append("|" + header.map { _ in " --- |" }.joined())
            for r in rows { out.append("| " + r.map(esc).joined(separator: " | ") + " |") }
            out.append("")
        }
        out.append("## Coverage")
        out.append("")
        table([""] + cols.map(\.outlet), [
            ["Headline"] + cols.map { $0.headline ?? "—" },
            ["Date"] + cols.map { col in col.date.map { "\($0.day) (\($0.source.rawValue))" } ?? "undated" },
            ["Length"] + cols.map { "\($0.words) words" },
            ["Sources"] + cols.map { $0.sources.isEmpty ? "—" : $0.sources.joined(separator: ", ") },
            ["Named"] + cols.map { $0.named.prefix(12).joined(separator: ", ") },
            ["Quoted"] + cols.map { $0.quoted.isEmpty ? "—" : $0.quoted.joined(separator: ", ") },
            ["Only this outlet names"] + cols.map { $0.onlyHere.isEmpty ? "—" : $0.onlyHere.joined(separator: ", ") },
        ])
        out.append("## Shared claims")
        out.append("")
        if c.shared.isEmpty { out.append("None found."); out.append("") } else {
            table(cols.map(\.outlet), c.shared.map { claim in
                cols.map { col in claim.passages.filter { $0.articleID == col.articleID }.map(\.text).joined(separator: " / ") }
            })
        }
        out.append("## Claims only one outlet makes")
        out.append("")
        for col in cols {
            let mine = c.unique.filter { $0.articleID == col.articleID }
            guard !mine.isEmpty else { continue }
            out.append("### \(esc(col.outlet))")
            out.append("")
            for p in mine { out.append("- \(esc(p.text))") }
            out.append("")
        }
        out.append("## Quotes")
        out.append("")
        if c.quotes.isEmpty { out.append("No statement quoted by two outlets."); out.append("") } else {
            table(["Speaker"] + cols.map(\.outlet), c.quotes.map { q in
                [q.speaker ?? "unattributed"] + cols.map { col in
                    q.renderings.filter { $0.passage.articleID == col.articleID }
                        .map { "“\($0.passage.text)” (\($0.form.rawValue))" }.joined(separator: " / ")
                }
            })
        }
        out.append("## Numbers")
        out.append("")
        for nc in c.numbers {
            let figs = nc.mentions.map { "\($0.figure) (\($0.passage.outlet))" }
            out.append("- \(nc.conflict ? "**⚠ figures differ** — " : "")\(esc(nc.counts)): \(esc(figs.joined(separator: "; ")))")
        }
        if c.numbers.isEmpty { out.append("No figures.") }
        out.append("")
        out.append("## Discrepancies")
        out.append("")
        for d in c.discrepancies { out.append("- **\(d.kind.rawValue)** — \(esc(d.subject)): \(esc(d.note))") }
        if c.discrepancies.isEmpty { out.append("None found.") }
        return out.joined(separator: "\n") + "\n"
    }
}
