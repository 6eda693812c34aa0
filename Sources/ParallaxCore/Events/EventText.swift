/// An article body cut into tokens and sentences with Unicode-scalar offsets (the offsets of `TextRange`).
/// The event and comparison layers read text only through this, so offsets always agree with `body`.
struct EventText: Sendable {
    /// What a token is made of.
    enum Shape: Sendable { case word, number, punct }

    /// One token: a word (with inner apostrophes and hyphens), a number or one punctuation mark.
    struct Token: Sendable {
        var start: Int
        var end: Int
        var text: String
        /// Lower-cased, curly apostrophes made straight, a possessive `'s` removed.
        var key: String
        var shape: Shape
        var capitalized: Bool
        var possessive: Bool
        var paragraph: Int
    }

    /// A sentence: a run of tokens and its range in the text.
    struct Sentence: Sendable {
        var tokens: Range<Int>
        var range: TextRange
        var paragraph: Int
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let sentences: [Sentence]
    /// For each token, the index of its sentence.
    let sentenceOf: [Int]

    static let abbreviations = FunctionWords.shipped.abbreviations

    init(_ text: String) {
        let s = Array(text.unicodeScalars)
        scalars = s
        var toks: [Token] = []
        var i = 0
        var paragraph = 0
        var newlineRun = 0
        let n = s.count
        // ASCII fast paths: Unicode property lookups are slow and most news text is ASCII.
        func isLetter(_ u: Unicode.Scalar) -> Bool {
            let v = u.value
            if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
            return u.properties.isAlphabetic
        }
        func isUpper(_ u: Unicode.Scalar) -> Bool {
            let v = u.value
            if v < 128 { return v >= 65 && v <= 90 }
            return u.properties.isUppercase
        }
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            let v = u.value
            if v < 128 { return v == 32 || v == 9 || v == 13 || v == 11 || v == 12 }
            return u.properties.isWhitespace
        }
        func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }
        func isApostrophe(_ u: Unicode.Scalar) -> Bool { u == "'" || u == "\u{2019}" }
        func isHyphen(_ u: Unicode.Scalar) -> Bool { u == "-" || u == "\u{2010}" || u == "\u{2011}" }
        /// The token's text and its key (lower case, straight apostrophes), built in one pass.
        func strings(_ a: Int, _ b: Int) -> (String, String) {
            var ascii = true
            for k in a..<b where s[k].value >= 128 { ascii = false; break }
            if ascii {
                var raw = [UInt8](), low = [UInt8]()
                raw.reserveCapacity(b - a)
                low.reserveCapacity(b - a)
                for k in a..<b {
                    let v = UInt8(s[k].value)
                    raw.append(v)
                    low.append(v >= 65 && v <= 90 ? v + 32 : v)
                }
                return (String(decoding: raw, as: UTF8.self), String(decoding: low, as: UTF8.self))
            }
            var raw = String.UnicodeScalarView()
            for k in a..<b { raw.append(s[k]) }
            let str = String(raw)
            var low = String.UnicodeScalarView()
            for ch in str.lowercased().unicodeScalars { low.append(ch == "\u{2019}" ? "'" : ch) }
            return (str, String(low))
        }
        while i < n {
            let u = s[i]
            if u == "\n" {
                newlineRun += 1
                if newlineRun == 2 { paragraph += 1 }
                // A line break ends a sentence: mark it as a punctuation token.
                if newlineRun == 1 {
                    toks.append(Token(start: i, end: i + 1, text: "\n", key: "\n", shape: .punct,
                                      capitalized: false, possessive: false, paragraph: paragraph))
                }
                i += 1
                continue
            }
            if isSpace(u) { i += 1; continue }
            newlineRun = 0
            let start = i
            if isLetter(u) || isDigit(u) {
                var allDigits = true
                while i < n {
                    let c = s[i]
                    if isLetter(c) { allDigits = false; i += 1; continue }
                    if isDigit(c) { i += 1; continue }
                    let next = i + 1 < n ? s[i + 1] : " "
                    if (isApostrophe(c) || isHyphen(c)) && (isLetter(next) || isDigit(next)) { i += 1; continue }
                    if allDigits && (c == "," || c == "." || c == ":") && isDigit(next) { i += 1; continue }
                    // Initialisms such as U.S. stay one token.
                    if c == ".", i - start == 1 || (i >= 2 && s[i - 2] == "."), isLetter(next),
                       i + 2 < n, s[i + 2] == "." || !isLetter(s[i + 2]), isUpper(s[start]) {
                        i += 2
                        if i < n, s[i] == "." { i += 1 }
                        continue
                    }
                    break
                }
                var (str, key) = strings(start, i)
                var possessive = false
                if key.hasSuffix("'s") && key.count > 2 {
                    key.removeLast(2)
                    possessive = true
                } else if key.hasSuffix("s'") {
                    key.removeLast()
                    possessive = true
                }
                if str.isEmpty { str = key }
                toks.append(Token(start: start, end: i, text: str, key: key, shape: allDigits ? .number : .word,
                                  capitalized: isUpper(s[start]), possessive: possessive, paragraph: paragraph))
            } else {
                i += 1
                let str = String(u)
                toks.append(Token(start: start, end: i, text: str, key: str, shape: .punct,
                                  capitalized: false, possessive: false, paragraph: paragraph))
            }
        }
        tokens = toks

