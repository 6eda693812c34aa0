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

    /// `KYIV, Jan 26 (Reuters) - …` → Reuters; also `(CNN)The top Republican …`, where the outlet in
    /// parentheses opens the line and the story follows without a dash.
    public func datelineOutlet(in s: String) -> String? {
        let head = s.prefix(120)
        // The credit may follow another parenthesis: `Fráncfort (Alemania), 18 dic (EFE) .- …`.
        var from = head.startIndex
        for _ in 0..<3 {
            guard let open = head[from...].firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") else { return nil }
            if let o = datelineCredit(head, open: open, close: close) { return o }
            from = head.index(after: close)
        }
        return nil
    }

    private func datelineCredit(_ head: Substring, open: Substring.Index, close: Substring.Index) -> String? {
        let after = head[head.index(after: close)...].drop(while: { $0 == " " })
        guard let next = after.first else { return nil }
        let opensLine = open == head.startIndex && next.isUppercase
        let inside = head[head.index(after: open)..<close]
        // `MOSCOW (UrduPoint News / Sputnik - 23rd May, 2022) US President …`: a credit and its date, no dash.
        let creditAndDate = next.isUppercase && (inside.contains("/") || inside.contains(" - "))
            && inside.contains(where: \.isNumber)
        // Spanish and Portuguese wire copy closes the dateline with `.-`.
        let dotDash = next == "." && after.dropFirst().drop(while: { $0 == " " }).first.map { "-–—".contains($0) } == true
        guard "-–—".contains(next) || opensLine || creditAndDate || dotDash else { return nil }
        if let o = outlet(named: String(inside)) { return o }
        // A credit shared by two (`(dpa/MIA)`, `(AFP/Reuters)`): its first known outlet, wherever the dateline stands.
        if inside.contains("/") {
            for part in inside.split(separator: "/") {
                if let o = outlet(named: part.trimmingCharacters(in: .whitespaces)) { return o }
            }
        }
        // An outlet this directory does not know signs its dateline the same way: `TAIPEI (Taiwan News) —`,
        // `March 18 (UPI) --`, `MOSCOW (UrduPoint News / Sputnik - 23rd May, 2022)`. Read only after a
        // city in capitals or a month and day, and only a short run of capitalised words.
        let before = head[..<open].trimmingCharacters(in: .whitespaces)
        guard !opensLine, !before.isEmpty, before.count <= 40, Self.isDatelinePlaceOrDay(before) else { return nil }
        let first = inside.components(separatedBy: "/").first.map { $0.components(separatedBy: " - ")[0] } ?? ""
        let name = first.trimmingCharacters(in: .whitespaces)
        let words = name.split(separator: " ")
        guard (1...4).contains(words.count), name.count >= 2,
              words.allSatisfy({ w in w.first?.isUppercase == true && !w.contains(where: \.isNumber) }) else { return nil }
        return outlet(named: name) ?? name
    }

    /// `TAIPEI`, `WASHINGTON, D.C.`, `March 18`, `Jan. 26, 2022`: what stands before a dateline's credit.
    static func isDatelinePlaceOrDay(_ s: String) -> Bool {
        if !s.contains(where: \.isLowercase), s.contains(where: \.isLetter) { return true }
        // A city in capitals and its date in any language: `FRANKFURT, 18. Dezember 2025`.
        if let comma = s.firstIndex(of: ","), !s[..<comma].contains(where: \.isLowercase),
           s[..<comma].contains(where: \.isLetter), s[comma...].contains(where: \.isNumber) {
            return true
        }
        let words = s.split(whereSeparator: { $0 == " " || $0 == "," })
        guard (2...3).contains(words.count), let m = words.first, m.first?.isUppercase == true,
              m.dropFirst().allSatisfy({ $0.isLowercase || $0 == "." }) else { return false }
        return words.dropFirst().allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// `GET FOX BUSINESS ON THE GO BY CLICKING HERE`, `CLICK HERE TO READ MORE ON FOX BUSINESS`: a
    /// promotion line of the page's own site names it (a known outlet only; `Share on Facebook` is none).
    public func promotionOutlet(in s: String) -> String? {
        guard s.utf8.count <= 120 else { return nil }
        let words = s.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        let lower = words.map { $0.lowercased() }
        // The words after the last "on"/"from" (`… more on Fox Business`), or between "get" and "on".
        if let k = lower.lastIndex(where: { $0 == "on" || $0 == "from" }), k + 1 < words.count,
           let o = outlet(named: words[(k + 1)...].joined(separator: " ")) {
            return o
        }
        if let g = lower.firstIndex(of: "get"), let k = lower[(g + 1)...].firstIndex(of: "on"), k > g + 1,
           let o = outlet(named: words[(g + 1)..<k].joined(separator: " ")) {
            return o
        }
        return nil
    }

    /// `PARIS, January 26. /TASS/. Talks …` → TASS: an agency's name between slashes near the start of
    /// the lead, as agencies sign their datelines.
    public func slashDatelineOutlet(in s: String) -> String? {
        let head = Array(s.prefix(160))
        var i = 0
        while i < head.count {
            guard head[i] == "/" else { i += 1; continue }
            guard let j = head[(i + 1)...].firstIndex(of: "/"), j - i > 1, j - i <= 40 else { return nil }
            let name = String(head[(i + 1)..<j])
            if let o = outlet(named: name) { return o }
            i = j
        }
        return nil
    }

    /// `By Matthew Lee, Associated Press`, `By Jane Doe | Reuters`, `Por g1 — Brasília`, `Von: APA/Reuters`
    /// → the outlet a byline credits (a part of it, between commas, bars, dashes or slashes, that is a
    /// known outlet; the writer's name is none).
    public func bylineOutlet(in s: String) -> String? {
        // Most lines are not bylines: rejected on their first letter before Foundation trims and
        // lower-cases the whole line (that was 2% of an index build).
        guard let first = s.unicodeScalars.first(where: { !($0 == "\t" || $0.properties.generalCategory == .spaceSeparator) }),
              "bBpPvVdD".unicodeScalars.contains(first) else { return nil }
        let t = s.trimmingCharacters(in: .whitespaces)
        guard t.count <= 120 else { return nil }
        let lower = t.lowercased()
        // "By" in the languages of the speech verbs.
        guard let prefix = Self.bylinePrefixes.first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = t.dropFirst(prefix.count)
        var parts = [String(rest)]
        for sep in [",", "|", " - ", " — ", " – ", "/"] {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        // The last part first: `By Matthew Lee, Associated Press`.
        for part in parts.reversed() {
            let name = part.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
            if let o = outlet(named: name) { return o }
        }
        return nil
    }

    /// `By `, `Por: ` … (`function-words.txt`).
    static let bylinePrefixes = FunctionWords.shipped.bylinePrefixes

    /// `Reuters, Seoul`: a line crediting a known outlet and the city it files from.
    public func creditLineOutlet(in s: String) -> String? {
        guard s.utf8.count <= 60, let comma = s.firstIndex(of: ",") else { return nil }
        let place = s[s.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        let words = place.split(separator: " ")
        guard (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }),
              let o = outlet(named: s[..<comma].trimmingCharacters(in: .whitespaces)) else { return nil }
        return o
    }

    /// `GARUDASAKTI.ID – Jakarta – Presiden …`, `JAKARTA, KOMPAS.TV - Menteri …`, `Liputan6.com, Jakarta -`,
    /// `BaperaNews - Presiden …` → the site that opens its lead with its own name, as Indonesian and
    /// other sites sign a story: a web address's name or a one-word name in camel case, alone or beside
    /// the city, before the first dash. A known outlet is given its canonical name; an unknown one as written.
    public func leadCreditOutlet(in s: String) -> String? {
        // Most lines have no dash near their start: the bytes say so before any character is read.
        guard s.utf8.prefix(280).contains(where: { $0 == UInt8(ascii: "-") || $0 == 0xE2 }) else { return nil }
        let head = s.prefix(70)
        guard let dash = head.firstIndex(where: { "-–—".contains($0) }) else { return nil }
        // A spaced dash only: `MOSCOW-Kim Jong Un` and `pro-Russian` are no credits.
        let before = head[..<dash]
        guard before.last == " ", head[head.index(after: dash)...].first == " " else { return nil }
        let parts = before.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let last = parts.last else { return nil }
        // A web address's name right before the dash signs it, whatever precedes (a section, a time, the
        // city); a camel-case word only alone or beside the city.
        let candidates = parts.count == 2 ? [last, parts[0]] : [last]
        for p in candidates where !p.contains(" ") {
            let site = Self.isSiteName(p)
            guard site || Self.isCamelCaseName(p) else { continue }
            if !site, parts.count > 2 { return nil }
            if !site, parts.count == 2 {
                // The other part is the city: one to three capitalised words.
                let city = p == last ? parts[0] : last
                let words = city.split(separator: " ")
                guard (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
            }
            return outlet(named: p) ?? outlet(forURL: "https://" + p.lowercased()) ?? p
        }
        return nil
    }

    /// `RADP / Pulse Kenya  >  News  >  Local` → Pulse Kenya: a known outlet among the crumbs of a
    /// site's trail of sections (`Cleaner.isBreadcrumb` says which lines are one).
    public func breadcrumbOutlet(in s: String) -> String? {
        var parts = [s]
        for sep in [">", "›", "»", " / ", " | "] { parts = parts.flatMap { $0.components(separatedBy: sep) } }
        return parts.lazy.compactMap { self.outlet(named: $0.trimmingCharacters(in: .whitespaces)) }.first
    }

    /// `KOMPAS.TV`, `Liputan6.com`, `TUKO.co.ke`: a web address's host name, as sites print their own.
    static func isSiteName(_ w: String) -> Bool {
        let parts = w.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 4, let first = parts.first, first.count >= 3,
              first.contains(where: \.isLetter), let tld = parts.last, (2...6).contains(tld.count),
              tld.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }
    }

    /// `BaperaNews`, `VnExpress`: one word with a capital inside after small letters — a brand, not a
    /// city (`McAllen` and `MacArthur` excepted).
    static func isCamelCaseName(_ w: String) -> Bool {
        guard w.count >= 5, w.first?.isUppercase == true, w.allSatisfy({ $0.isLetter || $0.isNumber }),
              !w.hasPrefix("Mc"), !w.hasPrefix("Mac") else { return false }
        let cs = Array(w)
        return cs.indices.dropFirst().contains { i in cs[i].isUppercase && cs[i - 1].isLowercase }
    }

    /// `Read the original article on Capital FM.` (AllAfrica's republished stories), `Source: TUKO.co.ke`
    /// → the outlet a closing line credits with the story: any name after `Read the original article
    /// on`; after `Source:` only a web address's name (`Source: Xinhua` names the agency a site copied).
    public func closingCreditOutlet(in s: String) -> String? {
        guard s.utf8.count <= 120 else { return nil }
        let t = s.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        for lead in FunctionWords.shipped.creditLeads where lower.hasPrefix(lead) {
            let name = t.dropFirst(lead.count).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            let words = name.split(separator: " ")
            guard (1...5).contains(words.count), words.first?.first?.isUppercase == true else { return nil }
            return outlet(named: name) ?? name
        }
        // `— With report from Raffy Cabristante, ABS-CBN News`: a reporter, then the outlet after the
        // last comma (a known one only: the reporter's name is no outlet).
        let bare = t.drop { "—–-― ".contains($0) }
        let bareLower = bare.lowercased()
        for lead in FunctionWords.shipped.reporterCredits where bareLower.hasPrefix(lead) {
            guard let last = bare.dropFirst(lead.count).split(separator: ",").last else { return nil }
            return outlet(named: last.trimmingCharacters(in: CharacterSet(charactersIn: " .")))
        }
        for lead in FunctionWords.shipped.sourceLabels {
            guard lower.hasPrefix(lead) else { continue }
            let name = t.dropFirst(lead.count).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            guard !name.contains(" "), Self.isSiteName(name) else { return nil }
            return outlet(named: name) ?? outlet(forURL: "https://" + name.lowercased()) ?? name
        }
        return nil
    }

    /// `…, the office said in a statement, Ukrinform reports.` → Ukrinform: an agency crediting itself
    /// at the end of a lead sentence, in the present tense, as agencies and the sites that copy them
    /// sign a story. The past tense (`Reuters reported`) and `told Interfax` cite another outlet and
    /// are not read.
    public func reportsOutlet(in s: String) -> String? {
        guard s.utf8.count <= 2_000, FastText.contains(s, " reports") else { return nil }
        var sentences: [Substring] = []
        var start = s.startIndex
        for i in s.indices where s[i] == "." || s[i] == "!" {
            sentences.append(s[start..<i])
            start = s.index(after: i)
        }
        for sentence in sentences {
            let t = sentence.trimmingCharacters(in: .whitespaces)
            guard t.hasSuffix(" reports") else { continue }
            // The name after the clause's last comma (`…, TASS reports`), or the sentence's own subject
            // when it is only the name (`Interfax-Ukraine reports`).
            let head = t.dropLast(" reports".count)
            let name = head.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !name.isEmpty, name.split(separator: " ").count <= 5 else { continue }
            if let o = outlet(named: name) { return o }
        }
        return nil
    }

    /// `© 2022 BBC. The BBC is not responsible …`, `Copyright 2021 CNBC LLC. All Rights Reserved` →
    /// the outlet the notice names (the longest run of its first words that is a known outlet).
    public func copyrightOutlet(in s: String) -> String? {
        // Rejected on the first letter before the whole line is lower-cased; a notice after other words
        // (`date 2022-03 © Agenzia Nova - Riproduzione riservata`) starts at its sign.
        // Searched in the UTF-8 bytes (© is C2 A9): a search by characters cost 2.6% of a build.
        var rest = Substring(s)
        let bytes = s.utf8
        let end = bytes.index(bytes.startIndex, offsetBy: min(bytes.count, 160))
        if let k = bytes[..<end].firstIndex(of: 0xA9), k > bytes.startIndex, bytes[bytes.index(before: k)] == 0xC2 {
            let sign = bytes.index(before: k)
            if sign != s.startIndex, s.distance(from: s.startIndex, to: sign) <= 40 { rest = s[sign...] }
        }
        guard let first = rest.unicodeScalars.first, first == "©" || first == "c" || first == "C" else { return nil }
        if rest.hasPrefix("©") {
            rest = rest.dropFirst()
        } else if rest.prefix(9).lowercased() == "copyright" {
            rest = rest.dropFirst(9).drop(while: { $0 == " " || $0 == "©" })
        } else {
            return nil
        }
        // Years and ranges ("2022", "2010-2022", "2022,").
        rest = rest.drop(while: { $0 == " " || $0.isNumber || $0 == "-" || $0 == "–" || $0 == "," })
        let name = rest.prefix(while: { !".,|;".contains($0) })
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.count <= 8 else { return nil }
        for n in stride(from: words.count, through: 1, by: -1) {
            if let o = outlet(named: words.prefix(n).joined(separator: " ")) { return o }
        }
        return nil
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

    /// The site an address names when no known outlet has it: its host without `www.`/`m.`/`amp.`
    /// (`https://www.tellerreport.com/…` → tellerreport.com), as news aggregators show an unknown source.
    public static func siteName(ofURL url: String) -> String? {
        guard let host = URL(string: url)?.host?.lowercased(), host.contains("."),
              host.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "%" }) else { return nil }
        var h = Substring(host)
        for p in ["www.", "m.", "amp.", "mobile."] where h.hasPrefix(p) && h.dropFirst(p.count).contains(".") {
            h = h.dropFirst(p.count)
        }
        // An address (`127.0.0.1`) names no site.
        return h.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : String(h)
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
