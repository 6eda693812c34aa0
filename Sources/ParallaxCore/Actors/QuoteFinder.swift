/// Finds direct quotations in an article and who the text says spoke them.
///
/// Quotes are spans between curly, straight or angle quotation marks (single ones too), within a
/// paragraph; several sentences may sit inside one. The speaker is read from the syntax around the
/// quote, in this order:
/// 1. the clause right after it: `…,” Kuleba said`, `…,” said Sergei Ryabkov`, `…,” Jen Psaki, White
///    House press secretary, said`, `…,” he told reporters`, `…,” the source said`, `…, according to X`;
/// 2. its own sentence before it: the subject of the speech verb nearest the quote (`Sherman called the
///    talks a “…”` — the subject, never the object: `called Biden “my old friend”`), `according to X,
///    … “…”`, a colon after a name (`Lukashevich: Russia “is …”`);
/// 3. the last explicit speaker, only inside the same paragraph (`“…,” Sullivan said. “There was no
///    finger wagging.”`) or in a continuation paragraph that opens with a quote.
/// A pronoun (`he said`) is the latest speaker or sentence subject, not the latest name (an interviewer
/// or an object); a definite description (`the Russian President`, `the California Democrat`) is the
/// same; an unnamed source (`a US official`, `the source`, `officials`) is kept as a label of its own
/// and never replaced by a guess. Organisations and states speak too (`the Kremlin said`).
/// One pass over the tokens, each quote looking at a bounded window around it.
struct QuoteFinder: Sendable {
    let lexicon: ActorLexicon

    enum Speaker: Equatable {
        case actor(Int)
        case label(String)
    }

    /// What stands before a speech verb.
    enum Subject {
        case speaker(Speaker)
        case pronoun
        /// `the Russian President`: someone already in the story.
        case description(String)
    }

    /// Function words by their job (`function-words.txt`): subjects before and after their verb,
    /// determiners, words between a subject and its verb, and words after which a name is an object.
    static let pronouns = FunctionWords.shipped.pronouns
    static let pronounsAfterVerb = FunctionWords.shipped.pronounsAfterVerb
    static let subjectPronouns = FunctionWords.shipped.subjectPronouns
    static let determiners = FunctionWords.shipped.determiners
    static let definites = FunctionWords.shipped.definites
    static let auxiliaries = FunctionWords.shipped.auxiliaries
    static let clauseBreakers = FunctionWords.shipped.clauseBreakers

    struct Context {
        let tokens: [ActorToken]
        let scalars: [Unicode.Scalar]
        let speech: [Int]
        /// First token of an actor mention → (local actor, token after its end).
        let actorAt: [Int: (actor: Int, end: Int)]
        /// Token after the end of a mention → its first token.
        let mentionEndingAt: [Int: Int]
        let isPerson: [Bool]
        let sentence: [Int]
        let inQuote: [Bool]

        func text(_ a: Int, _ b: Int) -> String {
            ActorTokenizer.makeString(scalars, tokens[a].start, tokens[b - 1].end)
        }
        func isSentenceEnd(_ k: Int) -> Bool {
            guard tokens[k].isPunct, let c = tokens[k].punctChar else { return false }
            return ".!?;".unicodeScalars.contains(c) || c == "\u{2026}" && k + 1 < tokens.count && tokens[k + 1].sentenceStart
        }
    }

