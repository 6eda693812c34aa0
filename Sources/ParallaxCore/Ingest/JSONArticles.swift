import Foundation

/// Reads articles from JSON exports: one object, an array of objects, an object holding such an
/// array (`{"articles": […]}`), or JSONL (one object per line). Field names follow common exports.
public enum JSONArticles {
    static let titleKeys = ["title", "headline", "name"]
    static let textKeys = ["text", "body", "content", "article", "articleBody", "full_text", "description"]
    static let outletKeys = ["outlet", "source", "site", "site_name", "publisher", "source_name", "domain"]
    static let dateKeys = ["published", "publishedAt", "published_at", "date", "datePublished", "pubDate",
                           "datetime", "time", "created_at"]
    static let urlKeys = ["url", "link", "source_url", "canonical_url", "href"]

    /// One record as a document; nil (with the reason) when it carries no text.
    static func document(from object: [String: Any], path: String, format: SourceFormat) -> (RawDocument?, String?) {
        guard let rawText = firstString(object, textKeys), !FastText.isBlank(rawText) else {
            return (nil, "\(path): record has no text field (looked for \(textKeys.joined(separator: "/"))), skipped")
        }
        var text = rawText
        var page = GivenMetadata()
        if HTMLText.looksLikeHTML(rawText) {
            let r = HTMLText.extract(rawText)
            text = r.text
            page = r.meta
        }
        let given = GivenMetadata(title: firstString(object, titleKeys), outlet: firstString(object, outletKeys),
                                  published: firstString(object, dateKeys), url: firstString(object, urlKeys))
        return (RawDocument(path: path, format: format, text: text, given: given, page: page), nil)
    }

    /// The first key present as a string (or as `{ "name": … }`, as NewsAPI's `source` is).
    static func firstString(_ o: [String: Any], _ keys: [String]) -> String? {
        for k in keys {
            if let s = o[k] as? String, !FastText.isBlank(s) { return s }
            if let d = o[k] as? [String: Any], let s = (d["name"] ?? d["title"]) as? String, !s.isEmpty { return s }
            if let n = o[k] as? NSNumber, k == "date" || k == "published" || k == "time" {
                // Unix seconds.
                let date = Date(timeIntervalSince1970: n.doubleValue > 1e11 ? n.doubleValue / 1000 : n.doubleValue)
                let f = ISO8601DateFormatter()
                return f.string(from: date)
            }
        }
        return nil
    }

    /// A `.json` file: an object, an array, or an object wrapping an array.
    public static func parseJSON(_ data: Data, path: String) -> (docs: [RawDocument], warnings: [String]) {
        let value: Any
        var repairs: [String] = []
        do {
            let (v, note) = try LenientJSON.object(with: data, options: [.fragmentsAllowed])
            value = v
            if let note { repairs.append("\(path): \(note)") }
        } catch {
            return ([], ["\(path): not valid JSON (\(shortReason(error))), skipped"])
        }
        let result = records(of: value, path: path)
        return (result.docs, repairs + result.warnings)
    }

    private static func records(of value: Any, path: String) -> (docs: [RawDocument], warnings: [String]) {
        var records: [[String: Any]] = []
        if let array = value as? [Any] {
            records = array.compactMap { $0 as? [String: Any] }
            if records.count < array.count {
                let result = docs(records, path: path, format: .json)
                return (result.docs, ["\(path): \(array.count - records.count) array element(s) are not objects, skipped"]
                            + result.warnings)
            }
        } else if let object = value as? [String: Any] {
            if let inner = ["articles", "items", "results", "data", "documents", "stories"]
                .lazy.compactMap({ object[$0] as? [Any] }).first {
                records = inner.compactMap { $0 as? [String: Any] }
            } else {
                records = [object]
            }
        } else {
            return ([], ["\(path): JSON is neither an object nor an array of objects, skipped"])
        }
        return docs(records, path: path, format: .json)
    }

    private static func docs(_ records: [[String: Any]], path: String, format: SourceFormat) -> (docs: [RawDocument], warnings: [String]) {
        var out: [RawDocument] = []
        var warnings: [String] = []
        let many = records.count > 1
        for (i, r) in records.enumerated() {
            let p = many ? "\(path)#\(i + 1)" : path
            let (doc, warning) = document(from: r, path: p, format: format)
            if let d = doc { out.append(d) }
            if let w = warning { warnings.append(w) }
        }
        return (out, warnings)
    }

    /// One JSONL line.
    static func parseLine(_ line: Data, path: String, lineNumber: Int) -> (RawDocument?, String?) {
        guard let parsed = try? LenientJSON.object(with: line), let obj = parsed.0 as? [String: Any] else {
            return (nil, "\(path):\(lineNumber): not a JSON object, skipped")
        }
        let (doc, warning) = document(from: obj, path: "\(path)#\(lineNumber)", format: .jsonl)
        return (doc, warning ?? parsed.note.map { "\(path):\(lineNumber): \($0)" })
    }

    static func shortReason(_ error: Error) -> String {
        let s = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return String(s.prefix(120))
    }
}
