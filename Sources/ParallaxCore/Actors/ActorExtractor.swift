/// An actor as one article names it, before the corpus merges spellings across articles.
struct LocalActor: Sendable {
    /// Index into the gazetteer's entries, for known actors.
    var entry: Int?
    var kind: ActorKind
    var isSource: Bool
    /// Words of the fullest form of the name the article uses (persons), or the name as written.
    var words: [String]
    var mentions: [Mention]
    var roles: [String]
    /// A single word that only a speech verb marks as a person: kept only if the corpus names someone
    /// with that surname in full.
    var weak: Bool = false
}

/// A quotation found in one article; the speaker is an index into the article's local actors.
struct LocalQuote: Sendable {
    var text: String
    var range: TextRange
    var speaker: Int?
    var label: String?
}

/// What one article says about its actors.
struct ArticleActors: Sendable {
    var articleID: String
    var actors: [LocalActor]
    var quotes: [LocalQuote]
}

/// Finds the actors of one article: gazetteer matches, people found by pattern (title + name, name +
/// speech verb, appositions, honorifics, given names), the article's own coreference (surname alone,
/// title + surname), then its quotes. Everything is a single pass or a constant number of passes over
/// the tokens; the gazetteer and lexicon are hash look-ups.
struct ActorExtractor: Sendable {
    let gazetteer: Gazetteer
    let lexicon: ActorLexicon

    enum SegKind: Equatable {
        case gazetteer(Int)
        case adjective(Int)
        case role
        case honorific
        case name
    }

    struct Segment {
        var kind: SegKind
        var lo: Int
        var hi: Int
    }

    /// A name run judged to be a person, with what the article says about them.
    /// How strongly the text around a name says it is a person. A speech verb alone is weak: companies,
    /// ministries and cities "say" things too, so a single word with only that is kept only when it
    /// repeats the surname of someone named in full.
    enum Evidence: Int, Comparable {
        case none, speech, strong
        static func < (a: Evidence, b: Evidence) -> Bool { a.rawValue < b.rawValue }
    }

    struct PersonCandidate {
        var seg: Int
        var lo: Int
        var hi: Int
        var evidence: Evidence
        var roles: [String]
        var evidenceBool: Bool { evidence > .none }
    }

    // MARK: - Entry point