    /// Words of a description or a role that can tell people apart, folded: not articles or prepositions.
    static func descriptorWords(_ phrase: String) -> [String] {
        Fold.text(phrase).split(whereSeparator: { !$0.isLetter }).map(String.init)
            .filter { $0.count >= 2 && !determiners.contains($0) && !linkWords.contains($0) }
    }
    /// Offices named in other words or languages (`role-synonyms.txt`), folded.
    static let roleSynonyms: [[String]] = ResourceFiles.lines(of: "role-synonyms.txt").map { line in
        line.split(separator: "|").map { Fold.text($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
    }

    /// The descriptor words of what a person is called, with the other names of the same office.
    static func descriptor(of phrases: [String]) -> Set<String> {
        var words = Set(phrases.flatMap(descriptorWords))
        let folded = phrases.map { " " + Fold.text($0) + " " }
        for group in roleSynonyms where group.contains(where: { name in folded.contains { $0.contains(" " + name + " ") } }) {
            for name in group { words.formUnion(descriptorWords(name)) }
        }
        return words
    }

    static let linkWords = FunctionWords.shipped.nameLinks

    /// Two words of a description and a role that are one (`président`/`President`, `chancelier`/`Chancellor`,
    /// `presidente`/`President`): equal once folded, or sharing their first five letters.
    static func sameWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard a.count >= 5, b.count >= 5 else { return false }
        return a.prefix(5) == b.prefix(5)
    }

    /// The one person a definite description fits (`the Russian President`, `le chancelier allemand`,
    /// `The President of the Russian Federation`): every word of it is among what the article or the
    /// gazetteer calls them. Nil when none or several fit.
    static func described(_ phrase: String, descriptors: [Set<String>], prefer: Int?) -> Int? {
        let words = descriptorWords(phrase)
        guard !words.isEmpty else { return nil }
        let fits = descriptors.indices.filter { i in
            !descriptors[i].isEmpty && words.allSatisfy { w in descriptors[i].contains { sameWord(w, $0) } }
        }
        if fits.count == 1 { return fits[0] }
        if let p = prefer, fits.contains(p) { return p }
        return nil
    }

    func find(tokens: [ActorToken], scalars: [Unicode.Scalar], personAtToken: [Int: Int],
              locals: [LocalActor], callings: [[String]] = []) -> [LocalQuote] {
        let spans = quoteSpans(tokens, scalars: scalars)
        guard !spans.isEmpty else { return [] }
        let n = tokens.count
        var speech = [Int](repeating: 0, count: n)
        for i in 0..<n where tokens[i].isWord && (!tokens[i].isCapitalized || tokens[i].sentenceStart) {
            speech[i] = lexicon.speechVerbs.match(tokens, at: i) ?? 0
        }
        // Sentence indexes; an opening mark before a sentence-initial word belongs to that sentence.
        var sentence = [Int](repeating: 0, count: n)
        var s = 0
        for i in 0..<n {
            if tokens[i].isWord && tokens[i].sentenceStart || i > 0 && tokens[i].line != tokens[i - 1].line { s += 1 }
            sentence[i] = s
        }
        for i in stride(from: n - 2, through: 0, by: -1) {
            if case .quote = tokens[i].kind, tokens[i + 1].line == tokens[i].line, tokens[i + 1].sentenceStart {
                sentence[i] = sentence[i + 1]
            }
        }
        var inQuote = [Bool](repeating: false, count: n)
        var work = 3 * n
        defer { WorkCounter.count(work, "quotes") }
        for (o, c) in spans { for k in o..<min(c + 1, n) { inQuote[k] = true; work += 1 } }
        // Mentions of every actor, by token: persons as the extractor marked them, organisations and
        // states from their mention offsets.
        var tokenAt: [Int: Int] = [:]
        for (i, t) in tokens.enumerated() where t.isWord { tokenAt[t.start] = i }
        var actorAt: [Int: (actor: Int, end: Int)] = [:]
        var mentionEndingAt: [Int: Int] = [:]
        func tokenEnd(_ start: Int, _ endOffset: Int) -> Int {
            var e = start
            while e < n && tokens[e].end <= endOffset { e += 1 }
            return max(e, start + 1)
        }
        for (li, l) in locals.enumerated() where l.kind != .place {
            for m in l.mentions {
                guard let ti = tokenAt[m.range.start] else { continue }
                if l.kind == .person && personAtToken[ti] != li { continue }
                if actorAt[ti] != nil { continue }
                let e = tokenEnd(ti, m.range.end)
                actorAt[ti] = (li, e)
                mentionEndingAt[e] = ti
            }
        }
        for (ti, li) in personAtToken where actorAt[ti]?.actor != li {
            let endOffset = locals[li].mentions.first { $0.range.start == tokens[ti].start }?.range.end ?? tokens[ti].end
            let e = tokenEnd(ti, endOffset)
            actorAt[ti] = (li, e)
            mentionEndingAt[e] = ti
        }
        let ctx = Context(tokens: tokens, scalars: scalars, speech: speech, actorAt: actorAt,
                          mentionEndingAt: mentionEndingAt, isPerson: locals.map { $0.kind == .person },
                          sentence: sentence, inQuote: inQuote)

        var out: [LocalQuote] = []
        // What each actor is called (`callings`), folded into descriptor words only when a description
        // first needs them: most articles have none, and folding is the costly part.
        var descriptorCache: [Set<String>]?
        func descriptors() -> [Set<String>] {
            if let d = descriptorCache { return d }
            let d = callings.map { $0.isEmpty ? [] : Self.descriptor(of: $0) }
            descriptorCache = d
            return d
        }
        // The latest sentence subject or speaker: what "he" and "the Russian President" refer to.
        var salient: Speaker?
        // The latest attributed quote's speaker and the line it was on.
        var lastQuoteSpeaker: Speaker?
        var lastQuoteLine = -2
        var cursor = 0
        for (open, close) in spans {
            // Bring the salient subject up to the quote's opening.
            while cursor < open {
                work += 1
                if !inQuote[cursor] {
                    if let m = actorAt[cursor], ctx.isPerson[m.actor], isSubject(ctx, at: cursor, end: m.end) {
                        salient = .actor(m.actor)
                    } else if speech[cursor] > 0, let (subj, _) = subject(ctx, before: cursor, limit: max(0, cursor - 12)) {
                        // A speaker named outside quotes (`Erdoğan said he …`) is the paragraph's
                        // latest explicit speaker, as an attributed quote is.
                        switch subj {
                        case .speaker(let sp):
                            if case .actor(let li) = sp, !ctx.isPerson[li] { break }
                            salient = sp
                            lastQuoteSpeaker = sp
                            lastQuoteLine = tokens[cursor].line
                        case .pronoun where salient != nil:
                            lastQuoteSpeaker = salient
                            lastQuoteLine = tokens[cursor].line
                        default: break
                        }
                    }
                }
                cursor += 1
            }
            let startOffset = tokens[open].end
            let endOffset = close < n ? tokens[close].start : (tokens.last?.end ?? startOffset)
            guard endOffset > startOffset else { continue }
            let quoteText = FastText.trimmed(ActorTokenizer.makeString(scalars, startOffset, endOffset))
            guard quoteText.contains(where: \.isLetter) else { continue }

            let line = tokens[open].line
            func resolve(_ s: Subject?) -> Speaker? {
                switch s {
                case .speaker(let sp)?: return sp
                case .pronoun?, .description?:
                    if case .description(let d)? = s {
                        let prefer: Int? = { if case .actor(let li)? = salient { return li }; return nil }()
                        if let li = Self.described(d, descriptors: descriptors(), prefer: prefer) { return .actor(li) }
                        if salient == nil { return .label(d) }
                    }
                    return salient
                case nil: return nil
                }
            }
            var speaker = resolve(after(ctx, close: close))
            if speaker == nil { speaker = resolve(before(ctx, open: open)) }
            if speaker == nil, let last = lastQuoteSpeaker {
                let opensLine = open == 0 || tokens[open - 1].line != line
                if lastQuoteLine == line || (opensLine && lastQuoteLine == line - 1) { speaker = last }
            }
            var q = LocalQuote(text: quoteText, range: TextRange(start: startOffset, end: endOffset), speaker: nil, label: nil)
            switch speaker {
            case .actor(let li)?: q.speaker = li
            case .label(let l)?: q.label = l
            case nil: break
            }
            if let sp = speaker {
                lastQuoteSpeaker = sp
                lastQuoteLine = close < n ? tokens[close].line : line
                if case .actor(let li) = sp, !ctx.isPerson[li] {} else { salient = sp }
            } else {
                lastQuoteSpeaker = nil
            }
            out.append(q)
            cursor = max(cursor, min(close + 1, n))
        }
        return out
    }

    /// Token index pairs (opening mark, closing mark) of the quotations, in order. A quote left open
    /// at the end of a paragraph closes there (the closing index is then the next line's first token).
    func quoteSpans(_ tokens: [ActorToken], scalars: [Unicode.Scalar] = []) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        var openAt: Int?
        var openDouble = true
        // German and Czech open with a low mark and close with the one English opens with (`„…“`).
        var openLow = false
        func scalar(_ i: Int) -> Unicode.Scalar? { scalars.indices.contains(tokens[i].start) ? scalars[tokens[i].start] : nil }
        for (i, t) in tokens.enumerated() {
            if let o = openAt, tokens[o].line != t.line {
                spans.append((o, i))
                openAt = nil
            }
            guard case .quote(let opening, let closing, let double) = t.kind else { continue }
            if let o = openAt {
                if double == openDouble && (closing || openLow && scalar(i) == "\u{201C}") { spans.append((o, i)); openAt = nil }
            } else if opening {
                // A single mark opens only before a word (not an apostrophe left over).
                if !double, !(i + 1 < tokens.count && tokens[i + 1].isWord && tokens[i + 1].line == t.line) { continue }
                openAt = i
                openDouble = double
                openLow = scalar(i) == "\u{201E}"
            }
        }
        if let o = openAt { spans.append((o, tokens.count)) }
        return spans
    }

