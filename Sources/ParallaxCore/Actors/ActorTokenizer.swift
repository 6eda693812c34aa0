/// One word or punctuation mark of an article body, with what the actor rules need to know about it.
struct ActorToken: Sendable {
    enum Kind: Sendable, Equatable {
        case word
        /// A word with a digit in it (`Su-35`, `2022`): never part of a name.
        case number
        /// A quotation mark; `opening` when it can only open (`“`, `‘`, `«`), `closing` when it can only close.
        case quote(opening: Bool, closing: Bool, double: Bool)
        case punct
    }

    var kind: Kind
    /// Unicode-scalar offsets into the body (end exclusive), possessive ending excluded.
    var start: Int
    var end: Int
    /// The word as written, without a possessive `’s`.
    var text: String
    /// `text` lower-cased (for lexicon look-ups).
    var lower: String
    /// First letter is an upper-case Latin letter.
    var isCapitalized: Bool
    /// Two or more letters, all upper case (`NATO`, `AFP`, `U.S.`).
    var isAllCaps: Bool
    /// The word carried a possessive `’s`/`'s` (or a bare `’` after an s).
    var possessive: Bool
    /// First word of a sentence (or of a line, or right after an opening quote at a sentence start).
    var sentenceStart: Bool
    /// Index of the line the token is on; names never run across lines.
    var line: Int
    /// The token is the letter `©` or within a photo credit that follows it.
    var inCredit: Bool = false
    /// `NameKey.key(text)` for words, filled in by the extractor (empty until then).
    var key: String = ""

    var isWord: Bool { kind == .word }
    var isPunct: Bool { kind == .punct }
    var punctChar: Unicode.Scalar? { kind == .punct ? text.unicodeScalars.first : nil }
}

/// Splits a body into `ActorToken`s in one pass over its scalars.
enum ActorTokenizer {
    /// Abbreviations after which a full stop does not end a sentence.
    static let abbreviations = FunctionWords.shipped.abbreviations

    /// `isTitle` says which lower-case words are titles: an initial after one opens a name (`Chief
    /// Minister N. Rajen Singh`) and is kept, as an initial outside a name is.
    static func tokenize(_ s: [Unicode.Scalar], isTitle: (String) -> Bool = { _ in false }) -> (tokens: [ActorToken], lineCount: Int) {
        var tokens: [ActorToken] = []
        tokens.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        var line = 0
        var newSentence = true
        var lineHasText = false

        func isLetter(_ u: Unicode.Scalar) -> Bool {
            if u.value < 0x80 {
                return (u.value >= 65 && u.value <= 90) || (u.value >= 97 && u.value <= 122)
            }
            return u.properties.isAlphabetic
        }
        func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }
        func isWordChar(_ u: Unicode.Scalar) -> Bool {
            isLetter(u) || isDigit(u) || (u.value >= 0x300 && u.properties.generalCategory == .nonspacingMark)
        }

