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
/// `Friday, January 21`, `21.01.2022`, in English and French month names.
public enum DateParser {
    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let en = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"]
        let fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                  "octobre", "novembre", "décembre"]
        for (i, name) in en.enumerated() {
            m[name] = i + 1
            m[String(name.prefix(3))] = i + 1
        }
        for (i, name) in fr.enumerated() { m[name] = i + 1 }
        m["sept"] = 9
        m["fevrier"] = 2
        m["aout"] = 8
        m["decembre"] = 12
        return m
    }()

    static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
        "sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
        "dimanche": 0, "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
    ]

    /// Full weekday names only (the abbreviations are too ambiguous in running text).
    public static func weekday(named word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 5 else { return nil }
        return weekdays[w]
    }

    struct Token {
        var text: Substring
        var lower: String
        var start: Int
        var end: Int
        var isNumber: Bool
        var followedByDot: Bool
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
                                    isNumber: numeric, followedByDot: dot))
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
        func month(_ k: Int) -> Int? {
            guard k < t.count, !t[k].isNumber, let m = months[t[k].lower] else { return nil }
            // "may" the verb: only a capitalised May counts.
            if t[k].lower == "may" && t[k].text.first == "m" { return nil }
            if t[k].text.count == 3 && t[k].lower != "may" && !t[k].followedByDot && t[k].text.first?.isUppercase != true { return nil }
            return m
        }
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
            if !t[k].isNumber, let w = weekdays[t[k].lower], t[k].text.count >= 3, t[k].text.first?.isUppercase == true {
                weekday = w
                k += 1
                if k < t.count, t[k].lower == "the" { k += 1 }  // "Friday the 21st"? rare; tolerate
            }
            // Month Day[, Year] or Day Month[ Year]: `dayAt` is the day's token, `after` the first token
            // past month and day (an ordinal suffix "21st" is skipped for Month Day).
            var parsed: (month: Int, day: Int, dayAt: Int, after: Int)?
            if let m = month(k), adjacent(k - (weekday != nil ? 1 : 0), k), let d = num(k + 1, 1...31), adjacent(k, k + 1) {
                var after = k + 2
                if after < t.count, ["st", "nd", "rd", "th"].contains(t[after].lower), t[after].start == t[k + 1].end { after += 1 }
                parsed = (m, d, k + 1, after)
            } else if let d = num(k, 1...31), let m = month(k + 1), adjacent(k, k + 1) {
                parsed = (m, d, k + 1, k + 2)
            }
            if let p = parsed {
                var end = t[p.after - 1].end
                var year: Int?
                var next = p.after
                if let y = num(next, 1000...9999), adjacent(next - 1, next) {
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

    /// A date given by a user or a page (`2022-01-26`, `2022-01-26T10:00:00Z`, `Jan. 22, 2022`, …).
    public static func parseGiven(_ s: String) -> Day? {
        if let d = Day(iso: s) { return d }
        return find(in: s).lazy.compactMap(\.fullDay).first
    }
}
