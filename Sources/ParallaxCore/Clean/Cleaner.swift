/// What cleaning recovers from an article's text besides its body.
public struct CleanedText: Sendable, Equatable {
    public var paragraphs: [String]
    /// The headline line, when the text has one.
    public var headline: String?
    public var removed: [RemovedLine]
    /// Agencies named by attribution lines.
    public var sources: [String]
    /// Dates found in header lines, datelines and captions (not in the story's sentences).
    public var dateEvidence: [DateEvidence]
    /// An outlet named by a dateline (`(Reuters) -`) or a sign-off line.
    public var signatureOutlet: String?
}

/// A date that dates the article (rather than an event it reports), with where it was found.
public struct DateEvidence: Sendable, Equatable {
    public var mention: DateMention
    public var source: MetadataSource
}

/// Separates a scraped article's story from its page furniture, by general rules: the phrase rules
/// of `furniture.txt`, line shape (length, sentence punctuation, script), position (the head before
/// the first story paragraph, the tail after the last) and repetition (doubled photo captions).
public struct Cleaner: Sendable {
    public var rules: FurnitureRules
    public var outlets: OutletDirectory

    public init(rules: FurnitureRules, outlets: OutletDirectory) {
        self.rules = rules
        self.outlets = outlets
    }

    struct Line {
        var text: String
        var folded: String
        var words: Int
        var block: Int
        var removedBecause: String?
        var isStory: Bool = false
        /// Removed by a furniture rule or as a trailer (not a caption, credit or date line).
        var isFurniture = false
    }