    // MARK: - Subjects

    /// Whether a person mention is the subject of its clause: at the start of its sentence (after a
    /// title), after a comma and before a verb, or right before a speech verb.
    func isSubject(_ c: Context, at start: Int, end: Int) -> Bool {
        let t = c.tokens
        let line = t[start].line
        // Followed by a speech verb (Ryabkov said, Peskov also said).
        var k = end
        while k < t.count, k - end < 3, t[k].isWord, t[k].line == line {
            if c.speech[k] > 0 { return true }
            if !Self.auxiliaries.contains(t[k].lower) { break }
            k += 1
        }
        // Introduced with a relative clause (`… Finance Minister Serhiy Marchenko, who spoke to the BBC`):
        // the person the next "he said" is about.
        if end + 1 < t.count, t[end].punctChar == ",", t[end + 1].lower == "who", t[end + 1].line == line { return true }
        // A mention right before a comma and a clause that is not its own apposition is not enough; a
        // mention that opens its sentence (titles, modifiers and "the" before it) is.
        var j = start - 1
        while j >= 0, start - j <= 12, t[j].line == line, c.sentence[j] == c.sentence[start] {
            let u = t[j]
            // The dot of an honorific is part of the title (`Mr. Trong went on`).
            if u.punctChar == ".", j > 0, lexicon.honorifics.match(t, at: j - 1) != nil { j -= 1; continue }
            if u.isPunct || u.kind != .word { break }
            if u.isCapitalized || u.isAllCaps || u.possessive || lexicon.roles.contains(u.lower)
                || lexicon.modifiers.contains(u.lower) || u.lower == "the" || u.lower == "of" {
                j -= 1
                continue
            }
            return false
        }
        if j < 0 || t[j].line != line || c.sentence[j] != c.sentence[start] { return true }
        // After a comma that closes an introductory phrase, before a lower-case verb-like word
        // (`In his first speech, Kim Jong-un first thanked …`).
        if t[j].punctChar == ",", end < t.count, t[end].isWord, !t[end].isCapitalized, t[end].line == line,
           !Self.clauseBreakers.contains(t[end].lower), !["of", "in", "on", "at", "to", "for", "with", "and", "or"].contains(t[end].lower) {
            return true
        }
        return false
    }