        while i < n {
            let u = s[i]
            if u == "\n" || u == "\r" || u == "\u{2029}" || u == "\u{2028}" {
                if lineHasText { line += 1 }
                lineHasText = false
                newSentence = true
                i += 1
                continue
            }
            if u == " " || u == "\t" || (u.value >= 0x80 && u.properties.isWhitespace) { i += 1; continue }
            lineHasText = true

            if isWordChar(u) {
                let start = i
                var j = i
                var hasDigit = false
                var possessive = false
                var segStart = i
                var wordEnd = i
                while j < n {
                    let c = s[j]
                    if isWordChar(c) {
                        if isDigit(c) { hasDigit = true }
                        j += 1
                        wordEnd = j
                        continue
                    }
                    // Hyphens and apostrophes inside a word (Jean-Yves, O'Brien); 's is a possessive.
                    if (c == "-" || c == "\u{2010}" || c == "\u{2011}") && j + 1 < n && isWordChar(s[j + 1]) {
                        j += 1
                        continue
                    }
                    if c == "'" || c == "\u{2019}" || c == "\u{02BC}" {
                        if j + 1 < n, s[j + 1] == "s" || s[j + 1] == "S", j + 2 >= n || !isWordChar(s[j + 2]) {
                            possessive = true
                            j += 2
                            break
                        }
                        if j + 1 < n && isWordChar(s[j + 1]) {
                            j += 1
                            continue
                        }
                        // A plural possessive (Westerners') — the mark is dropped.
                        if s[j - 1] == "s" || s[j - 1] == "S" {
                            possessive = true
                            j += 1
                        }
                        break
                    }
                    // Dotted abbreviations: U.S., U.K., E.U., D.C.
                    if c == ".", j - segStart == 1, isUpper(s[j - 1]), j + 1 < n, isLetter(s[j + 1]), isUpper(s[j + 1]) {
                        j += 1
                        segStart = j
                        continue
                    }
                    break
                }
                var end = wordEnd
                // A dotted abbreviation keeps its final dot (U.S.).
                if !possessive, end < n, s[end] == ".", segStart > start {
                    end += 1
                    j = end
                }
                var letters = 0
                var upper = 0
                var ascii = true
                for k in start..<end {
                    let c = s[k]
                    if c.value >= 0x80 { ascii = false }
                    if isLetter(c) {
                        letters += 1
                        if isUpper(c) { upper += 1 }
                    }
                }
                let text = makeString(s, start, end)
                let lower = ascii ? asciiLower(s, start, end) : text.lowercased()
                let allCaps = letters >= 2 && upper == letters
                let first = s[start]
                let cap = isUpper(first) && isLatin(first)
                tokens.append(ActorToken(
                    kind: hasDigit ? .number : .word, start: start, end: end, text: text, lower: lower,
                    isCapitalized: cap, isAllCaps: allCaps, possessive: possessive, sentenceStart: newSentence,
                    line: line))
                newSentence = false
                i = max(j, end)
                continue
            }

            // Punctuation and quotes.
            var kind = ActorToken.Kind.punct
            switch u {
            case "\u{201C}", "\u{00AB}", "\u{201E}": kind = .quote(opening: true, closing: false, double: true)
            case "\u{201D}", "\u{00BB}": kind = .quote(opening: false, closing: true, double: true)
            case "\"": kind = .quote(opening: true, closing: true, double: true)
            case "\u{2018}": kind = .quote(opening: true, closing: false, double: false)
            case "\u{2019}", "'":
                let prevSpace = i == 0 || s[i - 1].properties.isWhitespace
                kind = .quote(opening: prevSpace, closing: !prevSpace, double: false)
            default: break
            }
            let text = String(Character(u))
            tokens.append(ActorToken(kind: kind, start: i, end: i + 1, text: text, lower: text, isCapitalized: false,
                                     isAllCaps: false, possessive: false, sentenceStart: false, line: line))
            if u == "." || u == "!" || u == "?" || u == "\u{2026}" {
                // Not after an abbreviation or an initial (H. R. McMaster).
                if u == ".", let prev = tokens.dropLast().last, prev.isWord || prev.kind == .number,
                   prev.end == i,
                   abbreviations.contains(prev.lower) || (prev.text.unicodeScalars.count == 1 && prev.isCapitalized) {
                    // stays in the sentence
                } else {
                    newSentence = true
                }
            } else if u == ":" || u == ";" {
                // A colon before a quote starts a quoted sentence; handled at the quote.
            }
            if case .quote(let opening, _, _) = kind, opening, newSentence == false {
                // `added: “If there…` — the first word inside the quote is sentence-initial.
                if let prev = tokens.dropLast().last, prev.punctChar == ":" { newSentence = true }
            }
            i += 1
        }
        return (dropMiddleInitials(tokens, isTitle: isTitle), line + 1)
    }

    /// Removes middle initials (`Vladimir V. Putin`, `Janet L. Yellen`, `George W. Bush`) so that the
    /// name reads as its given name and surname; offsets of the other tokens are unchanged, so a
    /// mention spanning the name still shows the initial.
    /// An initial that opens a name instead (`N. Rajen Singh`: at the start of a line or sentence, after
    /// a lower-case word or punctuation, or after a title) becomes one word with its full stop, so that
    /// the name keeps it (`N.` as `P.K.` already is).
    static func dropMiddleInitials(_ t: [ActorToken], isTitle: (String) -> Bool = { _ in false }) -> [ActorToken] {
        var out: [ActorToken] = []
        out.reserveCapacity(t.count)
        var i = 0
        while i < t.count {
            if i + 2 < t.count, t[i].isWord, t[i].isCapitalized, t[i].text.unicodeScalars.count == 1,
               t[i + 1].punctChar == ".", t[i + 1].start == t[i].end,
               t[i + 2].isWord, t[i + 2].isCapitalized, !t[i + 2].isAllCaps, t[i + 2].text.unicodeScalars.count >= 2,
               t[i + 2].line == t[i].line, t[i + 2].start == t[i + 1].end + 1,
               i == 0 || t[i - 1].line != t[i].line || !t[i - 1].isWord || !t[i - 1].isCapitalized || t[i - 1].isAllCaps
                || isTitle(t[i - 1].lower) {
                var initial = t[i]
                initial.end = t[i + 1].end
                initial.text += "."
                initial.lower += "."
                out.append(initial)
                i += 2
                continue
            }
            if i > 0, i + 2 < t.count, t[i].isWord, t[i].isCapitalized, t[i].text.unicodeScalars.count == 1,
               t[i + 1].punctChar == ".", t[i + 1].start == t[i].end,
               t[i - 1].isWord, t[i - 1].isCapitalized, !t[i - 1].isAllCaps, t[i - 1].text.unicodeScalars.count >= 2,
               !t[i - 1].possessive, t[i - 1].line == t[i].line,
               t[i + 2].isWord, t[i + 2].isCapitalized, t[i + 2].line == t[i].line {
                var next = t[i + 2]
                next.sentenceStart = false
                out.append(next)
                i += 3
                continue
            }
            out.append(t[i])
            i += 1
        }
        return out
    }

    static func isUpper(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 ? (u.value >= 65 && u.value <= 90) : u.properties.isUppercase
    }

    /// A String from scalars [a, b), through one UTF-8 buffer (much cheaper than appending scalars).
    static func makeString(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        // ASCII (most tokens): written straight into the string's storage, no buffer in between.
        if b > a, s[a..<b].allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: b - a) { buf in
                for k in a..<b { buf[k - a] = UInt8(truncatingIfNeeded: s[k].value) }
                return b - a
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((b - a) * 2)
        for k in a..<b {
            let v = s[k].value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else {
                if let e = UTF8.encode(s[k]) { bytes.append(contentsOf: e) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func asciiLower(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        guard b > a else { return "" }
        return String(unsafeUninitializedCapacity: b - a) { buf in
            for k in a..<b {
                let v = UInt8(truncatingIfNeeded: s[k].value)
                buf[k - a] = v >= 65 && v <= 90 ? v + 32 : v
            }
            return b - a
        }
    }

    static func isLatin(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x250 || (u.value >= 0x1E00 && u.value <= 0x1EFF)
    }
}
