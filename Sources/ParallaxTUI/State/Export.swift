import Foundation
import ParallaxCore

extension AppState {
    /// The comparison on screen, or else the current list, as Markdown (every piece of article text
    /// through `MarkdownSafe`) or JSON (`JSONValue`, which escapes what it must).
    func exportContents(json: Bool) -> String {
        if overlay == .comparison || focus == .compare, let c = derived.comparison {
            return json ? AppState.comparisonJSON(c) : AppState.comparisonMarkdown(c)
        }
        let rows = visible.map { query.row(at: $0) }
        if json {
            let list: [JSONValue] = rows.map { r in
                .object([
                    ("id", .string(r.id)), ("date", .str(r.day?.description)), ("outlet", .string(r.outlet)),
                    ("title", .string(r.title)), ("marked", .bool(userData.marked.contains(r.id))),
                    ("tags", .array((userData.tags[r.id] ?? []).map(JSONValue.string))),
                ])
            }
            return JSONValue.object([("query", .string(filters.text)), ("articles", .array(list))]).serialized(pretty: true) + "\n"
        }
        var out = "# Articles\n\n"
        out += "Query: " + (filters.isEmpty ? "(all articles)" : "`" + filters.text.replacingOccurrences(of: "`", with: "'") + "`")
        out += " — \(rows.count) of \(query.articleCount)\n\n"
        out += "| Date | Outlet | Title | Id | Tags |\n|---|---|---|---|---|\n"
        for r in rows {
            let tags = (userData.tags[r.id] ?? []).joined(separator: ", ")
            let cells = [r.day?.description ?? "undated", r.outlet, r.title, r.id, (userData.marked.contains(r.id) ? "★ " : "") + tags]
            out += "| " + cells.map(AppState.cell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A table cell: `MarkdownSafe` escapes `|` and folds line breaks, so a cell stays one cell.
    static func cell(_ s: String) -> String { MarkdownSafe.text(s) }

    static func comparisonMarkdown(_ c: ComparisonView) -> String {
        var out = "# " + MarkdownSafe.text(c.event.title) + "\n\n"
        out += "| | " + c.columns.map { cell($0.outlet + " (" + $0.date + ")") }.joined(separator: " | ") + " |\n"
        out += "|---|" + c.columns.map { _ in "---|" }.joined() + "\n"
        out += "| headline | " + c.columns.map { cell($0.headline) }.joined(separator: " | ") + " |\n"
        for r in c.rows {
            out += "| " + cell(r.kind.rawValue + ": " + r.label) + " | "
                + c.columns.indices.map { i in cell(i < r.cells.count ? r.cells[i] ?? "—" : "—") }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func comparisonJSON(_ c: ComparisonView) -> String {
        let event: JSONValue = .object([("id", .string(c.event.id)), ("title", .string(c.event.title)),
                                        ("date", .str(c.event.date?.description))])
        let columns: [JSONValue] = c.columns.map { col in
            .object([("outlet", .string(col.outlet)), ("article", .string(col.articleID)), ("headline", .string(col.headline)),
                     ("date", .string(col.date)), ("words", .int(col.words))])
        }
        let rows: [JSONValue] = c.rows.map { r in
            .object([("kind", .string(r.kind.rawValue)), ("label", .string(r.label)),
                     ("cells", .array(r.cells.map { JSONValue.str($0) }))])
        }
        return JSONValue.object([("event", event), ("columns", .array(columns)), ("rows", .array(rows))])
            .serialized(pretty: true) + "\n"
    }
}
