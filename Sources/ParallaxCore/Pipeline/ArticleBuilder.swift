import Foundation

/// Turns one document read from disk into an `Article`: cleans it and recovers its title, date,
/// outlet and id. Works on one document alone; corpus-wide inference comes after (`DateInference`).
public struct ArticleBuilder: Sendable {
    public var cleaner: Cleaner

    public init(cleaner: Cleaner) {
        self.cleaner = cleaner
    }

    public static func shipped() -> ArticleBuilder {
        ArticleBuilder(cleaner: Cleaner(rules: .shipped(), outlets: .shipped()))
    }

    public func build(_ doc: RawDocument, outletUnknown: Bool = false) -> Article {
        let cleaned = cleaner.clean(doc.text)
        let outlets = cleaner.outlets

        // Title: the user's, the page's, the text's headline, else the lead's first sentence.
        var titleOutlet: String?
        var title: String?
        if let t = doc.given.title ?? doc.page.title ?? cleaned.headline {
            let split = outlets.splitTitle(Cleaner.normalizeSpaces(t))
            title = split.title
            titleOutlet = split.outlet
        } else if let lead = cleaned.paragraphs.first {
            title = ArticleBuilder.firstSentence(lead, maxLength: 140)
        }

        // Outlet: user, page, signatures in the text, title suffix, URL, else the URL's site.
        let url = doc.given.url ?? doc.page.url ?? Self.addressLine(doc.text)
        var outlet: String?
        var outletSource = MetadataSource.none
        if let o = doc.given.outlet {
            outlet = o
            outletSource = .given
        } else if outletUnknown {
            outlet = nil
        } else if let o = doc.page.outlet {
            outlet = o
            outletSource = .page
        } else if let o = cleaned.signatureOutlet ?? titleOutlet ?? url.flatMap(outlets.outlet(forURL:)) {
            outlet = o
            outletSource = .text
        } else if let site = url.flatMap(OutletDirectory.siteName(ofURL:)) {
            outlet = site
            outletSource = .url
        }

        let body = cleaned.paragraphs.joined(separator: "\n\n")
        let (published, partial) = ArticleBuilder.publishedDate(doc: doc, cleaned: cleaned, body: body, url: url)

        var hash = StableHash()
        hash.combine((doc.path as NSString).lastPathComponent)
        hash.combine(doc.text)
        var article = Article(id: hash.hex(digits: 10), path: doc.path, format: doc.format, rawText: doc.text,
                              body: body, title: title, outlet: outlet, outletSource: outletSource,
                              published: published, url: url, sources: cleaned.sources, removed: cleaned.removed,
                              truncated: doc.truncated)
        article.partialDate = published == nil ? partial : nil
        return article
    }

    /// The published date from the strongest evidence. A caption's date plus the weekday the story
    /// keeps naming ("told reporters Wednesday") dates it to that weekday on or after the caption.
    static func publishedDate(doc: RawDocument, cleaned: CleanedText, body: String, url: String? = nil) -> (DatedValue?, DateMention?) {
        if let s = doc.given.published, let d = DateParser.parseGiven(s) {
            return (DatedValue(day: d, source: .given, confidence: 1), nil)
        }
        if let s = doc.page.published, let d = DateParser.parseGiven(s) {
            return (DatedValue(day: d, source: .page, confidence: 0.95), nil)
        }
        // A site puts the day it published in the address; the text's first date may be another one.
        if let d = url.flatMap(DateParser.fromURL) {
            return (DatedValue(day: d, source: .url, confidence: 0.92), nil)
        }
        let textDates = cleaned.dateEvidence.filter { $0.source == .text }
        if let full = textDates.lazy.compactMap({ $0.mention.fullDay }).first {
            return (DatedValue(day: full, source: .text, confidence: 0.9), nil)
        }
        let caption = cleaned.dateEvidence.filter { $0.source == .caption }.compactMap(\.mention.fullDay).max()
        if let c = caption {
            if let w = dominantWeekday(body) {
                let offset = (w - c.weekday + 7) % 7
                return (DatedValue(day: c.adding(days: offset), source: .inferred, confidence: 0.7), nil)
            }
            return (DatedValue(day: c, source: .caption, confidence: 0.5), nil)
        }
        // "Friday, January 21": the year comes from the rest of the corpus.
        return (nil, textDates.first?.mention)
    }

    /// The address a saved text gives at its head, on one of its first three lines: alone, as the
    /// line's last word (`Headline https://…`) or after a label (`Source: https://… | Published: …`),
    /// with a path long enough to name an article (not a site's home page, not a short link `t.co/…`
    /// of an embedded post). A link further down is a subject, not the address.
    static func addressLine(_ text: String) -> String? {
        for line in text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: true).prefix(3) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            for (i, word) in words.enumerated()
            where (word.hasPrefix("http://") || word.hasPrefix("https://")) && word.count <= 2048 {
                guard i == words.count - 1 || (i > 0 && words[i - 1].hasSuffix(":")) else { continue }
                let afterHost = word.dropFirst(word.hasPrefix("https") ? 8 : 7).drop(while: { $0 != "/" })
                if afterHost.count >= 16 { return String(word) }
            }
        }
        return nil
    }

    /// The weekday a news story names most often as a bare adverb ("Wednesday", "on Wednesday"),
    /// i.e. the day it is written about; nil when none is named twice or two tie.
    static func dominantWeekday(_ body: String) -> Int? {
        var counts = [Int](repeating: 0, count: 7)
        for word in body.split(whereSeparator: { !$0.isLetter }) {
            guard word.first?.isUppercase == true, let w = DateParser.weekday(named: String(word)) else { continue }
            counts[w] += 1
        }
        guard let top = counts.max(), top >= 2 else { return nil }
        return counts.filter { $0 == top }.count == 1 ? counts.firstIndex(of: top) : nil
    }

    /// The first sentence of a paragraph, cut at a word boundary if long.
    static func firstSentence(_ p: String, maxLength: Int) -> String {
        var end = p.endIndex
        var i = p.startIndex
        while i < p.endIndex {
            let c = p[i]
            let next = p.index(after: i)
            if ".!?".contains(c), next == p.endIndex || p[next] == " " {
                // Not after a single capital ("U.S.", "J. Smith").
                let before = p[p.startIndex..<i].split(separator: " ").last ?? ""
                if before.count > 2 || before.first?.isLowercase == true {
                    end = next
                    break
                }
            }
            i = next
        }
        var s = String(p[..<end])
        if s.count > maxLength {
            let cut = s.prefix(maxLength)
            s = (cut.range(of: " ", options: .backwards).map { String(cut[..<$0.lowerBound]) } ?? String(cut)) + "…"
        }
        return s
    }
}
