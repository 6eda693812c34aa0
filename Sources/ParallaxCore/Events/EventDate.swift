/// When an event happens, as precisely as the text says: a span of days, or — where the article has no
/// date of its own to resolve against — a constraint such as "a Monday" or "January 10 of some year".
public enum EventDate: Hashable, Sendable, Codable {
    /// The days lo…hi (lo == hi: a day).
    case span(Day, Day)
    /// A weekday (0 = Sunday) not yet placed in a week.
    case weekday(Int)
    /// A month and day whose year is not known.
    case monthDay(Int, Int)

    /// The day, when the date is precise to the day.
    public var day: Day? {
        if case let .span(a, b) = self, a == b { return a }
        return nil
    }

    /// True when two dates can be the same day (one day of tolerance between precise days:
    /// outlets in different time zones and late-evening meetings straddle midnight).
    func compatible(with other: EventDate, tolerance: Int = 1) -> Bool {
        switch (self, other) {
        case let (.span(a, b), .span(c, d)):
            let tol = (a == b && c == d) ? tolerance : 0
            return a.ordinal <= d.ordinal + tol && c.ordinal <= b.ordinal + tol
        case let (.span(a, b), .weekday(w)), let (.weekday(w), .span(a, b)):
            return a != b || a.weekday == w
        case let (.span(a, b), .monthDay(m, d)), let (.monthDay(m, d), .span(a, b)):
            return a != b || (a.month == m && a.day == d)
        case let (.weekday(x), .weekday(y)):
            return x == y
        case let (.monthDay(m1, d1), .monthDay(m2, d2)):
            return m1 == m2 && d1 == d2
        default:
            return true
        }
    }

    /// How much agreeing on this date says that two mentions are the same event: 2 for the same day,
    /// 1 for a matching weekday or month-day, 0 for spans that merely overlap.
    func agreement(with other: EventDate) -> Double {
        guard compatible(with: other) else { return 0 }
        switch (self, other) {
        case let (.span(a, b), .span(c, d)):
            if a == b && c == d { return a == c ? 2 : 1 }
            return 0
        case let (.span(a, b), _), let (_, .span(a, b)):
            return a == b ? 1 : 0
        // A weekday and a month-day that no year places ("on Thursday", "on January 10") cannot be
        // compared: nothing says they are the same day.
        case (.weekday, .monthDay), (.monthDay, .weekday):
            return 0
        default:
            return 1
        }
    }

    /// The narrower of two compatible dates.
    func narrowed(with other: EventDate) -> EventDate {
        switch (self, other) {
        case let (.span(a, b), .span(c, d)):
            if a == b { return self }
            if c == d { return other }
            return b.ordinal - a.ordinal <= d.ordinal - c.ordinal ? self : other
        case (.span(let a, let b), _): return a == b ? self : other
        case (_, .span(let a, let b)): return a == b ? other : self
        default: return self
        }
    }
}

/// A date expression found in a sentence, before or after resolution against a reference day.
struct DateExpression: Sendable {
    /// What the words say.
    enum Value: Sendable {
        case absolute(Day)
        case monthDay(month: Int, day: Int)
        /// A weekday; `relation` -1 for "last Monday", +1 for "next Monday", 0 otherwise.
        case weekday(Int, relation: Int)
        case relative(offset: Int, span: Int)
        case month(Int, year: Int?)
        case year(Int)
    }
    var value: Value
    /// Token indices the expression covers.
    var tokens: Range<Int>
    var range: TextRange

