import Foundation

/// How the named parts of a query (actors, outlets, events) are resolved. Every backend resolves them
/// with these functions over the same candidates, so that `actor:kozak` means the same actors in
/// memory and in the index.
/// An actor's names as queries match them: their spelling-variant keys, computed once.
public struct ActorNames: Sendable {
    public var id: String
    /// `NameKey.phraseKey` of the name and of each alias, split into words.
    public var keys: [[Substring]]
    public init(id: String, names: [String]) {
        self.id = id
        keys = names.map { NameKey.phraseKey($0).split(separator: " ") }
    }
}

public enum QueryMatch {
    /// The actors a value names: an actor id; else every actor one of whose names has the value's
    /// spelling-variant key (`NameKey.phraseKey`); else those with a name ending in the value's words
    /// (`kozak` finds "Dmitry Kozak").
    public static func actorIDs(_ value: String, actors: [ActorNames]) -> Set<String> {
        if let a = actors.first(where: { $0.id == value }) { return [a.id] }
        let qWords = NameKey.phraseKey(value).split(separator: " ")
        guard !qWords.isEmpty else { return [] }
        let exact = actors.filter { a in a.keys.contains { $0 == qWords } }
        if !exact.isEmpty { return Set(exact.map(\.id)) }
        return Set(actors.filter { a in
            a.keys.contains { w in qWords.count == 1 ? w.last == qWords.first : w.suffix(qWords.count) == qWords[...] }
        }.map(\.id))
    }

    /// Whether an outlet (as displayed) is the one a value names: part of its name, folded.
    public static func outlet(_ value: String, matches outlet: String) -> Bool {
        let v = Fold.text(value).trimmingCharacters(in: .whitespaces)
        return !v.isEmpty && Fold.text(outlet).contains(v)
    }

    /// The events a value names: the one with that id; else those whose id starts with it; else those
    /// whose id contains it (the one rule for partial event ids, in queries and on the command line).
    public static func eventIDs(_ value: String, ids: [String]) -> Set<String> {
        let v = value.lowercased()
        if ids.contains(v) { return [v] }
        let prefixed = ids.filter { $0.hasPrefix(v) }
        if !prefixed.isEmpty { return Set(prefixed) }
        return Set(ids.filter { $0.contains(v) })
    }
}

/// Answers a query over a corpus held in memory: the reference the index's SQL is tested against
/// (`--no-index` uses it). Articles are addressed by their position in `corpus.articles`.
public struct QueryIndex: Sendable {
    let ids: [String]
    let days: [Day?]
    /// The distinct outlets (as displayed) and each article's, so that an outlet is matched once per
    /// outlet, not once per article.
    let outletNames: [String]
    let outletOf: [Int32]
    /// Every distinct word of the corpus as UTF-8, sorted bytewise, so that the words a prefix starts
    /// are one contiguous range of ids.
    let vocabulary: [[UInt8]]
    /// Per article: its title's and body's words (as vocabulary ids), and the distinct ids sorted.
    let titleWords: [[UInt32]]
    let bodyWords: [[UInt32]]
    let distinct: [[UInt32]]
    let actors: [ActorNames]
    let articlesOfActor: [String: [Int]]
    let events: [(id: String, kind: EventKind, articles: [Int])]
    let quoted: [Bool]

    public init(_ corpus: Corpus) {
        let articles = corpus.articles
        var position: [String: Int] = [:]
        for (i, a) in articles.enumerated() where position[a.id] == nil { position[a.id] = i }
        ids = articles.map(\.id)
        days = articles.map { $0.published?.day }
        var outletIndex: [String: Int32] = [:]
        var names: [String] = []
        outletOf = articles.map { a in
            let name = a.outlet ?? a.fileName
            if let k = outletIndex[name] { return k }
            let k = Int32(names.count)
            outletIndex[name] = k
            names.append(name)
            return k
        }
        outletNames = names

        var temp: [String: UInt32] = [:]
        var words: [String] = []
        func number(_ w: String) -> UInt32 {
            if let n = temp[w] { return n }
            let n = UInt32(words.count)
            temp[w] = n
            words.append(w)
            return n
        }
        let rawTitle = articles.map { Fold.words($0.title ?? "").map(number) }
        let rawBody = articles.map { Fold.words($0.body).map(number) }
        let bytes = words.map { Array($0.utf8) }
        let order = bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        var remap = [UInt32](repeating: 0, count: words.count)
        for (rank, old) in order.enumerated() { remap[old] = UInt32(rank) }
        vocabulary = order.map { bytes[$0] }
        titleWords = rawTitle.map { $0.map { remap[Int($0)] } }
        bodyWords = rawBody.map { $0.map { remap[Int($0)] } }
        distinct = zip(titleWords, bodyWords).map { Array(Set($0 + $1)).sorted() }

        actors = corpus.actors.map { ActorNames(id: $0.id, names: [$0.name] + $0.aliases) }
        var byActor: [String: [Int]] = [:]
        for a in corpus.actors {
            byActor[a.id] = Array(Set(a.mentions.compactMap { position[$0.articleID] })).sorted()
        }
        articlesOfActor = byActor
        var linked: [String: Set<Int>] = [:]
        for e in corpus.events {
            for id in e.articles + e.mentionedBy { if let p = position[id] { linked[e.id, default: []].insert(p) } }
        }
        for (article, event) in corpus.primaryEvent {
            if let p = position[article] { linked[event, default: []].insert(p) }
        }
        events = corpus.events.map { ($0.id, $0.kind, (linked[$0.id] ?? []).sorted()) }
        var q = [Bool](repeating: false, count: articles.count)
        for quote in corpus.quotes { if let p = position[quote.articleID] { q[p] = true } }
        quoted = q
    }

