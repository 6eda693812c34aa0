import ParallaxCore

/// The corpus-level analysis regrouped by article, with a fingerprint per article, so that the store
/// rewrites only the mention, role and quote rows of articles whose analysis changed.
///
/// The rows are references into the corpus (actor, item, position within the actor and article), not
/// copies: at 20,000 articles of 50 people each, copying two million mentions per article cost
/// hundreds of megabytes at the peak of a build. `mention(_:in:)` and its kin read them back.
struct AnalysisRows {
    /// Item `item` of actor `actor` (indexes into `Corpus.actors` and its list), its `position`
    /// among that actor's items in that article.
    struct Ref { var actor: Int32; var item: Int32; var position: Int32 }
    struct PerArticle {
        var mentions: [Ref] = []
        var roles: [Ref] = []
        var quotes: [Ref] = []
        /// Corpus.quotes of this article, attributed or not (indexes into it).
        var allQuotes: [Int32] = []
        var primaryEvent: String?
        var hash = ""
    }

    var perArticle: [String: PerArticle] = [:]
    var actorsHash: String
    /// Actor id → runs of its mentions, roles and quotes.
    var actorRuns: [String: (String, String, String)] = [:]
    /// Runs of Corpus.quotes.
    var quoteRuns: String = ""
    /// Event id → fingerprint of the event (fields, participants, article lists, mentions).
    var eventHashes: [String: String] = [:]

    init(corpus: Corpus) {
        var per: [String: PerArticle] = [:]
        var actorsH = ContentHash()
        var actorRuns: [String: (String, String, String)] = [:]
        for (ai, actor) in corpus.actors.enumerated() {
            actorsH.add(actor.id)
            actorsH.add(actor.name)
            actorsH.add(actor.kind.rawValue)
            actorsH.add(actor.affiliation)
            actorsH.add(actor.isSource ? 1 : 0)
            actorsH.add(actor.aliases.count)
            for a in actor.aliases { actorsH.add(a) }
            let runs = (Runs.encode(actor.mentions.lazy.map(\.articleID)), Runs.encode(actor.roles.lazy.map(\.articleID)),
                        Runs.encode(actor.quotes.lazy.map(\.articleID)))
            actorsH.add(runs.0); actorsH.add(runs.1); actorsH.add(runs.2)
            actorRuns[actor.id] = runs
            let a = Int32(truncatingIfNeeded: ai)
            // Positions count within (actor, article): stable when other articles change.
            var counters: [String: Int32] = [:]
            for (k, m) in actor.mentions.enumerated() {
                let n = counters[m.articleID, default: 0]
                counters[m.articleID] = n + 1
                per[m.articleID, default: PerArticle()].mentions.append(Ref(actor: a, item: Int32(truncatingIfNeeded: k), position: n))
            }
            counters = [:]
            for (k, r) in actor.roles.enumerated() {
                let n = counters[r.articleID, default: 0]
                counters[r.articleID] = n + 1
                per[r.articleID, default: PerArticle()].roles.append(Ref(actor: a, item: Int32(truncatingIfNeeded: k), position: n))
            }
            counters = [:]
            for (k, q) in actor.quotes.enumerated() {
                let n = counters[q.articleID, default: 0]
                counters[q.articleID] = n + 1
                per[q.articleID, default: PerArticle()].quotes.append(Ref(actor: a, item: Int32(truncatingIfNeeded: k), position: n))
            }
        }
        for (k, q) in corpus.quotes.enumerated() {
            per[q.articleID, default: PerArticle()].allQuotes.append(Int32(truncatingIfNeeded: k))
        }
        for (article, event) in corpus.primaryEvent {
            per[article, default: PerArticle()].primaryEvent = event
        }
        // Fingerprints of every article's rows, on all cores.
        let actors = corpus.actors
        let allQuotes = corpus.quotes
        let hashed = ConcurrentMap.map(Array(per)) { (id, rows) -> (String, String) in
            var h = ContentHash()
            h.add(rows.primaryEvent)
            h.add(rows.allQuotes.count)
            for k in rows.allQuotes {
                let q = allQuotes[Int(k)]
                h.add(q.text); h.add(q.range.start); h.add(q.range.end); h.add(q.speaker); h.add(q.speakerLabel)
            }
            h.add(rows.mentions.count)
            for r in rows.mentions {
                let actor = actors[Int(r.actor)], m = actor.mentions[Int(r.item)]
                h.add(actor.id); h.add(Int(r.position)); h.add(m.range.start); h.add(m.range.end)
                h.add(m.surface)
            }
            h.add(rows.roles.count)
            for r in rows.roles {
                let actor = actors[Int(r.actor)]
                h.add(actor.id); h.add(Int(r.position)); h.add(actor.roles[Int(r.item)].role)
            }
            h.add(rows.quotes.count)
            for r in rows.quotes {
                let actor = actors[Int(r.actor)], q = actor.quotes[Int(r.item)]
                h.add(actor.id); h.add(Int(r.position)); h.add(q.text); h.add(q.range.start)
                h.add(q.range.end); h.add(q.speaker); h.add(q.speakerLabel)
            }
            return (id, h.hex)
        }
        for (id, hash) in hashed { per[id]?.hash = hash }
        var evHashes: [String: String] = [:]
        for e in corpus.events {
            var h = ContentHash()
            h.add(e.id); h.add(e.title); h.add(e.kind.rawValue); h.add(e.date?.description); h.add(e.place)
            h.add(e.participants.count)
            for p in e.participants { h.add(p) }
            h.add(e.articles.count)
            for a in e.articles { h.add(a) }
            h.add(e.mentionedBy.count)
            for a in e.mentionedBy { h.add(a) }
            for a in e.articles {
                guard let w = e.why[a] else { h.add("-"); continue }
                h.add(String(w.score)); h.add(w.actors.joined(separator: "|")); h.add(w.terms.joined(separator: "|"))
                h.add(w.date?.description); h.add(w.place)
            }
            h.add(e.mentions.count)
            // Every field of every mention (reflection through String(describing:) cost 3% of a build).
            for m in e.mentions {
                h.add(m.articleID)
                for r in [m.range, m.sentence, m.dateRange, m.placeRange] {
                    h.add(r?.start ?? -1); h.add(r?.end ?? -1)
                }
                h.add(m.kind.rawValue); h.add(m.trigger); h.add(m.place)
                switch m.date {
                case nil: h.add(0)
                case let .span(a, b)?: h.add(1); h.add(a.description); h.add(b.description)
                case let .weekday(w)?: h.add(2); h.add(w)
                case let .monthDay(mo, d)?: h.add(3); h.add(mo); h.add(d)
                }
                h.add(m.participants.count)
                for p in m.participants { h.add(p) }
                h.add(m.inHeadline ? 1 : 0); h.add(m.statedAhead ? 1 : 0); h.add(m.paragraph)
                h.add(Int(truncatingIfNeeded: m.weight.bitPattern))
            }
            evHashes[e.id] = h.hex
        }
        eventHashes = evHashes
        self.actorRuns = actorRuns
        quoteRuns = Runs.encode(corpus.quotes.lazy.map(\.articleID))
        perArticle = per
        actorsHash = actorsH.hex
    }
}

