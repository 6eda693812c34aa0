import Foundation

/// A page's own metadata in order of trust: JSON-LD (`NewsArticle` and kin, also inside `@graph`),
/// then `<meta>` (`og:title`, `og:site_name`, `article:published_time` …), then `<time datetime>`,
/// then `<title>` and the first `<h1>`. `application-name` names an app, never the title or outlet.
public enum HTMLMetadata {
    public static func read(_ tree: HTMLTree, settings: HTMLExtractionSettings = .shipped) -> GivenMetadata {
        var ld = GivenMetadata()
        var meta: [String: String] = [:]
        var titleText: String?
        var h1: String?
        var timeDate: String?
        var itempropDate: String?
        var canonical: String?
        let types = Set(settings.list("article-types"))
        for i in 0..<tree.count where !tree.isText(i) {
            switch tree.names[i] {
            case "script":
                guard tree.attribute(i, "type")?.lowercased().contains("ld+json") == true else { continue }
                let text = (i + 1..<tree.ends[i]).map { tree.texts[$0] }.joined()
                ld = ld.filling(from: jsonLD(text, types: types))
            case "meta":
                guard let content = tree.attribute(i, "content"), !FastText.isBlank(content) else { continue }
                let keys = [tree.attribute(i, "property"), tree.attribute(i, "name"), tree.attribute(i, "itemprop")]
                    .compactMap { $0 }.flatMap { $0.lowercased().split(separator: " ").map(String.init) }
                for k in keys where meta[k] == nil { meta[k] = content }
            case "title":
                if titleText == nil { titleText = text(tree, i) }
            case "h1":
                if h1 == nil { h1 = text(tree, i) }
            case "time":
                if timeDate == nil, let dt = tree.attribute(i, "datetime"), !FastText.isBlank(dt) { timeDate = dt }
            case "link":
                if canonical == nil, tree.attribute(i, "rel")?.lowercased() == "canonical",
                   let href = tree.attribute(i, "href"), !FastText.isBlank(href) { canonical = href }
            default:
                break
            }
            if itempropDate == nil, tree.attribute(i, "itemprop")?.lowercased() == "datepublished" {
                itempropDate = tree.attribute(i, "datetime") ?? tree.attribute(i, "content")
            }
        }
        func first(_ key: String) -> String? {
            settings.lowercasedList(key).lazy.compactMap { meta[$0] }.first.map(HTMLText.collapse)
        }
        var page = GivenMetadata(title: first("title-meta"), outlet: first("site-meta"),
                                 published: first("date-meta") ?? itempropDate ?? timeDate,
                                 url: canonical ?? first("url-meta"))
        page = ld.filling(from: page)
        if page.title == nil {
            page.title = [titleText, h1].compactMap { $0 }.first { !$0.isEmpty }
        }
        return page
    }

    static func text(_ tree: HTMLTree, _ i: Int) -> String {
        HTMLText.collapse((i + 1..<tree.ends[i]).filter { tree.isText($0) }.map { tree.texts[$0] }.joined())
    }

    /// The first article object of a JSON-LD block: top level, in an array, or in `@graph`.
    static func jsonLD(_ text: String, types: Set<String>) -> GivenMetadata {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
        guard let data = cleaned.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return .init() }
        var queue: [Any] = [value]
        var seen = 0
        while !queue.isEmpty, seen < 200 {
            let v = queue.removeFirst()
            seen += 1
            if let array = v as? [Any] { queue.append(contentsOf: array); continue }
            guard let o = v as? [String: Any] else { continue }
            if let graph = o["@graph"] as? [Any] { queue.append(contentsOf: graph) }
            let typeNames: [String] = (o["@type"] as? String).map { [$0] } ?? (o["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
            guard typeNames.contains(where: { types.contains($0) }) else { continue }
            var m = GivenMetadata()
            let headline = nonBlank(o["headline"])
            let name = nonBlank(o["name"])
            m.title = headline ?? name
            m.published = nonBlank(o["datePublished"])
            m.outlet = nameOf(o["publisher"])
            m.url = nonBlank(o["url"]) ?? (o["mainEntityOfPage"] as? [String: Any]).flatMap { nonBlank($0["@id"]) }
            return m
        }
        return .init()
    }

    static func nonBlank(_ v: Any?) -> String? {
        guard let s = v as? String, !FastText.isBlank(s) else { return nil }
        return HTMLText.collapse(s)
    }

    static func nameOf(_ v: Any?) -> String? {
        if let s = nonBlank(v) { return s }
        if let o = v as? [String: Any] { return nonBlank(o["name"]) }
        if let a = v as? [Any], let firstName = a.lazy.compactMap({ nameOf($0) }).first { return firstName }
        return nil
    }
}