    public func clean(_ raw: String) -> CleanedText {
        var lines = splitLines(raw)
        // Lines visited, weighted by their length where the rules read them (see WorkCounter).
        var work = raw.utf8.count
        defer { WorkCounter.count(work, "clean") }
        var removed: [RemovedLine] = []
        var sources: [String] = []
        var evidence: [DateEvidence] = []
        var signature: String?

        // A "date 2022-01-26" / "Published: …" prefix glued to the first line.
        if let first = lines.firstIndex(where: { !$0.text.isEmpty }) {
            if let (mention, rest) = datelinePrefix(lines[first].text) {
                evidence.append(DateEvidence(mention: mention, source: .text))
                removed.append(RemovedLine(text: String(lines[first].text.prefix(lines[first].text.count - rest.count)),
                                           reason: "date line"))
                lines[first] = makeLine(rest, block: lines[first].block)
            }
        }

        let count = lines.count
        let dominant = dominantScript(lines)
        var seen: [String: Int] = [:]
        var firstCopy: [String: Int] = [:]
        var doubled = Set<String>()  // printed twice in a row: a photo's alt text and its caption
        var previous: String?
        for (i, l) in lines.enumerated() where !l.text.isEmpty {
            work += 1
            defer { previous = l.folded }
            guard l.words >= 4 else { continue }
            seen[l.folded, default: 0] += 1
            if firstCopy[l.folded] == nil { firstCopy[l.folded] = i }
            if previous == l.folded { doubled.insert(l.folded) }
        }
        // A headline doubled at the top of the page (before any story line) is still the headline.
        let storyBegins = lines.firstIndex { Cleaner.looksLikeStory($0.text, words: $0.words) } ?? lines.count

        var trailerFrom: Int?
        var creditsFrom: Int?
        // Dates of date lines and captions, kept below only where they date the page: in its head or
        // tail, or the lead photo's caption. A chart label or an old file photo mid-story does not.
        var lineEvidence: [(Int, DateEvidence)] = []
        let firstLine = lines.firstIndex { !$0.text.isEmpty }
        for i in lines.indices where !lines[i].text.isEmpty {
            let l = lines[i]
            work += 1 + l.text.utf8.count
            let late = i * 2 >= count
            if late, trailerFrom == nil, rules.isTrailer(folded: l.folded, words: l.words) {
                trailerFrom = i
                break
            }
            // The page's first line labelled like a teaser (`WATCH: Donald Trump ambushes …`) is its
            // headline: a teaser stands beside or under a story, not above it.
            let labelledHeadline: Bool = {
                guard i == firstLine, l.words >= 5, l.words <= 25, let colon = l.text.firstIndex(of: ":") else { return false }
                let rest = l.text[l.text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                let words = rest.split(separator: " ").count
                return words >= 4 && rest.first?.isUppercase == true && Cleaner.looksLikeHeadline(rest, words: words)
                    && DateParser.find(in: l.text).isEmpty
            }()
            if !labelledHeadline, let why = rules.furnitureReason(l.text, folded: l.folded) {
                lines[i].removedBecause = why
                lines[i].isFurniture = true
                continue
            }
            if Cleaner.isBreadcrumb(l.text) {
                lines[i].removedBecause = "breadcrumb"
                lines[i].isFurniture = true
                continue
            }
            if let prefix = rules.attributionPrefix(folded: l.folded), l.words <= 25,
               let agencies = attributedAgencies(String(l.text.dropFirst(prefix.count))) {
                sources.append(contentsOf: agencies)
                lines[i].removedBecause = "attribution"
                if i * 10 >= count * 6 { creditsFrom = creditsFrom ?? i + 1 }
                continue
            }
            if let m = dateOnly(l.text) ?? labelledDate(l.text) {
                lineEvidence.append((i, DateEvidence(mention: m, source: .text)))
                lines[i].removedBecause = "date line"
                continue
            }
            // A repeated line keeps its first copy (a lead or headline printed twice), except a short
            // line doubled in a row — a photo's alt text and caption — which goes whole.
            let repeated = (seen[l.folded] ?? 0) > 1
                && (firstCopy[l.folded] != i
                    || doubled.contains(l.folded) && i > storyBegins && !Cleaner.looksLikeStory(l.text, words: l.words))
            if repeated || isCaption(l) {
                for m in DateParser.find(in: l.text) where m.year != nil {
                    lineEvidence.append((i, DateEvidence(mention: m, source: .caption)))
                }
                lines[i].removedBecause = repeated ? "repeated line (photo caption)" : "photo caption or credit"
                continue
            }
            if l.words <= 12, let s = dominant, let ls = Cleaner.script(of: l.text), ls != s {
                // An outlet signing off in its own script (`Корреспондент` under an English text).
                if late, l.words <= 5, let o = outlets.outlet(named: l.text) { signature = signature ?? o }
                lines[i].removedBecause = "page furniture in another script"
                continue
            }
            lines[i].isStory = Cleaner.looksLikeStory(l.text, words: l.words)
        }
        if let t = trailerFrom {
            for i in t..<count where !lines[i].text.isEmpty && lines[i].removedBecause == nil {
                lines[i].removedBecause = "comment form or trailer"
                lines[i].isFurniture = true
                lines[i].isStory = false
            }
        }
        if let c = creditsFrom {
            for i in c..<count where !lines[i].text.isEmpty && lines[i].removedBecause == nil {
                if lines[i].words <= 5, let o = outlets.outlet(named: lines[i].text) { signature = signature ?? o }
                lines[i].removedBecause = "after the story's credits"
                lines[i].isStory = false
            }
        }

        // Head and tail: what comes before the first story line and after the last.
        let firstStory = lines.firstIndex(where: { $0.isStory })
        let lastStory = lines.lastIndex(where: { $0.isStory })
        // `MOSCOW-Kim Jong Un told …`: a dateline joined to the first word by a bare hyphen is spaced, so
        // that the city is not read as part of a name.
        if let f = firstStory, let spaced = Cleaner.spacingDatelineHyphen(lines[f].text) { lines[f].text = spaced }
        var headline: String?
        if let f = firstStory {
            // Whether a headline-like line follows each head line before the story: one backward pass,
            // so that a head of many lines is not read again for each of them.
            var headlineFollows = [Bool](repeating: false, count: f)
            var seenHeadline = false
            for j in stride(from: f - 1, through: 0, by: -1) {
                headlineFollows[j] = seenHeadline
                if !lines[j].text.isEmpty && lines[j].removedBecause == nil
                    && Cleaner.looksLikeHeadline(lines[j].text, words: lines[j].words) { seenHeadline = true }
            }
            for i in 0..<f where !lines[i].text.isEmpty && lines[i].removedBecause == nil {
                let l = lines[i]
                work += 1 + l.text.utf8.count
                // A two-word headline ("Talks fail") counts when it is the first line, alone in its
                // block, and the story follows within a few lines.
                let shortHeadline = i == firstLine && l.words == 2 && f - i <= 3 && standsAlone(lines, i)
                    && Cleaner.looksLikeShortHeadline(l.text)
                // A section's label above the headline (`World News`, `UNITED STATES NEWS`, `POLITICS`
                // before a headline that follows) is none.
                if headline == nil, Cleaner.isSectionLabel(l.text, words: l.words, headlineFollows: headlineFollows[i]) {
                    lines[i].removedBecause = "section label"
                    continue
                }
                if headline == nil, shortHeadline || Cleaner.looksLikeHeadline(l.text, words: l.words) {
                    headline = l.text
                    lines[i].removedBecause = "headline"
                } else if l.words <= 3 && !Cleaner.endsSentence(l.text) {
                    lines[i].removedBecause = "navigation or widget"
                }
            }
        }
        if let last = lastStory, last + 1 < count {
            for i in (last + 1)..<count where !lines[i].text.isEmpty && lines[i].removedBecause == nil {
                let l = lines[i]
                work += 1 + l.text.utf8.count
                if l.words <= 5 && !Cleaner.endsSentence(l.text) {
                    if let o = outlets.outlet(named: l.text) { signature = signature ?? o }
                    lines[i].removedBecause = "sign-off or widget"
                }
            }
        }
        let storyStart = firstStory ?? count
        let storyEnd = lastStory ?? -1
        for (i, e) in lineEvidence {
            let inFrame = i < storyStart || i > storyEnd
            let leadCaption = e.source == .caption && i <= storyStart + 2
            // A page whose lead is a photo caption prints its date line after it ("Publié le
            // Mercredi 22 janvier 2025" under the caption): a date line among the first story lines.
            let leadDateLine = e.source == .text && i <= storyStart + 6
            if inFrame || leadCaption || leadDateLine { evidence.append(e) }
        }
        // The dateline opens the story, perhaps after a caption or a repeated headline the cleaner kept.
        if let f = firstStory, signature == nil {
            for l in lines[f..<min(count, f + 4)] where l.isStory {
                signature = outlets.datelineOutlet(in: l.text) ?? outlets.slashDatelineOutlet(in: l.text)
                    ?? outlets.leadCreditOutlet(in: l.text)
                guard signature != nil else { continue }
                // The dateline's own full date (`MOSCOW (UrduPoint News / Sputnik - 23rd May, 2022) …`,
                // `KYIV, Jan 26, 2022 (Reuters) -`): up to the credit's closing parenthesis.
                // A site signing its lead (`Kompas dunia | 1 April 2024, 21:25 WIBJAKARTA, KOMPAS.TV - …`):
                // up to the dash after its name.
                let head = l.text.prefix(120)
                if let close = head.firstIndex(of: ")") ?? head.firstIndex(where: { "-–—".contains($0) }),
                   let m = DateParser.find(in: String(head[...close])).first(where: { $0.fullDay != nil }) {
                    evidence.append(DateEvidence(mention: m, source: .text))
                }
                break
            }
        }
        // A byline naming the writer's outlet, in the head of the page or just inside the story.
        if signature == nil {
            for l in lines.prefix(min(count, (firstStory ?? 0) + 3)) where !l.text.isEmpty {
                if let o = outlets.bylineOutlet(in: l.text) ?? outlets.creditLineOutlet(in: l.text)
                    ?? (Cleaner.isBreadcrumb(l.text) ? outlets.breadcrumbOutlet(in: l.text) : nil) { signature = o; break }
            }
        }
        // An agency signing a lead sentence (`…, Ukrinform reports.`) in the first story lines.
        if signature == nil, let f = firstStory {
            for l in lines[f..<min(count, f + 4)] where l.isStory {
                if let o = outlets.reportsOutlet(in: l.text) { signature = o; break }
            }
        }
        // The page's own address printed at its head (a saved page's first line).
        if signature == nil {
            for l in lines.prefix(2) {
                for word in l.text.split(separator: " ") where word.hasPrefix("http://") || word.hasPrefix("https://") {
                    if let o = outlets.outlet(forURL: String(word)) { signature = o; break }
                }
                if signature != nil { break }
            }
        }
        // A promotion of the site's own app or pages (`GET FOX BUSINESS ON THE GO`), removed as furniture.
        if signature == nil {
            for l in lines where l.isFurniture && !l.text.isEmpty {
                if let o = outlets.promotionOutlet(in: l.text) { signature = o; break }
            }
        }
        // A closing line crediting the story (`Read the original article on Capital FM.`, `Source:
        // TUKO.co.ke`, `— With report from Raffy Cabristante, ABS-CBN News`), kept or removed as furniture.
        if signature == nil {
            for l in lines.suffix(15).reversed() where !l.text.isEmpty {
                if let o = outlets.closingCreditOutlet(in: l.text) { signature = o; break }
            }
        }
        // Last: a copyright notice in the page's tail (`© 2022 BBC.`) or on its first lines, kept or
        // removed as furniture.
        if signature == nil {
            for l in lines.suffix(15).reversed() + lines.prefix(3) where !l.text.isEmpty {
                if let o = outlets.copyrightOutlet(in: l.text) { signature = o; break }
            }
        }

        for l in lines {
            if let why = l.removedBecause { removed.append(RemovedLine(text: l.text, reason: why)) }
        }
        return CleanedText(paragraphs: assemble(lines), headline: headline, removed: removed,
                           sources: dedupe(sources), dateEvidence: evidence, signatureOutlet: signature)
    }

    /// `MOSCOW-Kim Jong Un told` → `MOSCOW - Kim Jong Un told`: a city in capitals (three letters or
    /// more, perhaps two words or with a country after a comma) joined by a hyphen to a capitalised
    /// word in lower case; nil when the line does not open so.
    static func spacingDatelineHyphen(_ line: String) -> String? {
        let scalars = Array(line.unicodeScalars.prefix(40))
        var i = 0
        var letters = 0
        while i < scalars.count {
            let c = scalars[i]
            if c.properties.isUppercase { letters += 1 } else if c == " " || c == "," || c == "." {
                // separators inside the dateline
            } else { break }
            i += 1
        }
        guard letters >= 3, i + 2 < scalars.count, scalars[i] == "-", i > 0, scalars[i - 1].properties.isUppercase,
              scalars[i + 1].properties.isUppercase, scalars[i + 2].properties.isLowercase else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<i])
        out.append(contentsOf: " - ".unicodeScalars)
        out.append(contentsOf: line.unicodeScalars.dropFirst(i + 1))
        return String(out)
    }

    // MARK: lines

    func splitLines(_ raw: String) -> [Line] {
        var out: [Line] = []
        var block = 0
        var previousBlank = true
        // Split on scalars, not grapheme clusters: much faster, and "\r\n" is handled as "\r" + "\n".
        let scalars = raw.unicodeScalars
        let pieces = scalars.split(omittingEmptySubsequences: false, whereSeparator: {
            $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}"
        })
        // The latest line, still open to the lines that continue it: made into a `Line` once, when
        // it ends (re-made at each continuation, a hard-wrapped paragraph of 256 KB took 24 s).
        var pending: (text: String, block: Int)?
        func flush() {
            if let p = pending { out.append(makeLine(p.text, block: p.block)) }
            pending = nil
        }
        for sub in pieces {
            let text = Cleaner.normalizeSpaces(scalars: sub)
            if text.isEmpty {
                flush()
                if !previousBlank { block += 1 }
                previousBlank = true
                continue
            }
            // Hard-wrapped text: a line that does not end a sentence, followed in the same block by
            // one that continues in lower case, is one logical line.
            if !previousBlank, let last = pending, last.block == block, !Cleaner.endsSentence(last.text),
               text.first?.isLowercase ?? false {
                pending?.text += " " + text
                continue
            }
            flush()
            previousBlank = false
            pending = (text, block)
        }
        flush()
        return out
    }

    /// A line's words; Chinese and Japanese, written without spaces, count one word per two
    /// characters, so a paragraph of them is not taken for a one-word navigation line.
    func makeLine(_ text: String, block: Int) -> Line {
        WorkCounter.count(text.utf8.count, "clean")
        var words = 0
        var ideographic = 0
        var inWord = false
        for u in text.unicodeScalars {
            let space = u == " "
            if !space && !inWord { words += 1 }
            inWord = !space
            if u.value >= 0x3040, Cleaner.isIdeographic(u.value) { ideographic += 1 }
        }
        words += ideographic / 2
        return Line(text: text, folded: FurnitureRules.fold(text), words: words, block: block)
    }

    /// Non-breaking and other odd spaces become plain spaces; runs collapse; ends trimmed.
    static func normalizeSpaces<S: StringProtocol>(_ s: S) -> String {
        normalizeSpaces(scalars: s.unicodeScalars)
    }

    static func normalizeSpaces<C: Collection>(scalars: C) -> String where C.Element == Unicode.Scalar {
        // Into UTF-8 bytes: appending scalars to a String one by one cost more than the test itself.
        var out: [UInt8] = []
        out.reserveCapacity(scalars.underestimatedCount)
        var pendingSpace = false
        for u in scalars {
            let v = u.value
            let space = v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x0B || v == 0x0C
                || (v > 0x7F && u.properties.isWhitespace)
            if space {
                pendingSpace = !out.isEmpty
                continue
            }
            if v == 0xAD { continue }  // a soft hyphen: invisible, and it splits words for search
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if v < 0x80 { out.append(UInt8(v)) } else { UTF8.encode(u) { out.append($0) } }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Paragraphs: each kept logical line (hard-wrapped lines were joined when split).
    func assemble(_ lines: [Line]) -> [String] {
        lines.compactMap { $0.removedBecause == nil && !$0.text.isEmpty ? $0.text : nil }
    }

    // MARK: line shapes

    static let sentenceEnders: Set<Character> = [".", "!", "?", "…", "\"", "”", "’", "'", "»", ")", ":",
                                                 "。", "！", "？", "」", "』", "）", "．"]

    /// Kana and CJK ideographs (hangul is written with spaces).
    static func isIdeographic(_ v: UInt32) -> Bool {
        (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v)
    }

    /// Two capitalised-or-lettered words, no sentence or list punctuation.
    static func looksLikeShortHeadline(_ s: String) -> Bool {
        guard s.first?.isUppercase == true || s.first?.isNumber == true, !endsSentence(s) || s.hasSuffix("!") || s.hasSuffix("?")
        else { return false }
        return s.split(separator: " ").allSatisfy { $0.contains(where: \.isLetter) || $0.contains(where: \.isNumber) }
            && !s.contains("|") && !s.contains("»") && !s.contains("›")
    }

    /// Alone in its block: the next non-empty line starts another block.
    func standsAlone(_ lines: [Line], _ i: Int) -> Bool {
        guard let next = lines[(i + 1)...].first(where: { !$0.text.isEmpty }) else { return false }
        return next.block != lines[i].block
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.last else { return false }
        return sentenceEnders.contains(last)
    }

    /// A sentence of a story: long enough and punctuated, or simply long.
    static func looksLikeStory(_ s: String, words: Int) -> Bool {
        (words >= 8 && endsSentence(s) && !(s.last == ":" && words < 15)) || words >= 20
    }

    /// A headline: a few words to a few dozen, not a full sentence with a final period.
    static func looksLikeHeadline(_ s: String, words: Int) -> Bool {
        guard words >= 3, words <= 30 else { return false }
        if s.hasSuffix(".") && !s.hasSuffix("...") { return false }
        return s.contains(where: { $0.isLetter })
    }

    /// `Home > News > Local`, `RADP / Pulse Kenya  >  News  >  Local`, `Inicio » Mundo » América`: a
    /// site's trail of sections, three or more short parts between arrows.
    static func isBreadcrumb(_ s: String) -> Bool {
        guard s.utf8.count <= 160 else { return false }
        // Byte searches: Foundation's `contains` on every short line cost 2.9% of a build.
        for arrow in [" > ", " › ", " » ", " >> "] where FastText.contains(s, arrow) {
            let parts = s.components(separatedBy: arrow).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count >= 3, parts.allSatisfy({ !$0.isEmpty && $0.split(separator: " ").count <= 5 && !endsSentence($0) }) {
                return true
            }
        }
        return false
    }

    /// Words that end the name of a site's section (`World News`, `Últimas Notícias`).
    static let sectionWords = FunctionWords.shipped.sectionWords

    /// `World News`, `UNITED STATES NEWS`; a word or three in capitals when a headline follows.
    static func isSectionLabel(_ s: String, words: Int, headlineFollows: Bool) -> Bool {
        guard words <= 4, !endsSentence(s) else { return false }
        if let last = s.split(separator: " ").last, sectionWords.contains(last.lowercased()) { return true }
        return headlineFollows && words <= 3 && s.contains(where: \.isLetter) && !s.contains(where: \.isLowercase)
    }

    static let captionPrefixes = ["file - ", "file – ", "file photo", "photo:", "photo by ", "image:", "picture:",
                                  "pictured:", "caption:", "credit:", "photograph:"]
    static let creditMarkers = ["(photo by", "(photo:", "getty images", "/ afp", "/afp", "| afp", "(afp photo",
                                "/ reuters", "| reuters", "(reuters photo", "/ ap photo", "(ap photo", "ap photo/",
                                "shutterstock", "/ epa", "(epa", "/ anadolu", "pool photo"]

    /// Photo captions and credits by their markers.
    func isCaption(_ l: Line) -> Bool {
        let f = l.folded
        if FastText.contains(f, "©") || FastText.contains(f, "(c) ") && l.words < 40 { return true }
        for p in Cleaner.captionPrefixes where FastText.hasPrefix(f, p) {
            return true
        }
        if l.words <= 40 {
            for m in Cleaner.creditMarkers where FastText.contains(f, m) {
                return true
            }
        }
        return false
    }

    /// `date 2022-01-26 The advisers …` → the date and the rest of the line.
    func datelinePrefix(_ text: String) -> (DateMention, String)? {
        // Only the head can hold the key: lower-casing a whole first line (a one-line article) cost more.
        let lower = text.prefix(24).lowercased()
        for key in ["date", "published", "updated", "posted", "last updated", "publié le", "publié"] {
            guard lower.hasPrefix(key) else { continue }
            let after = text.dropFirst(key.count)
            guard let m = DateParser.find(in: String(after.prefix(60))).first, m.fullDay != nil else { return nil }
            let gap = FastText.trimmed(after.prefix(m.start), dropping: " :,-–")
            guard gap.isEmpty else { return nil }
            var rest = after.dropFirst(m.end)
            // A time after the date ("10:32 GMT") belongs to the prefix too.
            rest = rest.drop(while: { $0 == " " || $0 == "," || $0 == "|" || $0 == "-" })
            return (m, String(rest))
        }
        return nil
    }

    /// A page's date line with its label and times (`Published: 01:26 PM, 27 January 2022  Updated: …`),
    /// or a byline with the date after the writer's name (`by Alexander Query January 26, 2022 9:06 PM`):
    /// the first full date. A sentence that happens to open with "By" is not one: before its date a
    /// byline holds a name of at most four capitalised words.
    func labelledDate(_ text: String) -> DateMention? {
        guard text.count <= 160 else { return nil }
        let lower = text.prefix(12).lowercased()
        let labelled = ["published", "posted", "updated", "last updated"].contains { lower.hasPrefix($0) }
        let byline = lower.hasPrefix("by ")
        guard labelled || byline else { return nil }
        guard let m = DateParser.find(in: text).first(where: { $0.fullDay != nil }) else { return nil }
        if byline {
            let before = text.prefix(m.start).dropFirst(3).split(separator: " ")
            guard text.count <= 90, (1...4).contains(before.count),
                  before.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        }
        return m
    }

    /// A line that is only a date (with perhaps "Published", a time, a zone).
    func dateOnly(_ text: String) -> DateMention? {
        guard text.count <= 70, let m = DateParser.find(in: text).first else { return nil }
        let letters = text.filter(\.isLetter).count
        let dateLetters = String(text.dropFirst(m.start).prefix(m.end - m.start)).filter(\.isLetter).count
        return letters - dateLetters <= 16 ? m : nil
    }

    /// `Reuters, AP and local media` → ["Reuters", "AP"]; nil when the text is not a list of names.
    func attributedAgencies(_ rest: String) -> [String]? {
        var t = FastText.trimmed(rest, dropping: " :.–-")
        guard !t.isEmpty else { return nil }
        for sep in [" and ", " & ", ";", " et ", " y ", " und "] { t = t.replacingOccurrences(of: sep, with: ",") }
        var names: [String] = []
        for part in t.split(separator: ",") {
            var p = FastText.trimmed(part)
            for article in ["the ", "The ", "from ", "la ", "l'"] where p.hasPrefix(article) { p = String(p.dropFirst(article.count)) }
            guard !p.isEmpty else { continue }
            if p.split(separator: " ").count > 5 { return nil }
            if p.first?.isUppercase == true { names.append(p) }
        }
        // A list whose first element is not a name is a sentence ("With the talks stalled, …").
        guard let firstPart = t.split(separator: ",").first.map { FastText.trimmed($0) },
              firstPart.first?.isUppercase == true || firstPart.hasPrefix("the ") else { return nil }
        return names.isEmpty ? nil : names
    }

    func dedupe(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0.lowercased()).inserted }
    }

    // MARK: scripts

    enum Script: Equatable { case latin, cyrillic, arabic, hebrew, greek, cjk, other }

    static func script(of s: String) -> Script? {
        // Counts per script in a fixed array: ASCII letters need no Unicode property lookup.
        var counts = [Int](repeating: 0, count: 7)
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { counts[0] += 1 }
                continue
            }
            guard u.properties.isAlphabetic else { continue }
            switch v {
            case 0x41...0x24F, 0x1E00...0x1EFF: counts[0] += 1
            case 0x400...0x52F: counts[1] += 1
            case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: counts[2] += 1
            case 0x590...0x5FF: counts[3] += 1
            case 0x370...0x3FF: counts[4] += 1
            case 0x3040...0x9FFF, 0xAC00...0xD7AF: counts[5] += 1
            default: counts[6] += 1
            }
        }
        guard let top = counts.max(), top > 0, let i = counts.firstIndex(of: top) else { return nil }
        return [Script.latin, .cyrillic, .arabic, .hebrew, .greek, .cjk, .other][i]
    }

    func dominantScript(_ lines: [Line]) -> Script? {
        var weights: [Script: Int] = [:]
        for l in lines where !l.text.isEmpty {
            if let s = Cleaner.script(of: l.text) { weights[s, default: 0] += l.text.utf8.count }
        }
        return weights.max { $0.value < $1.value }?.key
    }
}

import Foundation
