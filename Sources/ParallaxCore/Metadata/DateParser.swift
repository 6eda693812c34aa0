/// A date as written: full (`January 26, 2022`), or partial (`Friday, January 21`, `January 10`).
public struct DateMention: Sendable, Equatable, Codable {
    public var year: Int?
    public var month: Int
    public var day: Int
    /// 0 = Sunday … 6 = Saturday, when the text names the weekday.
    public var weekday: Int?
    /// Character offsets in the string searched.
    public var start: Int
    public var end: Int

    /// The day, when the year is known and the date exists.
    public var fullDay: Day? { year.flatMap { Day(year: $0, month: month, day: day) } }

    /// For a date without a year: the year in which this month/day falls on the named weekday,
    /// nearest to `reference` (within 6 years); or, with no weekday, the one nearest `reference`.
    public func resolved(near reference: Day) -> Day? {
        if let d = fullDay { return d }
        var best: Day?
        for delta in [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6] {
            guard let d = Day(year: reference.year + delta, month: month, day: day) else { continue }
            if let w = weekday, d.weekday != w { continue }
            if let b = best, abs(b.distance(to: reference)) <= abs(d.distance(to: reference)) { continue }
            best = d
            if weekday != nil { break }
        }
        return best
    }
}

/// Finds dates in text: ISO dates and timestamps, `Jan. 22, 2022`, `January 26, 2022`, `26 January 2022`,
/// `Friday, January 21`, `21.01.2022`, `18 février 2023`, `18 de febrero de 2023`, `18. Februar 2023`:
/// the month and weekday names of `months.txt` and `weekdays.txt`.
public enum DateParser {

    /// The month and day of `a/b[/year]`: day first or month first, as a weekday (0 = Sunday) says when
    /// there is one (checked against the year when there is one too); without a weekday, only when a
    /// number over 12 leaves one order; a bare `8/11` (a score, a fraction) is no date. The one rule for
    /// slashed dates, read by this parser and by the events' date grammar.
    static func slashDate(_ a: Int, _ b: Int, year: Int?, weekday: Int?) -> (month: Int, day: Int)? {
        var orders: [(month: Int, day: Int)] = []
        if b <= 12 { orders.append((b, a)) }
        if a <= 12 && a != b { orders.append((a, b)) }
        switch (weekday, year) {
        case let (w?, y?): return orders.first { Day(year: y, month: $0.month, day: $0.day)?.weekday == w }
        case (.some, nil): return orders.first
        case (nil, .some): return orders.count == 1 ? orders[0] : nil
        case (nil, nil): return nil
        }
    }
    /// Month and weekday names in every language of the data files (`CalendarNames`).
    static let calendar = CalendarNames.shared

    /// Full weekday names only (the abbreviations are too ambiguous in running text).
    public static func weekday(named word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 5 else { return nil }
        return calendar.weekdays[w]
    }

    struct Token {
        var text: Substring
        var lower: String
        var start: Int
        var end: Int
        var isNumber: Bool
        var followedByDot: Bool
        var followedBySlash = false
    }

    static func tokenize(_ s: String) -> [Token] {
        var tokens: [Token] = []
        var i = s.startIndex
        var offset = 0
        while i < s.endIndex {
            let c = s[i]
            if c.isLetter || c.isNumber {
                let start = i
                let startOffset = offset
                let numeric = c.isNumber
                while i < s.endIndex, numeric ? s[i].isNumber : s[i].isLetter {
                    i = s.index(after: i)
                    offset += 1
                }
                let text = s[start..<i]
                let dot = i < s.endIndex && s[i] == "."
                tokens.append(Token(text: text, lower: text.lowercased(), start: startOffset, end: offset,
                                    isNumber: numeric, followedByDot: dot,
                                    followedBySlash: numeric && i < s.endIndex && s[i] == "/"))
            } else {
                i = s.index(after: i)
                offset += 1
            }
        }
        return tokens
    }

