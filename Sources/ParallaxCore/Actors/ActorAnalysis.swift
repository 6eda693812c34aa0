import Foundation

/// The actors stage of the pipeline: finds the actors of every article (in parallel, one article at a
/// time) and merges them across the corpus into one `Actor` per person, organisation, state or place.
///
/// Merging: gazetteer actors by entry; other organisations and places by their normalised name; people
/// by a transliteration-aware key of the surname (exact, or one edit apart from five letters on) with a
/// compatible first name, so that `Olga Stevanishina` joins `Olga Stefanishyna` while `Boris Johnson`
/// and `Mike Johnson` stay two people. A surname used alone joins the one person of the corpus who has
/// it; when several do, it stays apart rather than being guessed.
public struct ActorAnalysis: Sendable {
    /// The key a surname is merged by: of its last part when it is joined by a hyphen to another
    /// capitalised part (`Amir-Abdollahian` as `Abdollahian` and `Amir Abdollahian`, `Al-Aiban` as
    /// `Al Aiban`), as outlets write such names both ways.
    static func surnameKey(_ word: some StringProtocol) -> String {
        if let dash = word.lastIndex(of: "-"), dash != word.startIndex {
            let tail = word[word.index(after: dash)...]
            if tail.count >= 3, tail.first?.isUppercase == true { return NameKey.key(tail) }
        }
        return NameKey.key(word)
    }

    /// What the stage produces: the merged actors and every quotation (attributed or not).
    public struct Result: Sendable {
        public var actors: [Actor]
        public var quotes: [Quote]
    }

    public let gazetteer: Gazetteer
    public let lexicon: ActorLexicon