    /// The subject ending right before `verb`, looking no further left than `limit`, with its first token.
    func subject(_ c: Context, before verb: Int, limit: Int) -> (Subject, Int)? {
        let t = c.tokens
        // `verb` may be the end of the text (a clause that runs to it); nothing is read past the tokens.
        guard verb > 0, verb <= t.count else { return nil }
        let limit = max(0, limit)
        let line = verb < t.count ? t[verb].line : t[verb - 1].line
        var k = verb - 1
        while k >= limit, t[k].isWord, t[k].line == line, Self.auxiliaries.contains(t[k].lower) { k -= 1 }
        guard k >= limit, t[k].line == line else { return nil }
        // A name set off by commas after its description: `Biden's adviser, Jake Sullivan, said`.
        if t[k].punctChar == ",", let ms = c.mentionEndingAt[k], ms >= limit, let m = c.actorAt[ms],
           ms > limit, t[ms - 1].punctChar == "," {
            return (.speaker(.actor(m.actor)), ms)
        }
        // An apposition between commas: `Jen Psaki, White House press secretary, said`.
        if t[k].punctChar == "," {
            var j = k - 1
            while j >= limit, k - j <= 12, t[j].line == line, t[j].punctChar != "," {
                if c.isSentenceEnd(j) { return nil }
                if case .quote = t[j].kind { return nil }
                j -= 1
            }
            guard j > limit, t[j].punctChar == "," else { return nil }
            guard let ms = c.mentionEndingAt[j], ms >= limit, let m = c.actorAt[ms] else {
                // An unnamed source set off by its clause: `A senior official, who asked not to be
                // named, said` (a label or description; never a name further back).
                if let (s, first) = subject(c, before: j, limit: limit), case .speaker(.label) = s { return (s, first) }
                if let (s, first) = subject(c, before: j, limit: limit), case .description = s { return (s, first) }
                return nil
            }
            return (.speaker(.actor(m.actor)), ms)
        }
        if let ms = c.mentionEndingAt[k + 1], ms >= limit, let m = c.actorAt[ms], !c.isPerson[m.actor] {
            // `The President of the Russian Federation said`: a role of a state, not the state.
            var j = ms - 1
            if j > limit, t[j].lower == "the" || t[j].lower == "la" || t[j].lower == "le" { j -= 1 }
            if j > limit, t[j].line == line, Self.linkWords.contains(t[j].lower), t[j].lower != "the" {
                var r = j - 1
                var sawRole = false
                while r >= limit, j - r <= 5, t[r].isWord, t[r].line == line, !Self.definites.contains(t[r].lower),
                      lexicon.roles.contains(t[r].lower) || lexicon.modifiers.contains(t[r].lower) || t[r].isCapitalized {
                    if lexicon.roles.contains(t[r].lower) { sawRole = true }
                    r -= 1
                }
                if sawRole, r >= limit, t[r].isWord, Self.definites.contains(t[r].lower) {
                    return (.description(c.text(r, k + 1)), r)
                }
            }
        }
        if let ms = c.mentionEndingAt[k + 1], ms >= limit, let m = c.actorAt[ms] {
            // `the Kremlin said`: a determiner before an organisation's name is part of it.
            let first = ms > limit && t[ms - 1].lower == "the" ? ms - 1 : ms
            return (.speaker(.actor(m.actor)), first)
        }
        guard t[k].isWord else { return nil }
        if Self.pronouns.contains(t[k].lower) { return (.pronoun, k) }
        if t[k].lower == "who", k - 1 >= limit, t[k - 1].punctChar == ",", let ms = c.mentionEndingAt[k - 1],
           ms >= limit, let m = c.actorAt[ms] {
            return (.speaker(.actor(m.actor)), ms)
        }
        // A noun phrase: `a senior administration official`, `the Russian President`, `officials`.
        // The head may come before its adjective of nationality (`le chancelier allemand`, `o presidente
        // norte-americano`).
        var hk = k
        func isHeadWord(_ w: String) -> Bool {
            let singular = w.hasSuffix("s") ? String(w.dropLast()) : w
            return lexicon.unnamedHeads.contains(w) || lexicon.roles.contains(w) || lexicon.roles.contains(singular)
        }
        if !isHeadWord(t[k].lower), !t[k].isCapitalized, k - 1 >= limit, t[k - 1].isWord, t[k - 1].line == line,
           lexicon.roles.contains(t[k - 1].lower) {
            hk = k - 1
        }
        let head = t[hk].lower
        let singular = head.hasSuffix("s") ? String(head.dropLast()) : head
        let isHead = isHeadWord(head)
        guard isHead else { return nil }
        var j = k
        while j - 1 >= limit, k - j < 6, t[j - 1].isWord, t[j - 1].line == line, !Self.determiners.contains(t[j].lower),
              !Self.clauseBreakers.contains(t[j - 1].lower) {
            j -= 1
        }
        let det = t[j].lower
        let phrase = c.text(j, k + 1)
        if Self.determiners.contains(det) && !Self.definites.contains(det) && det != "its" && det != "their" {
            return (.speaker(.label(phrase)), j)
        }
        if lexicon.anonymousHeads.contains(head) || (head != singular && lexicon.unnamedHeads.contains(head)) {
            return (.speaker(.label(phrase)), j)
        }
        if Self.definites.contains(det) { return (.description(phrase), j) }
        return nil
    }

