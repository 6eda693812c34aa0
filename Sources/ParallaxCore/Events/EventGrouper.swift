import Foundation

/// The events stage: finds each article's events, groups the articles that report the same meeting,
/// dates undated articles from the events they report, and builds the corpus's `events`.
public struct EventGrouper: Sendable {
    public let lexicon: EventLexicon
    /// The score at which two reports are taken to be of the same event (see `score`).
    public var threshold: Double = 3.0
    /// Blocks larger than this are not compared pairwise (a very common place or name says little).
    public var maxBlock: Int = 400

    public init(lexicon: EventLexicon = .shared) { self.lexicon = lexicon }

    /// Runs the stage: returns the corpus with `events`, `primaryEvent` and event-inferred dates filled in.
    public func run(_ corpus: Corpus) -> Corpus {
        var corpus = corpus
        let actors = corpus.actors.isEmpty ? [:] : ActorIndex.build(actors: corpus.actors)
        let extractor = EventExtractor(lexicon: lexicon)
        let vectors = LeadVectors(articles: corpus.articles)
        // The corpus's middle date places a bare "January 10" of an undated article in a year.
        let days = corpus.articles.compactMap { $0.published?.day }.sorted()
        let hint = days.isEmpty ? nil : days[days.count / 2]
        // Per article and independent: on all cores.
        var locals = ConcurrentMap.map(corpus.articles) { a in
            extractor.extract(article: a, reference: a.published?.day, actors: actors[a.id], yearHint: hint)
        }
        var clusters = cluster(locals: locals, articles: corpus.articles, vectors: vectors)
        // Undated articles take the date of the event they report; then their weekdays are read again.
        let inferred = inferDates(clusters: clusters, locals: locals, articles: corpus.articles)
        if !inferred.isEmpty {
            for (i, dv) in inferred {
                corpus.articles[i].published = dv
                let a = corpus.articles[i]
                locals[i] = extractor.extract(article: a, reference: dv.day, actors: actors[a.id], yearHint: hint)
            }
            clusters = cluster(locals: locals, articles: corpus.articles, vectors: vectors)
        }
        let built = buildEvents(clusters: clusters, locals: locals, articles: corpus.articles)
        corpus.events = built.events
        corpus.primaryEvent = built.primary
        return corpus
    }

    // MARK: - Nodes and clustering

    /// A local event taking part in the grouping.
    struct Node {
        var article: Int
        var local: Int
        var date: EventDate?
        var implicitDate: Bool
        var place: String?
        var family: Int
        var primary: Bool
        /// Normalised participant → weight (already multiplied by its rarity).
        var participants: [String: Double]
    }

    /// Which local events form one event: lists of (article index, local index).
    typealias Clusters = [[(Int, Int)]]