    /// The date this expression names, resolved against `reference` when it needs one.
    /// `future` says whether the sentence looks ahead ("will meet on Monday").
    /// `yearHint` places a month and day in a year when there is no reference (the corpus's typical date).
    func resolve(reference: Day?, future: Bool, yearHint: Day? = nil) -> EventDate? {
        switch value {
        case let .absolute(d):
            return .span(d, d)
        case let .monthDay(m, d):
            guard let ref = reference ?? yearHint else { return .monthDay(m, d) }
            // The year that puts the day nearest the reference.
            let best = (ref.year - 1...ref.year + 1).compactMap { Day(year: $0, month: m, day: d) }
                .min { abs($0.distance(to: ref)) < abs($1.distance(to: ref)) }
            return best.map { .span($0, $0) }
        case let .weekday(w, relation):
            guard let ref = reference else { return .weekday(w) }
            let back = (ref.weekday - w + 7) % 7
            let ahead = (w - ref.weekday + 7) % 7
            let offset: Int
            switch relation {
            case -1: offset = -(back == 0 ? 7 : back)
            case 1: offset = ahead == 0 ? 7 : ahead
            default: offset = future ? ahead : -back
            }
            let d = ref.adding(days: offset)
            return .span(d, d)
        case let .relative(off, span):
            guard let ref = reference else { return nil }
            return .span(ref.adding(days: off), ref.adding(days: off + span - 1))
        case let .month(m, y):
            let year: Int
            if let y { year = y } else if let ref = reference {
                // A month named without a year is the nearest one: "in December" written in January is last December.
                year = [ref.year - 1, ref.year, ref.year + 1].min { a, b in
                    abs((a * 12 + m) - (ref.year * 12 + ref.month)) < abs((b * 12 + m) - (ref.year * 12 + ref.month))
                } ?? ref.year
            } else { return nil }
            guard let a = Day(year: year, month: m, day: 1),
                  let b = Day(year: year, month: m, day: Day.daysIn(month: m, year: year)) else { return nil }
            return .span(a, b)
        case let .year(y):
            guard let a = Day(year: y, month: 1, day: 1), let b = Day(year: y, month: 12, day: 31) else { return nil }
            return .span(a, b)
        }
    }

    /// True for a date the words state by itself (a day of a month), not relative to the article's date.
    var isStated: Bool {
        switch value {
        case .absolute, .monthDay: return true
        default: return false
        }
    }