    public init(gazetteer: Gazetteer = .shipped, lexicon: ActorLexicon = .shipped) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
    }

    public func run(_ articles: [Article]) -> Result {
        let extractor = ActorExtractor(gazetteer: gazetteer, lexicon: lexicon)
        let extracted = ConcurrentMap.map(articles) { a in
            extractor.extract(articleID: a.id, body: a.body, date: a.published?.day)
        }
        return merge(extracted)
    }

    /// Extraction of one text, without merging: for tests and tools.
    func extract(articleID: String, body: String, date: Day? = nil) -> ArticleActors {
        ActorExtractor(gazetteer: gazetteer, lexicon: lexicon).extract(articleID: articleID, body: body, date: date)
    }

    // MARK: - Merging

    struct Cluster {
        var entry: Int?
        var kind: ActorKind
        var isSource: Bool
        var forms: [[String]: Int] = [:]
        var surfaces: [String: Int] = [:]
        var mentions: [Mention] = []
        var roles: [RoleMention] = []
        var quotes: [Quote] = []
    }

    /// Surname keys indexed by themselves and by each one-letter deletion (symmetric-delete), so that
    /// names one edit apart are found without comparing every pair.
    struct SurnameIndex {
        /// Table keys are interned strings (a key, or "~" + one of its deletions): a lookup probes
        /// twice the key's length of them, and hashing integers instead of strings made merging
        /// a large corpus markedly cheaper. Equal strings get equal ids, so nothing else changes.
        private var table: [Int: [Int]] = [:]
        private var ids: [String: Int] = [:]
        /// The probes of a lookup of a key, in order (memoised: merging looks the same surnames up
        /// again and again).
        private var probes: [String: [Int]] = [:]

        static func deletions(_ k: String) -> [String] {
            let u = Array(k.utf8)
            guard u.count >= 5 else { return [] }
            return (0..<u.count).map { i in String(decoding: u[..<i] + u[(i + 1)...], as: UTF8.self) }
        }

        private mutating func id(_ s: String) -> Int {
            if let i = ids[s] { return i }
            let i = ids.count
            ids[s] = i
            return i
        }

        mutating func insert(_ key: String, _ value: Int) {
            table[id(key), default: []].append(value)
            for d in SurnameIndex.deletions(key) { table[id("~" + d), default: []].append(value) }
        }

        mutating func lookup(_ key: String) -> [Int] {
            let keys: [Int]
            if let p = probes[key] {
                keys = p
            } else {
                var p = [id(key), id("~" + key)]
                for d in SurnameIndex.deletions(key) { p.append(id(d)); p.append(id("~" + d)) }
                probes[key] = p
                keys = p
            }
            var out: [Int] = []
            for k in keys { if let v = table[k] { out += v } }
            if out.count < 2 { return out }
            var seen = Set<Int>()
            return out.filter { seen.insert($0).inserted }
        }
    }

    func merge(_ articles: [ArticleActors]) -> Result {
        var clusters: [Cluster] = []
        var byEntry: [Int: Int] = [:]
        var byKey: [String: Int] = [:]
        var surnames = SurnameIndex()          // surname key → person clusters
        var clusterSurname: [Int: String] = [:]
        var gazSurnames = SurnameIndex()       // surname key → gazetteer person entries
        // Family-name-first names are keyed by the whole name (Kim Jong-un = Kim Jong Un, apart from
        // Kim Yo Jong), and also found by the family name alone (a bare Kim).
        var gazJoined: [String: Int] = [:]
        var familyIndex: [String: Set<Int>] = [:]
        let lexicon = self.lexicon
        for (i, e) in gazetteer.entries.enumerated() where e.kind == .person {
            if let last = e.name.split(separator: " ").last { gazSurnames.insert(Self.surnameKey(last), i) }
            for form in [e.name] + e.aliases {
                let w = form.split(separator: " ").map(String.init)
                if w.count >= 2, let k = lexicon.familyFirstKey(w), gazJoined[k] == nil { gazJoined[k] = i }
                // The same two words in the other order (Shigeru Ishiba, Ishiba Shigeru).
                if w.count == 2, let k = lexicon.familyFirstKey(w.reversed()), gazJoined[k] == nil { gazJoined[k] = i }
            }
        }
        var localToCluster: [[Int?]] = articles.map { Array(repeating: nil, count: $0.actors.count) }

        func cluster(forEntry e: Int) -> Int {
            if let c = byEntry[e] { return c }
            let entry = gazetteer.entries[e]
            byEntry[e] = clusters.count
            clusters.append(Cluster(entry: e, kind: entry.kind, isSource: entry.isSource))
            if entry.kind == .person, let last = entry.name.split(separator: " ").last {
                surnames.insert(Self.surnameKey(last), clusters.count - 1)
                clusterSurname[clusters.count - 1] = Self.surnameKey(last)
                let w = entry.name.split(separator: " ").map(String.init)
                if lexicon.familyFirstKey(w) != nil, let f = w.first { familyIndex[NameKey.key(f), default: []].insert(clusters.count - 1) }
            }
            return clusters.count - 1
        }
        // Memos (merging a large corpus asked the same questions hundreds of thousands of times): the
        // first names of a gazetteer entry, of a cluster while its set of forms is unchanged (forms are
        // only ever added), and whether two first names are compatible (a pure function of both).
        var entryFirsts: [Int: [String]] = [:]
        var clusterFirsts: [Int: (forms: Int, firsts: [String])] = [:]
        var compatibleMemo: [String: Bool] = [:]
        var gazMatches: [String: [Int]] = [:]
        func firstNames(ofEntry e: Int) -> [String] {
            if let f = entryFirsts[e] { return f }
            let g = gazetteer.entries[e]
            let f = ([g.name] + g.aliases).compactMap { a in lexicon.firstName(a.split(separator: " ").map(String.init)) }
            entryFirsts[e] = f
            return f
        }
        func firstName(of c: Int) -> [String] {
            if let e = clusters[c].entry { return firstNames(ofEntry: e) }
            if let m = clusterFirsts[c], m.forms == clusters[c].forms.count { return m.firsts }
            let f = clusters[c].forms.keys.compactMap { lexicon.firstName($0) }
            clusterFirsts[c] = (clusters[c].forms.count, f)
            return f
        }
        func compatibleFirstNames(_ a: String, _ b: String) -> Bool {
            let key = a + "\u{1}" + b
            if let r = compatibleMemo[key] { return r }
            let r = lexicon.compatibleFirstNames(a, b)
            compatibleMemo[key] = r
            return r
        }
        func compatible(_ first: String, _ c: Int) -> Bool {
            let firsts = firstName(of: c)
            return firsts.isEmpty || firsts.contains { compatibleFirstNames(first, $0) }
        }
        func within(_ a: String, _ b: String) -> Bool {
            a == b || NameKey.distance(a, b, limit: NameKey.surnameTolerance(a, b)) <= NameKey.surnameTolerance(a, b)
        }
        func mentionCount(_ c: Int) -> Int { clusters[c].mentions.count }

        // The name keys of every local actor, computed up front on all cores (pure functions of the
        // words; the passes below are sequential): the phrase key of an organisation or place, the
        // surname key of a person (the key of the one word of a single-word name).
        let nameKeys: [[String]] = ConcurrentMap.map(articles) { art in
            art.actors.map { l in
                if l.entry != nil { return "" }
                if l.kind != .person { return "\(l.kind.rawValue):" + NameKey.phraseKey(l.words.joined(separator: " ")) }
                if l.words.count >= 2, let k = lexicon.familyFirstKey(l.words) { return k }
                return l.words.last.map { Self.surnameKey($0) } ?? ""
            }
        }
        let localFirstNames: [[String?]] = ConcurrentMap.map(articles) { art in
            art.actors.map { l in
                guard l.entry == nil && l.kind == .person, lexicon.familyFirstKey(l.words) == nil else { return nil }
                return lexicon.firstName(l.words)
            }
        }

        // Pass 1: everything but people named by one word alone.
        for (ai, art) in articles.enumerated() {
            for (li, l) in art.actors.enumerated() {
                if let e = l.entry {
                    localToCluster[ai][li] = cluster(forEntry: e)
                    continue
                }
                if l.kind != .person {
                    let key = nameKeys[ai][li]
                    if let c = byKey[key] { localToCluster[ai][li] = c; continue }
                    byKey[key] = clusters.count
                    clusters.append(Cluster(entry: nil, kind: l.kind, isSource: false))
                    localToCluster[ai][li] = clusters.count - 1
                    continue
                }
                guard l.words.count >= 2 else { continue }
                let sk = nameKeys[ai][li]
                guard let first = localFirstNames[ai][li] else {
                    // A surname with a particle and no first name (De Haan): treated like a surname alone;
                    // a family-name-first name by its whole key.
                    let k = sk
                    if let e = gazJoined[k] {
                        localToCluster[ai][li] = cluster(forEntry: e)
                    } else if let c = surnames.lookup(k).first(where: { clusterSurname[$0] == k }) {
                        localToCluster[ai][li] = c
                    } else {
                        clusters.append(Cluster(entry: nil, kind: .person, isSource: false))
                        surnames.insert(k, clusters.count - 1)
                        clusterSurname[clusters.count - 1] = k
                        localToCluster[ai][li] = clusters.count - 1
                        if lexicon.familyFirstKey(l.words) != nil, let f = l.words.first {
                            familyIndex[NameKey.key(f), default: []].insert(clusters.count - 1)
                        }
                    }
                    let c = localToCluster[ai][li] ?? 0
                    clusters[c].forms[l.words, default: 0] += l.mentions.count
                    clusters[c].mentions += l.mentions
                    continue
                }
                // A known person under another spelling.
                let gazKey = sk + "\u{1}" + first
                let gaz = gazMatches[gazKey] ?? gazSurnames.lookup(sk).filter { e in
                    let g = gazetteer.entries[e]
                    guard let gl = g.name.split(separator: " ").last, within(Self.surnameKey(gl), sk) else { return false }
                    return firstNames(ofEntry: e).contains { compatibleFirstNames(first, $0) }
                }
                // The gazetteer never changes during a merge: its answer for a surname and first name is kept.
                gazMatches[gazKey] = gaz
                if let e = gaz.first {
                    localToCluster[ai][li] = cluster(forEntry: e)
                } else {
                    let cands = surnames.lookup(sk).filter { c in
                        guard let ck = clusterSurname[c], within(ck, sk) else { return false }
                        return compatible(first, c)
                    }
                    if let c = cands.max(by: { mentionCount($0) < mentionCount($1) }) {
                        localToCluster[ai][li] = c
                    } else {
                        clusters.append(Cluster(entry: nil, kind: .person, isSource: false))
                        let c = clusters.count - 1
                        surnames.insert(sk, c)
                        clusterSurname[c] = sk
                        localToCluster[ai][li] = c
                    }
                }
                let c = localToCluster[ai][li] ?? 0
                clusters[c].forms[l.words, default: 0] += l.mentions.count
                clusters[c].mentions += l.mentions
            }
        }
        // Pass 2: a surname (or a first name) alone joins the one person of the corpus who has it.
        var singles: [String: Int] = [:]
        for (ai, art) in articles.enumerated() {
            for (li, l) in art.actors.enumerated() where l.entry == nil && l.kind == .person && l.words.count < 2 {
                guard !l.words.isEmpty else { continue }
                let k = nameKeys[ai][li]  // the key of its one word
                let cands = Set(surnames.lookup(k).filter { c in clusterSurname[c] == k }).union(familyIndex[k] ?? [])
                if cands.count == 1, let c = cands.first {
                    localToCluster[ai][li] = c
                } else if l.weak {
                    continue
                } else if let c = singles[k] {
                    localToCluster[ai][li] = c
                } else {
                    clusters.append(Cluster(entry: nil, kind: .person, isSource: false))
                    singles[k] = clusters.count - 1
                    localToCluster[ai][li] = clusters.count - 1
                }
            }
        }
        // Gather mentions, forms, roles, quotes.
        var quotes: [Quote] = []
        for (ai, art) in articles.enumerated() {
            for (li, l) in art.actors.enumerated() {
                guard let c = localToCluster[ai][li] else { continue }
                if !(l.entry == nil && l.kind == .person && l.words.count >= 2) {
                    clusters[c].forms[l.words, default: 0] += l.mentions.count
                    clusters[c].mentions += l.mentions
                }
                for m in l.mentions { clusters[c].surfaces[m.surface, default: 0] += 1 }
                clusters[c].roles += l.roles.map { RoleMention(articleID: art.articleID, role: $0) }
            }
            for q in art.quotes {
                let c = q.speaker.flatMap { localToCluster[ai][$0] }
                var quote = Quote(articleID: art.articleID, text: q.text, range: q.range, speaker: nil, speakerLabel: q.label)
                if let c { quote.speaker = "#\(c)" }
                quotes.append(quote)
            }
        }
        // Build actors.
        var names: [Int: String] = [:]
        var actors: [Actor] = []
        var usedIDs = Set<String>()
        for (ci, c) in clusters.enumerated() where !c.mentions.isEmpty {
            let name = canonicalName(c)
            names[ci] = name
            var id = ActorAnalysis.slug(name)
            if !usedIDs.insert(id).inserted {
                id += "-" + c.kind.rawValue
                var n = 2
                while !usedIDs.insert(id).inserted { id = ActorAnalysis.slug(name) + "-\(n)"; n += 1 }
            }
            let aliases = c.surfaces.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
                .filter { $0 != name }
            var seenRoles = Set<RoleMention>()
            let roles = c.roles.filter { seenRoles.insert($0).inserted }
            let entry = c.entry.map { gazetteer.entries[$0] }
            actors.append(Actor(id: id, name: name, kind: c.kind, aliases: aliases, affiliation: entry?.affiliation,
                                roles: roles, mentions: c.mentions.sorted { ($0.articleID, $0.range) < ($1.articleID, $1.range) },
                                quotes: [], isSource: c.isSource,
                                shortName: c.kind == .person ? shortName(name, surfaces: c.surfaces) : name))
        }
        var actorIndex: [String: Int] = [:]
        for (i, a) in actors.enumerated() { actorIndex[a.name + "\u{1}" + a.kind.rawValue] = i }
        for i in quotes.indices {
            guard let s = quotes[i].speaker, let ci = Int(s.dropFirst()), let name = names[ci] else {
                quotes[i].speaker = nil
                continue
            }
            quotes[i].speaker = name
            if let ai = actorIndex[name + "\u{1}" + clusters[ci].kind.rawValue] { actors[ai].quotes.append(quotes[i]) }
        }
        actors.sort { ($0.mentions.count, $1.name) > ($1.mentions.count, $0.name) }
        return Result(actors: actors, quotes: quotes)
    }

    /// The gazetteer's name, else the most complete form seen: most words, then most mentions.
    func canonicalName(_ c: Cluster) -> String {
        if let e = c.entry { return gazetteer.entries[e].name }
        let best = c.forms.max { a, b in
            (a.key.count, a.value, b.key.joined(separator: " ")) < (b.key.count, b.value, a.key.joined(separator: " "))
        }
        return best?.key.joined(separator: " ") ?? c.surfaces.max { $0.value < $1.value }?.key ?? "?"
    }

    /// The short form of a person's name: the part of it the articles repeat alone most often (`Xi`,
    /// `Kim`, `von der Leyen`, `Lula`), else the family name its structure gives.
    func shortName(_ name: String, surfaces: [String: Int]) -> String {
        ActorAnalysis.shortName(name, surfaces: surfaces, lexicon: lexicon)
    }

    /// The short form of a stored actor (the index keeps mentions, not the form): the same rule over
    /// the surfaces of its mentions.
    public static func shortName(of name: String, kind: ActorKind, mentions: [Mention],
                                 lexicon: ActorLexicon = .shipped) -> String {
        guard kind == .person else { return name }
        var surfaces: [String: Int] = [:]
        for m in mentions { surfaces[m.surface, default: 0] += 1 }
        return shortName(name, surfaces: surfaces, lexicon: lexicon)
    }

    static func shortName(_ name: String, surfaces: [String: Int], lexicon: ActorLexicon) -> String {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return name }
        let keys = words.map { NameKey.key($0) }
        var best: (n: Int, form: String)?
        let familyFirst = lexicon.shape(words).familyFirst
        for (surface, n) in surfaces.sorted(by: { $0.key < $1.key }) {
            let sk = surface.split(separator: " ").map { NameKey.key($0) }
            guard !sk.isEmpty, sk.count < keys.count,
                  let at = (0...(keys.count - sk.count)).first(where: { Array(keys[$0..<($0 + sk.count)]) == sk }) else { continue }
            // A given name used alone (`Prince Mohammed`, `Raila`) is how one article speaks of a
            // person, not what a title shows.
            if at == 0 && !familyFirst { continue }
            if best.map({ n > $0.n }) ?? true { best = (n, surface) }
        }
        // Written as in the name (the name's own spelling, not a mention's).
        if let b = best {
            let sk = b.form.split(separator: " ").map { NameKey.key($0) }
            if var at = (0...(keys.count - sk.count)).first(where: { Array(keys[$0..<($0 + sk.count)]) == sk }) {
                let end = at + sk.count
                // The particles before it belong to it (`bin Salman`, `von der Leyen`).
                while !familyFirst, at > 1, lexicon.particles.contains(words[at - 1].lowercased()) { at -= 1 }
                return words[at..<end].joined(separator: " ")
            }
        }
        return lexicon.shape(words).short
    }

    /// A stable id from a name: lower-case ASCII letters and digits joined by hyphens.
    public static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for u in name.unicodeScalars {
            var folded: [UInt8] = []
            NameKey.appendFolded(u, to: &folded)
            if folded.isEmpty {
                dash = !out.isEmpty
                continue
            }
            if dash { out += "-"; dash = false }
            out += String(decoding: folded, as: UTF8.self)
        }
        return out.isEmpty ? "actor" : out
    }
}

