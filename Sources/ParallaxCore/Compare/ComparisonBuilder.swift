import Foundation

extension Comparison {
    /// Builds the comparison of one event from the articles that report it.
    public static func build(event: Event, corpus: Corpus) -> Comparison {
        ComparisonBuilder(corpus: corpus, event: event, lexicon: .shared).build()
    }

    /// The comparison of the event a user names (id, or a unique part of it), if the corpus has it.
    public static func build(eventID: String, corpus: Corpus) -> Comparison? {
        corpus.event(matching: eventID).map { build(event: $0, corpus: corpus) }
    }
}

/// A name in an article, from the actors of the event's articles.
struct NameRef: Sendable {
    var canonical: String
    var surface: String
    var articleID: String
    var range: TextRange
    var kind: ActorKind
}

/// Does the work of `Comparison.build`: one pass over each article of the event.
struct ComparisonBuilder {
    let corpus: Corpus
    let event: Event
    let lexicon: CompareLexicon

    /// One article of the event, read.
    struct Doc {
        var article: Article
        var label: String
        var text: EventText
        var names: [NameRef]
        var sentences: [Sent]
        var quotes: [Quote]
    }

    /// A sentence with what makes it comparable.
    struct Sent {
        var range: TextRange
        var text: String
        var words: [String: Double]
        var actors: Set<String>
        var numbers: Set<Double>
        var tokens: Range<Int>
    }

    func build() -> Comparison {
        let ids = Set(event.articles)
        let articles = corpus.articles.filter { ids.contains($0.id) }
        // Column labels: the outlet, else the file name; a second article of one outlet gets a number.
        var labelCount: [String: Int] = [:]
        var docs: [Doc] = []
        // The event's articles' mentions and quotes in one pass over the actors, not one per article
        // (a comparison then costs the corpus's actors once, not once per outlet).
        var namesByArticle: [String: [NameRef]] = [:]
        var quotesByArticle: [String: [Quote]] = [:]
        for actor in Self.actors(of: articles, in: corpus) {
            if !actor.isSource {
                for m in actor.mentions where ids.contains(m.articleID) {
                    namesByArticle[m.articleID, default: []].append(
                        NameRef(canonical: actor.name, surface: m.surface, articleID: m.articleID, range: m.range, kind: actor.kind))
                }
            }
            for q in actor.quotes where ids.contains(q.articleID) { quotesByArticle[q.articleID, default: []].append(q) }
        }
        for a in articles {
            let base = a.outlet ?? a.fileName
            labelCount[base, default: 0] += 1
            let n = labelCount[base] ?? 1
            let label = n > 1 ? "\(base) #\(n)" : base
            let text = EventText(a.body)
            let names = (namesByArticle[a.id] ?? []).sorted { $0.range.start < $1.range.start }
            let known = quotesByArticle[a.id] ?? []
            let quotes = known + Self.unattributedFallback(text, article: a, known: known)
            docs.append(Doc(article: a, label: label, text: text, names: names, sentences: [], quotes: quotes))
        }
        // Word weights: rare across the event's sentences is telling.
        var df: [String: Int] = [:]
        var nSent = 0
        for i in docs.indices {
            docs[i].sentences = sentences(of: docs[i])
            for s in docs[i].sentences { nSent += 1; for w in s.words.keys { df[w, default: 0] += 1 } }
        }
        let total = Double(max(nSent, 1))
        for i in docs.indices {
            for j in docs[i].sentences.indices {
                var v: [String: Double] = [:]
                for (w, c) in docs[i].sentences[j].words { v[w] = c * log(1 + total / Double(df[w] ?? 1)) }
                let norm = v.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm > 0 { for k in v.keys { v[k]! /= norm } }
                docs[i].sentences[j].words = v
            }
        }
        let (shared, unique) = alignClaims(docs)
        return Comparison(
            event: event,
            outlets: coverage(docs),
            shared: shared,
            unique: unique,
            quotes: compareQuotes(docs),
            numbers: compareNumbers(docs),
            discrepancies: roleDiscrepancies(docs) + spellingDiscrepancies(docs) + dateAndPlaceDiscrepancies(docs),
            coverage: EventCoverage.of(event, in: corpus))
    }

    // MARK: - Reading names and quotes

