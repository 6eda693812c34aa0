/// The month and weekday names of every language the data files list (`months.txt`, `weekdays.txt`
/// and the user's lines), read once: the one calendar that both date grammars — a page's own date
/// (`DateParser`) and the dates in the text (`DateExpression`) — look names up in.
public struct CalendarNames: Sendable, Equatable {
    /// Lower-cased form → month 1…12. A form the file writes with its dot (`janv.`) is keyed with the
    /// dot and matches only when the text has it.
    public var months: [String: Int]
    /// Lower-cased form → 0 (Sunday) … 6, keyed the same way.
    public var weekdays: [String: Int]

    public static let shared = CalendarNames(months: ResourceFiles.lines(of: "months.txt"),
                                             weekdays: ResourceFiles.lines(of: "weekdays.txt"))

    /// From the lines of the two files (comments already dropped).
    public init(months: [String], weekdays: [String]) {
        self.months = Self.calendar(months, count: 12, first: 1)
        self.weekdays = Self.calendar(weekdays, count: 7, first: 0)
    }

    /// The month a word names: the form as written, or its dotted form when a dot follows it.
    public func month(_ lowered: String, dotFollows: Bool) -> Int? {
        months[lowered] ?? (dotFollows ? months[lowered + "."] : nil)
    }

    /// The weekday a word names, the same way.
    public func weekday(_ lowered: String, dotFollows: Bool) -> Int? {
        weekdays[lowered] ?? (dotFollows ? weekdays[lowered + "."] : nil)
    }

    /// The first `count` lines are the months (weekdays) in order; a later line (the user's file) adds
    /// forms to the one its first field names (`january | styczeń`).
    static func calendar(_ lines: [String], count: Int, first: Int) -> [String: Int] {
        func fields(_ line: String) -> [String] {
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        }
        var out: [String: Int] = [:]
        for (i, line) in lines.prefix(count).enumerated() {
            for form in fields(line) { out[form] = i + first }
        }
        for line in lines.dropFirst(count) {
            let f = fields(line)
            guard let n = f.first.flatMap({ out[$0] }) else { continue }
            for form in f.dropFirst() { out[form] = n }
        }
        return out
    }
}