/// One actor as one article names it: what `articles --json` lists under `actors`.
public struct ArticleActorSummary: Sendable, Equatable {
    public var name: String
    public var kind: ActorKind
    public var mentions: Int
    public var roles: [String]
    public var isSource: Bool

    public init(name: String, kind: ActorKind, mentions: Int, roles: [String], isSource: Bool) {
        self.name = name
        self.kind = kind
        self.mentions = mentions
        self.roles = roles
        self.isSource = isSource
    }
}

extension Corpus {
    /// Article id → its actors (most mentioned first), computed in one pass over the corpus's actors.
    public func actorSummaries() -> [String: [ArticleActorSummary]] {
        var out: [String: [ArticleActorSummary]] = [:]
        var firstAt: [String: [Int]] = [:]
        for a in actors {
            var counts: [String: (Int, Int)] = [:]
            for m in a.mentions {
                let prev = counts[m.articleID] ?? (0, Int.max)
                counts[m.articleID] = (prev.0 + 1, min(prev.1, m.range.start))
            }
            var roles: [String: [String]] = [:]
            for r in a.roles where !(roles[r.articleID]?.contains(r.role) ?? false) { roles[r.articleID, default: []].append(r.role) }
            for (article, (n, first)) in counts {
                out[article, default: []].append(ArticleActorSummary(name: a.name, kind: a.kind, mentions: n,
                                                                      roles: roles[article] ?? [], isSource: a.isSource))
                firstAt[article, default: []].append(first)
            }
        }
        for (k, list) in out {
            let firsts = firstAt[k] ?? []
            let order = list.indices.sorted { (list[$0].mentions, -firsts[$0]) > (list[$1].mentions, -firsts[$1]) }
            out[k] = order.map { list[$0] }
        }
        return out
    }

    /// The actors a user's name stands for: by canonical name or any alias, compared with the
    /// transliteration-aware key (`zelenskiy` finds Volodymyr Zelensky), or by surname alone.
    public func actors(matching query: String) -> [Actor] {
        let found = QueryMatch.actorIDs(query, actors: actors.map { ActorNames(id: $0.id, names: [$0.name] + $0.aliases) })
        return actors.filter { found.contains($0.id) }
    }
}