        // Sentences: end at . ! ? (past closing quotes) before a capital, a quote or a digit; and at line breaks.
        var sents: [Sentence] = []
        var sentenceOf = [Int](repeating: 0, count: toks.count)
        var begin = 0
        func close(_ endExclusive: Int) {
            var a = begin
            var b = endExclusive
            while a < b, toks[a].key == "\n" { a += 1 }
            while b > a, toks[b - 1].key == "\n" { b -= 1 }
            if a < b {
                for k in a..<b { sentenceOf[k] = sents.count }
                sents.append(Sentence(tokens: a..<b, range: TextRange(start: toks[a].start, end: toks[b - 1].end),
                                      paragraph: toks[a].paragraph))
            }
            begin = endExclusive
        }
        let closers: Set<String> = ["\u{201D}", "\"", "\u{2019}", ")", "'"]
        var k = 0
        while k < toks.count {
            let t = toks[k]
            if t.key == "\n" { close(k + 1); k += 1; continue }
            if t.shape == .punct, t.key == "." || t.key == "!" || t.key == "?" {
                var e = k + 1
                while e < toks.count, toks[e].shape == .punct, closers.contains(toks[e].key) { e += 1 }
                let prev = k > 0 ? toks[k - 1] : nil
                let isAbbrev = prev.map { p in
                    t.key == "." && (EventText.abbreviations.contains(p.key)
                        || (p.shape == .word && p.text.count == 1 && p.capitalized))
                } ?? false
                let next = e < toks.count ? toks[e] : nil
                let nextStarts = next.map { $0.key == "\n" || $0.capitalized || $0.shape == .number
                    || ["\u{201C}", "\"", "\u{2018}", "'", "(", "–", "-", "•"].contains($0.key) } ?? true
                if !isAbbrev && nextStarts {
                    close(e)
                    k = e
                    continue
                }
            }
            k += 1
        }
        close(toks.count)
        // Scalars and tokens visited (see WorkCounter).
        WorkCounter.count(s.count + 2 * toks.count, "events")
        self.sentences = sents
        self.sentenceOf = sentenceOf
    }

    /// The index of the first token that starts at or after a scalar offset.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The text of a range.
    func text(_ r: TextRange) -> String {
        let a = max(0, min(r.start, scalars.count))
        let b = max(a, min(r.end, scalars.count))
        return String(String.UnicodeScalarView(scalars[a..<b]))
    }

    /// The text of a sentence, with line breaks made spaces.
    func text(of sentence: Sentence) -> String {
        text(sentence.range).replacingOccurrences(of: "\n", with: " ")
    }

    /// Lower-cased word tokens of a phrase (for data files and matching).
    static func wordTokens(_ phrase: String) -> [String] {
        EventText(phrase).tokens.filter { $0.shape != .punct || $0.key == "'" }.map { t in
            t.possessive ? t.key + "'s" : t.key
        }.filter { $0 != "'" }
    }
}