    /// The subject right after a speech verb (`said Sergei Ryabkov`, `according to a US official`).
    func subject(_ c: Context, after verb: Int) -> Subject? {
        let t = c.tokens
        guard verb >= 0, verb < t.count else { return nil }
        let line = t[verb].line
        var k = verb + c.speech[verb]
        guard k < t.count, t[k].line == line, t[k].isWord else { return nil }
        // An adverb between the verb and its subject: `explique fermement Olaf Scholz`, `said firmly Mr. X`.
        if !t[k].isCapitalized, k + 1 < t.count, t[k + 1].isCapitalized, t[k + 1].line == line,
           ["ment", "mente", "ly"].contains(where: { t[k].lower.hasSuffix($0) && t[k].lower.count > $0.count + 2 }) {
            k += 1
        }
        if let m = c.actorAt[k] { return .speaker(.actor(m.actor)) }
        // A title before the name: `according to Minister Pavel Horak`.
        // (`said Foreign Secretary of India, Vikram Misri`: a title with its country, then a comma.)
        var j = k
        while j < t.count, j - k < 7, t[j].isWord, t[j].line == line, c.actorAt[j].map({ !c.isPerson[$0.actor] }) ?? true,
              t[j].isCapitalized || lexicon.roles.contains(t[j].lower) || lexicon.modifiers.contains(t[j].lower)
                || j > k && (t[j].lower == "of" || t[j].lower == "for") && j + 1 < t.count && t[j + 1].isCapitalized {
            j += 1
        }
        if j > k, j < t.count, let m = c.actorAt[j], c.isPerson[m.actor] { return .speaker(.actor(m.actor)) }
        if j > k, j + 1 < t.count, t[j].punctChar == ",", (k..<j).contains(where: { lexicon.roles.contains(t[$0].lower) }),
           let m = c.actorAt[j + 1], c.isPerson[m.actor] {
            return .speaker(.actor(m.actor))
        }
        if k + 1 < t.count, t[k].lower == "the", let m = c.actorAt[k + 1], !c.isPerson[m.actor] { return .speaker(.actor(m.actor)) }
        if Self.pronounsAfterVerb.contains(t[k].lower) { return .pronoun }
        var e = k
        while e < t.count, e - k < 8, t[e].isWord, t[e].line == line,
              !["on", "in", "at", "who", "that", "after", "before", "during", "when", "while", "and", "to", "from"].contains(t[e].lower) {
            e += 1
        }
        guard e > k else { return nil }
        if let (s, first) = subject(c, before: e, limit: k), first == k { return s }
        return nil
    }