    /// Every date mentioned in `s`, in order.
    public static func find(in s: String) -> [DateMention] {
        let t = tokenize(s)
        var out: [DateMention] = []
        var i = 0
        func num(_ k: Int, _ range: ClosedRange<Int>) -> Int? {
            guard k < t.count, t[k].isNumber, let v = Int(t[k].text), range.contains(v) else { return nil }
            return v
        }
        /// `afterDay`: the word follows a day number ("18 février"), where a lower-case name counts.
        func month(_ k: Int, afterDay: Bool = false) -> Int? {
            guard k < t.count, !t[k].isNumber, let m = calendar.month(t[k].lower, dotFollows: t[k].followedByDot) else { return nil }
            let capital = t[k].text.first?.isUppercase == true
            // "may" the verb: only a capitalised May counts, or one between a day and a year.
            if !capital && !t[k].followedByDot && t[k].text.count <= 3 && !(afterDay && num(k + 1, 1000...9999) != nil) { return nil }
            return m
        }
        /// Spanish and Portuguese join day, month and year with "de" ("18 de febrero de 2023").
        func joiner(_ k: Int) -> Bool { k < t.count && (t[k].lower == "de" || t[k].lower == "del") }
        func adjacent(_ a: Int, _ b: Int, maxGap: Int = 3) -> Bool {
            a < t.count && b < t.count && t[b].start - t[a].end <= maxGap
        }
        while i < t.count {
            // ISO 2022-01-26
            if let y = num(i, 1000...9999), t[i].text.count == 4, let m = num(i + 1, 1...12), let d = num(i + 2, 1...31),
               adjacent(i, i + 1, maxGap: 1), adjacent(i + 1, i + 2, maxGap: 1),
               t[i + 1].text.count == 2, t[i + 2].text.count <= 2 {
                out.append(DateMention(year: y, month: m, day: d, weekday: nil, start: t[i].start, end: t[i + 2].end))
                i += 3
                continue
            }
            // 21.01.2022 (European numeric)
            if let d = num(i, 1...31), let m = num(i + 1, 1...12), let y = num(i + 2, 1000...9999),
               adjacent(i, i + 1, maxGap: 1), adjacent(i + 1, i + 2, maxGap: 1), t[i].followedByDot, t[i + 1].followedByDot {
                out.append(DateMention(year: y, month: m, day: d, weekday: nil, start: t[i].start, end: t[i + 2].end))
                i += 3
                continue
            }
            var weekday: Int?
            var start = i
            var k = i
            // A page's "Mon 24 Jan" may drop the abbreviation's dot.
            if !t[k].isNumber, let w = calendar.weekday(t[k].lower, dotFollows: true), t[k].text.count >= 3,
               t[k].text.first?.isUppercase == true {
                weekday = w
                k += 1
                if k < t.count, t[k].lower == "the" { k += 1 }  // "Friday the 21st"? rare; tolerate
            }
            // Numbers with slashes: `Jumat (8/11/2024)`, `(8/11)` after its weekday (the Indonesian and
            // Malay way of dating a lead), `25/12/2023`. Day first or month first, as the weekday says;
            // without one, only an order that a number over 12 decides; a bare `8/11` (a score, a
            // fraction) is no date.
            if let a = num(k, 1...31), let b = num(k + 1, 1...31), t[k].followedBySlash, adjacent(k, k + 1, maxGap: 1) {
                var year: Int?
                var last = k + 1
                if t[k + 1].followedBySlash, let y = num(k + 2, 1000...9999), adjacent(k + 1, k + 2, maxGap: 1) {
                    year = y
                    last = k + 2
                }
                let chosen = Self.slashDate(a, b, year: year, weekday: weekday)
                if let c = chosen {
                    out.append(DateMention(year: year, month: c.month, day: c.day, weekday: weekday,
                                           start: t[weekday != nil ? start : k].start, end: t[last].end))
                    i = last + 1
                    continue
                }
            }
            // Month Day[, Year] or Day Month[ Year]: `dayAt` is the day's token, `after` the first token
            // past month and day (an ordinal suffix "21st" is skipped for Month Day).
            var parsed: (month: Int, day: Int, dayAt: Int, after: Int)?
            if let m = month(k), adjacent(k - (weekday != nil ? 1 : 0), k), let d = num(k + 1, 1...31), adjacent(k, k + 1) {
                var after = k + 2
                if after < t.count, ["st", "nd", "rd", "th"].contains(t[after].lower), t[after].start == t[k + 1].end { after += 1 }
                parsed = (m, d, k + 1, after)
            } else if let d = num(k, 1...31), let m = month(k + 1, afterDay: true), adjacent(k, k + 1) {
                parsed = (m, d, k + 1, k + 2)
            } else if let d = num(k, 1...31), joiner(k + 1), let m = month(k + 2, afterDay: true), adjacent(k, k + 1),
                      adjacent(k + 1, k + 2) {
                parsed = (m, d, k + 2, k + 3)
            } else if let d = num(k, 1...31), k + 1 < t.count, ["er", "o", "º", "st", "nd", "rd", "th"].contains(t[k + 1].lower),
                      t[k + 1].start == t[k].end {
                // "1er février", "1º de março", "23rd May, 2022", "the 5th of June": an ordinal day.
                let at = joiner(k + 2) || (k + 2 < t.count && t[k + 2].lower == "of") ? k + 3 : k + 2
                if let m = month(at, afterDay: true), adjacent(at - 1, at) { parsed = (m, d, at, at + 1) }
            }
            if let p = parsed {
                var end = t[p.after - 1].end
                var year: Int?
                var next = p.after
                if joiner(next), let y = num(next + 1, 1000...9999), adjacent(next - 1, next), adjacent(next, next + 1) {
                    year = y
                    end = t[next + 1].end
                    next += 2
                } else if let y = num(next, 1000...9999), adjacent(next - 1, next) {
                    year = y
                    end = t[next].end
                    next += 1
                }
                if weekday == nil { start = k }
                out.append(DateMention(year: year, month: p.month, day: p.day, weekday: weekday, start: t[start].start, end: end))
                i = next
                continue
            }
            i += 1
        }
        return out
    }