    func nodes(locals: [[LocalEvent]]) -> [Node] {
        // Participant rarity over articles: naming Russia says less than naming Sergei Ryabkov.
        var df: [String: Int] = [:]
        for evs in locals {
            var seen = Set<String>()
            for e in evs { for p in e.participants.keys { seen.insert(p.lowercased()) } }
            for p in seen { df[p, default: 0] += 1 }
        }
        let n = Double(max(locals.count, 1))
        var out: [Node] = []
        for (ai, evs) in locals.enumerated() {
            for (li, e) in evs.enumerated() {
                var keep = e.isPrimary
                if !keep, let d = e.date {
                    switch d {
                    case let .span(a, b): keep = a == b
                    case .weekday, .monthDay: keep = e.place != nil
                    }
                }
                guard keep else { continue }
                var parts: [String: Double] = [:]
                let total = e.participants.values.reduce(0, +)
                for (p, w) in e.participants {
                    let key = p.lowercased()
                    let idf = log(1 + n / Double(df[key] ?? 1))
                    parts[key, default: 0] += (w / max(total, 1e-9)) * idf
                }
                var date = e.date
                if case let .span(a, b)? = date, b.ordinal - a.ordinal > 10 { date = nil }
                out.append(Node(article: ai, local: li, date: date, implicitDate: e.dateIsImplicit, place: e.place,
                                family: e.kind == .call ? 1 : 0, primary: e.isPrimary, participants: parts))
            }
        }
        return out
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (small, large) = a.count < b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (k, v) in small { if let w = large[k] { dot += v * w } }
        guard dot > 0 else { return 0 }
        let na = a.values.reduce(0) { $0 + $1 * $1 }, nb = b.values.reduce(0) { $0 + $1 * $1 }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    func placesCompatible(_ a: String, _ b: String) -> Bool {
        EventExtractor(lexicon: lexicon).placesCompatible(a, b)
    }

    /// How strongly two local events look like one event; nil when they cannot be (different days,
    /// places or kinds). Same day 2, same place 2, plus who takes part and how alike the leads read.
    func score(_ a: Node, _ b: Node, vectors: LeadVectors) -> Double? {
        guard a.article != b.article else { return nil }
        var s = 0.0
        if let d1 = a.date, let d2 = b.date {
            guard d1.compatible(with: d2) else { return nil }
            s += d1.agreement(with: d2)
        }
        if let p1 = a.place, let p2 = b.place {
            guard placesCompatible(p1, p2) else { return nil }
            s += p1 == p2 ? 2 : 0.5
        }
        if a.family != b.family {
            if a.place != nil || b.place != nil { return nil }
            s -= 1
        }
        s += 3 * Self.cosine(a.participants, b.participants)
        if a.primary && b.primary { s += 4 * vectors.similarity(a.article, b.article) }
        return s
    }

    /// Candidate pairs from blocks of date, place and participants, so the work grows with the size of
    /// the blocks and not with the square of the corpus.
    func candidatePairs(_ nodes: [Node]) -> [(Int, Int)] {
        var blocks: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() {
            var keys: [String] = []
            if case let .span(a, b)? = n.date {
                for o in a.ordinal...b.ordinal { keys.append("d\(o)") }
            } else {
                if let p = n.place { keys.append("p" + p) }
                // No day to block on: the rarest participants.
                for (p, _) in n.participants.sorted(by: { $0.value > $1.value }).prefix(3) { keys.append("a" + p) }
            }
            if case .weekday? = n.date, let p = n.place { keys.append("p" + p) }
            if case .monthDay? = n.date, let p = n.place { keys.append("p" + p) }
            for k in keys { blocks[k, default: []].append(i) }
        }
        var seen = Set<Int64>()
        var pairs: [(Int, Int)] = []
        func addPairs(_ xs: [Int], _ ys: [Int]) {
            for x in xs {
                for y in ys where x != y {
                    let (a, b) = x < y ? (x, y) : (y, x)
                    if nodes[a].article == nodes[b].article { continue }
                    if seen.insert(Int64(a) << 32 | Int64(b)).inserted { pairs.append((a, b)) }
                }
            }
        }
        for (k, members) in blocks {
            guard members.count <= maxBlock else { continue }
            if k.hasPrefix("d"), let o = Int(k.dropFirst()) {
                // A day meets itself and the next day (one day of tolerance for time zones).
                addPairs(members, members)
                if let next = blocks["d\(o + 1)"], next.count <= maxBlock { addPairs(members, next) }
            } else {
                addPairs(members, members)
            }
            if k.hasPrefix("p") {
                // Undated reports of a place meet the dated events of that place.
                continue
            }
        }
        // Nodes without a day (a weekday, a month-day, nothing) also meet the nodes of their place and of their
        // rarest participants, dated or not. They are few (undated articles), so this stays small.
        var byPlace: [String: [Int]] = [:]
        var byParticipant: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() {
            if let p = n.place { byPlace[p, default: []].append(i) }
            for (p, _) in n.participants.sorted(by: { $0.value > $1.value }).prefix(3) { byParticipant[p, default: []].append(i) }
        }
        for (i, n) in nodes.enumerated() where n.date?.day == nil && !(n.date.map { if case .span = $0 { return true } else { return false } } ?? false) {
            if let p = n.place, let same = byPlace[p], same.count <= maxBlock * 4 { addPairs([i], same) }
            for (p, _) in n.participants.sorted(by: { $0.value > $1.value }).prefix(3) {
                if let same = byParticipant[p], same.count <= maxBlock * 4 { addPairs([i], same) }
            }
        }
        return pairs
    }

    /// Greedy agglomeration: the strongest pairs first, joining two groups only when every part agrees
    /// (no two events of one article, no conflicting dates or places).
    func cluster(locals: [[LocalEvent]], articles: [Article], vectors: LeadVectors) -> Clusters {
        let ns = nodes(locals: locals)
        var scored: [(Double, Int, Int)] = []
        for (a, b) in candidatePairs(ns) {
            if let s = score(ns[a], ns[b], vectors: vectors), s >= threshold { scored.append((s, a, b)) }
        }
        scored.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
        var parent = Array(ns.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var members: [Int: [Int]] = [:]
        for i in ns.indices { members[i] = [i] }
        var date: [Int: EventDate] = [:]
        var place: [Int: String] = [:]
        var articleSet: [Int: Set<Int>] = [:]
        for (i, n) in ns.enumerated() {
            if let d = n.date { date[i] = d }
            if let p = n.place { place[i] = p }
            articleSet[i] = [n.article]
        }
        for (_, a, b) in scored {
            let ra = find(a), rb = find(b)
            guard ra != rb else { continue }
            guard articleSet[ra]!.isDisjoint(with: articleSet[rb]!) else { continue }
            if let d1 = date[ra], let d2 = date[rb], !d1.compatible(with: d2) { continue }
            if let p1 = place[ra], let p2 = place[rb], !placesCompatible(p1, p2) { continue }
            // A merge must not widen a group's day range beyond the tolerance: check every dated member.
            if let d1 = date[ra], let d2 = date[rb] {
                let all = members[ra]! + members[rb]!
                let days = all.compactMap { ns[$0].date?.day }
                if let lo = days.min(), let hi = days.max(), hi.ordinal - lo.ordinal > 1 { continue }
                _ = (d1, d2)
            }
            parent[rb] = ra
            members[ra]! += members[rb]!
            members[rb] = nil
            articleSet[ra]!.formUnion(articleSet[rb]!)
            if let d2 = date[rb] { date[ra] = date[ra].map { $0.narrowed(with: d2) } ?? d2 }
            if let p2 = place[rb] {
                if let p1 = place[ra] { if lexicon.isCountry(p1) && !lexicon.isCountry(p2) { place[ra] = p2 } } else { place[ra] = p2 }
            }
        }
        return members.keys.sorted().compactMap { members[$0] }.map { idxs in idxs.map { (ns[$0].article, ns[$0].local) } }
    }

    // MARK: - Dates across articles

    /// Articles without a date whose primary event another article dates: that date, marked as inferred.
    func inferDates(clusters: Clusters, locals: [[LocalEvent]], articles: [Article]) -> [(Int, DatedValue)] {
        var out: [(Int, DatedValue)] = []
        for c in clusters {
            let days = c.compactMap { (a, l) -> Day? in
                let e = locals[a][l]
                return e.dateIsImplicit ? nil : e.date?.day
            }
            guard let day = mostCommon(days) else { continue }
            let agreeing = Set(c.filter { locals[$0.0][$0.1].date?.day == day }.map(\.0)).count
            for (a, l) in c where articles[a].published == nil && locals[a][l].isPrimary {
                // Several outlets dating the event make the inference firmer.
                let confidence = min(0.9, 0.5 + 0.15 * Double(agreeing))
                out.append((a, DatedValue(day: day, source: .event, confidence: confidence)))
            }
        }
        return out
    }

    func mostCommon<T: Hashable & Comparable>(_ xs: [T]) -> T? {
        var counts: [T: Int] = [:]
        for x in xs { counts[x, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    // MARK: - Building the events

    func buildEvents(clusters: Clusters, locals: [[LocalEvent]], articles: [Article]) -> (events: [Event], primary: [String: String]) {
        var events: [Event] = []
        for c in clusters {
            let members = c.map { locals[$0.0][$0.1] }
            let hasPrimary = members.contains { $0.isPrimary }
            let explicitDays = members.filter { !$0.dateIsImplicit }.compactMap { $0.date?.day }
            let day = mostCommon(explicitDays)
            guard hasPrimary || day != nil else { continue }
            var kindVotes: [EventKind: Double] = [:]
            var placeVotes: [String: Double] = [:]
            var participants: [String: Double] = [:]
            var display: [String: String] = [:]
            var qualifiers: [String: Int] = [:]
            for m in members {
                kindVotes[m.kind, default: 0] += m.weight * (m.isPrimary ? 2 : 1)
                if let p = m.place { placeVotes[p, default: 0] += (lexicon.isCountry(p) ? 0.3 : 1) * m.weight }
                for (p, w) in m.participants {
                    let key = p.lowercased()
                    participants[key, default: 0] += w
                    if display[key] == nil || (display[key]!.first?.isLowercase ?? false) { display[key] = p }
                }
                if let q = m.qualifier { qualifiers[q, default: 0] += 1 }
            }
            let kind = kindVotes.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .other
            let place = kind == .call ? nil : placeVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let parts = participants.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(6).compactMap { display[$0.key] }
            let qualifier = qualifiers.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            var primaryArticles: [String] = []
            var mentionedBy: [String] = []
            for m in members {
                if m.isPrimary { primaryArticles.append(m.articleID) } else { mentionedBy.append(m.articleID) }
            }
            let title = Self.title(kind: kind, place: place, participants: Array(parts), qualifier: qualifier,
                                   lexicon: lexicon)
            let mentions = members.flatMap(\.mentions).sorted {
                ($0.articleID, $0.range?.start ?? -1) < ($1.articleID, $1.range?.start ?? -1)
            }
            events.append(Event(id: "", title: title, kind: kind, date: day, place: place, participants: Array(parts),
                                articles: primaryArticles, mentionedBy: Array(Set(mentionedBy).subtracting(primaryArticles)).sorted(),
                                mentions: mentions))
        }
        events.sort { a, b in
            let da = a.date?.description ?? "9999", db = b.date?.description ?? "9999"
            return (da, a.title, a.articles.first ?? "") < (db, b.title, b.articles.first ?? "")
        }
        var used: [String: Int] = [:]
        var primary: [String: String] = [:]
        for i in events.indices {
            var id = Self.slug([events[i].date?.description, events[i].place, events[i].kind.rawValue].compactMap { $0 }.joined(separator: "-"))
            if let n = used[id] { used[id] = n + 1; id += "-\(n + 1)" } else { used[id] = 1 }
            events[i].id = id
            for a in events[i].articles { primary[a] = id }
        }
        return (events, primary)
    }

    /// A short title: `Normandy-format talks in Paris`, `Biden–Putin call`, `NATO–Russia meeting in Brussels`.
    static func title(kind: EventKind, place: String?, participants: [String], qualifier: String?,
                      lexicon: EventLexicon) -> String {
        let noun: String
        switch kind {
        case .talks: noun = "talks"
        case .meeting: noun = "meeting"
        case .summit: noun = "summit"
        case .call: noun = "call"
        case .other: noun = "event"
        }
        var head: String
        if let q = qualifier {
            head = "\(q)-format \(noun)"
        } else {
            // The two most prominent participants, by their last names.
            let names = participants.prefix(2).map { p -> String in
                let parts = p.split(separator: " ")
                if lexicon.countries[p.lowercased()] != nil || parts.count < 2 { return p.prefix(1).uppercased() + p.dropFirst() }
                return String(parts.last ?? Substring(p))
            }
            head = names.count == 2 ? "\(names[0])–\(names[1]) \(noun)" : (names.first.map { "\($0) \(noun)" } ?? noun.prefix(1).uppercased() + noun.dropFirst())
        }
        if let p = place { head += " in \(p)" }
        return head
    }

    static func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var dash = false
        for u in folded.unicodeScalars {
            if u.properties.isAlphabetic && u.isASCII || ("0"..."9").contains(u) {
                out.unicodeScalars.append(u); dash = false
            } else if !dash && !out.isEmpty { out.append("-"); dash = true }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "event" : out
    }
}

/// TF-IDF vectors of each article's headline and lead paragraphs, for "do these two tell the same story".
struct LeadVectors: Sendable {
    var vectors: [[Int: Double]]

    static let stop: Set<String> = [
        "the", "and", "for", "that", "with", "this", "from", "was", "were", "are", "has", "have", "had", "its",
        "his", "her", "their", "they", "said", "says", "will", "would", "not", "but", "also", "been", "who",
        "which", "after", "before", "over", "into", "about", "than", "more", "on", "in", "of", "to", "a", "an",
        "at", "by", "as", "it", "is", "be", "or", "we", "he", "she", "there", "what", "when", "could", "should",
    ]

    init(articles: [Article]) {
        var vocab: [String: Int] = [:]
        var docs: [[Int: Double]] = []
        var df: [Int: Int] = [:]
        // Tokenising is per article (on all cores); numbering the vocabulary is in corpus order.
        let words = ConcurrentMap.map(articles) { a -> [String] in
            let text = (a.title ?? "") + " " + a.leadParagraphs(3).joined(separator: " ")
            return EventText(text).tokens.compactMap { t in
                t.shape == .word && t.key.count >= 3 && !Self.stop.contains(t.key) ? t.key : nil
            }
        }
        for keys in words {
            var tf: [Int: Double] = [:]
            for key in keys {
                let id: Int
                if let v = vocab[key] { id = v } else { id = vocab.count; vocab[key] = id }
                tf[id, default: 0] += 1
            }
            for k in tf.keys { df[k, default: 0] += 1 }
            docs.append(tf)
        }
        let n = Double(max(articles.count, 1))
        vectors = docs.map { tf in
            var v: [Int: Double] = [:]
            for (k, c) in tf { v[k] = (1 + log(c)) * log(1 + n / Double(df[k] ?? 1)) }
            let norm = v.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { for k in v.keys { v[k]! /= norm } }
            return v
        }
    }

    func similarity(_ a: Int, _ b: Int) -> Double {
        let (x, y) = vectors[a].count < vectors[b].count ? (vectors[a], vectors[b]) : (vectors[b], vectors[a])
        var dot = 0.0
        for (k, v) in x { if let w = y[k] { dot += v * w } }
        return dot
    }
}