    // MARK: - Attribution

    /// The speaker named in the clause right after a closing quote.
    func after(_ c: Context, close: Int) -> Subject? {
        let t = c.tokens
        let n = t.count
        guard close < n else { return nil }
        var k = close + 1
        let line = t[close].line
        while k < n, t[k].isPunct, t[k].punctChar == "," || t[k].punctChar == "\u{2014}" || t[k].punctChar == "-" { k += 1 }
        guard k < n, t[k].line == line, t[k].isWord else { return nil }
        let start = k
        // A new sentence after the quote speaks for it only when it is a short attribution (`Sullivan said.`).
        // A quote that ends on its own `?` or `!` ends no sentence of the text: `“Can you hear me?” Biden said
        // at the start of the call, …` is one sentence.
        let endsOwnSentence = close > 0 && (t[close - 1].punctChar == "?" || t[close - 1].punctChar == "!")
        // A full stop inside the closing mark ends the sentence, whatever the tokenizer made of the mark:
        // `… for leaders to “understand each other.” Xi says …` is Xi's next sentence, not its attribution.
        let stopInside = close > 0 && t[close - 1].punctChar == "." && t[start].isCapitalized
        let newSentence = (t[start].sentenceStart || stopInside) && !endsOwnSentence
        // (The dot of an honorific, `Ms. Berg said`, ends no clause and is part of the name's title.)
        func honorificDot(_ k: Int) -> Bool { t[k].punctChar == "." && k > 0 && lexicon.honorifics.match(t, at: k - 1) != nil }
        var e = k
        while e < n, e - start < 40, t[e].line == line, !c.isSentenceEnd(e) || honorificDot(e) {
            if case .quote = t[e].kind { break }
            e += 1
        }
        guard let v = (start..<e).first(where: { c.speech[$0] > 0 }) else { return nil }
        // A new sentence that runs on into another quotation (`Xi says they bear “heavy responsibilities”`)
        // is that quotation's, not an attribution of this one.
        let runsIntoQuote: Bool = { if e < n, case .quote = t[e].kind { return true }; return false }()
        if newSentence && runsIntoQuote && e - (v + c.speech[v]) > 0 { return nil }
        if v == start {
            if newSentence && e - v > 8 { return nil }
            if let s = subject(c, after: v) { return s }
            // No subject after the verb either: a language that drops it (`…», dijo.`, `…”, disse ontem`,
            // `…», ha detto in conferenza stampa`) speaks for the sentence's subject.
            let next = v + c.speech[v]
            if !newSentence, next >= n || t[next].line != line || c.isSentenceEnd(next)
                || t[next].isWord && !t[next].isCapitalized && !Self.determiners.contains(t[next].lower) {
                return .pronoun
            }
            return nil
        }
        // A clitic or a short pronoun object before the verb, the speaker after it: `«…», le dijo Putin`,
        // `…, lui a dit Macron`, `…, gli ha detto Draghi`.
        // (Not a subject: `…,” he suggested Donald Trump was …` is his.)
        if !newSentence, v - start <= 2, (start..<v).allSatisfy({ t[$0].isWord && !t[$0].isCapitalized && t[$0].lower.count <= 3
                && !Self.pronouns.contains(t[$0].lower) && !Self.subjectPronouns.contains(t[$0].lower) }),
           case .speaker(let sp)? = subject(c, after: v) {
            return .speaker(sp)
        }
        // A subject must lie inside the clause (a mention reaching back before it is no speaker of it).
        guard let (s, first) = subject(c, before: v, limit: start), first >= start else { return nil }
        // The subject opens the clause, perhaps after a title or a description (`Polish Foreign
        // Minister Zbigniew Rau said`, `Biden's top national security advisor, Jake Sullivan, said`).
        let gap = start..<first
        if gap.count <= 8, !gap.contains(where: { Self.clauseBreakers.contains(t[$0].lower) || c.speech[$0] > 0
                || !t[$0].isWord && t[$0].punctChar != "," && !honorificDot($0) }),
           !(newSentence && (e - v > 5 || (v..<e).contains { t[$0].lower == "that" })) {
            return s
        }
        // A sentence that ends `…, NATO Secretary-General Jens Stoltenberg said Wednesday.`
        var ts = first
        while ts - 1 > start, t[ts - 1].isWord, t[ts - 1].isCapitalized || t[ts - 1].isAllCaps || t[ts - 1].possessive
                || lexicon.roles.contains(t[ts - 1].lower) || lexicon.modifiers.contains(t[ts - 1].lower) || t[ts - 1].lower == "the" {
            ts -= 1
        }
        // (the verb may be followed by a time and a comma: `said Wednesday, asserting …`).
        let afterVerb = v + c.speech[v]
        let tail = (afterVerb..<e).first(where: { t[$0].punctChar == "," }).map { $0 - afterVerb } ?? (e - afterVerb)
        if t[ts - 1].punctChar == ",", tail <= 3 { return s }
        return nil
    }

