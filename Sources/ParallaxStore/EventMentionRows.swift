import Foundation
import GRDB
import ParallaxCore

/// An `EventMention` as the columns of one `event_mention` row (schema v7-compact-mentions). Until v7
/// each mention was a JSON object that every command decoded again: at 20,000 articles of 50 event
/// words each, a million JSON decodes and gigabytes. Columns are read by SQLite's own decoder and
/// can be left unread.
enum EventMentionRows {
    /// The columns after `event_id, position`, in the order `arguments` and `mention(from:at:)` use.
    static let columns = """
        article_id, kind, trigger, range_start, range_end, sentence_start, sentence_end, date_kind, date_a,
        date_b, date_start, date_end, place, place_start, place_end, participants, participants_json,
        in_headline, stated_ahead, paragraph, weight
        """

    static let insertSQL = """
        INSERT INTO event_mention (event_id, position, \(columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Participant names are joined by U+001F (a name never holds one in practice); a list where one
    /// does is kept as JSON in `participants_json` instead, so that any text round-trips.
    static let separator: Character = "\u{1F}"

    static func arguments(eventID: String, position: Int, _ m: EventMention) -> StatementArguments {
        var kind = 0, a: Int?, b: Int?
        switch m.date {
        case nil: break
        case let .span(lo, hi)?: kind = 1; a = lo.ordinal; b = hi.ordinal
        case let .weekday(w)?: kind = 2; a = w
        case let .monthDay(mo, d)?: kind = 3; a = mo; b = d
        }
        var joined: String?
        var json: String?
        if !m.participants.isEmpty {
            if m.participants.contains(where: { $0.contains(separator) }) {
                json = SQLiteCorpusStore.jsonList(m.participants)
            } else {
                joined = m.participants.joined(separator: String(separator))
            }
        }
        let values: [(any DatabaseValueConvertible)?] = [
            eventID, position, m.articleID, m.kind.rawValue, m.trigger, m.range?.start, m.range?.end,
            m.sentence?.start, m.sentence?.end, kind, a, b, m.dateRange?.start, m.dateRange?.end, m.place,
            m.placeRange?.start, m.placeRange?.end, joined, json, m.inHeadline, m.statedAhead, m.paragraph, m.weight,
        ]
        return StatementArguments(values)
    }

    /// The mention from a row whose columns start at `i` with `columns`.
    static func mention(from r: Row, at i: Int) -> EventMention {
        func range(_ k: Int) -> TextRange? {
            guard let s: Int = r[k], let e: Int = r[k + 1] else { return nil }
            return TextRange(start: s, end: e)
        }
        let date: EventDate?
        let a: Int? = r[i + 8], b: Int? = r[i + 9]
        switch (r[i + 7] as Int?) ?? 0 {
        case 1: date = a.flatMap { lo in b.map { hi in .span(Day(ordinal: lo), Day(ordinal: hi)) } }
        case 2: date = a.map { .weekday($0) }
        case 3: date = a.flatMap { mo in b.map { d in .monthDay(mo, d) } }
        default: date = nil
        }
        var participants: [String] = []
        if let joined: String = r[i + 15] {
            participants = joined.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        } else if let json: String = r[i + 16],
                  let list = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) {
            participants = list
        }
        let kind: String = r[i + 1]
        return EventMention(stored: r[i], range: range(i + 3), sentence: range(i + 5),
                            kind: EventKind(rawValue: kind) ?? .other, trigger: r[i + 2], date: date,
                            dateRange: range(i + 10), place: r[i + 12], placeRange: range(i + 13),
                            participants: participants, inHeadline: r[i + 17], statedAhead: r[i + 18],
                            paragraph: r[i + 19], weight: r[i + 20])
    }
}

