import Foundation

/// An inclusive range of days, open on either side: what the `d` prompt accepts.
public struct DayRange: Sendable, Hashable, CustomStringConvertible {
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
    static func strictDay(_ s: String) -> Day? {
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

