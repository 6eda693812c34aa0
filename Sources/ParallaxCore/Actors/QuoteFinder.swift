/// Finds direct quotations in an article and who the text says spoke them.
///
/// Quotes are spans between curly, straight or angle quotation marks (single ones too), within a
/// paragraph; several sentences may sit inside one. The speaker is read from the words right after the
/// quote (`…,” he told reporters`, `…,” said Sergei Ryabkov`, `…,” Kuleba said`, `…, according to a White
/// House official`), else from the same sentence before it (`Macron … added: “…”`). A pronoun takes the
/// latest speaker the article named; an unnamed speaker (`the source`, `a presidential official`) is
/// kept as a label and never replaced by a guess.
struct QuoteFinder: Sendable {
    let lexicon: ActorLexicon

    enum Speaker {
        case person(Int)
        case label(String)
    }

    static let pronouns: Set<String> = ["he", "she", "they", "we", "i"]
    static let determiners: Set<String> = ["a", "an", "the", "another", "one", "two", "three", "several", "some",
                                           "many", "senior", "top"]

    func find(tokens: [ActorToken], scalars: [Unicode.Scalar], personAtToken: [Int: Int],
              locals: [LocalActor]) -> [LocalQuote] {
        let spans = quoteSpans(tokens)
        guard !spans.isEmpty else { return [] }
        let n = tokens.count
        var speech = [Int](repeating: 0, count: n)
        for i in 0..<n where tokens[i].isWord && !tokens[i].isCapitalized {
            speech[i] = lexicon.speechVerbs.match(tokens, at: i) ?? 0
        }
        // Person mention starting at a token → (local actor, end token).
        var personEnd: [Int: Int] = [:]
        for (start, li) in personAtToken {
            let endOffset = locals[li].mentions.first { $0.range.start == tokens[start].start }?.range.end ?? tokens[start].end
            var e = start
            while e < n && tokens[e].end <= endOffset { e += 1 }
            personEnd[start] = max(e, start + 1)
        }
        func text(_ a: Int, _ b: Int) -> String {
            return ActorTokenizer.makeString(scalars, tokens[a].start, tokens[b - 1].end)
        }

        var out: [LocalQuote] = []
        var last: Speaker?
        // The paragraph (line) where `last` was last confirmed as a speaker: a pronoun ("he told
        // reporters") means the person who last spoke, not whoever was named last ("Peskov said
        // sanctions against Putin …" then "…,” he said" is Peskov).
        var lastSpokeOnLine = -1
        var cursor = 0
        func nearSpeechVerb(_ start: Int) -> Bool {
            let line = tokens[start].line
            let end = personEnd[start] ?? (start + 1)
            for k in end..<min(n, end + 3) where tokens[k].line == line && speech[k] > 0 { return true }
            for k in max(0, start - 2)..<start where tokens[k].line == line && speech[k] > 0 { return true }
            return false
        }
        for (open, close) in spans {
            // Bring the latest speaker up to the quote's opening.
            while cursor < open {
                if let li = personAtToken[cursor] {
                    if nearSpeechVerb(cursor) {
                        last = .person(li)
                        lastSpokeOnLine = tokens[cursor].line
                    } else if last == nil || tokens[cursor].line - lastSpokeOnLine > 1 {
                        last = .person(li)
                    }
                }
                if speech[cursor] > 0, let label = unnamedSubject(tokens, verb: cursor, text: text) {
                    last = .label(label)
                    lastSpokeOnLine = tokens[cursor].line
                }
                cursor += 1
            }
            let startOffset = tokens[open].end
            let endOffset = close < n ? tokens[close].start : (tokens.last?.end ?? startOffset)
            guard endOffset > startOffset else { continue }
            let quoteText = FastText.trimmed(ActorTokenizer.makeString(scalars, startOffset, endOffset))
            guard quoteText.contains(where: \.isLetter) else { continue }

            var speaker = after(close, tokens: tokens, speech: speech, personAtToken: personAtToken,
                                personEnd: personEnd, last: last, text: text)
            if speaker == nil {
                speaker = before(open, tokens: tokens, speech: speech, personAtToken: personAtToken, personEnd: personEnd,
                                 last: last, text: text)
            }
            var q = LocalQuote(text: quoteText, range: TextRange(start: startOffset, end: endOffset), speaker: nil, label: nil)
            switch speaker {
            case .person(let li)?: q.speaker = li
            case .label(let l)?: q.label = l
            case nil: break
            }
            if let s = speaker {
                last = s
                lastSpokeOnLine = tokens[min(close, n - 1)].line
            }
            out.append(q)
            cursor = max(cursor, close)
        }
        return out
    }

    /// Token index pairs (opening mark, closing mark) of the quotations, in order. A quote left open
    /// at the end of a paragraph closes there (the closing index is then the next line's first token).
    func quoteSpans(_ tokens: [ActorToken]) -> [(Int, Int)] {
        var spans: [(Int, Int)] = []
        var openAt: Int?
        var openDouble = true
        for (i, t) in tokens.enumerated() {
            if let o = openAt, tokens[o].line != t.line {
                spans.append((o, i))
                openAt = nil
            }
            guard case .quote(let opening, let closing, let double) = t.kind else { continue }
            if let o = openAt {
                if double == openDouble && closing { spans.append((o, i)); openAt = nil }
            } else if opening {
                // A single mark opens only before a word (not an apostrophe left over).
                if !double, !(i + 1 < tokens.count && tokens[i + 1].isWord && tokens[i + 1].line == t.line) { continue }
                openAt = i
                openDouble = double
            }
        }
        if let o = openAt { spans.append((o, tokens.count)) }
        return spans
    }

