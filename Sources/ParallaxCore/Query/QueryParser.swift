import Foundation

/// What the query parser could not read, and where (the 1-based column of the offending character).
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }
    public var description: String { "query, column \(column): \(message)" }
}

/// The query language (modelled on newsboat's filters and mutt's patterns):
///
///     putin geneva              both words (AND), the last one a prefix while typed
///     "security guarantees"     a phrase
///     geneva OR paris           either
///     -opinion  NOT opinion     not
///     (geneva OR paris) -tass   grouping
///     actor:kozak  outlet:tass  event:geneva  kind:talks  tag:check  is:marked  is:unread  has:quote
///     date:2022-01-20..2022-01-26  date:..2022-01-15  date:2022-01-26  date:none  since:D  until:D
///
/// `OR` and `NOT` are operators only in capitals (`or` is a word); AND binds tighter than OR.
public enum QueryParser {
    public static let fields = ["actor", "outlet", "event", "kind", "date", "since", "until", "tag", "is", "has"]

    public static func parse(_ text: String) throws -> QueryNode {
        var p = Parser(Array(text))
        return try p.parseQuery()
    }

    // MARK: - Writing a query back

    /// The text of a node: parsing it gives the node back.
    public static func format(_ node: QueryNode, top: Bool = false) -> String {
        switch node {
        case .and(let xs):
            if xs.isEmpty { return "" }
            let s = xs.map { format($0) }.joined(separator: " ")
            return top || xs.count == 1 ? s : "(" + s + ")"
        case .or(let xs):
            if xs.isEmpty { return "(nothing)" }
            let s = xs.map { format($0) }.joined(separator: " OR ")
            return top || xs.count == 1 ? s : "(" + s + ")"
        case .not(let x): return "-" + format(x)
        case .text(let t):
            if t.quoted || t.raw.contains(where: { $0.isWhitespace || "\"():".contains($0) }) || t.raw.hasPrefix("-")
                || t.raw == "OR" || t.raw == "NOT" {
                return quote(t.raw)
            }
            return t.raw
        case .actor(let v): return "actor:" + value(v)
        case .outlet(let v): return "outlet:" + value(v)
        case .event(let v): return "event:" + value(v)
        case .kind(let k): return "kind:" + k.rawValue
        case .date(let r): return "date:" + r.description
        case .undated: return "date:none"
        case .tag(let v): return "tag:" + value(v)
        case .marked: return "is:marked"
        case .unread: return "is:unread"
        case .hasQuote: return "has:quote"
        }
    }

    public static func value(_ v: String) -> String {
        v.isEmpty || v.contains(where: { $0.isWhitespace || "\"()".contains($0) }) ? quote(v) : v
    }