    /// `date` is the article's published day, when known: a gazetteer person whose role is dated is
    /// named by a surname alone only in an article of those dates.
    func extract(articleID: String, body: String, date: Day? = nil) -> ArticleActors {
        let scalars = Array(body.unicodeScalars)
        let lexicon = self.lexicon
        var (tokens, lineCount) = ActorTokenizer.tokenize(scalars, isTitle: {
            lexicon.roles.contains($0) || lexicon.honorifics.contains($0) || lexicon.isPluralRole($0)
        })
        // Scalars and tokens read; the helpers below add the candidates they compare (see WorkCounter).
        WorkCounter.count(scalars.count + tokens.count, "actors")
        markCredits(&tokens)
        // One normalisation per distinct word of the article.
        var keyCache: [String: String] = [:]
        for i in tokens.indices where tokens[i].isWord || tokens[i].kind == .number {
            if let k = keyCache[tokens[i].text] {
                tokens[i].key = k
            } else {
                let k = NameKey.key(tokens[i].text)
                keyCache[tokens[i].text] = k
                tokens[i].key = k
            }
        }
        let keys = tokens.map { $0.isWord || $0.kind == .number ? ($0.isAllCaps ? "#" + $0.text : $0.key) : "" }
        let headline = headlineLines(tokens, lineCount: lineCount)
        // Words the article also writes in lower case are ordinary words, not names ("Staff", "Capability").
        var lowerWords = Set<String>()
        for t in tokens where t.isWord && !t.isCapitalized && !t.isAllCaps { lowerWords.insert(t.lower) }
        let (segments, segAt) = segment(tokens, keys: keys)

        var locals: [LocalActor] = []
        var localByEntry: [Int: Int] = [:]
        var localByName: [String: Int] = [:]
        var personAtToken: [Int: Int] = [:]  // first token of a mention → local actor

        func text(_ lo: Int, _ hi: Int) -> String {
            return ActorTokenizer.makeString(scalars, tokens[lo].start, tokens[hi - 1].end)
        }
        func mention(_ lo: Int, _ hi: Int) -> Mention {
            Mention(articleID: articleID, range: TextRange(start: tokens[lo].start, end: tokens[hi - 1].end),
                    surface: text(lo, hi))
        }

        // 1. Gazetteer actors. A person matched by a surname alone (`Yoon`, `Mr. Yoon`) waits until the
        // article's own people are known: a person of that name introduced here comes first.
        var surnameOnly: [Segment] = []
        for s in segments {
            guard case .gazetteer(let e) = s.kind else { continue }
            let entry = gazetteer.entries[e]
            // Only a word of the name itself waits; a nickname or an acronym (Jokowi, MBS) is the entry.
            if entry.kind == .person, s.hi - s.lo == 1, entry.name.contains(" "),
               entry.name.split(separator: " ").contains(where: { NameKey.key($0) == tokens[s.lo].key }) {
                surnameOnly.append(s)
                continue
            }
            let m = mention(s.lo, s.hi)
            if let li = localByEntry[e] {
                locals[li].mentions.append(m)
            } else {
                localByEntry[e] = locals.count
                locals.append(LocalActor(entry: e, kind: entry.kind, isSource: entry.isSource,
                                         words: entry.name.split(separator: " ").map(String.init),
                                         mentions: [m], roles: []))
            }
            if entry.kind == .person { personAtToken[s.lo] = localByEntry[e] }
        }

        // 2. Name runs: classify, collect people with evidence.
        var candidates: [PersonCandidate] = []
        var others: [(kind: ActorKind, lo: Int, hi: Int, name: String)] = []
        for (si, s) in segments.enumerated() where s.kind == .name {
            var lo = s.lo
            var hi = s.hi
            // A sentence-initial word that is not a name (Echoing Reznikov, Separately, The).
            while lo < hi, isNonNameOpener(tokens[lo]) { lo += 1 }
            guard lo < hi else { continue }
            // A trailing single letter is a numeral or an initial, not a surname (Henry V).
            if hi - lo >= 2, tokens[hi - 1].text.unicodeScalars.count == 1 { hi -= 1 }
            // Plural roles are not names (Chief Justices, Foreign Ministers).
            while hi > lo, lexicon.isPluralRole(tokens[hi - 1].lower) { hi -= 1 }
            while lo < hi, lexicon.isPluralRole(tokens[lo].lower) { lo += 1 }
            guard lo < hi else { continue }
            // Two words ending on a title, the first no given name, are a title (`Oil Minister`, `Il
            // Presidente`), not a person called so.
            if hi - lo == 2, lexicon.roles.contains(tokens[hi - 1].lower), !lexicon.isGivenKey(tokens[lo].key) { continue }
            // Initials alone (`B.` of `Plan B.`) are no one's name.
            if (lo..<hi).allSatisfy({ isInitials(tokens[$0]) }) { continue }
            if let thing = namedThing(tokens, lo: lo, hi: hi) {
                if let k = thing { others.append((k, lo, hi, text(lo, hi))) }
                continue
            }
            // "Economic Advisers Kevin Hassett", "Transport Omar Alghabra": words of a title or an
            // organisation before a given name are not part of the name.
            if hi - lo >= 3, !lexicon.isGivenKey(tokens[lo].key) && !lexicon.particles.contains(tokens[lo].lower),
               let p = (lo + 1..<hi - 1).first(where: { lexicon.isGivenKey(tokens[$0].key) }),
               p - lo >= 2 || (lo..<p).contains(where: { lexicon.isTitleOrHeadWord(tokens[$0].lower) }),
               // (Not through a patronymic chain: `Fahd bin Mahmoud al-Said` is one name, whatever `Fahd` is.)
               !(lo + 1..<p).contains(where: { lexicon.particles.contains(tokens[$0].lower) }) {
                lo = p
            }
            if headline.contains(tokens[lo].line) {
                candidates.append(PersonCandidate(seg: si, lo: lo, hi: hi, evidence: .none, roles: []))
                continue
            }
            let (evidence, roles) = personEvidence(tokens, segments: segments, segAt: segAt, seg: si, lo: lo, hi: hi,
                                                   scalars: scalars)
            candidates.append(PersonCandidate(seg: si, lo: lo, hi: hi, evidence: evidence, roles: roles))
        }

        markListedPeople(&candidates, tokens: tokens, segments: segments, segAt: segAt, headline: headline)

        // 3. People with full names and evidence first, then everything that may refer to them.
        func nameWords(_ lo: Int, _ hi: Int) -> [String] { (lo..<hi).map { tokens[$0].text } }
        func addPerson(_ c: PersonCandidate) -> Int {
            let words = nameWords(c.lo, c.hi)
            let key = words.map { NameKey.key($0) }.joined(separator: " ")
            if let li = localByName[key] {
                locals[li].mentions.append(mention(c.lo, c.hi))
                locals[li].roles += c.roles
                return li
            }
            localByName[key] = locals.count
            locals.append(LocalActor(entry: nil, kind: .person, isSource: false, words: words,
                                     mentions: [mention(c.lo, c.hi)], roles: c.roles))
            return locals.count - 1
        }
        let personKeys = PersonKeys()
        var pending: [PersonCandidate] = []
        for c in candidates {
            if c.evidence > .none && c.hi - c.lo >= 2 && refersTo(c, tokens: tokens, locals: locals, keys: personKeys) == nil {
                personAtToken[c.lo] = addPerson(c)
            } else {
                pending.append(c)
            }
        }
        for c in pending {
            if let li = refersTo(c, tokens: tokens, locals: locals, keys: personKeys) {
                locals[li].mentions.append(mention(c.lo, c.hi))
                locals[li].roles += c.roles
                personAtToken[c.lo] = li
            } else if tokens[c.lo].sentenceStart, c.hi - c.lo >= 2, !lexicon.isGivenKey(tokens[c.lo].key),
                      let li = refersTo(PersonCandidate(seg: c.seg, lo: c.lo + 1, hi: c.hi, evidence: c.evidence, roles: c.roles),
                                        tokens: tokens, locals: locals, keys: personKeys) {
                // "Perhaps Bennett": a sentence-initial word before a known surname.
                locals[li].mentions.append(mention(c.lo + 1, c.hi))
                locals[li].roles += c.roles
                personAtToken[c.lo + 1] = li
            } else if c.hi - c.lo == 1, let li = personByOtherWord(tokens[c.lo], at: tokens[c.lo].start, in: locals) {
                // A word of a full name used alone, as the article uses it (`Raila` for Raila Odinga,
                // `Prince Mohammed`, `Lula`), stands for that person, not for a person of its own.
                locals[li].mentions.append(mention(c.lo, c.hi))
                personAtToken[c.lo] = li
            } else if c.hi - c.lo == 1 && (lowerWords.contains(tokens[c.lo].lower) || tokens[c.lo].text.count < 2) {
                continue
            } else if c.hi - c.lo == 1, c.lo >= 2, tokens[c.lo - 1].lower == "of", tokens[c.lo - 2].isWord,
                      tokens[c.lo - 2].isCapitalized, !tokens[c.lo - 2].possessive, tokens[c.lo - 2].line == tokens[c.lo].line {
                // `the National Academy of Politics, Chairman of …`: one word after `of` in a capitalised
                // name is the end of that name, not a person of its own.
                continue
            } else if c.evidence == .strong && acceptableAlone(tokens, lo: c.lo, hi: c.hi) {
                personAtToken[c.lo] = addPerson(c)
            } else if c.evidence == .speech && acceptableAlone(tokens, lo: c.lo, hi: c.hi) {
                let li = addPerson(c)
                if locals[li].mentions.count == 1 { locals[li].weak = true }
                personAtToken[c.lo] = li
            }
        }

        // 3b. Surnames alone that the gazetteer knows: the article's own person of that name (nearest
        // preceding full mention), else the gazetteer's entry if its dated role fits the article's date,
        // else a person of the article.
        for s in surnameOnly {
            guard case .gazetteer(let e) = s.kind else { continue }
            let c = PersonCandidate(seg: -1, lo: s.lo, hi: s.hi, evidence: .strong, roles: [])
            if let li = refersTo(c, tokens: tokens, locals: locals, keys: personKeys) {
                locals[li].mentions.append(mention(s.lo, s.hi))
                personAtToken[s.lo] = li
            } else if gazetteer.entries[e].roleFits(date) {
                let entry = gazetteer.entries[e]
                if let li = localByEntry[e] {
                    locals[li].mentions.append(mention(s.lo, s.hi))
                } else {
                    localByEntry[e] = locals.count
                    locals.append(LocalActor(entry: e, kind: entry.kind, isSource: entry.isSource,
                                             words: entry.name.split(separator: " ").map(String.init),
                                             mentions: [mention(s.lo, s.hi)], roles: []))
                }
                personAtToken[s.lo] = localByEntry[e]
            } else {
                personAtToken[s.lo] = addPerson(c)
            }
        }

        // 4. Roles of gazetteer people (Kremlin spokesman Dmitry Peskov).
        for (si, s) in segments.enumerated() {
            guard case .gazetteer(let e) = s.kind, gazetteer.entries[e].kind == .person,
                  let li = personAtToken[s.lo] ?? localByEntry[e], !headline.contains(tokens[s.lo].line) else { continue }
            let (_, roles) = personEvidence(tokens, segments: segments, segAt: segAt, seg: si, lo: s.lo, hi: s.hi,
                                            scalars: scalars)
            locals[li].roles += roles
        }

        // 5. Organisations and places named by their head word (Northern Fleet, Yasynuvata district).
        for o in others {
            let key = "\(o.kind.rawValue):" + NameKey.phraseKey(o.name)
            if let li = localByName[key] {
                locals[li].mentions.append(mention(o.lo, o.hi))
            } else {
                localByName[key] = locals.count
                locals.append(LocalActor(entry: nil, kind: o.kind, isSource: false, words: [o.name],
                                         mentions: [mention(o.lo, o.hi)], roles: []))
            }
        }

        for i in locals.indices {
            locals[i].roles = dedupe(locals[i].roles)
            locals[i].mentions.sort { $0.range < $1.range }
        }
        // What each person is called besides their name, for reading `the Russian President` or `le
        // chancelier allemand`: the article's roles for them, the gazetteer's role, and their state with
        // its names and adjectives.
        let callings: [[String]] = locals.map { l in
            guard l.kind == .person else { return [] }
            var phrases = l.roles
            if let e = l.entry, gazetteer.entries.indices.contains(e) {
                let g = gazetteer.entries[e]
                if let r = g.role { phrases.append(r) }
                if let a = g.affiliation {
                    phrases.append(a)
                    if let s = gazetteer.entry(named: a) { phrases += s.aliases + s.adjectives }
                }
            }
            return phrases
        }
        let quotes = QuoteFinder(lexicon: lexicon).find(tokens: tokens, scalars: scalars, personAtToken: personAtToken,
                                                        locals: locals, callings: callings)
        return ArticleActors(articleID: articleID, actors: locals, quotes: quotes)
    }

    // MARK: - Segmentation

    /// Marks the words of credits, which name photographers and editors rather than actors:
    /// `© MANDEL NGAN, Mikhail Metzel AFP`, `(AP Photo/Evan Vucci)`, `Photo: …`, `Reporting by …;
    /// Editing by …`, and a byline line (`By Anna Smith and Tom Jones`). A credit runs to the end of its
    /// line, or to the closing parenthesis when it opened inside one.
    /// Built once, not once per article (hashing twenty strings per article was 1% of a build).
    private static let creditWords: Set<String> = ["reporting", "writing", "editing", "compiled", "photo", "photos",
                                                   "photograph", "photographs", "credit", "credits", "image", "images",
                                                   "illustration", "video", "graphic", "produced", "edited", "written",
                                                   "reported", "additional"]