    /// The speaker named right after a closing quote, in the same sentence.
    func after(_ close: Int, tokens: [ActorToken], speech: [Int], personAtToken: [Int: Int], personEnd: [Int: Int],
               last: Speaker?, text: (Int, Int) -> String) -> Speaker? {
        let n = tokens.count
        guard close < n else { return nil }
        var k = close + 1
        let line = tokens[close].line
        while k < n, tokens[k].isPunct, tokens[k].punctChar == "," || tokens[k].punctChar == "\u{2014}" || tokens[k].punctChar == "-" { k += 1 }
        guard k < n, tokens[k].line == line, tokens[k].isWord else { return nil }
        let start = k
        var verb: Int?
        var person: Int?
        while k < n, k - start < 12, tokens[k].line == line {
            let t = tokens[k]
            if t.isPunct || t.kind != .word && t.kind != .number { break }
            if person == nil, let li = personAtToken[k] {
                person = li
                if verb != nil { break }
                k = personEnd[k] ?? (k + 1)
                continue
            }
            if verb == nil, speech[k] > 0 {
                verb = k
                if person != nil { break }
                k += speech[k]
                continue
            }
            k += 1
        }
        guard let v = verb else { return nil }
        if let p = person { return .person(p) }
        if v > start {
            // Subject before the verb: a pronoun, or an unnamed speaker (the source said).
            if v - start == 1, Self.pronouns.contains(tokens[start].lower) { return last }
            if let label = unnamedPhrase(tokens, from: start, to: v, text: text) { return .label(label) }
            return nil
        }
        // Verb first: "said the source", "according to a White House official".
        var e = v + speech[v]
        let npStart = e
        while e < n, e - npStart < 8, tokens[e].isWord, tokens[e].line == line,
              !["on", "in", "at", "who", "that", "after", "before", "during", "when", "while"].contains(tokens[e].lower) {
            e += 1
        }
        if e > npStart {
            if e - npStart == 1, ["he", "she", "they"].contains(tokens[npStart].lower) { return last }
            if let label = unnamedPhrase(tokens, from: npStart, to: e, text: text) { return .label(label) }
        }
        return nil
    }

    /// The speaker of a quote introduced earlier in its sentence (`Macron said … but added: “…”`).
    /// When several people precede the verb, the one right before it speaks (`… Kuleba said`);
    /// otherwise the sentence's first-named person, its subject (`Yermak, chief of staff to President
    /// Zelenskiy, tweeted …`, `Putin, who met Biden in December, warned …`).
    func before(_ open: Int, tokens: [ActorToken], speech: [Int], personAtToken: [Int: Int], personEnd: [Int: Int],
                last: Speaker?, text: (Int, Int) -> String) -> Speaker? {
        guard open > 0 else { return nil }
        let line = tokens[open].line
        var k = open - 1
        var verb: Int?
        var closest: Int?
        var earliest: Int?
        var pronounSubject = false
        while k >= 0, open - k <= 40, tokens[k].line == line {
            let t = tokens[k]
            if case .quote = t.kind { break }
            if t.isPunct, let c = t.punctChar, ".!?".unicodeScalars.contains(c) { break }
            if verb == nil, speech[k] > 0 { verb = k }
            if let v = verb, let li = personAtToken[k] {
                if closest == nil && !pronounSubject {
                    closest = li
                    // Right before the verb, with no comma closing an apposition in between.
                    let end = personEnd[k] ?? (k + 1)
                    if v - end == 0 || (v - end == 1 && !tokens[end].isPunct) { return .person(li) }
                }
                earliest = li
                if t.sentenceStart { break }
                k -= 1
                continue
            }
            if verb != nil, earliest != nil, t.sentenceStart { break }
            if let v = verb, k == v - 1, Self.pronouns.contains(t.lower) {
                // "Yermak … tweeted that he hopes for “…”": the pronoun is the sentence's subject
                // when one was named before it; else the latest speaker.
                pronounSubject = true
                k -= 1
                continue
            }
            if let v = verb, k < v, !pronounSubject, let label = unnamedPhrase(tokens, from: k, to: v, text: text),
               k == 0 || tokens[k - 1].isPunct || tokens[k].sentenceStart {
                return .label(label)
            }
            if t.sentenceStart { break }
            k -= 1
        }
        if let e = earliest { return .person(e) }
        if pronounSubject { return last }
        if verb != nil, let l = last, case .person = l { return l }
        return nil
    }

    /// An unnamed speaker phrase spanning [from, to): `the source`, `a White House official`,
    /// `officials`, `the Russian negotiator`; nil for anything else.
    func unnamedPhrase(_ tokens: [ActorToken], from: Int, to: Int, text: (Int, Int) -> String) -> String? {
        guard to > from, to - from <= 7 else { return nil }
        let words = (from..<to).map { tokens[$0] }
        guard words.allSatisfy({ $0.isWord }) else { return nil }
        guard let head = words.last, lexicon.unnamedHeads.contains(head.lower) || lexicon.roles.contains(head.lower) else { return nil }
        if words.count > 1 && !Self.determiners.contains(words[0].lower) { return nil }
        return text(from, to)
    }

    /// `A presidential official stressed …`: the unnamed subject right before a speech verb.
    func unnamedSubject(_ tokens: [ActorToken], verb: Int, text: (Int, Int) -> String) -> String? {
        var k = verb - 1
        while k >= 0, verb - k <= 6, tokens[k].isWord, tokens[k].line == tokens[verb].line {
            if Self.determiners.contains(tokens[k].lower) && (k == 0 || tokens[k].sentenceStart || tokens[k - 1].isPunct) {
                return unnamedPhrase(tokens, from: k, to: verb, text: text)
            }
            k -= 1
        }
        return nil
    }
}