/// The order of a list of per-article items (an actor's mentions, roles, quotes; the corpus's quotes)
/// as runs of article ids: "a:3,b:1,a:2". Rows are stored per article with their position within the
/// article (stable when other articles change); the runs put them back in the analysis's own order,
/// whatever rule it followed.
enum Runs {
    static func encode<S: Sequence>(_ articleIDs: S) -> String where S.Element == String {
        var out: [String] = []
        var last: String?
        var count = 0
        for id in articleIDs {
            if id == last {
                count += 1
            } else {
                if let l = last { out.append("\(l)\u{1F}\(count)") }
                last = id
                count = 1
            }
        }
        if let l = last { out.append("\(l)\u{1F}\(count)") }
        return out.joined(separator: "\u{1E}")
    }

    /// The distinct article ids of `runs` in order of first appearance (`Actor.articleIDs` of the
    /// mentions the runs describe).
    static func articles(in runs: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for run in runs.split(separator: "\u{1E}") {
            guard let sep = run.firstIndex(of: "\u{1F}") else { continue }
            let a = String(run[..<sep])
            if seen.insert(a).inserted { out.append(a) }
        }
        return out
    }

    /// Items as (article id, position within the article, value) back in the order `runs` records.
    /// Items the runs do not account for (an inconsistent index) follow in article order.
    static func arrange<T>(_ items: [(String, Int, T)]?, runs: String?) -> [T] {
        guard let items, !items.isEmpty else { return [] }
        var byArticle: [String: [(Int, T)]] = [:]
        var articleOrder: [String] = []
        for (a, p, v) in items {
            if byArticle[a] == nil { articleOrder.append(a) }
            byArticle[a, default: []].append((p, v))
        }
        // Rows come back in insertion order, already sorted within an article: sort only if not.
        for k in articleOrder {
            guard let list = byArticle[k], zip(list, list.dropFirst()).contains(where: { $0.0 > $1.0 }) else { continue }
            byArticle[k]?.sort { $0.0 < $1.0 }
        }
        if articleOrder.count == 1, let only = byArticle[articleOrder[0]] { return only.map(\.1) }
        var next: [String: Int] = [:]
        var out: [T] = []
        out.reserveCapacity(items.count)
        for run in (runs ?? "").split(separator: "\u{1E}") {
            guard let sep = run.firstIndex(of: "\u{1F}"), let n = Int(run[run.index(after: sep)...]) else { continue }
            let a = String(run[..<sep])
            guard let list = byArticle[a] else { continue }
            let start = next[a, default: 0]
            let end = min(list.count, start + n)
            if start < end { out += list[start..<end].map(\.1) }
            next[a] = end
        }
        for a in articleOrder {
            if let list = byArticle[a], next[a, default: 0] < list.count {
                out += list[next[a, default: 0]...].map(\.1)
            }
        }
        return out
    }
}