    public var count: Int { ids.count }

    /// The positions (in corpus order) of the articles the query finds.
    public func matches(_ q: ArticleQuery, user: UserData) -> [Int] {
        let m = evaluate(q.root, user: user)
        return m.indices.filter { m[$0] }
    }

    /// How many undated articles the query's date ranges left out: those it would find if undated
    /// articles were in every range, and does not.
    public func undatedLeftOut(_ q: ArticleQuery, user: UserData) -> Int {
        guard q.root.hasDateRange else { return 0 }
        let with = evaluate(q.root, user: user), without = evaluate(q.root.ignoringDateRanges, user: user)
        return days.indices.filter { days[$0] == nil && without[$0] && !with[$0] }.count
    }

    public func evaluate(_ node: QueryNode, user: UserData) -> [Bool] {
        let n = ids.count
        func set(_ positions: some Sequence<Int>) -> [Bool] {
            var m = [Bool](repeating: false, count: n)
            for p in positions where p >= 0 && p < n { m[p] = true }
            return m
        }
        switch node {
        case .and(let xs):
            var m = [Bool](repeating: true, count: n)
            for x in xs {
                let y = evaluate(x, user: user)
                for i in 0..<n where m[i] && !y[i] { m[i] = false }
            }
            return m
        case .or(let xs):
            var m = [Bool](repeating: false, count: n)
            for x in xs {
                let y = evaluate(x, user: user)
                for i in 0..<n where y[i] { m[i] = true }
            }
            return m
        case .not(let x):
            return evaluate(x, user: user).map { !$0 }
        case .text(let t):
            return (0..<n).map { contains($0, t) }
        case .actor(let v):
            let found = QueryMatch.actorIDs(v, actors: actors)
            return set(found.flatMap { articlesOfActor[$0] ?? [] })
        case .outlet(let v):
            let hit = outletNames.map { QueryMatch.outlet(v, matches: $0) }
            return outletOf.map { hit[Int($0)] }
        case .event(let v):
            let found = QueryMatch.eventIDs(v, ids: events.map(\.id))
            return set(events.filter { found.contains($0.id) }.flatMap(\.articles))
        case .kind(let k):
            return set(events.filter { $0.kind == k }.flatMap(\.articles))
        case .date(let r):
            return days.map { d in d.map(r.contains) ?? false }
        case .undated:
            return days.map { $0 == nil }
        case .tag(let t):
            return ids.map { user.hasTag($0, t) }
        case .marked:
            return ids.map { user.marked.contains($0) }
        case .unread:
            return ids.map { !user.read.contains($0) }
        case .hasQuote:
            return quoted
        }
    }

    // MARK: - Words

    /// The vocabulary ids a word stands for: itself, or (as a prefix) every word it starts.
    func range(of word: String, prefix: Bool) -> Range<UInt32> {
        let w = Array(word.utf8)
        var lo = 0, hi = vocabulary.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if vocabulary[mid].lexicographicallyPrecedes(w) { lo = mid + 1 } else { hi = mid }
        }
        if !prefix {
            return lo < vocabulary.count && vocabulary[lo] == w ? UInt32(lo)..<UInt32(lo + 1) : UInt32(lo)..<UInt32(lo)
        }
        var end = lo
        while end < vocabulary.count, vocabulary[end].starts(with: w) { end += 1 }
        return UInt32(lo)..<UInt32(end)
    }

    /// Whether the article's title or body has the term's words in sequence (as FTS5 phrases match:
    /// within one column).
    func contains(_ article: Int, _ t: TextTerm) -> Bool {
        guard !t.words.isEmpty else { return false }
        let ranges = t.words.enumerated().map { i, w in range(of: w, prefix: t.prefix && i == t.words.count - 1) }
        let have = distinct[article]
        for r in ranges {
            if r.isEmpty { return false }
            // Any id of the range among the article's distinct words (sorted): one binary search.
            var lo = 0, hi = have.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if have[mid] < r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            if lo == have.count || have[lo] >= r.upperBound { return false }
        }
        if ranges.count == 1 { return true }
        func inSequence(_ seq: [UInt32]) -> Bool {
            guard seq.count >= ranges.count else { return false }
            for start in 0...(seq.count - ranges.count) {
                var ok = true
                for (k, r) in ranges.enumerated() where !r.contains(seq[start + k]) {
                    ok = false
                    break
                }
                if ok { return true }
            }
            return false
        }
        return inSequence(titleWords[article]) || inSequence(bodyWords[article])
    }
}