    static func quote(_ v: String) -> String {
        "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: - Parser

    struct Token {
        enum Kind: Equatable { case word, quoted, lparen, rparen, or, not, minus }
        var kind: Kind
        /// The word or the phrase's text (without its quotes).
        var text: String
        /// 1-based column of its first character.
        var column: Int
        /// For a word: `field:` when it has one (letters before a colon), and the value's column.
        var field: String?
        var valueColumn: Int = 0
        /// Nothing follows it: the last word while typing, a prefix.
        var atEnd = false
    }

    struct Parser {
        let chars: [Character]
        var tokens: [Token] = []
        var at = 0
        /// Parentheses and negations open inside each other: bounded, so that a pasted wall of `(`
        /// is an error rather than a stack overflow.
        var depth = 0
        static let maxDepth = 100

        init(_ chars: [Character]) { self.chars = chars }

        mutating func parseQuery() throws -> QueryNode {
            tokens = try tokenize()
            if tokens.isEmpty { return .all }
            let node = try parseOr()
            if at < tokens.count {
                let t = tokens[at]
                throw QueryError(t.kind == .rparen ? "“)” without a matching “(”" : "unexpected “\(t.text)”",
                                 column: t.column)
            }
            return simplify(node)
        }

        func simplify(_ n: QueryNode) -> QueryNode {
            switch n {
            case .and(let xs):
                let flat = xs.map(simplify).flatMap { x -> [QueryNode] in
                    if case .and(let ys) = x { return ys }
                    return [x]
                }
                return flat.count == 1 ? flat[0] : .and(flat)
            case .or(let xs):
                let flat = xs.map(simplify).flatMap { x -> [QueryNode] in
                    if case .or(let ys) = x, !ys.isEmpty { return ys }
                    return [x]
                }
                return flat.count == 1 ? flat[0] : .or(flat)
            case .not(let x): return .not(simplify(x))
            default: return n
            }
        }

        mutating func parseOr() throws -> QueryNode {
            var alternatives = [try parseAnd()]
            while at < tokens.count, tokens[at].kind == .or {
                let op = tokens[at]
                at += 1
                guard at < tokens.count, ![.or, .rparen].contains(tokens[at].kind) else {
                    throw QueryError("OR needs something after it", column: op.column)
                }
                alternatives.append(try parseAnd())
            }
            return alternatives.count == 1 ? alternatives[0] : .or(alternatives)
        }

        mutating func parseAnd() throws -> QueryNode {
            var parts: [QueryNode] = []
            var dropped = false
            while at < tokens.count, tokens[at].kind != .or, tokens[at].kind != .rparen {
                if let n = try parseUnary() { parts.append(n) } else { dropped = true }
            }
            if parts.isEmpty {
                if dropped { return .nothing }  // only punctuation: nothing can match
                let column = at < tokens.count ? tokens[at].column : chars.count + 1
                throw QueryError(at < tokens.count && tokens[at].kind == .or ? "OR needs something before it"
                                 : "expected a word or a field", column: column)
            }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        /// A term, possibly negated; nil for a word with no letters or digits (punctuation), dropped.
        mutating func parseUnary() throws -> QueryNode? {
            let t = tokens[at]
            depth += 1
            defer { depth -= 1 }
            if depth > Parser.maxDepth {
                throw QueryError("nested more than \(Parser.maxDepth) deep", column: t.column)
            }
            switch t.kind {
            case .not, .minus:
                at += 1
                guard at < tokens.count, ![.or, .rparen].contains(tokens[at].kind) else {
                    throw QueryError("\(t.kind == .not ? "NOT" : "“-”") needs something after it", column: t.column)
                }
                guard let inner = try parseUnary() else { return nil }
                return .not(inner)
            case .lparen:
                at += 1
                if at == tokens.count { throw QueryError("“(” is not closed", column: t.column) }
                if tokens[at].kind == .rparen {
                    throw QueryError("empty parentheses", column: t.column)
                }
                let inner = try parseOr()
                guard at < tokens.count, tokens[at].kind == .rparen else {
                    throw QueryError("“(” is not closed", column: t.column)
                }
                at += 1
                return inner
            case .rparen, .or:
                throw QueryError("unexpected “\(t.text)”", column: t.column)
            case .quoted:
                at += 1
                let term = TextTerm(raw: t.text, prefix: false, quoted: true)
                return term.words.isEmpty ? nil : .text(term)
            case .word:
                at += 1
                if let f = t.field { return try fieldNode(f, t) }
                let term = TextTerm(raw: t.text, prefix: t.atEnd)
                return term.words.isEmpty ? nil : .text(term)
            }
        }

        func fieldNode(_ field: String, _ t: Token) throws -> QueryNode {
            let v = t.text.trimmingCharacters(in: .whitespaces)
            let col = t.valueColumn
            guard !v.isEmpty else {
                throw QueryError("\(field): needs a value", column: col)
            }
            func day(_ s: String) throws -> Day {
                guard let d = DayRange.strictDay(s) else {
                    throw QueryError("\(field): not a date: \(s) (use YYYY-MM-DD)", column: col)
                }
                return d
            }
            switch field {
            case "actor": return .actor(v)
            case "outlet": return .outlet(v)
            case "event": return .event(v)
            case "tag": return .tag(v)
            case "kind":
                guard let k = EventKind(rawValue: v.lowercased()) else {
                    throw QueryError("kind: not an event kind: \(v) (\(EventKind.allCases.map(\.rawValue).joined(separator: ", ")))",
                                     column: col)
                }
                return .kind(k)
            case "date":
                if v.lowercased() == "none" { return .undated }
                guard let r = DayRange(parsing: v) else {
                    throw QueryError("date: not a date or range: \(v) (2022-01-20..2022-01-26, ..2022-01-15, 2022-01-26, none)",
                                     column: col)
                }
                return .date(r)
            case "since": return .date(DayRange(from: try day(v), to: nil))
            case "until": return .date(DayRange(from: nil, to: try day(v)))
            case "is":
                switch v.lowercased() {
                case "marked": return .marked
                case "unread": return .unread
                case "read": return .not(.unread)
                default: throw QueryError("is: expects marked, unread or read, not \(v)", column: col)
                }
            case "has":
                guard v.lowercased() == "quote" || v.lowercased() == "quotes" else {
                    throw QueryError("has: expects quote, not \(v)", column: col)
                }
                return .hasQuote
            default:
                throw QueryError("unknown field “\(field):” (fields: \(QueryParser.fields.joined(separator: ", ")))",
                                 column: t.column)
            }
        }

        // MARK: Tokens

        func isSpace(_ c: Character) -> Bool { c.isWhitespace }

        /// Reads a double-quoted string starting at `i` (on the quote); returns its text and the index after it.
        func readQuoted(from i: Int) throws -> (String, Int) {
            var j = i + 1
            var s = ""
            while j < chars.count {
                let c = chars[j]
                if c == "\\", j + 1 < chars.count, chars[j + 1] == "\"" || chars[j + 1] == "\\" {
                    s.append(chars[j + 1])
                    j += 2
                    continue
                }
                if c == "\"" { return (s, j + 1) }
                s.append(c)
                j += 1
            }
            throw QueryError("the quote is not closed", column: i + 1)
        }

        func tokenize() throws -> [Token] {
            var out: [Token] = []
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if isSpace(c) { i += 1; continue }
                let column = i + 1
                if c == "(" { out.append(Token(kind: .lparen, text: "(", column: column)); i += 1; continue }
                if c == ")" { out.append(Token(kind: .rparen, text: ")", column: column)); i += 1; continue }
                if c == "\"" {
                    let (s, next) = try readQuoted(from: i)
                    out.append(Token(kind: .quoted, text: s, column: column))
                    i = next
                    continue
                }
                // `-` directly before a term negates it; alone, or inside a word, it is text.
                if c == "-", i + 1 < chars.count, !isSpace(chars[i + 1]), chars[i + 1] != ")" {
                    out.append(Token(kind: .minus, text: "-", column: column))
                    i += 1
                    continue
                }
                // A word runs to whitespace or a parenthesis; `field:` may start it, with a quoted value.
                var j = i
                while j < chars.count, chars[j].isLetter, chars[j].isASCII { j += 1 }
                if j > i, j < chars.count, chars[j] == ":" {
                    let field = String(chars[i..<j]).lowercased()
                    let valueStart = j + 1
                    var value = ""
                    var next = valueStart
                    if valueStart < chars.count, chars[valueStart] == "\"" {
                        (value, next) = try readQuoted(from: valueStart)
                    } else {
                        while next < chars.count, !isSpace(chars[next]), chars[next] != "(", chars[next] != ")" {
                            value.append(chars[next])
                            next += 1
                        }
                    }
                    var t = Token(kind: .word, text: value, column: column, field: field)
                    t.valueColumn = valueStart + 1
                    out.append(t)
                    i = next
                    continue
                }
                j = i
                var word = ""
                while j < chars.count, !isSpace(chars[j]), chars[j] != "(", chars[j] != ")", chars[j] != "\"" {
                    word.append(chars[j])
                    j += 1
                }
                if word.isEmpty {
                    // A lone `-` before a space or `)`: text (punctuation, dropped).
                    word = String(c)
                    j = i + 1
                }
                var t = Token(kind: word == "OR" ? .or : word == "NOT" ? .not : .word, text: word, column: column)
                t.atEnd = j == chars.count
                out.append(t)
                i = j
            }
            return out
        }
    }
}
