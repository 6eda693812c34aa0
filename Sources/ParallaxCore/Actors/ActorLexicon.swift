/// The word lists the person-finding rules read: roles and titles, honorifics, speech verbs, non-names,
/// heads of named things, given names (`Resources/data/roles.txt`, `speech-verbs.txt`,
/// `non-names.txt`, `given-names.txt`, each extendable by the user's file of the same name).
public struct ActorLexicon: Sendable {
    /// A set of phrases of one or more lower-case words, matched at a token by first word.
    struct PhraseSet: Sendable {
        private(set) var byFirst: [String: [[String]]] = [:]
        init(_ phrases: [String]) {
            for p in phrases {
                // A dotted abbreviation (`H.E.`) is one token as written, with its final dot.
                let dotted = !p.contains(" ") && p.dropLast().contains(".")
                let words = dotted ? [p.hasSuffix(".") ? p.lowercased() : p.lowercased() + "."] : ActorLexicon.words(p)
                guard let f = words.first else { continue }
                byFirst[f, default: []].append(words)
            }
            for k in byFirst.keys { byFirst[k]?.sort { $0.count > $1.count } }
        }
        /// Length in tokens of the longest phrase starting at `i`, if any. Phrases stay on one line
        /// and do not run through punctuation.
        func match(_ tokens: [ActorToken], at i: Int) -> Int? {
            guard tokens[i].isWord, let cands = byFirst[tokens[i].lower] else { return nil }
            outer: for c in cands {
                guard i + c.count <= tokens.count else { continue }
                for k in 0..<c.count {
                    let t = tokens[i + k]
                    if !t.isWord || t.lower != c[k] || t.line != tokens[i].line { continue outer }
                    if k < c.count - 1 && t.possessive { continue outer }
                }
                return c.count
            }
            return nil
        }
        func contains(_ word: String) -> Bool { byFirst[word]?.contains { $0.count == 1 } ?? false }
    }

    var roles: PhraseSet
    var modifiers: PhraseSet
    var honorifics: PhraseSet
    var unnamedHeads: Set<String>
    /// Heads of a speaker who stays unnamed even with `the` (`the source`, `the official`): never
    /// read as someone already in the story, as `the Russian President` is.
    var anonymousHeads: Set<String>
    var speechVerbs: PhraseSet
    var nonNameWords: Set<String>
    var thingHeads: Set<String>
    var organizationHeads: Set<String>
    var placeHeads: Set<String>
    var particles: Set<String>
    /// Words of kinship and company before a name (`his nephew Haryo Susanto`, `her aunt Suda`):
    /// the name after one is a person's.
    var relatives: Set<String>
    /// Words that tie a title to what it is of (`of`, `for`, `untuk`, `do`): `Ambassador to China X`,
    /// `governador do Pará, X` (roles.txt `[links]`).
    var roleLinks: Set<String>
    /// Generational words that close a person's name (`Otávio Lemos Filho`).
    var nameSuffixes: Set<String>
    /// Given name key → id of its group of equivalent forms.
    var givenNames: [String: Int]
    /// Keys of family names written first, per convention (`surnames-east-asian.txt`,
    /// `surnames-vietnamese.txt`, `surnames-hungarian.txt`).
    var eastAsianFamilyNames: Set<String> = []
    var vietnameseFamilyNames: Set<String> = []
    var hungarianFamilyNames: Set<String> = []
    var japaneseFamilyNames: Set<String> = []
    /// Given names exactly as listed (lower case): the structure of a name is read from spellings,
    /// where `Yo` is not `Jo` although their keys are equal.
    var givenSpellings: Set<String> = []

    /// The shipped lists plus the user's; parsed once per process.
    public static let shipped = ActorLexicon(
        roles: ResourceFiles.lines(of: "roles.txt"),
        speechVerbs: ResourceFiles.lines(of: "speech-verbs.txt"),
        nonNames: ResourceFiles.lines(of: "non-names.txt"),
        givenNames: ResourceFiles.lines(of: "given-names.txt"),
        eastAsianSurnames: ResourceFiles.lines(of: "surnames-east-asian.txt"),
        vietnameseSurnames: ResourceFiles.lines(of: "surnames-vietnamese.txt"),
        hungarianSurnames: ResourceFiles.lines(of: "surnames-hungarian.txt"),
        japaneseSurnames: ResourceFiles.lines(of: "surnames-japanese.txt"))

