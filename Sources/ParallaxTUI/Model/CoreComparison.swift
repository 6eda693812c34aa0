import ParallaxCore

/// Reshapes the model's `Comparison` (ParallaxCore) into the columns and rows the Compare pane draws.
/// Rows come in the order a critical reader wants them: contradictions, then what outlets share,
/// then quotes, figures, and what only one outlet says.
extension ComparisonAdapter {
    public static func view(_ c: Comparison) -> ComparisonView {
        let columns = c.outlets.map { o in
            ComparisonColumn(outlet: o.outlet, articleID: o.articleID, headline: o.headline ?? "(untitled)",
                             date: o.date.map { $0.day.description } ?? "undated", words: o.words,
                             sources: o.sources, actors: o.named, day: o.date?.day, why: c.event.why[o.articleID])
        }
        let ids = columns.map(\.articleID)
        func place(_ items: [(Passage, String)]) -> ([String?], [(articleID: String, range: TextRange)?]) {
            var cells = [String?](repeating: nil, count: ids.count)
            var anchors = [(articleID: String, range: TextRange)?](repeating: nil, count: ids.count)
            for (p, text) in items {
                guard let k = ids.firstIndex(of: p.articleID) else { continue }
                cells[k] = cells[k].map { $0 + " / " + text } ?? text
                if anchors[k] == nil { anchors[k] = (p.articleID, p.range) }
            }
            return (cells, anchors)
        }
        var rows: [ComparisonRow] = []
        for d in c.discrepancies {
            let (cells, anchors) = place(d.passages.map { ($0, $0.text) })
            rows.append(ComparisonRow(kind: .discrepancy, label: "\(d.kind.rawValue) · \(d.subject): \(d.note)",
                                      cells: cells, anchors: anchors))
        }
        for s in c.shared {
            let (cells, anchors) = place(s.passages.map { ($0, $0.text) })
            rows.append(ComparisonRow(kind: .claim, label: "\(s.passages.count) outlets report it",
                                      cells: cells, anchors: anchors))
        }
        for q in c.quotes {
            let (cells, anchors) = place(q.renderings.map { r in
                (r.passage, (r.form == .full ? "" : "(\(r.form.rawValue)) ") + r.passage.text)
            })
            rows.append(ComparisonRow(kind: .quote, label: q.speaker ?? "unnamed speaker", cells: cells, anchors: anchors))
        }
        for n in c.numbers {
            let (cells, anchors) = place(n.mentions.map { ($0.passage, "\($0.figure): \($0.passage.text)") })
            rows.append(ComparisonRow(kind: n.conflict ? .discrepancy : .number,
                                      label: n.counts + (n.conflict ? " — the figures differ" : ""),
                                      cells: cells, anchors: anchors))
        }
        for p in c.unique {
            let (cells, anchors) = place([(p, p.text)])
            rows.append(ComparisonRow(kind: .unique, label: "only \(p.outlet)", cells: cells, anchors: anchors))
        }
        for o in c.outlets where !o.onlyHere.isEmpty {
            var cells = [String?](repeating: nil, count: ids.count)
            if let k = ids.firstIndex(of: o.articleID) { cells[k] = o.onlyHere.joined(separator: ", ") }
            rows.append(ComparisonRow(kind: .unique, label: "only \(o.outlet) names", cells: cells,
                                      anchors: Array(repeating: nil, count: ids.count)))
        }
        return ComparisonView(event: c.event, columns: columns, rows: rows)
    }
}