    func markCredits(_ tokens: inout [ActorToken]) {
        let creditWords = Self.creditWords
        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            var start: Int?
            if t.punctChar == "©" { start = i }
            if t.isWord, creditWords.contains(t.lower), i + 1 < n, tokens[i + 1].line == t.line {
                let next = tokens[i + 1]
                if next.lower == "by" || next.punctChar == ":" || next.punctChar == "/" { start = i }
                if next.lower == "reporting", i + 2 < n, tokens[i + 2].lower == "by" { start = i }
            }
            // A byline: a short line that opens with "By" and a capitalised name.
            if t.isWord, t.text == "By", t.sentenceStart, i + 1 < n, tokens[i + 1].isCapitalized,
               i == 0 || tokens[i - 1].line != t.line {
                var k = i
                while k < n && tokens[k].line == t.line { k += 1 }
                WorkCounter.count(k - i, "actors")
                if k - i <= 14 && !(tokens[k - 1].punctChar.map { ".!?".unicodeScalars.contains($0) } ?? false) { start = i }
            }
            guard let s = start else { i += 1; continue }
            let inParens = (0..<s).reversed().prefix(3).contains { tokens[$0].punctChar == "(" && tokens[$0].line == t.line }
            var k = s
            while k < n && tokens[k].line == t.line {
                if inParens && tokens[k].punctChar == ")" { break }
                tokens[k].inCredit = true
                k += 1
            }
            i = k
        }
    }

    /// Lines set in title case without closing punctuation: headlines, where capitals mean nothing.
    func headlineLines(_ tokens: [ActorToken], lineCount: Int) -> Set<Int> {
        var words = [Int](repeating: 0, count: lineCount + 1)
        var caps = [Int](repeating: 0, count: lineCount + 1)
        var lastTok = [Int](repeating: -1, count: lineCount + 1)
        var allWords = [Int](repeating: 0, count: lineCount + 1)
        for (i, t) in tokens.enumerated() {
            guard t.line < words.count else { continue }
            lastTok[t.line] = i
            if t.isWord { allWords[t.line] += 1 }
            if t.isWord && t.end - t.start >= 4 {
                words[t.line] += 1
                if t.isCapitalized || t.isAllCaps { caps[t.line] += 1 }
            }
        }
        var out = Set<Int>()
        // A headline is short: a long unpunctuated line of names and titles is a sentence that lost its
        // full stop (`… received by Foreign Affairs Cabinet Secretary Alfred Mutua and Mining Cabinet
        // Secretary Salim Mvurya`), where the capitals are names.
        for l in 0..<words.count where words[l] >= 3 && allWords[l] <= 18 && lastTok[l] >= 0 {
            let last = tokens[lastTok[l]]
            let ends = last.punctChar.map { ".!?".unicodeScalars.contains($0) } ?? false
            if !ends && Double(caps[l]) >= 0.75 * Double(words[l]) { out.insert(l) }
        }
        return out
    }

    func segment(_ tokens: [ActorToken], keys: [String]) -> ([Segment], [Int]) {
        var segs: [Segment] = []
        var segAt = [Int](repeating: -1, count: tokens.count)
        var i = 0
        let n = tokens.count
        func add(_ k: SegKind, _ lo: Int, _ hi: Int) {
            for j in lo..<hi { segAt[j] = segs.count }
            segs.append(Segment(kind: k, lo: lo, hi: hi))
        }
        while i < n {
            let t = tokens[i]
            guard t.isWord, !t.inCredit else { i += 1; continue }
            var gaz = gazetteer.longestMatch(in: tokens, keys: keys, at: i)
            // A known person's surname opening a longer name is not that person (`Yoon` of a
            // spokesman Yoon Young-chan): the name run takes it.
            if let g = gaz, g.length == 1, gazetteer.entries[g.entry].kind == .person, i + 1 < n,
               tokens[i + 1].isWord, tokens[i + 1].isCapitalized, !tokens[i + 1].isAllCaps, !t.possessive,
               tokens[i + 1].line == t.line, !lexicon.nonNameWords.contains(tokens[i + 1].lower),
               gazetteer.longestMatch(in: tokens, keys: keys, at: i + 1) == nil,
               gazetteer.longestMatch(in: tokens, keys: keys, at: i + 1, adjectives: true) == nil,
               roleChain(tokens, at: i + 1) == nil {
                gaz = nil
            }
            // `Foreign Minister Santiago Cafiero`: a one-word place between a title and a capitalised word
            // is a given name.
            if let g = gaz, g.length == 1, gazetteer.entries[g.entry].kind == .place, let prev = segs.last,
               prev.kind == .role, prev.hi == i, i + 1 < n, tokens[i + 1].isWord, tokens[i + 1].isCapitalized,
               !tokens[i + 1].isAllCaps, !t.possessive, tokens[i + 1].line == t.line,
               gazetteer.longestMatch(in: tokens, keys: keys, at: i + 1) == nil,
               gazetteer.longestMatch(in: tokens, keys: keys, at: i + 1, adjectives: true) == nil,
               roleChain(tokens, at: i + 1) == nil {
                gaz = nil
            }
            let adj = (t.isCapitalized || t.isAllCaps) ? gazetteer.longestMatch(in: tokens, keys: keys, at: i, adjectives: true) : nil
            let roleLen = roleChain(tokens, at: i)
            let honor = (t.isCapitalized ? lexicon.honorifics.match(tokens, at: i) : nil).flatMap { len -> Int? in
                let j = i + len + (i + len < n && tokens[i + len].punctChar == "." ? 1 : 0)
                return j < n && tokens[j].isCapitalized && tokens[j].line == t.line ? j - i : nil
            }
            // `Mohammed bin Salman bin Abdulaziz Al Saud`: a known person's name goes on through its
            // chain of `bin X` and `Al Y`, which is still that person, not a person of its own.
            if let g = gaz, gazetteer.entries[g.entry].kind == .person {
                var k = i + g.length
                while k + 1 < n, tokens[k].isWord, tokens[k].line == t.line,
                      ["bin", "ibn", "bint", "al", "el"].contains(tokens[k].lower),
                      tokens[k + 1].isWord, tokens[k + 1].isCapitalized, tokens[k + 1].line == t.line,
                      k > i + g.length || !["al", "el"].contains(tokens[k].lower)
                        || gazetteer.entries[g.entry].name.contains(" bin ") {
                    k += 2
                }
                if k > i + g.length { gaz = (entry: g.entry, length: k - i) }
            }
            let gl = gaz?.length ?? 0, al = adj?.length ?? 0, rl = roleLen ?? 0, hl = honor ?? 0
            let best = max(gl, al, rl, hl)
            if best > 0 {
                if gl == best, let g = gaz { add(.gazetteer(g.entry), i, i + gl) }
                else if hl == best { add(.honorific, i, i + hl) }
                else if rl == best { add(.role, i, i + rl) }
                else if let a = adj { add(.adjective(a.entry), i, i + al) }
                i += best
                continue
            }
            if t.isCapitalized && (!t.isAllCaps || startsNameWithInitials(tokens, at: i)) && !isContraction(t) && !isCompoundOfKnownNames(t)
                && (!lexicon.nonNameWords.contains(t.lower) || lexicon.isGivenKey(t.key)) {
                var j = i + 1
                var last = i
                var absorbed: (entry: Int, end: Int)?
                while j < n && j - i < 7 && !tokens[last].possessive {
                    let u = tokens[j]
                    guard u.isWord, u.line == t.line, !u.inCredit else { break }
                    if u.isCapitalized && !u.isAllCaps {
                        if lexicon.nonNameWords.contains(u.lower) && !lexicon.isGivenKey(u.key) { break }
                        // `Miçotakis Ankara'ya`: a place with its case ending follows the name.
                        if FunctionWords.shipped.hasCaseSuffix(u.text) { break }
                        if isContraction(u) { break }
                        if let r = roleChain(tokens, at: j), j + r < n, tokens[j + r].isCapitalized,
                           tokens[j + r].line == t.line { break }
                        if let g = gazetteer.longestMatch(in: tokens, keys: keys, at: j) {
                            // `Bola Ahmed Tinubu`, `Bashar Al Assad`, `Nana Addo Dankwa Akufo-Addo`: the
                            // first and middle names of a known person before the part the gazetteer
                            // knows are that person, not a person of their own.
                            if knownPersonContinues(tokens, runStart: i, runEnd: j, entry: g.entry) { absorbed = (g.entry, j + g.length); break }
                            if g.length == 1, nameWordOverGazetteer(tokens, runStart: i, at: j, entry: g.entry) {
                                last = j
                                j += 1
                                continue
                            }
                            break
                        }
                        if gazetteer.longestMatch(in: tokens, keys: keys, at: j, adjectives: true) != nil { break }
                        last = j
                        j += 1
                        continue
                    }
                    if isArabicArticleName(u) || isArabicArticleName(u, lowerCase: true) {
                        if let g = gazetteer.longestMatch(in: tokens, keys: keys, at: j),
                           knownPersonContinues(tokens, runStart: i, runEnd: j, entry: g.entry) {
                            absorbed = (g.entry, j + g.length)
                            break
                        }
                        last = j
                        j += 1
                        continue
                    }
                    // Particles inside a name (Ursula von der Leyen, Jean-Yves Le Drian, bin Salman).
                    if lexicon.particles.contains(u.lower), j + 1 < n, tokens[j + 1].line == t.line {
                        var k = j
                        while k < n && k - j < 3 && tokens[k].isWord && lexicon.particles.contains(tokens[k].lower) { k += 1 }
                        if k < n && tokens[k].isWord && tokens[k].isCapitalized && !tokens[k].isAllCaps {
                            last = k
                            j = k + 1
                            continue
                        }
                    }
                    break
                }
                if let a = absorbed {
                    add(.gazetteer(a.entry), i, a.end)
                    i = a.end
                    continue
                }
                add(.name, i, last + 1)
                i = last + 1
                continue
            }
            i += 1
        }
        return (segs, segAt)
    }

    /// Whether the name run from `runStart` is the start of the known person `entry`'s name: the entry is
    /// a person of two or more words whose first word the run's first word can be (Bola … Tinubu).
    /// A run of particles alone (`Mr Al Assad`) is the article of that name.
    func knownPersonContinues(_ tokens: [ActorToken], runStart: Int, runEnd: Int, entry: Int) -> Bool {
        let e = gazetteer.entries[entry]
        guard e.kind == .person else { return false }
        if (runStart..<runEnd).allSatisfy({ lexicon.particles.contains(tokens[$0].lower) }) { return true }
        let words = e.name.split(separator: " ").map(String.init)
        guard words.count >= 2, let first = lexicon.firstName(words) else { return false }
        let t = tokens[runStart]
        return NameKey.key(t.text) == NameKey.key(first)
            || (lexicon.isGivenKey(t.key) && lexicon.compatibleFirstNames(t.text, first) && t.text.count > 1)
    }

    /// `I'm`, `Don't`, `We've`: capitalised, but not names.
    func isContraction(_ t: ActorToken) -> Bool {
        // A scalar scan: this runs for every capitalised word, and Foundation's string search is slow.
        // Most words have no apostrophe: one byte scan (' is 0x27, ’ is E2 80 99).
        guard t.lower.utf8.contains(where: { $0 == 0x27 || $0 == 0x99 }) else { return false }
        let scalars = Array(t.lower.unicodeScalars)
        guard let apostrophe = scalars.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }) else { return false }
        let suffix = String(String.UnicodeScalarView(scalars[(apostrophe + 1)...]))
        return ["m", "ve", "t", "re", "ll", "d"].contains(suffix)
    }

    /// `Russia-Ukraine`, `Russia-NATO`: a hyphenated pair of known names is neither a person nor a place.
    func isCompoundOfKnownNames(_ t: ActorToken) -> Bool {
        guard t.text.utf8.contains(0x2D) else { return false }
        let parts = t.text.split(separator: "-")
        guard parts.count >= 2 else { return false }
        func known(_ p: Substring) -> Bool {
            let sub = ActorTokenizer.tokenize(Array(p.unicodeScalars)).tokens
            guard sub.count == 1 else { return false }
            let key = Gazetteer.tokenKey(sub[0])
            return gazetteer.longestMatch(in: sub, keys: [key], at: 0) != nil
                || gazetteer.longestMatch(in: sub, keys: [key], at: 0, adjectives: true) != nil
        }
        // Russian-occupied, Ukrainian-controlled, pro-Russian: adjectives built on a known name.
        if known(parts[0]), parts.dropFirst().contains(where: { $0.first?.isLowercase ?? false }) { return true }
        return parts.allSatisfy { p in
            let sub = ActorTokenizer.tokenize(Array(p.unicodeScalars)).tokens
            guard sub.count == 1 else { return false }
            let key = Gazetteer.tokenKey(sub[0])
            return gazetteer.longestMatch(in: sub, keys: [key], at: 0) != nil
                || gazetteer.longestMatch(in: sub, keys: [key], at: 0, adjectives: true) != nil
        }
    }

    /// `al-Assad`, `el-Sisi`: a lower-case Arabic article joined to a capitalised name. With
    /// `lowerCase`, also a name written all in lower case after it (`Ahmed Kamil al-jubouri`): only
    /// inside a run of capitalised names, where the article can only be part of the name.
    func isArabicArticleName(_ t: ActorToken, lowerCase: Bool = false) -> Bool {
        guard t.isWord else { return false }
        for p in ["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"] where t.text.hasPrefix(p) {
            let rest = t.text.unicodeScalars.dropFirst(p.count)
            if lowerCase { return p == "al-" || p == "el-" ? rest.count >= 3 && rest.allSatisfy { $0.properties.isLowercase } : false }
            return rest.first?.properties.isUppercase ?? false
        }
        return false
    }

    /// `N.`, `P.K.`, `J.P.`: initials, one to three letters each with its full stop.
    func isInitials(_ t: ActorToken) -> Bool {
        guard t.isWord else { return false }
        let u = Array(t.text.unicodeScalars)
        guard u.count >= 2, u.count <= 6, u.count % 2 == 0 else { return false }
        return stride(from: 0, to: u.count, by: 2).allSatisfy { ActorTokenizer.isUpper(u[$0]) && u[$0 + 1] == "." }
    }

    /// Dotted initials (`P.K.`, written in capitals) that open a name: a capitalised word follows on the line.
    func startsNameWithInitials(_ tokens: [ActorToken], at i: Int) -> Bool {
        guard isInitials(tokens[i]), i + 1 < tokens.count else { return false }
        let n = tokens[i + 1]
        return n.isWord && n.isCapitalized && !n.isAllCaps && n.line == tokens[i].line && n.text.unicodeScalars.count >= 2
    }

    /// Whether the one-word gazetteer match at `at` is a word of the name run from `runStart` instead:
    /// another given name before a known person's surname is another person of that family (`Alice
    /// Ruto` beside William Ruto); a place matched only by its folded key, not as it is spelt,
    /// closing a run of names is a surname (`Hadi Purnomo Raka`, not Raqqa).
    func nameWordOverGazetteer(_ tokens: [ActorToken], runStart: Int, at j: Int, entry: Int) -> Bool {
        let e = gazetteer.entries[entry]
        let t = tokens[j]
        guard !t.possessive || e.kind == .person, t.isCapitalized, !t.isAllCaps else { return false }
        let endsRun = j + 1 >= tokens.count || !(tokens[j + 1].isWord && tokens[j + 1].isCapitalized && tokens[j + 1].line == t.line)
        switch e.kind {
        case .person:
            let words = e.name.split(separator: " ").map(String.init)
            let g = tokens[runStart]
            func bare(_ w: String) -> String {
                for p in ["al-", "el-", "Al-", "El-"] where w.hasPrefix(p) { return String(w.dropFirst(p.count)) }
                return w
            }
            guard j == runStart + 1, words.count >= 2, let surname = words.last,
                  NameKey.key(surname) == t.key || NameKey.key(bare(surname)) == NameKey.key(bare(t.text)),
                  let first = lexicon.firstName(words), !lexicon.particles.contains(g.lower),
                  !lexicon.nonNameWords.contains(g.lower), g.text.unicodeScalars.count >= 2,
                  !isNonNameOpener(g) else { return false }
            return !lexicon.compatibleFirstNames(g.text, first)
        case .place, .country:
            guard j - runStart >= 2, endsRun, !t.possessive else { return false }
            let spelt = ActorLexicon.spelling(t.text)
            let forms = ([e.name] + e.aliases).flatMap { $0.split(separator: " ") }
            return !forms.contains { ActorLexicon.spelling($0) == spelt }
        default:
            return false
        }
    }

    /// Length of a title starting at `i`: modifiers and roles in a row, at least one of them a role
    /// (`Deputy Prime Minister`, `US Assistant Secretary of State` from `Assistant`), else nil.
    func roleChain(_ tokens: [ActorToken], at i: Int) -> Int? {
        var j = i
        var lastRoleEnd: Int?
        defer { WorkCounter.count(1 + j - i, "actors") }
        while j < tokens.count, tokens[j].isWord, tokens[j].line == tokens[i].line {
            if let r = lexicon.roles.match(tokens, at: j) {
                j += r
                j += abbreviationDot(tokens, at: j, line: tokens[i].line)
                lastRoleEnd = j
            } else if isElectTitle(tokens[j].lower) {
                j += 1
                lastRoleEnd = j
            } else if let m = lexicon.modifiers.match(tokens, at: j) {
                j += m
                j += abbreviationDot(tokens, at: j, line: tokens[i].line)
            } else {
                break
            }
            if tokens[j - 1].isWord && tokens[j - 1].possessive { break }
        }
        // Modifiers after the last role are not part of the title.
        return lastRoleEnd.map { $0 - i }
    }

    /// `Lady-elect`, `Minister-designate`: a title or honorific still to be taken up is a title.
    func isElectTitle(_ lower: String) -> Bool {
        for suffix in ["-elect", "-designate"] where lower.hasSuffix(suffix) {
            let stem = String(lower.dropLast(suffix.count))
            return lexicon.roles.contains(stem) || lexicon.honorifics.contains(stem)
        }
        return false
    }

    /// 1 when `j` is the full stop of an abbreviated title word (`Maj. Gen.`, `Gov.`) with more of the
    /// line after it: the title goes on through it, so a rank written with periods reads as one title
    /// before the name. 0 otherwise.
    func abbreviationDot(_ tokens: [ActorToken], at j: Int, line: Int) -> Int {
        guard j > 0, j + 1 < tokens.count, tokens[j].punctChar == ".", tokens[j].start == tokens[j - 1].end,
              ActorTokenizer.abbreviations.contains(tokens[j - 1].lower), tokens[j + 1].isWord,
              tokens[j + 1].line == line else { return 0 }
        return 1
    }

    // MARK: - Classification

    /// A word that opens a sentence but cannot open a name: function words, adverbs, participles.
    func isNonNameOpener(_ t: ActorToken) -> Bool {
        // A word that is both ("Bill", "Will") is a first name inside a sentence, a word opening one.
        if lexicon.nonNameWords.contains(t.lower) { return t.sentenceStart || !lexicon.isGivenKey(t.key) }
        if lexicon.isGivenKey(t.key) { return false }
        guard t.sentenceStart else { return false }
        let l = t.lower
        return l.count > 4 && (l.hasSuffix("ing") || l.hasSuffix("ly") || l.hasSuffix("ed"))
    }

    /// Nil when the run may be a person; `.some(kind)` when it is a named thing — an organisation or a
    /// place worth keeping (`.some(nil)` for other things: formats, wars, exercises, seas, weapons).
    func namedThing(_ tokens: [ActorToken], lo: Int, hi: Int) -> ActorKind?? {
        let lastLower = tokens[hi - 1].lower
        // A given name opening a longer run is a first name, even when it is also a thing (Bill Gates).
        let first = hi - lo >= 2 && lexicon.isGivenKey(tokens[lo].key) && !lexicon.thingHeads.contains(lastLower) ? lo + 1 : lo
        for k in first..<hi where lexicon.thingHeads.contains(tokens[k].lower) {
            if k == hi - 1 && lexicon.organizationHeads.contains(lastLower) && hi - lo >= 2 { return .some(.organization) }
            return .some(nil)
        }
        if lexicon.organizationHeads.contains(lastLower) && hi - lo >= 2 { return .some(.organization) }
        if lexicon.placeHeads.contains(lastLower) && hi - lo >= 2 { return .some(.place) }
        if hi < tokens.count, tokens[hi].isWord, !tokens[hi].isCapitalized, tokens[hi].line == tokens[lo].line,
           !tokens[hi - 1].possessive {
            let next = tokens[hi].lower
            if lexicon.placeHeads.contains(next) { return .some(.place) }
            if lexicon.thingHeads.contains(next) { return .some(nil) }
        }
        return nil
    }

    /// Whether the text around a name run says it is a person, and the roles it gives them.
    func personEvidence(_ tokens: [ActorToken], segments: [Segment], segAt: [Int], seg: Int, lo: Int, hi: Int,
                        scalars: [Unicode.Scalar]) -> (Evidence, [String]) {
        var evidence = Evidence.none
        var roles: [String] = []
        let line = tokens[lo].line
        func text(_ a: Int, _ b: Int) -> String {
            return ActorTokenizer.makeString(scalars, tokens[a].start, tokens[b - 1].end)
        }
        // Title or honorific right before (President Joe Biden, Kremlin spokesman Dmitry Peskov, Mr Ryabkov).
        if lo > 0, tokens[lo - 1].line == line, segAt[lo - 1] >= 0 {
            let prev = segments[segAt[lo - 1]]
            if prev.kind == .role || prev.kind == .honorific {
                evidence = .strong
                if prev.kind == .role, let start = roleStart(tokens, segments: segments, segAt: segAt, before: lo) {
                    roles.append(text(start, lo))
                }
            }
        }
        // Speech verb after (Ryabkov said, Peskov also said, Mikhailo told AFP).
        var j = hi
        var skipped = 0
        while j < tokens.count, tokens[j].isWord, tokens[j].line == line, skipped <= 2 {
            if lexicon.speechVerbs.match(tokens, at: j) != nil && !tokens[j].isCapitalized { evidence = max(evidence, .speech); break }
            let l = tokens[j].lower
            if Self.auxiliaries.contains(l) || (l.hasSuffix("ly") && l.count > 3) { skipped += 1; j += 1; continue }
            break
        }
        // Speech verb before, after a quote or a comma (…,” said Sergei Ryabkov; emphasized Peskov).
        if lo >= 2, tokens[lo - 1].isWord, tokens[lo - 1].line == line, !tokens[lo - 1].isCapitalized,
           lexicon.speechVerbs.match(tokens, at: lo - 1) == 1 {
            let p = tokens[lo - 2]
            if p.punctChar == "," || p.kind == .quote(opening: false, closing: true, double: true)
                || p.kind == .quote(opening: true, closing: true, double: true)
                || p.kind == .quote(opening: false, closing: true, double: false) {
                evidence = max(evidence, .speech)
            }
        }
        if lo >= 2, tokens[lo - 2].lower == "according", tokens[lo - 1].lower == "to" { evidence = max(evidence, .speech) }
        // Apposition after: "Andriy Yermak, Ukrainian President Volodymyr Zelensky’s chief of staff,".
        if hi + 1 < tokens.count, tokens[hi].punctChar == ",", !tokens[hi - 1].possessive {
            if let end = appositionEnd(tokens, segments: segments, segAt: segAt, from: hi + 1) {
                evidence = .strong
                roles.append(text(hi + 1, end))
            }
        }
        // Apposition before: "The Kremlin’s top Ukraine official, Dmitry Kozak,".
        if lo >= 2, tokens[lo - 1].punctChar == ",", segAt[lo - 2] >= 0, segments[segAt[lo - 2]].kind == .role,
           tokens[lo - 2].line == line {
            evidence = .strong
            if let start = roleStart(tokens, segments: segments, segAt: segAt, before: lo - 1) {
                roles.append(text(start, lo - 1))
            }
        }
        // A plural title right before the run (`Ivorian Presidents Alassane Ouattara`).
        if hi - lo >= 2, lo > 0, tokens[lo - 1].isWord, tokens[lo - 1].line == line, lexicon.isPluralRole(tokens[lo - 1].lower) {
            evidence = .strong
        }
        // A title qualified by what it is of, then a comma: `the governor of the central bank, Godwin
        // Emefiele`, `Speaker of the House of Representatives, Femi Gbajabiamila`.
        if evidence < .strong, hi - lo >= 2, lo >= 4, tokens[lo - 1].punctChar == ",",
           let roleEnd = qualifiedRoleEnd(tokens, segments: segments, segAt: segAt, before: lo - 1) {
            evidence = .strong
            if let start = roleStart(tokens, segments: segments, segAt: segAt, before: roleEnd) {
                roles.append(text(start, lo - 1))
            }
        }
        // A known given name opening a run of two or more words (Emily Horne).
        if hi - lo >= 2, lexicon.isGivenKey(tokens[lo].key), !tokens[lo].isAllCaps {
            evidence = .strong
        }
        if evidence < .strong, structureSaysPerson(tokens, segments: segments, segAt: segAt, lo: lo, hi: hi) {
            evidence = .strong
            if let r = roleAcrossPlace(tokens, segments: segments, segAt: segAt, before: lo) { roles.append(text(r.lo, r.hi)) }
        }
        return (evidence, roles)
    }

    /// Shapes of a sentence or a name that only a person's name takes:
    /// - a word of kinship or company right before it (`his nephew Haryo Susanto`, `her aunt Suda`);
    /// - a title qualified by a place, then the name (`Consul General in Jeddah Tamer Ghandour`,
    ///   `ambassador to the United States Adi Wibowo`), or by an acronym (`Chief Administrative Secretary (CAS)
    ///   Wekesa Barasa`);
    /// - for two or more words: a name of the Vietnamese shape (a family name, then two short given
    ///   names: `Do Ba Ty`), a generational suffix closing it (`Otávio Lemos Filho`), or a clause after
    ///   it that gives a role (`…, who`; `… as Deputy Speaker`; `… remains the Coordinating Minister`).
    func structureSaysPerson(_ tokens: [ActorToken], segments: [Segment], segAt: [Int], lo: Int, hi: Int) -> Bool {
        let line = tokens[lo].line
        if lo > 0, tokens[lo - 1].isWord, tokens[lo - 1].line == line, !tokens[lo - 1].isCapitalized,
           lexicon.relatives.contains(tokens[lo - 1].lower) {
            return true
        }
        // Two or more words that end the title's phrase: not `Minister for Niger Delta Development,
        // Tunde Bakare` (a title's own words, then the name), nor `Vietnam Fatherland Front`.
        if hi - lo >= 2, roleAcrossPlace(tokens, segments: segments, segAt: segAt, before: lo) != nil,
           !(lo..<hi).contains(where: { lexicon.isTitleOrHeadWord(tokens[$0].lower) }),
           hi >= tokens.count || !(tokens[hi].isWord && tokens[hi].isCapitalized && tokens[hi].line == line),
           !(hi + 1 < tokens.count && tokens[hi].punctChar == "," && tokens[hi + 1].isCapitalized) {
            return true
        }
        if lo >= 4, tokens[lo - 1].punctChar == ")", tokens[lo - 3].punctChar == "(", tokens[lo - 2].isAllCaps,
           tokens[lo - 4].line == line, segAt[lo - 4] >= 0, segments[segAt[lo - 4]].kind == .role {
            return true
        }
        guard hi - lo >= 2 else { return false }
        // Not cut short of a longer name (`Ho Chi Minh National Academy`).
        if hi - lo == 3, lexicon.vietnameseFamilyNames.contains(ActorLexicon.spelling(tokens[lo].text)),
           hi >= tokens.count || !(tokens[hi].isWord && tokens[hi].isCapitalized && tokens[hi].line == line),
           (lo..<hi).allSatisfy({ tokens[$0].text.unicodeScalars.count <= 6 && !lexicon.nonNameWords.contains(tokens[$0].lower) }) {
            return true
        }
        if lexicon.nameSuffixes.contains(tokens[hi - 1].lower) { return true }
        return rolePredicate(tokens, segAt: segAt, segments: segments, after: hi)
    }

    /// `…, who`, `… as (the) Deputy Senate President`, `… is now Minister of Trade`, `… remains the
    /// Coordinating Minister`: right after a name, a clause that gives it a role or speaks of it as someone.
    func rolePredicate(_ tokens: [ActorToken], segAt: [Int], segments: [Segment], after hi: Int) -> Bool {
        guard hi + 1 < tokens.count, !tokens[hi - 1].possessive else { return false }
        let line = tokens[hi - 1].line
        if tokens[hi].punctChar == ",", tokens[hi + 1].lower == "who", tokens[hi + 1].line == line { return true }
        guard tokens[hi].isWord, tokens[hi].line == line,
              ["as", "is", "was", "were", "remains", "remained", "becomes", "became"].contains(tokens[hi].lower) else { return false }
        var k = hi + 1
        // `… were sworn in as President`, `… was named Minister of Trade`.
        if tokens[hi].lower != "as", k < tokens.count, tokens[k].line == line,
           ["sworn", "appointed", "named", "elected", "nominated", "confirmed", "installed"].contains(tokens[k].lower) {
            k += 1
            if k < tokens.count, tokens[k].lower == "in" { k += 1 }
            if k < tokens.count, tokens[k].lower == "as" { k += 1 }
        }
        let fillers: Set<String> = ["the", "a", "an", "its", "his", "her", "their", "now", "also", "still", "currently", "acting"]
        while k < tokens.count, tokens[k].isWord, tokens[k].line == line, fillers.contains(tokens[k].lower) { k += 1 }
        // The role within a few capitalised words (`Deputy Senate President`), before any punctuation.
        var steps = 0
        while k < tokens.count, steps < 4, tokens[k].isWord, tokens[k].line == line {
            if lexicon.roles.match(tokens, at: k) != nil || lexicon.isPluralRole(tokens[k].lower) { return true }
            guard tokens[k].isCapitalized || lexicon.modifiers.match(tokens, at: k) != nil else { return false }
            k += 1
            steps += 1
        }
        return false
    }

    /// The title of `title in|to|of|for (the) Place Name` ending right before the name at `before`: the
    /// range from the title's start to the place's end; nil when the words before are not that.
    func roleAcrossPlace(_ tokens: [ActorToken], segments: [Segment], segAt: [Int], before lo: Int) -> (lo: Int, hi: Int)? {
        guard lo >= 3, segAt[lo - 1] >= 0 else { return nil }
        let place = segments[segAt[lo - 1]]
        guard case .gazetteer(let e) = place.kind, gazetteer.entries[e].kind != .person, place.hi == lo,
              !tokens[lo - 1].possessive else { return nil }
        var p = place.lo - 1
        guard p >= 1 else { return nil }
        if tokens[p].lower == "the" { p -= 1 }
        let line = tokens[lo].line
        guard p >= 1, tokens[p].line == line, lexicon.roleLinks.contains(tokens[p].lower),
              segAt[p - 1] >= 0, segments[segAt[p - 1]].kind == .role, tokens[p - 1].line == line else { return nil }
        let start = roleStart(tokens, segments: segments, segAt: segAt, before: p) ?? segments[segAt[p - 1]].lo
        return (start, place.hi)
    }

    /// 2b. Lists of people, each named with their country: `Presidents Umaro Sissoco Embalo of
    /// Guinea-Bissau, Alassane Ouattara of Cote d’Ivoire, and Nana Akufo-Addo of Ghana`, `Dapo Abiodun
    /// (Ogun); Seyi Makinde (Oyo)`. An item is a run of two to four words followed by `of`/`from` a
    /// country or place, or by a parenthesised name; the items of one list are people when the list
    /// opens after a plural title (`Presidents`) or one of them is a known person (the gazetteer, a title,
    /// a given name): the items share their shape and so their kind.
    func markListedPeople(_ candidates: inout [PersonCandidate], tokens: [ActorToken], segments: [Segment],
                          segAt: [Int], headline: Set<Int>) {
        struct Item { var lo: Int; var end: Int; var cand: Int?; var known: Bool }
        var spans: [(lo: Int, hi: Int, cand: Int?, known: Bool)] = []
        // A run with a title word in it (`Transitional President of Chad`) is a title, not an item.
        for (ci, c) in candidates.enumerated() where (2...4).contains(c.hi - c.lo) && !headline.contains(tokens[c.lo].line)
            && !(c.lo..<c.hi).contains(where: { lexicon.isTitleOrHeadWord(tokens[$0].lower) }) {
            spans.append((c.lo, c.hi, ci, c.evidence == .strong))
        }
        for sg in segments {
            if case .gazetteer(let e) = sg.kind, gazetteer.entries[e].kind == .person, !headline.contains(tokens[sg.lo].line) {
                spans.append((sg.lo, sg.hi, nil, true))
            }
        }
        spans.sort { $0.lo < $1.lo }
        var items: [Item] = []
        for sp in spans {
            if let end = listItemTail(tokens, segments: segments, segAt: segAt, after: sp.hi) {
                items.append(Item(lo: sp.lo, end: end, cand: sp.cand, known: sp.known))
            }
        }
        var k = 0
        while k < items.count {
            var m = k
            while m + 1 < items.count, isListGap(tokens, from: items[m].end, to: items[m + 1].lo) { m += 1 }
            let first = items[k].lo
            let headed = first > 0 && tokens[first - 1].isWord && tokens[first - 1].line == tokens[first].line
                && lexicon.isPluralRole(tokens[first - 1].lower)
            if m > k && (headed || items[k...m].contains(where: \.known)) {
                for it in items[k...m] {
                    if let ci = it.cand, candidates[ci].evidence < .strong { candidates[ci].evidence = .strong }
                }
            }
            k = m + 1
        }
        // Bare lists (`Dindo Perez, Raul Lambada and Rodel Ocampo`): names of two to
        // four words joined by list separators alone are people when the list opens after a plural title
        // (`senators Rolando dela Cruz and Bato Lim`) or has three items of which two are known people.
        var g = 0
        while g < spans.count {
            var m = g
            // Commas and `and` only: `Portfolio, Name; Portfolio, Name` pairs a title with each name.
            while m + 1 < spans.count, isListGap(tokens, from: spans[m].hi, to: spans[m + 1].lo),
                  !(spans[m].hi..<spans[m + 1].lo).contains(where: { tokens[$0].punctChar == ";" }) { m += 1 }
            let first = spans[g].lo
            let headed = first > 0 && tokens[first - 1].isWord && tokens[first - 1].line == tokens[first].line
                && lexicon.isPluralRole(tokens[first - 1].lower)
            let known = spans[g...m].filter(\.known).count
            if m > g && (headed || (m - g >= 2 && known >= 2)) {
                for sp in spans[g...m] {
                    if let ci = sp.cand, candidates[ci].evidence < .strong { candidates[ci].evidence = .strong }
                }
            }
            g = m + 1
        }
        // `Agriculture, Carlos Mendes; Regional Development, Waldir Gomes; Cities, Otávio Lemos Filho`: a
        // cabinet list of `Portfolio, Name;` items, read as people when three names close items and two
        // of them are known people.
        var closers: [Int: [Int]] = [:]
        for (ci, c) in candidates.enumerated() where (2...4).contains(c.hi - c.lo) && !headline.contains(tokens[c.lo].line) {
            let line = tokens[c.lo].line
            guard c.lo >= 3, tokens[c.lo - 1].punctChar == ",", c.hi < tokens.count,
                  tokens[c.hi].punctChar == ";" || tokens[c.hi].punctChar == "." else { continue }
            var k = c.lo - 2
            var words = 0
            while k >= 0, words < 7, tokens[k].line == line, tokens[k].isWord, tokens[k].isCapitalized || tokens[k].lower == "and" {
                k -= 1
                words += 1
            }
            guard words >= 1, k >= 0, tokens[k].line == line, tokens[k].punctChar == ";" || tokens[k].punctChar == ":" else { continue }
            closers[line, default: []].append(ci)
        }
        for (_, cs) in closers where cs.count >= 3 && cs.filter({ candidates[$0].evidence == .strong }).count >= 2 {
            for ci in cs where candidates[ci].evidence < .strong { candidates[ci].evidence = .strong }
        }
    }

    /// The end of an item's country after a name ending before `hi`: `of Ghana`, `from Ivory Coast`,
    /// `(Benin Republic)`; nil when none follows.
    func listItemTail(_ tokens: [ActorToken], segments: [Segment], segAt: [Int], after hi: Int) -> Int? {
        guard hi + 1 < tokens.count, tokens[hi].line == tokens[hi - 1].line else { return nil }
        let line = tokens[hi].line
        if tokens[hi].isWord, tokens[hi].lower == "of" || tokens[hi].lower == "from" {
            // `of The Gambia`, `of the Republic of Benin`.
            var c = hi + 1
            if tokens[c].lower == "the", c + 1 < tokens.count { c += 1 }
            if tokens[c].lower == "republic", c + 2 < tokens.count, tokens[c + 1].lower == "of" { c += 2 }
            guard segAt[c] >= 0 else { return nil }
            let sg = segments[segAt[c]]
            if case .gazetteer(let e) = sg.kind, sg.lo == c,
               gazetteer.entries[e].kind == .country || gazetteer.entries[e].kind == .place {
                return sg.hi
            }
            return nil
        }
        guard tokens[hi].punctChar == "(" else { return nil }
        // A known place in parentheses, however written (`(Cote d’Ivoire)`).
        if segAt[hi + 1] >= 0, case .gazetteer(let e) = segments[segAt[hi + 1]].kind,
           gazetteer.entries[e].kind == .country || gazetteer.entries[e].kind == .place {
            let end = segments[segAt[hi + 1]].hi
            if end < tokens.count, tokens[end].punctChar == ")" { return end + 1 }
        }
        var j = hi + 1
        while j < tokens.count, j - hi <= 5, tokens[j].line == line, tokens[j].isWord, tokens[j].isCapitalized || tokens[j].isAllCaps {
            j += 1
        }
        return j > hi + 1 && j < tokens.count && tokens[j].punctChar == ")" ? j + 1 : nil
    }

    /// Whether only a list separator (`,`, `;`, `and`, `, and`) stands between two items.
    func isListGap(_ tokens: [ActorToken], from a: Int, to b: Int) -> Bool {
        guard a < b, b - a <= 2, b < tokens.count, tokens[a].line == tokens[b].line else { return false }
        return (a..<b).allSatisfy { tokens[$0].punctChar == "," || tokens[$0].punctChar == ";" || tokens[$0].lower == "and" }
    }

    /// Words between a subject and its speech verb (`function-words.txt`), as quotes read them.
    static let auxiliaries = FunctionWords.shipped.auxiliaries

    /// Start of the title chain ending right before `before`: roles, modifiers, adjectives, and the
    /// states and organisations that qualify them (`US Assistant Secretary of State`, `Russia’s top
    /// Ukraine official`). Nil when there is no role.
    func roleStart(_ tokens: [ActorToken], segments: [Segment], segAt: [Int], before: Int) -> Int? {
        var k = before - 1
        var start: Int?
        let line = tokens[before - 1].line
        defer { WorkCounter.count(before - k, "actors") }
        while k >= 0, tokens[k].line == line {
            if segAt[k] >= 0 {
                let s = segments[segAt[k]]
                switch s.kind {
                case .role, .adjective, .honorific:
                    start = s.lo
                    k = s.lo - 1
                    continue
                case .gazetteer(let e) where gazetteer.entries[e].kind != .person:
                    start = s.lo
                    k = s.lo - 1
                    continue
                default: break
                }
            } else if tokens[k].isWord, lexicon.modifiers.contains(tokens[k].lower) {
                start = k
                k -= 1
                continue
            }
            break
        }
        return start
    }

    /// The end of the title of `title of|to|for …` ending right before the comma at `comma`, within a few
    /// words on the line and without punctuation but parentheses; nil when there is none.
    func qualifiedRoleEnd(_ tokens: [ActorToken], segments: [Segment], segAt: [Int], before comma: Int) -> Int? {
        let line = tokens[comma].line
        var k = comma - 1
        while k >= 0, comma - k <= 12, tokens[k].line == line {
            if segAt[k] >= 0, segments[segAt[k]].kind == .role {
                let r = segments[segAt[k]]
                guard r.hi < comma, tokens[r.hi].lower != "in", tokens[r.hi].lower != "at",
                      lexicon.roleLinks.contains(tokens[r.hi].lower) else { return nil }
                return r.hi
            }
            let t = tokens[k]
            guard t.isWord || t.punctChar == "(" || t.punctChar == ")" else { return nil }
            if t.isWord && !t.isCapitalized && lexicon.speechVerbs.match(tokens, at: k) != nil { return nil }
            k -= 1
        }
        return nil
    }

    /// End of an apposition that gives a role, starting at `from` (after a comma), or nil when the
    /// words there are not a role phrase.
    func appositionEnd(_ tokens: [ActorToken], segments: [Segment], segAt: [Int], from: Int) -> Int? {
        var k = from
        let line = tokens[from].line
        guard k < tokens.count, tokens[k].isWord else { return nil }
        let opener = tokens[k]
        let determiners: Set<String> = ["the", "a", "an", "his", "her", "their", "its", "who", "then", "now"]
        let startsWell: Bool = {
            if determiners.contains(opener.lower) { return true }
            // `Keiko Sato, widow of the late Prime Minister Eisaku Sato,`.
            if lexicon.relatives.contains(opener.lower) { return true }
            // `Celso Amorim, Lula's foreign policy adviser,`, `…, Saudi Arabia’s energy minister,`: a
            // capitalised possessive opens a role (the role word is still required below).
            if opener.isCapitalized {
                var m = k
                while m < tokens.count, m - k < 4, tokens[m].isWord, tokens[m].isCapitalized, tokens[m].line == line {
                    if tokens[m].possessive { return true }
                    m += 1
                }
            }
            if segAt[k] >= 0 {
                switch segments[segAt[k]].kind {
                case .role, .adjective, .honorific: return true
                case .gazetteer(let e): return gazetteer.entries[e].kind != .person
                default: break
                }
            }
            return lexicon.modifiers.contains(opener.lower)
        }()
        guard startsWell else { return nil }
        if opener.lower == "who" { return nil }
        var hasRole = false
        var end = k
        var closed = false
        while k < tokens.count, k - from < 14 {
            let t = tokens[k]
            if t.line != line { closed = true; break }
            // A parenthesised acronym inside the apposition (`an Indonesian Democratic Party of Struggle
            // (PDI-P) politician`) is read through.
            if t.punctChar == "(", k + 2 < tokens.count, tokens[k + 1].isAllCaps, tokens[k + 2].punctChar == ")",
               tokens[k + 2].line == line {
                k += 3
                end = k
                continue
            }
            if t.isPunct, let c = t.punctChar, ",.;:)(!?\u{2013}\u{2014}".unicodeScalars.contains(c) { closed = true; break }
            if case .quote = t.kind { break }
            if t.isWord && !t.isCapitalized && lexicon.speechVerbs.match(tokens, at: k) != nil { return nil }
            // A title word read into a capitalised run (`the Transitional President of Chad`) is still a title.
            let inRole = (segAt[k] >= 0 && segments[segAt[k]].kind == .role) || (t.isWord && lexicon.roles.contains(t.lower))
            if inRole { hasRole = true }
            // A verb means this is a clause, not an apposition ("…, the American president threatened …").
            if t.isWord && !t.isCapitalized && !inRole && t.lower.count > 4 && t.lower.hasSuffix("ed")
                && !lexicon.modifiers.contains(t.lower) { return nil }
            k += 1
            end = k
        }
        if k >= tokens.count { closed = true }
        return hasRole && closed && end > from ? end : nil
    }

    /// The local person a run refers to: one whose surname (or full name) it repeats, the most
    /// recently mentioned when several share it.
    /// The one person of the article whose full name starts with this first name (nil for none or several).
    /// The person of the article whose full name has this word as its first or a middle word (not its
    /// particles): the one introduced before `at`, else the only one; nil for none or several (two
    /// Tarases named before: neither).
    func personByOtherWord(_ t: ActorToken, at: Int, in locals: [LocalActor]) -> Int? {
        let key = t.key
        guard !key.isEmpty, !lexicon.particles.contains(t.lower) else { return nil }
        var all: [Int] = []
        var preceding: [Int] = []
        WorkCounter.count(locals.count, "actors")
        for (i, l) in locals.enumerated() where l.kind == .person && l.words.count >= 2 {
            guard l.words.dropLast().contains(where: { NameKey.key($0) == key && !lexicon.particles.contains($0.lowercased()) })
            else { continue }
            all.append(i)
            if l.mentions.contains(where: { $0.range.start < at }) { preceding.append(i) }
        }
        if preceding.count == 1 { return preceding[0] }
        return preceding.isEmpty && all.count == 1 ? all[0] : nil
    }

    func onlyPerson(firstNameKey key: String, in locals: [LocalActor]) -> Int? {
        WorkCounter.count(locals.count, "actors")
        let matches = locals.indices.filter { i in
            locals[i].kind == .person && locals[i].words.count >= 2 && NameKey.key(locals[i].words[0]) == key
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The article's persons by the keys `refersTo` matches on, so that a candidate is compared with
    /// the persons it may name, not with every person (an article naming thousands of people cost
    /// their square). Locals are only appended and their words and kind never change, so the index
    /// takes in the new ones at each look-up.
    final class PersonKeys {
        var indexed = 0
        var byReference: [String: [Int]] = [:]
        var byJoined: [String: [Int]] = [:]
        var byLast: [String: [Int]] = [:]
        /// Persons of three or more words by the keys of their first two words (`Sri Wahyuni` for Sri
        /// Wahyuni Indrawati).
        var byFirstTwo: [String: [Int]] = [:]

        func update(_ locals: [LocalActor], lexicon: ActorLexicon) {
            while indexed < locals.count {
                let l = locals[indexed]
                if l.kind == .person {
                    for k in Set(lexicon.referenceKeys(l.words)) { byReference[k, default: []].append(indexed) }
                    byJoined[ActorLexicon.joinedKey(l.words), default: []].append(indexed)
                    if let last = l.words.last { byLast[NameKey.key(last), default: []].append(indexed) }
                    if l.words.count >= 3 { byFirstTwo[PersonKeys.firstTwo(l.words), default: []].append(indexed) }
                }
                indexed += 1
            }
        }

        static func firstTwo(_ words: [String]) -> String { words.prefix(2).map { NameKey.key($0) }.joined(separator: " ") }
    }

    func refersTo(_ c: PersonCandidate, tokens: [ActorToken], locals: [LocalActor], keys: PersonKeys) -> Int? {
        let words = (c.lo..<c.hi).map { tokens[$0].text }
        guard let last = words.last else { return nil }
        let lastKey = NameKey.key(last)
        let joined = words.count >= 2 ? ActorLexicon.joinedKey(words) : ""
        let at = tokens[c.lo].start
        var best: Int?
        var bestScore = Int.min
        keys.update(locals, lexicon: lexicon)
        // The persons that can pass the tests below, in their order (ties go to the first).
        let candidates: [Int] = words.count == 1 ? keys.byReference[lastKey] ?? []
            : Array(Set((joined.isEmpty ? [] : keys.byJoined[joined] ?? []) + (keys.byLast[lastKey] ?? [])
                        + (keys.byFirstTwo[PersonKeys.firstTwo(words)] ?? []))).sorted()
        WorkCounter.count(1 + candidates.count, "actors")
        for i in candidates {
            let l = locals[i]
            if words.count == 1 {
                // A bare family name: the last word, or the first of a family-name-first name (Kim, Xi).
                guard lexicon.referenceKeys(l.words).contains(lastKey) else { continue }
            } else if !joined.isEmpty && joined == ActorLexicon.joinedKey(l.words) {
                // Kim Jong-un = Kim Jong Un.
            } else if l.words.count == words.count + 1, l.words.count >= 3,
                      zip(words, l.words).allSatisfy({ NameKey.key($0) == NameKey.key($1) }),
                      !lexicon.shape(l.words).familyFirst {
                // The first words of a longer name (`Sri Wahyuni` of Sri Wahyuni Indrawati): the short
                // form a story uses for a name of three words, not another person.
            } else {
                guard let lk = l.words.last.map({ NameKey.key($0) }), lk == lastKey else { continue }
                if words.count > l.words.count { continue }
                if let f = lexicon.firstName(words), let g = lexicon.firstName(l.words) {
                    guard lexicon.compatibleFirstNames(f, g) else { continue }
                }
            }
            // Prefer the latest mention before this one; otherwise the earliest after.
            let before = l.mentions.lazy.map(\.range.start).filter { $0 < at }.max()
            let score = before ?? (-(l.mentions.map(\.range.start).min() ?? 0) - 1)
            if score > bestScore { bestScore = score; best = i }
        }
        return best
    }

    /// A single word may stand as a person of its own only when it is not a common capitalised word
    /// (`Officials said`, `Analysts say`).
    func acceptableAlone(_ tokens: [ActorToken], lo: Int, hi: Int) -> Bool {
        if hi - lo >= 2 { return true }
        let t = tokens[lo]
        let l = t.lower
        if lexicon.nonNameWords.contains(l) || lexicon.unnamedHeads.contains(l) || lexicon.roles.contains(l)
            || lexicon.thingHeads.contains(l) || lexicon.organizationHeads.contains(l) { return false }
        // `President-in-Office`, `Minister-designate`: a title joined to other words.
        if let head = l.split(separator: "-").first, head.count < l.count, lexicon.roles.contains(String(head)) { return false }
        if t.sentenceStart && !lexicon.isGivenKey(t.key) {
            for suf in ["ers", "ists", "ants", "ents", "ors", "ians", "ans", "ies"] where l.hasSuffix(suf) { return false }
        }
        return true
    }

    func dedupe(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