    /// The actors of the event's articles: the corpus's, or, for a corpus grouped without the actors
    /// stage, the ones the analysis would give these articles (the same name model, merged across them)
    /// rather than a second way of reading names.
    static func actors(of articles: [Article], in corpus: Corpus) -> [Actor] {
        guard corpus.actors.isEmpty else { return corpus.actors }
        let analysis = ActorAnalysis(gazetteer: .shipped, lexicon: .shipped)
        let extractor = ActorExtractor(gazetteer: analysis.gazetteer, lexicon: analysis.lexicon)
        return analysis.merge(articles.map { extractor.extract(articleID: $0.id, body: $0.body, date: $0.published?.day) }).actors
    }

    /// Quotations the text marks with quotation marks, at least two words long.
    static func quoteSpans(_ text: EventText) -> [TextRange] {
        var out: [TextRange] = []
        let s = text.scalars
        var i = 0
        while i < s.count {
            let open = s[i]
            let close: Unicode.Scalar? = open == "\u{201C}" ? "\u{201D}" : (open == "\"" ? "\"" : nil)
            guard let c = close else { i += 1; continue }
            var j = i + 1
            var words = 0
            var inWord = false
            while j < s.count, s[j] != c, s[j] != "\n" || (j + 1 < s.count && s[j + 1] != "\n") {
                let isSpace = s[j].properties.isWhitespace
                if !isSpace && !inWord { words += 1 }
                inWord = !isSpace
                j += 1
            }
            if j < s.count, s[j] == c, words >= 2 {
                out.append(TextRange(start: i + 1, end: j))
                i = j + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// With actors, quotations the actor layer did not attribute are still compared (speaker unknown).
    static func unattributedFallback(_ text: EventText, article: Article, known: [Quote]) -> [Quote] {
        let have = known.filter { $0.articleID == article.id }.map(\.range)
        return quoteSpans(text).filter { r in !have.contains { $0.overlaps(r) } }.map {
            Quote(articleID: article.id, text: text.text($0), range: $0, speaker: nil, speakerLabel: nil)
        }
    }

    // MARK: - Sentences

    static let stop: Set<String> = LeadVectors.stop.union([
        "said", "told", "according", "also", "one", "two", "its", "it's", "this", "that", "these", "those",
        "been", "being", "into", "while", "where", "what", "which", "there", "here", "then", "than", "very",
    ])

    static func stem(_ w: String) -> String {
        var s = w
        if s.hasSuffix("ies"), s.count > 5 { s.removeLast(3); return s + "y" }
        if s.hasSuffix("s"), !s.hasSuffix("ss"), s.count > 4 { s.removeLast() }
        return s
    }

    func sentences(of d: Doc) -> [Sent] {
        var out: [Sent] = []
        for s in d.text.sentences {
            let toks = d.text.tokens[s.tokens]
            let words = toks.filter { $0.shape == .word }
            guard words.count >= 5 else { continue }
            var bag: [String: Double] = [:]
            for t in words where t.key.count >= 3 && !Self.stop.contains(t.key) { bag[Self.stem(t.key), default: 0] += 1 }
            let actors = Set(d.names.filter { $0.range.start >= s.range.start && $0.range.end <= s.range.end }.map(\.canonical))
            let numbers = Set(numberMentions(in: s.tokens, doc: d).map(\.value))
            out.append(Sent(range: s.range, text: d.text.text(of: s), words: bag, actors: actors, numbers: numbers, tokens: s.tokens))
        }
        return out
    }

    func similarity(_ a: Sent, _ b: Sent) -> Double {
        var dot = 0.0
        for (k, v) in a.words { if let w = b.words[k] { dot += v * w } }
        var s = dot
        if !a.actors.isEmpty || !b.actors.isEmpty {
            let j = Double(a.actors.intersection(b.actors).count) / Double(a.actors.union(b.actors).count)
            s += 0.25 * j
        }
        if !a.numbers.isDisjoint(with: b.numbers) { s += 0.15 }
        return min(1, s)
    }

    // MARK: - Claims

    /// Pairs each sentence with its best match in every other article; mutual best matches above the
    /// threshold chain into claims told by several outlets. The rest are claims of one outlet.
    func alignClaims(_ docs: [Doc]) -> ([AlignedClaim], [Passage]) {
        let threshold = 0.38
        // Cap the work for very large events: the longest articles first would be arbitrary, so keep order.
        let docs = Array(docs.prefix(60))
        var best: [[Int: [Int: (Int, Double)]]] = docs.map { _ in [:] }  // doc → sentence → other doc → (sentence, sim)
        for i in docs.indices {
            for j in docs.indices where j != i {
                for (si, s) in docs[i].sentences.enumerated() {
                    var top: (Int, Double)?
                    for (sj, t) in docs[j].sentences.enumerated() {
                        let sim = similarity(s, t)
                        if sim > (top?.1 ?? 0) { top = (sj, sim) }
                    }
                    if let t = top { best[i][si, default: [:]][j] = t }
                }
            }
        }
        // Union mutual best matches.
        var parent: [Int: Int] = [:]
        func key(_ d: Int, _ s: Int) -> Int { d * 100_000 + s }
        func find(_ x: Int) -> Int {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        var sims: [Int: [Double]] = [:]
        for i in docs.indices {
            for (si, others) in best[i] {
                for (j, (sj, sim)) in others where sim >= threshold && j > i {
                    guard let back = best[j][sj]?[i], back.0 == si else { continue }
                    let a = find(key(i, si)), b = find(key(j, sj))
                    parent[a] = parent[a] ?? a
                    parent[b] = parent[b] ?? b
                    if a != b { parent[b] = a }
                    sims[key(i, si), default: []].append(sim)
                }
            }
        }
        var groups: [Int: [(Int, Int)]] = [:]
        for i in docs.indices {
            for si in docs[i].sentences.indices where parent[key(i, si)] != nil {
                groups[find(key(i, si)), default: []].append((i, si))
            }
        }
        var shared: [AlignedClaim] = []
        var used = Set<Int>()
        for (_, members) in groups {
            // One sentence per outlet: its first in the group.
            var seenDoc = Set<Int>()
            var passages: [Passage] = []
            var simsHere: [Double] = []
            for (d, s) in members.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) where seenDoc.insert(d).inserted {
                let sent = docs[d].sentences[s]
                passages.append(Passage(articleID: docs[d].article.id, outlet: docs[d].label, text: sent.text, range: sent.range))
                simsHere += sims[key(d, s)] ?? []
            }
            for (d, s) in members { used.insert(key(d, s)) }
            guard passages.count >= 2 else { continue }
            shared.append(AlignedClaim(passages: passages, similarity: simsHere.max() ?? threshold))
        }
        // Order: claims most outlets share first, then by position in the first article.
        shared.sort { ($0.passages.count, -($0.passages.first?.range.start ?? 0)) > ($1.passages.count, -($1.passages.first?.range.start ?? 0)) }
        var unique: [Passage] = []
        if docs.count >= 2 {
            for (i, d) in docs.enumerated() {
                for (si, s) in d.sentences.enumerated() where !used.contains(key(i, si)) {
                    // A claim: a sentence that names someone or gives a figure, not a stray phrase.
                    let maxSim = best[i][si]?.values.map(\.1).max() ?? 0
                    guard maxSim < 0.25, !s.actors.isEmpty || !s.numbers.isEmpty else { continue }
                    unique.append(Passage(articleID: d.article.id, outlet: d.label, text: s.text, range: s.range))
                }
            }
        }
        return (shared, unique)
    }

    // MARK: - Coverage and actors

    func coverage(_ docs: [Doc]) -> [OutletCoverage] {
        var namedBy: [String: Set<String>] = [:]
        for d in docs {
            for n in d.names { namedBy[n.canonical, default: []].insert(d.article.id) }
        }
        return docs.map { d in
            var counts: [String: Int] = [:]
            for n in d.names { counts[n.canonical, default: 0] += 1 }
            let named = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            var quoted: [String] = []
            for q in d.quotes { if let s = q.speaker, !quoted.contains(s) { quoted.append(s) } }
            let only = docs.count >= 2 ? named.filter { namedBy[$0]?.count == 1 } : []
            return OutletCoverage(articleID: d.article.id, outlet: d.label, headline: d.article.title,
                                  date: d.article.published, words: d.article.wordCount, sources: d.article.sources,
                                  named: named, quoted: quoted, onlyHere: only)
        }
    }

    // MARK: - Quotes

    func quoteWords(_ s: String) -> [String] {
        EventText(s).tokens.filter { $0.shape != .punct }.map { Self.stem($0.key) }
    }

    func compareQuotes(_ docs: [Doc]) -> [QuoteComparison] {
        struct Q { var doc: Int; var quote: Quote; var words: [String]; var content: Set<String> }
        var all: [Q] = []
        for (i, d) in docs.enumerated() {
            for q in d.quotes {
                let w = quoteWords(q.text)
                let content = Set(w.filter { $0.count >= 3 && !Self.stop.contains($0) })
                if !content.isEmpty { all.append(Q(doc: i, quote: q, words: w, content: content)) }
            }
        }
        func overlap(_ a: Q, _ b: Q) -> Double {
            Double(a.content.intersection(b.content).count) / Double(min(a.content.count, b.content.count))
        }
        // Link renderings of different outlets: same speaker (or an unknown one) and shared words.
        var parent = Array(all.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
        for a in all.indices {
            for b in all.indices where b > a && all[a].doc != all[b].doc {
                let sa = all[a].quote.speaker, sb = all[b].quote.speaker
                if let sa, let sb, sa != sb { continue }
                let o = overlap(all[a], all[b])
                let shared = all[a].content.intersection(all[b].content).count
                let need = (sa != nil && sa == sb) ? 0.5 : 0.7
                if o >= need && shared >= min(2, min(all[a].content.count, all[b].content.count)) {
                    let ra = find(a), rb = find(b)
                    if ra != rb { parent[rb] = ra }
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in all.indices { groups[find(i), default: []].append(i) }
        var out: [QuoteComparison] = []
        for (_, idxs) in groups {
            let docsIn = Set(idxs.map { all[$0].doc })
            guard docsIn.count >= 2 else { continue }
            // One rendering per outlet: the longest.
            var perDoc: [Int: Int] = [:]
            for i in idxs where perDoc[all[i].doc].map({ all[$0].words.count < all[i].words.count }) ?? true { perDoc[all[i].doc] = i }
            let chosen = perDoc.keys.sorted().compactMap { perDoc[$0] }
            guard let fullest = chosen.max(by: { all[$0].words.count < all[$1].words.count }) else { continue }
            let longWords = all[fullest].words
            let renderings = chosen.map { i -> QuoteRendering in
                let q = all[i]
                let form: QuoteForm
                if i == fullest || Self.contains(longWords, q.words) {
                    form = q.words.count * 10 >= longWords.count * 7 ? .full : .partial
                } else {
                    form = .paraphrased
                }
                let d = docs[q.doc]
                return QuoteRendering(passage: Passage(articleID: d.article.id, outlet: d.label, text: q.quote.text, range: q.quote.range),
                                      form: form)
            }
            let speaker = idxs.compactMap { all[$0].quote.speaker }.first
            out.append(QuoteComparison(speaker: speaker, renderings: renderings))
        }
        return out.sorted { ($0.renderings.count, $1.speaker ?? "") > ($1.renderings.count, $0.speaker ?? "") }
    }

    /// True when `part` appears in `whole` as a run of words (allowing one word of difference).
    static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) {
            var diff = 0
            for k in part.indices where whole[start + k] != part[k] { diff += 1; if diff > 1 { break } }
            if diff <= (part.count >= 4 ? 1 : 0) { return true }
        }
        return false
    }

    // MARK: - Numbers

    /// Figures in a run of tokens with the word they count: `8,500 troops`, `more than 100,000 Russian troops`.
    /// Years, times and the day numbers of dates are not figures.
    func numberMentions(in r: Range<Int>, doc d: Doc) -> [NumberMention] {
        var out: [NumberMention] = []
        let toks = d.text.tokens
        let scale: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
        for k in r where toks[k].shape == .number {
            let t = toks[k]
            if t.text.contains(":") { continue }
            guard let v = Double(t.text.replacingOccurrences(of: ",", with: "")) else { continue }
            if t.text.count == 4, !t.text.contains(","), (1900...2100).contains(Int(v)) { continue }
            if k > r.lowerBound, d.text.tokens[k - 1].capitalized, lexicon.events.calendar.months[toks[k - 1].key] != nil { continue }
            if k + 1 < r.upperBound, lexicon.events.calendar.months[toks[k + 1].key] != nil, toks[k + 1].capitalized { continue }
            var value = v
            var j = k + 1
            if j < r.upperBound, let m = scale[toks[j].key] { value *= m; j += 1 }
            var counts: String?
            var endTok = j - 1
            if j < r.upperBound, toks[j].key == "%" || toks[j].key == "percent" { counts = "percent"; endTok = j }
            var look = j
            while counts == nil, look < min(r.upperBound, j + 3) {
                let w = toks[look]
                if w.shape == .word, !w.capitalized, !Self.stop.contains(w.key), w.key.count >= 3,
                   !["more", "less", "than", "about", "some", "nearly", "over", "around"].contains(w.key) {
                    counts = w.key
                    endTok = look
                } else if w.shape == .punct { break }
                look += 1
            }
            guard let c = counts else { continue }
            let range = TextRange(start: t.start, end: max(toks[endTok].end, t.end))
            let sentence = d.text.sentences[d.text.sentenceOf[k]]
            out.append(NumberMention(passage: Passage(articleID: d.article.id, outlet: d.label,
                                                      text: d.text.text(of: sentence), range: range),
                                     figure: d.text.text(range), value: value, counts: Self.stem(c)))
        }
        return out
    }

    func compareNumbers(_ docs: [Doc]) -> [NumberComparison] {
        var byThing: [String: [(NumberMention, Sent)]] = [:]
        for d in docs {
            for s in d.sentences {
                for m in numberMentions(in: s.tokens, doc: d) { byThing[m.counts, default: []].append((m, s)) }
            }
        }
        var out: [NumberComparison] = []
        for (thing, ms) in byThing {
            // A conflict: two outlets give different figures for the same thing in sentences that say the same.
            var conflict = false
            for a in ms.indices {
                for b in ms.indices where b > a && ms[a].0.passage.articleID != ms[b].0.passage.articleID
                    && ms[a].0.value != ms[b].0.value {
                    if similarity(ms[a].1, ms[b].1) >= 0.3 { conflict = true }
                }
            }
            out.append(NumberComparison(counts: thing, mentions: ms.map(\.0), conflict: conflict))
        }
        return out.sorted { ($0.conflict ? 1 : 0, $0.mentions.count, $1.counts) > ($1.conflict ? 1 : 0, $1.mentions.count, $0.counts) }
    }

    // MARK: - Discrepancies

    /// The role written just before a name: the run of capitalised words, role words and nationality
    /// adjectives or possessive countries (`Russian Foreign Minister`, `Ukraine's Foreign Minister`).
    func roleBefore(_ n: NameRef, in d: Doc) -> (String, TextRange)? {
        let toks = d.text.tokens
        let k = d.text.tokenIndex(atOrAfter: n.range.start)
        var j = k - 1
        let stopWords: Set<String> = ["the", "a", "an", "and", "said", "with", "by", "of", "to", "in", "as", "while"]
        while j >= 0, k - j <= 6 {
            let t = toks[j]
            guard t.shape == .word, !stopWords.contains(t.key), t.paragraph == toks[k].paragraph else { break }
            let roleish = t.capitalized || lexicon.roleWords.contains(t.key) || lexicon.demonyms[t.key] != nil
            guard roleish else { break }
            // A name ending a previous phrase is not part of this one's role.
            if t.capitalized, !lexicon.roleWords.contains(t.key), lexicon.demonyms[t.key] == nil,
               lexicon.events.countries[t.key] == nil, !t.possessive, t.key.uppercased() != t.text { break }
            j -= 1
        }
        guard j + 1 < k else { return nil }
        let r = TextRange(start: toks[j + 1].start, end: toks[k - 1].end)
        return (d.text.text(r), r)
    }

    func roleDiscrepancies(_ docs: [Doc]) -> [Discrepancy] {
        struct R { var doc: Int; var role: String; var range: TextRange; var nameRange: TextRange; var aff: Set<String> }
        var roles: [String: [R]] = [:]
        for (i, d) in docs.enumerated() {
            for n in d.names where n.kind == .person {
                guard let (role, r) = roleBefore(n, in: d) else { continue }
                let aff = lexicon.affiliations(of: role)
                guard !aff.isEmpty else { continue }
                roles[n.canonical, default: []].append(R(doc: i, role: role, range: r, nameRange: n.range, aff: aff))
            }
        }
        var out: [Discrepancy] = []
        for (name, rs) in roles.sorted(by: { $0.key < $1.key }) {
            var pairs: [(R, R)] = []
            for a in rs.indices {
                for b in rs.indices where b > a && rs[a].doc != rs[b].doc && rs[a].aff.isDisjoint(with: rs[b].aff) {
                    pairs.append((rs[a], rs[b]))
                }
            }
            guard let first = pairs.first else { continue }
            var involved = [first.0, first.1]
            for (x, y) in pairs.dropFirst() {
                for r in [x, y] where !involved.contains(where: { $0.doc == r.doc && $0.range == r.range }) { involved.append(r) }
            }
            let passages = involved.map { r in
                Passage(articleID: docs[r.doc].article.id, outlet: docs[r.doc].label,
                        text: docs[r.doc].text.text(TextRange(start: r.range.start, end: r.nameRange.end)),
                        range: TextRange(start: r.range.start, end: r.nameRange.end))
            }
            let note = involved.map { "\(docs[$0.doc].label): \($0.role)" }.joined(separator: " · ")
            out.append(Discrepancy(kind: .role, subject: name, note: "affiliations differ — " + note, passages: passages))
        }
        return out
    }

    func spellingDiscrepancies(_ docs: [Doc]) -> [Discrepancy] {
        // Per actor and outlet, the last word of the fullest form written.
        var forms: [String: [String: (String, Passage)]] = [:]  // canonical → surname form → first passage
        for d in docs {
            for n in d.names where n.kind == .person {
                // Full names only: a surname alone or a title is a different way of naming, not a spelling.
                let words = n.surface.split(separator: " ").filter { !lexicon.roleWords.contains($0.lowercased()) }
                guard words.count >= 2 else { continue }
                let form = words.joined(separator: " ")
                if forms[n.canonical]?[form] == nil {
                    forms[n.canonical, default: [:]][form] = (d.label, Passage(articleID: d.article.id, outlet: d.label, text: n.surface, range: n.range))
                }
            }
        }
        var out: [Discrepancy] = []
        for (name, fs) in forms.sorted(by: { $0.key < $1.key }) where fs.count >= 2 {
            let outletsPerForm = Set(fs.values.map(\.0))
            guard outletsPerForm.count >= 2 else { continue }
            let sorted = fs.sorted { $0.key < $1.key }
            out.append(Discrepancy(kind: .spelling, subject: name,
                                   note: "spelled " + sorted.map { "\($0.key) (\($0.value.0))" }.joined(separator: ", "),
                                   passages: sorted.map(\.value.1)))
        }
        return out
    }

    func dateAndPlaceDiscrepancies(_ docs: [Doc]) -> [Discrepancy] {
        var days: [String: [Passage]] = [:]
        var places: [String: [Passage]] = [:]
        let ids = Set(docs.map(\.article.id))
        let labels = Dictionary(docs.map { ($0.article.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let texts = Dictionary(docs.map { ($0.article.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        for m in event.mentions where ids.contains(m.articleID) {
            guard let label = labels[m.articleID], let t = texts[m.articleID] else { continue }
            if let d = m.date?.day, let r = m.dateRange {
                days[d.description, default: []].append(Passage(articleID: m.articleID, outlet: label, text: t.text(r), range: r))
            }
            if let p = m.place, let r = m.placeRange, !lexicon.events.isCountry(p) {
                places[p, default: []].append(Passage(articleID: m.articleID, outlet: label, text: t.text(r), range: r))
            }
        }
        var out: [Discrepancy] = []
        if days.count >= 2 {
            let outletsOf = days.mapValues { Set($0.map(\.outlet)) }
            if Set(outletsOf.values.flatMap { $0 }).count >= 2 {
                out.append(Discrepancy(kind: .date, subject: event.title,
                                       note: "dated " + days.keys.sorted().map { "\($0) (\(outletsOf[$0]!.sorted().joined(separator: ", ")))" }.joined(separator: " vs "),
                                       passages: days.keys.sorted().compactMap { days[$0]?.first }))
            }
        }
        if places.count >= 2 {
            let outletsOf = places.mapValues { Set($0.map(\.outlet)) }
            out.append(Discrepancy(kind: .place, subject: event.title,
                                   note: "placed in " + places.keys.sorted().map { "\($0) (\(outletsOf[$0]!.sorted().joined(separator: ", ")))" }.joined(separator: " vs "),
                                   passages: places.keys.sorted().compactMap { places[$0]?.first }))
        }
        return out
    }
}