    public init(roles: [String], speechVerbs: [String], nonNames: [String], givenNames: [String],
                eastAsianSurnames: [String], vietnameseSurnames: [String], hungarianSurnames: [String],
                japaneseSurnames: [String] = []) {
        self.init(roles: roles, speechVerbs: speechVerbs, nonNames: nonNames, givenNames: givenNames)
        // By spelling, not by the romanisation-folding key: `Jo` (a Korean family name) is not `Joe`.
        func keys(_ lines: [String]) -> Set<String> { Set(lines.map { ActorLexicon.spelling($0) }.filter { !$0.isEmpty }) }
        eastAsianFamilyNames = keys(eastAsianSurnames)
        vietnameseFamilyNames = keys(vietnameseSurnames)
        hungarianFamilyNames = keys(hungarianSurnames)
        japaneseFamilyNames = keys(japaneseSurnames)
    }

    public init(roles: [String], speechVerbs: [String], nonNames: [String], givenNames: [String]) {
        let r = ActorLexicon.sections(roles)
        self.roles = PhraseSet(r["roles"] ?? [])
        self.modifiers = PhraseSet(r["modifiers"] ?? [])
        self.honorifics = PhraseSet((r["honorifics"] ?? []).map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 })
        self.unnamedHeads = Set((r["unnamed"] ?? []).map { $0.lowercased() })
        self.anonymousHeads = Set((r["anonymous"] ?? []).map { $0.lowercased() })
        self.relatives = Set((r["relatives"] ?? []).map { $0.lowercased() })
        self.roleLinks = Set((r["links"] ?? []).map { $0.lowercased() })
        self.speechVerbs = PhraseSet(speechVerbs)
        let n = ActorLexicon.sections(nonNames)
        self.nonNameWords = Set((n["words"] ?? []).map { $0.lowercased() })
        self.thingHeads = Set((n["things"] ?? []).map { $0.lowercased() })
        self.organizationHeads = Set((n["organizations"] ?? []).map { $0.lowercased() })
        self.placeHeads = Set((n["places"] ?? []).map { $0.lowercased() })
        self.particles = Set((n["particles"] ?? []).map { $0.lowercased() })
        self.nameSuffixes = Set((n["suffixes"] ?? []).map { $0.lowercased() })
        var given: [String: Int] = [:]
        var spellings = Set<String>()
        for (i, line) in givenNames.enumerated() {
            for form in line.split(separator: "|") {
                let f = form.trimmingCharacters(in: .whitespaces)
                let k = NameKey.key(f)
                if !k.isEmpty && given[k] == nil { given[k] = i }
                spellings.insert(f.lowercased())
            }
        }
        self.givenSpellings = spellings
        self.givenNames = given
    }

    /// Splits `[section]` files into their sections (lines before any header go to "").
    static func sections(_ lines: [String]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        var current = ""
        for l in lines {
            if l.hasPrefix("[") && l.hasSuffix("]") {
                current = String(l.dropFirst().dropLast()).lowercased()
                continue
            }
            out[current, default: []].append(l)
        }
        return out
    }

    /// The lower-case words of a phrase as the tokenizer splits them.
    static func words(_ phrase: String) -> [String] {
        ActorTokenizer.tokenize(Array(phrase.unicodeScalars)).tokens.filter { $0.isWord || $0.kind == .number }
            .map(\.lower)
    }

    /// The first name of a name's words, nil when there is none (`Kuleba`, `De Haan`, `von der Leyen`).
    func firstName(_ words: [String]) -> String? {
        guard words.count >= 2, let f = words.first, !particles.contains(f.lowercased()) else { return nil }
        return f
    }

    /// A word of a title or of an organisation's or thing's name (Advisers, Transport, Affairs).
    func isTitleOrHeadWord(_ lower: String) -> Bool {
        let singular = lower.hasSuffix("s") ? String(lower.dropLast()) : lower
        return roles.contains(lower) || roles.contains(singular) || modifiers.contains(lower)
            || organizationHeads.contains(lower) || thingHeads.contains(lower) || placeHeads.contains(lower)
    }

    func isGivenKey(_ key: String) -> Bool { !key.isEmpty && givenNames[key] != nil }

    func isGivenName(_ word: String) -> Bool { givenNames[NameKey.key(word)] != nil }

    /// Two first names can be one person's: the same key, one an initial or a prefix of the other,
    /// forms of one name in the given-names list (Tony/Antony, Bill/William), or — for longer
    /// names — one edit apart.
    func compatibleFirstNames(_ a: String, _ b: String) -> Bool {
        let ka = NameKey.key(a), kb = NameKey.key(b)
        if ka.isEmpty || kb.isEmpty { return true }
        if ka == kb { return true }
        let sa = FastText.trimmed(a, dropping: "."), sb = FastText.trimmed(b, dropping: ".")
        if sa.count == 1 || sb.count == 1 { return ka.first == kb.first }
        if let ga = givenNames[ka], let gb = givenNames[kb], ga == gb { return true }
        if min(ka.count, kb.count) >= 5, ka.first == kb.first, NameKey.distance(ka, kb, limit: 1) <= 1 { return true }
        return false
    }

    // MARK: - Name structure

    /// How a person's name is built, from its words and the family-name lists: the words a bare
    /// reference repeats (`Kim`, `Mr. Moon`, `von der Leyen`, `bin Salman`, `Trong`) and the short form
    /// a title shows. The article's own usage (which part it repeats alone) is read by the callers.
    struct NameShape: Equatable {
        /// Family name first (Kim Jong Un, Orbán Viktor, Nguyen Phu Trong).
        var familyFirst: Bool
        /// The words a bare reference to the person repeats.
        var reference: [String]
        var short: String { reference.joined(separator: " ") }
    }

    /// A word lower-cased and stripped of accents, nothing else folded: how the family-name lists
    /// are matched.
    static func spelling(_ w: some StringProtocol) -> String {
        var out: [UInt8] = []
        for u in w.unicodeScalars { NameKey.appendFolded(u, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    func shape(_ words: [String]) -> NameShape {
        guard words.count >= 2, let first = words.first, let last = words.last else {
            return NameShape(familyFirst: false, reference: words)
        }
        let k0 = ActorLexicon.spelling(first)
        let rest = words.dropFirst()
        func isGivenName(_ w: String) -> Bool { givenSpellings.contains(w.lowercased()) }
        // A regnal number is not a surname (Abdullah II).
        if words.count == 2, last.allSatisfy({ "IVX".contains($0) }) { return NameShape(familyFirst: false, reference: [first]) }
        // The given names after an East Asian family name are syllables (Jinping, Jae-in, Yong Ho), not
        // a Western surname (Lee Anderson); the usage of the article overrules this where it can.
        if eastAsianFamilyNames.contains(k0), words.count <= 3,
           rest.allSatisfy({ w in !isGivenName(w) && (w.contains("-") || w.unicodeScalars.count <= 7) }) {
            return NameShape(familyFirst: true, reference: [first])
        }
        if japaneseFamilyNames.contains(k0), words.count == 2, !japaneseFamilyNames.contains(ActorLexicon.spelling(last)),
           let end = last.lowercased().last, "aeioun".contains(end) {
            return NameShape(familyFirst: true, reference: [first])
        }
        if vietnameseFamilyNames.contains(k0), words.count >= 3 || !isGivenName(last) {
            return NameShape(familyFirst: true, reference: [last])
        }
        if hungarianFamilyNames.contains(k0), words.count == 2, !isGivenName(first), isGivenName(last) {
            return NameShape(familyFirst: true, reference: [first])
        }
        // Particles open the surname: Ursula von der Leyen, Mohammed bin Salman, Lula da Silva.
        if let p = (1..<words.count - 1).first(where: { particles.contains(words[$0].lowercased()) }) {
            return NameShape(familyFirst: false, reference: Array(words[p...]))
        }
        return NameShape(familyFirst: false, reference: [last])
    }

    /// The keys a one-word reference to this name may have: its family name (first or last word) and
    /// its last word.
    func referenceKeys(_ words: [String]) -> [String] {
        let s = shape(words)
        var out = [words.last.map { NameKey.key($0) } ?? ""]
        if let r = s.reference.last { out.append(NameKey.key(r)) }
        if s.familyFirst, let f = words.first { out.append(NameKey.key(f)) }
        return out
    }

    /// The whole-name key of a name whose family name comes first and is its short form (Kim Jong Un,
    /// Xi Jinping), nil for other names: such names are merged by the whole name, not a last word.
    func familyFirstKey(_ words: [String]) -> String? {
        let s = shape(words)
        guard s.familyFirst, s.reference.first == words.first else { return nil }
        return ActorLexicon.joinedKey(words)
    }

    /// A spelling-insensitive key of a whole family-name-first name (`Kim Jong-un` = `Kim Jong Un`).
    static func joinedKey(_ words: [String]) -> String { NameKey.key(words.joined()) }

    /// `Justices`, `Ministers`: the plural of a role, never a name.
    func isPluralRole(_ lower: String) -> Bool {
        guard lower.count > 3, lower.hasSuffix("s"), !roles.contains(lower) else { return false }
        let stem = String(lower.dropLast())
        if roles.contains(stem) { return true }
        if lower.hasSuffix("es"), roles.contains(String(lower.dropLast(2))) { return true }
        return false
    }
}
