import Foundation

/// The actors Parallax knows by name (`Resources/data/gazetteer.tsv` plus the user's file of the same
/// name), indexed by the key of each alias's first word so that matching an article is one hash look-up
/// per token. Loaded once and shared: it is an immutable value.
public struct Gazetteer: Sendable {
    /// One known actor.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var kind: ActorKind
        public var isSource: Bool
        public var aliases: [String]
        public var affiliation: String?
        public var role: String?
        /// Demonyms and adjectives (`Russian`), read as affiliations, never as mentions.
        public var adjectives: [String]
        /// When the person held `role` (either end may be open): a bare surname or `Mr. X` names this
        /// entry only in an article dated within it (or undated).
        public var roleFrom: Day? = nil
        public var roleTo: Day? = nil

        /// Whether an article of this date may mean this entry by a surname alone.
        public func roleFits(_ date: Day?) -> Bool {
            guard let d = date else { return true }
            if let f = roleFrom, d < f { return false }
            if let t = roleTo, t < d { return false }
            return true
        }
    }

    /// An alias split into word keys; `mustCap[i]` when the alias word is capitalised in the data.
    struct Phrase: Sendable {
        var keys: [String]
        var mustCap: [Bool]
        /// Words written with a possessive in the alias (`Russia's Foreign Ministry`).
        var possessive: [Bool]
        var entry: Int
        /// The alias's words as spelt (lower case, no accents): which of two aliases with the same keys
        /// a word is (`Cameroon`, not `Cameron`).
        var spelling: [String] = []
    }

    public private(set) var entries: [Entry] = []
    /// First-word key → phrases starting with it, longest first.
    private(set) var phrases: [String: [Phrase]] = [:]
    /// Adjective first-word key → phrases (entry = the country or place).
    private(set) var adjectivePhrases: [String: [Phrase]] = [:]
    /// Surname key → indexes of person entries (for fuzzy merging of unknown spellings).
    private(set) var personsBySurname: [String: [Int]] = [:]
    private var byName: [String: Int] = [:]

    /// The shipped gazetteer plus the user's extension; parsed once per process.
    public static let shipped: Gazetteer = Gazetteer(lines: ResourceFiles.lines(of: "gazetteer.tsv"))

    public init(lines: [String]) {
        for line in lines { add(line: line) }
        buildIndex()
    }

    /// What `add(line:)` skips a line for, nil for a line it reads (`DataFileCheck`).
    static func lineProblem(_ line: String) -> String? {
        let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cols.count >= 2 else { return "expected name<TAB>kind<TAB>…, found no TAB" }
        if cols[0].isEmpty { return "no name in the first column" }
        if kind(cols[1]) == nil { return "unknown kind “\(cols[1])” (person, organization, agency, country, place)" }
        if cols.count > 6, !cols[6].isEmpty {
            let parts = cols[6].components(separatedBy: "..")
            if parts.count != 2 || parts.contains(where: { !$0.isEmpty && Day(iso: $0) == nil }) {
                return "the role dates “\(cols[6])” are not from..to (YYYY-MM-DD, either side may be empty)"
            }
        }
        return nil
    }

    /// The kind a gazetteer line's second column names, and whether it is a news agency.
    static func kind(_ text: String) -> (ActorKind, Bool)? {
        switch text.lowercased() {
        case "person": return (.person, false)
        case "organization", "organisation", "org": return (.organization, false)
        case "agency", "source": return (.organization, true)
        case "country", "state": return (.country, false)
        case "place", "city", "region": return (.place, false)
        default: return nil
        }
    }

    /// Parses one TSV line (see the header of `gazetteer.tsv`); malformed lines are skipped.
    mutating func add(line: String) {
        let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard cols.count >= 2, !cols[0].isEmpty else { return }
        guard let k = Gazetteer.kind(cols[1]) else { return }
        let (kind, isSource) = k
        func list(_ i: Int) -> [String] {
            guard i < cols.count else { return [] }
            return cols[i].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func opt(_ i: Int) -> String? { i < cols.count && !cols[i].isEmpty ? cols[i] : nil }
        let name = cols[0]
        if let existing = byName[name] {
            // A later line for the same actor (the user's file) adds to it.
            entries[existing].aliases += list(2)
            entries[existing].adjectives += list(5)
            if let a = opt(3) { entries[existing].affiliation = a }
            if let r = opt(4) { entries[existing].role = r }
            if let d = opt(6) { Gazetteer.setDates(d, of: &entries[existing]) }
            return
        }
        byName[name] = entries.count
        var entry = Entry(name: name, kind: kind, isSource: isSource, aliases: list(2), affiliation: opt(3),
                          role: opt(4), adjectives: list(5))
        if let d = opt(6) { Gazetteer.setDates(d, of: &entry) }
        entries.append(entry)
    }

    /// Column 7: the dates of the role, `from..to` (ISO days; either side may be empty).
    static func setDates(_ text: String, of entry: inout Entry) {
        let parts = text.components(separatedBy: "..")
        entry.roleFrom = parts.first.flatMap { Day(iso: $0) }
        entry.roleTo = parts.count > 1 ? Day(iso: parts[1]) : nil
    }

    /// Keys of the words of a name as the tokenizer would produce them.
    static func wordKeys(_ text: String) -> (keys: [String], caps: [Bool], possessive: [Bool]) {
        var t = text
        if t.hasPrefix("the ") || t.hasPrefix("The ") { t.removeFirst(4) }
        let scalars = Array(t.unicodeScalars)
        let tokens = ActorTokenizer.tokenize(scalars).tokens.filter { $0.isWord || $0.kind == .number }
        return (tokens.map(tokenKey), tokens.map { $0.isCapitalized || $0.isAllCaps }, tokens.map(\.possessive))
    }

    /// The look-up key of a token: acronyms keep their case (`AP` is not `ap`), names are normalised.
    static func tokenKey(_ t: ActorToken) -> String {
        t.isAllCaps ? "#" + t.text : NameKey.key(t.text)
    }

    private mutating func buildIndex() {
        // A surname alias shared by two people (Harris) names neither of them for sure: drop it.
        var surnameOwners: [String: Set<Int>] = [:]
        for (i, e) in entries.enumerated() where e.kind == .person {
            if let last = e.name.split(separator: " ").last { surnameOwners[NameKey.key(last), default: []].insert(i) }
        }
        for (i, e) in entries.enumerated() {
            var forms = [e.name] + e.aliases
            if e.kind == .person {
                forms = forms.filter { f in
                    guard !f.contains(" ") else { return true }
                    let owners = surnameOwners[NameKey.key(f)] ?? []
                    return owners.subtracting([i]).isEmpty
                }
                if let last = e.name.split(separator: " ").last {
                    personsBySurname[NameKey.key(last), default: []].append(i)
                }
            }
            for f in forms {
                let (keys, caps, poss) = Gazetteer.wordKeys(f)
                guard let first = keys.first, !first.isEmpty else { continue }
                let spelling = ActorTokenizer.tokenize(Array(f.unicodeScalars)).tokens
                    .filter { $0.isWord || $0.kind == .number }.map { ActorLexicon.spelling($0.text) }
                phrases[first, default: []].append(Phrase(keys: keys, mustCap: caps, possessive: poss, entry: i,
                                                          spelling: spelling))
            }
            for adj in e.adjectives {
                let (keys, caps, poss) = Gazetteer.wordKeys(adj)
                guard let first = keys.first else { continue }
                adjectivePhrases[first, default: []].append(Phrase(keys: keys, mustCap: caps, possessive: poss, entry: i))
            }
        }
        for k in phrases.keys { phrases[k]?.sort { $0.keys.count > $1.keys.count } }
        for k in adjectivePhrases.keys { adjectivePhrases[k]?.sort { $0.keys.count > $1.keys.count } }
    }

    /// The entry with this canonical name.
    public func entry(named name: String) -> Entry? {
        byName[name].map { entries[$0] }
    }

    func index(named name: String) -> Int? { byName[name] }

    /// The longest alias starting at token `i` (all its words capitalised where the data capitalises them).
    func longestMatch(in tokens: [ActorToken], keys: [String], at i: Int, adjectives: Bool = false) -> (entry: Int, length: Int)? {
        let table = adjectives ? adjectivePhrases : phrases
        guard let candidates = table[keys[i]] else { return nil }
        let t0 = tokens[i]
        guard t0.isWord, t0.isCapitalized || t0.isAllCaps || !(candidates.first?.mustCap.first ?? true) else { return nil }
        var found: (entry: Int, length: Int)?
        outer: for (ci, p) in candidates.enumerated() {
            let len = p.keys.count
            if let f = found, len < f.length { break }
            guard i + len <= tokens.count else { continue }
            for k in 0..<len {
                let t = tokens[i + k]
                if !(t.isWord || t.kind == .number) || keys[i + k] != p.keys[k] || t.line != t0.line { continue outer }
                if p.mustCap[k] && !(t.isCapitalized || t.isAllCaps) { continue outer }
                // A possessive inside a phrase ends it ("Biden’s Putin policy" is not one name) unless
                // the alias is written with it (Russia's Foreign Ministry).
                if k < len - 1 && t.possessive != p.possessive[k] { continue outer }
            }
            // Aliases of one length whose keys are equal (Cameroon, Cameron): the one spelt as written wins.
            let tie = ci + 1 < candidates.count && candidates[ci + 1].keys.count == len
            if !tie && found == nil { return (p.entry, len) }
            if p.spelling.count == len,
               (0..<len).allSatisfy({ ActorLexicon.spelling(tokens[i + $0].text) == p.spelling[$0] }) {
                return (p.entry, len)
            }
            if found == nil { found = (p.entry, len) }
        }
        return found
    }

    /// Person entries whose surname key is within the surname tolerance of `key`.
    func persons(nearSurname key: String) -> [Int] {
        if let exact = personsBySurname[key] { return exact }
        guard key.count >= 5 else { return [] }
        var out: [Int] = []
        // Symmetric-delete candidates would be faster; the surname table is small enough to scan only
        // the entries sharing the first letter and a similar length.
        for (k, v) in personsBySurname where k.first == key.first && abs(k.count - key.count) <= 2 {
            if NameKey.distance(k, key, limit: NameKey.surnameTolerance(k, key)) <= NameKey.surnameTolerance(k, key) {
                out += v
            }
        }
        return out
    }
}
