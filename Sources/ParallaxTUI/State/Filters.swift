import Foundation
import ParallaxCore

/// An inclusive range of days, open on either side: what the `d` prompt accepts.
public struct DayRange: Sendable, Equatable, CustomStringConvertible {
    public var from: Day?
    public var to: Day?
    public init(from: Day?, to: Day?) {
        self.from = from
        self.to = to
    }

    /// Parses `2022-01-20..2022-01-26`, `..2022-01-15`, `2022-01-20..` and a single day `2022-01-26`.
    /// Nil for anything else, including a range that ends before it starts.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let r = t.range(of: "..") {
            let a = String(t[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            let b = String(t[r.upperBound...]).trimmingCharacters(in: .whitespaces)
            if a.isEmpty && b.isEmpty { return nil }
            let from = a.isEmpty ? nil : DayRange.strictDay(a)
            let to = b.isEmpty ? nil : DayRange.strictDay(b)
            if !a.isEmpty && from == nil { return nil }
            if !b.isEmpty && to == nil { return nil }
            if let f = from, let u = to, u < f { return nil }
            self.init(from: from, to: to)
        } else {
            guard let d = DayRange.strictDay(t) else { return nil }
            self.init(from: d, to: d)
        }
    }

    /// Exactly `YYYY-MM-DD`: `Day(iso:)` also accepts timestamps, which a prompt should not.
    private static func strictDay(_ s: String) -> Day? {
        guard s.count == 10 else { return nil }
        return Day(iso: s)
    }

    public func contains(_ d: Day) -> Bool {
        if let f = from, d < f { return false }
        if let t = to, t < d { return false }
        return true
    }

    public var description: String {
        if let f = from, let t = to, f == t { return f.description }
        return (from?.description ?? "") + ".." + (to?.description ?? "")
    }
}

/// The active filters; they combine (all must hold).
public struct Filters: Sendable, Equatable {
    /// Actor id.
    public var actor: String?
    /// Outlet name as displayed (an article without an outlet is known by its file name).
    public var outlet: String?
    public var dates: DayRange?
    /// Event id.
    public var event: String?
    /// Case- and accent-insensitive text in title or body.
    public var search: String = ""

    public init(actor: String? = nil, outlet: String? = nil, dates: DayRange? = nil, event: String? = nil,
                search: String = "") {
        self.actor = actor
        self.outlet = outlet
        self.dates = dates
        self.event = event
        self.search = search
    }

    public var isEmpty: Bool { actor == nil && outlet == nil && dates == nil && event == nil && search.isEmpty }
}

/// Case, accent and spelling-variant folding for matching what a user types against names and text.
public enum Fold {
    /// Lowercased, diacritics removed: what search compares.
    public static func text(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// A looser key for names: folded, letters and digits only, `y`→`i`, `ou`→`u`,
    /// doubled letters single. `Zelenskyy`, `Zelenskiy` and `Zelensky` share a key; so do
    /// `Sergey`/`Sergei` and `Dmitry`/`Dmitri`. Transliteration variants are common in news, and a user
    /// types whichever spelling they last read.
    public static func nameKey(_ s: String) -> String {
        var out: [Character] = []
        let folded = text(s)
        var prev: Character? = nil
        var chars = Array(folded)
        // ou → u (French transliteration: Poutine-style spellings)
        var i = 0
        var tmp: [Character] = []
        while i < chars.count {
            if chars[i] == "o", i + 1 < chars.count, chars[i + 1] == "u" {
                tmp.append("u")
                i += 2
                continue
            }
            tmp.append(chars[i])
            i += 1
        }
        chars = tmp
        for var c in chars {
            guard c.isLetter || c.isNumber || c == " " else { continue }
            if c == "y" { c = "i" }
            if c == prev { continue }
            out.append(c)
            prev = c
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }
}
