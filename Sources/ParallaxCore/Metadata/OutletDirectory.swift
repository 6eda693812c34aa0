import Foundation

/// The outlets of `Resources/data/outlets.tsv` (plus the user's), for recognising an outlet from a
/// sign-off line, a dateline, a title suffix or a URL.
public struct OutletDirectory: Sendable {
    var byName: [String: String] = [:]     // folded name or alias → canonical
    var byDomain: [String: String] = [:]

    public init(lines: [String]) {
        for line in lines {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = cols.first, !name.isEmpty else { continue }
            byName[OutletDirectory.fold(name)] = name
            if cols.count > 1 {
                for alias in cols[1].split(separator: "|") where !alias.isEmpty {
                    byName[OutletDirectory.fold(String(alias))] = name
                }
            }
            if cols.count > 2 {
                for d in cols[2].split(separator: "|") where !d.isEmpty { byDomain[d.lowercased()] = name }
            }
        }
    }

    public static func shipped() -> OutletDirectory {
        OutletDirectory(lines: ResourceFiles.lines(of: "outlets.tsv"))
    }

    static func fold(_ s: String) -> String {
        FurnitureRules.key(s)
    }

    /// The canonical outlet a line names exactly (`VOA News`, `The Guardian`).
    public func outlet(named s: String) -> String? {
        byName[OutletDirectory.fold(s)]
    }

    /// `KYIV, Jan 26 (Reuters) - …` → Reuters.
    public func datelineOutlet(in s: String) -> String? {
        let head = s.prefix(120)
        guard let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return nil }
        let after = head[head.index(after: close)...].drop(while: { $0 == " " })
        guard let dash = after.first, "-–—".contains(dash) else { return nil }
        return outlet(named: String(head[head.index(after: open)..<close]))
    }

    /// `https://www.theguardian.com/world/…` → The Guardian.
    public func outlet(forURL url: String) -> String? {
        guard let host = URL(string: url)?.host?.lowercased() else { return nil }
        var h = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        while true {
            if let o = byDomain[h] { return o }
            guard let dot = h.firstIndex(of: ".") else { return nil }
            h = String(h[h.index(after: dot)...])
            if !h.contains(".") { return nil }
        }
    }

    /// Splits `Headline - The New York Times` / `Headline | Section`: the headline, and the outlet
    /// when the suffix names one. A short suffix that is not an outlet (a section) is dropped too.
    public func splitTitle(_ title: String) -> (title: String, outlet: String?) {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let head = FastText.trimmed(title[..<r.lowerBound])
            let tail = FastText.trimmed(title[r.upperBound...])
            guard head.split(separator: " ").count >= 3 else { continue }
            if let o = outlet(named: tail) { return (head, o) }
            if sep == " | " && tail.split(separator: " ").count <= 4 { return (head, nil) }
        }
        return (title, nil)
    }
}
