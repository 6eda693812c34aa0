import ParallaxCore

/// Turns an event and the model's data into the columns and rows the Compare pane draws.
/// It only reshapes what the model knows (articles, actors, quotes); it invents nothing.
enum ComparisonAdapter {
    static func build(event e: Event, query q: some CorpusQuery) -> ComparisonView {
        let arts = e.articles.compactMap { id in q.articles.first { $0.id == id } }
        let columns = arts.map { a in
            ComparisonColumn(outlet: MemoryCorpus.outletName(a), articleID: a.id, headline: a.title ?? "(untitled)",
                             date: a.published.map { $0.day.description } ?? "undated", words: a.wordCount,
                             sources: a.sources, actors: q.actors(inArticle: a.id).map(\.name))
        }
        var rows: [ComparisonRow] = []
        let ids = arts.map(\.id)
        // Who each outlet names: actors named by some outlets but not all are the interesting ones.
        var named: [String: [Int]] = [:]
        var order: [String] = []
        for (k, c) in columns.enumerated() {
            for name in c.actors {
                if named[name] == nil { order.append(name) }
                named[name, default: []].append(k)
            }
        }
        for name in order {
            guard let cols = named[name], cols.count < columns.count, columns.count > 1 else { continue }
            let cells: [String?] = columns.indices.map { cols.contains($0) ? "names \(name)" : nil }
            rows.append(ComparisonRow(kind: .unique, label: name, cells: cells,
                                      anchors: Array(repeating: nil, count: columns.count)))
        }
        // The same speaker's quotes as each outlet renders them.
        for actor in q.actors {
            let quotes = actor.quotes.filter { ids.contains($0.articleID) }
            guard !quotes.isEmpty else { continue }
            var cells = [String?](repeating: nil, count: columns.count)
            var anchors = [(articleID: String, range: TextRange)?](repeating: nil, count: columns.count)
            for qu in quotes {
                guard let k = ids.firstIndex(of: qu.articleID), cells[k] == nil else { continue }
                cells[k] = "“" + qu.text + "”"
                anchors[k] = (qu.articleID, qu.range)
            }
            rows.append(ComparisonRow(kind: .quote, label: actor.name, cells: cells, anchors: anchors))
        }
        return ComparisonView(event: e, columns: columns, rows: rows)
    }
}