    /// The publication day an article's address carries in its path: `/2022/05/05/`, `/2022-05-25-…`,
    /// `/20221026/`, `/202204/08/`. Only year, month and day together, each segment bounded by a
    /// separator, so an article number (`/929895/`) or a year alone is no date.
    public static func fromURL(_ url: String) -> Day? {
        guard let start = url.range(of: "://").map({ url[$0.upperBound...] }),
              let slash = start.firstIndex(of: "/") else { return nil }
        let path = Array(start[slash...].prefix(while: { $0 != "?" && $0 != "#" }).utf8)
        func digits(_ i: Int, _ n: Int) -> Int? {
            guard i + n <= path.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard (48...57).contains(path[k]) else { return nil }
                v = v * 10 + Int(path[k] - 48)
            }
            return v
        }
        func isSeparator(_ i: Int) -> Bool { i >= path.count || "/-_.".utf8.contains(path[i]) }
        for i in path.indices where path[i] == UInt8(ascii: "/") || path[i] == UInt8(ascii: "-") {
            let a = i + 1
            guard let y = digits(a, 4), (1990...2100).contains(y) else { continue }
            // With separators (`2022/05/05`, `2022-05-25`, `202204/08`) or without (`20221026`).
            for (m0, d0) in [(a + 5, a + 8), (a + 4, a + 6), (a + 4, a + 7)] {
                guard let m = digits(m0, 2), let d = digits(d0, 2), isSeparator(d0 + 2) else { continue }
                let sepsOK = (m0 == a + 4 || "/-_".utf8.contains(path[a + 4])) && (d0 == m0 + 2 || "/-_".utf8.contains(path[m0 + 2]))
                if sepsOK, let day = Day(year: y, month: m, day: d) { return day }
            }
        }
        return nil
    }

    /// A date given by a user or a page (`2022-01-26`, `2022-01-26T10:00:00Z`, `Jan. 22, 2022`, …).
    public static func parseGiven(_ s: String) -> Day? {
        if let d = Day(iso: s) { return d }
        return find(in: s).lazy.compactMap(\.fullDay).first
    }
}