    /// Finds the date expressions of a sentence, left to right, longest first.
    static func find(in text: EventText, sentence: EventText.Sentence, lexicon: EventLexicon) -> [DateExpression] {
        var out: [DateExpression] = []
        let toks = text.tokens
        let r = sentence.tokens
        var i = r.lowerBound
        WorkCounter.count(r.count, "events")
        func tok(_ k: Int) -> EventText.Token? { k < r.upperBound && k >= r.lowerBound ? toks[k] : nil }
        func dayNumber(_ k: Int) -> Int? {
            guard let t = tok(k), t.shape == .number || t.shape == .word else { return nil }
            var s = t.key
            for suf in ["st", "nd", "rd", "th"] where s.hasSuffix(suf) && s.count > 2 { s.removeLast(2) }
            guard let v = Int(s), (1...31).contains(v) else { return nil }
            return v
        }
        func yearNumber(_ k: Int) -> Int? {
            guard let t = tok(k), t.shape == .number, t.text.count == 4, let v = Int(t.text),
                  (1900...2100).contains(v) else { return nil }
            return v
        }
        /// (month, tokens used incl. an abbreviation's dot). `afterDay`: the word follows a day number
        /// ("18 février"), where a lower-case name counts; elsewhere only a capitalised one ("may").
        func monthAt(_ k: Int, afterDay: Bool = false) -> (Int, Int)? {
            guard let t = tok(k), t.shape == .word, t.capitalized || afterDay else { return nil }
            let dot = tok(k + 1).map { $0.key == "." } ?? false
            guard let m = lexicon.calendar.month(t.key, dotFollows: dot) else { return nil }
            if !t.capitalized, t.key.count <= 3, !dot { return nil }  // "3 may", "5 mar": no month
            if dot, t.key.count <= 4, lexicon.calendar.months[t.key + "."] != nil { return (m, 2) }
            return (m, 1)
        }
        /// Spanish and Portuguese join day, month and year with "de" ("18 de febrero de 2023").
        func joiner(_ k: Int) -> Bool { tok(k).map { $0.key == "de" || $0.key == "del" } ?? false }
        func emit(_ v: Value, _ a: Int, _ b: Int) {
            out.append(DateExpression(value: v, tokens: a..<b, range: TextRange(start: toks[a].start, end: toks[b - 1].end)))
        }
        while i < r.upperBound {
            let t = toks[i]
            // ISO date.
            if t.shape == .number || t.shape == .word, t.text.count == 10, let d = Day(iso: t.text), t.text.contains("-") {
                emit(.absolute(d), i, i + 1); i += 1; continue
            }
            // Weekday, possibly followed by "Month Day(, Year)". French, Spanish, Italian and Portuguese
            // write them in lower case ("nesta quarta-feira", "jeudi"); short forms (`sun`, `wed`) must be capitalised.
            if t.shape == .word, t.capitalized || t.key.count >= 5, let w = lexicon.calendar.weekdays[t.key] {
                var j = i + 1
                if let c = tok(j), c.key == "," { j += 1 }
                // `Jumat (8/11/2024)`, `Jumat (8/11)`: the Indonesian and Malay way, day first unless only
                // month first fits the weekday (as `DateParser` reads it).
                var p = i + 1
                if let c = tok(p), c.key == "(" { p += 1 }
                if let a = dayNumber(p), tok(p)?.shape == .number, tok(p + 1)?.key == "/", let b = dayNumber(p + 2),
                   tok(p + 2)?.shape == .number {
                    var end = p + 3
                    var year: Int?
                    if tok(end)?.key == "/", let y = yearNumber(end + 1) { year = y; end += 2 }
                    let chosen = DateParser.slashDate(a, b, year: year, weekday: w)
                    if let c = chosen {
                        if tok(end)?.key == ")" { end += 1 }
                        if let y = year, let day = Day(year: y, month: c.month, day: c.day) { emit(.absolute(day), i, end) }
                        else { emit(.monthDay(month: c.month, day: c.day), i, end) }
                        i = end; continue
                    }
                }
                if let (m, used) = monthAt(j), let d = dayNumber(j + used) {
                    var end = j + used + 1
                    var year: Int?
                    if let c = tok(end), c.key == ",", let y = yearNumber(end + 1) { year = y; end += 2 }
                    else if let y = yearNumber(end) { year = y; end += 1 }
                    if let y = year, let day = Day(year: y, month: m, day: d) { emit(.absolute(day), i, end) }
                    else { emit(.monthDay(month: m, day: d), i, end) }
                    i = end; continue
                }
                var start = i
                var relation = 0
                if let p = tok(i - 1), p.key == "last" || p.key == "next" || p.key == "this" || p.key == "previous" {
                    relation = p.key == "next" ? 1 : (p.key == "this" ? 0 : -1)
                    start = i - 1
                }
                emit(.weekday(w, relation: relation), start, i + 1); i += 1; continue
            }
            // Month Day(, Year) / Month Year / a month alone after a preposition.
            if let (m, used) = monthAt(i) {
                if let d = dayNumber(i + used) {
                    var end = i + used + 1
                    var year: Int?
                    if let c = tok(end), c.key == ",", let y = yearNumber(end + 1) { year = y; end += 2 }
                    else if let y = yearNumber(end) { year = y; end += 1 }
                    if let y = year, let day = Day(year: y, month: m, day: d) { emit(.absolute(day), i, end) }
                    else { emit(.monthDay(month: m, day: d), i, end) }
                    i = end; continue
                }
                if let y = yearNumber(i + used) { emit(.month(m, year: y), i, i + used + 1); i += used + 1; continue }
                // Not "since": "the first hike since March" names the last time, never this meeting's.
                let preps: Set<String> = ["in", "until", "of", "early", "late", "mid", "by", "last", "next", "this", "during"]
                if let p = tok(i - 1), preps.contains(p.key), t.key != "may" || p.key != "by" {
                    emit(.month(m, year: nil), i, i + used); i += used; continue
                }
            }
            // Day Month (Year), "18 de febrero de 2023". ("18. Februar" is cut into two sentences.)
            let skip = joiner(i + 1) ? 1 : 0
            if let d = dayNumber(i), t.shape == .number, let (m, used) = monthAt(i + 1 + skip, afterDay: true) {
                var end = i + 1 + skip + used
                var year: Int?
                if let y = yearNumber(end) { year = y; end += 1 }
                else if joiner(end), let y = yearNumber(end + 1) { year = y; end += 2 }
                if let y = year, let day = Day(year: y, month: m, day: d) { emit(.absolute(day), i, end) }
                else { emit(.monthDay(month: m, day: d), i, end) }
                i = end; continue
            }
            // A year alone after "in" (not "since": "the first rate hike since 2018").
            if let y = yearNumber(i), let p = tok(i - 1), p.key == "in" {
                emit(.year(y), i, i + 1); i += 1; continue
            }
            // Relative phrases from the data.
            if t.shape == .word, let cands = lexicon.relative[t.key] {
                var matched = false
                for c in cands {
                    let end = i + c.tokens.count
                    guard end <= r.upperBound else { continue }
                    if (0..<c.tokens.count).allSatisfy({ toks[i + $0].key == c.tokens[$0] }) {
                        emit(.relative(offset: c.offset, span: c.span), i, end)
                        i = end
                        matched = true
                        break
                    }
                }
                if matched { continue }
            }
            i += 1
        }
        return out
    }
}