    /// The speaker of a quote introduced earlier in its own sentence.
    func before(_ c: Context, open: Int) -> Subject? {
        let t = c.tokens
        // The sentence the quote sits in, as written before it (a quote opening a sentence has none).
        guard open > 0, t[open - 1].line == t[open].line, !c.isSentenceEnd(open - 1) else { return nil }
        let line = t[open].line
        let sent = c.sentence[open - 1]
        // Bounded: a "sentence" without punctuation may run for pages.
        var s0 = open
        while s0 - 1 >= 0, open - s0 < 60, t[s0 - 1].line == line, c.sentence[s0 - 1] == sent { s0 -= 1 }
        guard s0 < open else { return nil }
        // Speech verbs from the nearest to the farthest; the first with a subject speaks.
        var k = open - 1
        var sawVerb = false
        while k >= s0 {
            if c.inQuote[k] { k -= 1; continue }
            if t[k].punctChar == ":", k - 1 >= s0, let ms = c.mentionEndingAt[k], let m = c.actorAt[ms] {
                // `Lukashevich: Russia …` names the speaker; `Biden welcomed Giorgia Meloni: “…”` names
                // whom the sentence's subject spoke to.
                let opens = (s0..<ms).allSatisfy { t[$0].isCapitalized || t[$0].isAllCaps || t[$0].punctChar == "," }
                if !opens, let subj = (s0..<ms).first(where: { i in
                    guard let a = c.actorAt[i], c.isPerson[a.actor] else { return false }
                    return isSubject(c, at: i, end: a.end)
                }).flatMap({ c.actorAt[$0] }), subj.actor != m.actor {
                    return .speaker(.actor(subj.actor))
                }
                return .speaker(.actor(m.actor))
            }
            if c.speech[k] > 0 {
                sawVerb = true
                if t[k].lower == "according" { if let s = subject(c, after: k) { return s } }
                else if let (s, _) = subject(c, before: k, limit: s0) { return s }
            }
            k -= 1
        }
        // A sentence that introduces its quote with a colon speaks through its subject as a verb would:
        // `Meloni ha rinnovato l'intesa: “…”`.
        guard sawVerb || t[open - 1].punctChar == ":" else { return nil }
        // `…, saying “…”`, `and said “…”`: the sentence's subject.
        var j = s0
        while j < open, c.actorAt[j] == nil, t[j].punctChar == "," || t[j].isWord && lexicon.nonNameWords.contains(t[j].lower) { j += 1 }
        if let m = c.actorAt[j], c.isPerson[m.actor] { return .speaker(.actor(m.actor)) }
        if j < open, Self.pronouns.contains(t[j].lower) { return .pronoun }
        for i in s0..<open where !c.inQuote[i] {
            if let m = c.actorAt[i], c.isPerson[m.actor], isSubject(c, at: i, end: m.end) { return .speaker(.actor(m.actor)) }
        }
        // A language that drops the subject opens the sentence with the verb (`Enfatizó que …: “…”`,
        // `Además, añadió que: "…"`): the latest subject speaks, as a pronoun would.
        var v0 = s0
        if v0 + 1 < open, t[v0].isWord, t[v0 + 1].punctChar == "," { v0 += 2 }
        if v0 < open, c.speech[v0] > 0, !c.inQuote[v0] { return .pronoun }
        return nil
    }

    /// `A presidential official stressed …`: the unnamed subject right before a speech verb.
    func unnamedSubject(_ c: Context, verb: Int) -> String? {
        guard let (s, _) = subject(c, before: verb, limit: max(0, verb - 8)), case .speaker(.label(let l)) = s else { return nil }
        return l
    }
}
