/// What the expensive per-article steps of the analysis found in one article, so that an index can
/// keep it and a later analysis re-extracts only new and changed articles (issue 6).
///
/// Two parts with different inputs:
/// - `actors` and `lead` depend on the article alone (its id is a hash of its text; the index drops the
///   entry when the article's row is replaced);
/// - the local events also depend on the corpus (the merged actors the article names, its reference
///   date, the corpus's year hint), so each list is kept with a fingerprint of those inputs
///   (`EventGrouper.eventsKey`) and used only when the fingerprint matches.
public struct ArticleExtraction: Sendable {
    public let articleID: String
    var actors: ArticleActors
    /// Token counts of the headline and lead paragraphs (`LeadVectors`).
    var lead: [String: Int]
    /// Local events by the fingerprint of their inputs: the first pass, and the second pass of an
    /// article that the events dated.
    var events: [(key: String, events: [LocalEvent])]

    init(articleID: String, actors: ArticleActors, lead: [String: Int], events: [(key: String, events: [LocalEvent])] = []) {
        self.articleID = articleID
        self.actors = actors
        self.lead = lead
        self.events = events
    }

    /// Bump when what is cached or its encoding changes. A change in what the extractors find is
    /// covered by `ResourceFiles.analysisVersion` (part of `version`), and the index also keys the
    /// cache on the executable, so a forgotten bump costs a stale cache only in a build that kept both.
    public static let codeVersion = 2

    /// The version an index stores next to cached extractions: the code version and the fingerprint of
    /// the rules (`ResourceFiles.rulesFingerprint`: gazetteer, lexicons, the user's additions), read
    /// once per process.
    public static let version: String = "\(codeVersion)-\(ResourceFiles.currentRulesFingerprint)"

    // MARK: - Encoding

    /// The article-only part (actors, lead tokens).
    public func encodedBase() -> [UInt8] {
        var w = ByteWriter()
        w.array(actors.actors) { w, a in
            w.optional(a.entry) { $0.int($1) }
            w.int(Self.kindCode(a.kind))
            w.bool(a.isSource)
            w.bool(a.weak)
            w.array(a.words) { $0.string($1) }
            w.array(a.mentions) { w, m in
                w.int(m.range.start); w.int(m.range.end - m.range.start); w.string(m.surface)
            }
            w.array(a.roles) { $0.string($1) }
        }
        w.array(actors.quotes) { w, q in
            w.string(q.text)
            w.int(q.range.start); w.int(q.range.end - q.range.start)
            w.optional(q.speaker) { $0.int($1) }
            w.optional(q.label) { $0.string($1) }
        }
        // Sorted: the same extraction always encodes to the same bytes.
        w.int(lead.count)
        for (k, n) in lead.sorted(by: { $0.key < $1.key }) {
            w.string(k); w.int(n)
        }
        return w.bytes
    }

    /// The local-event lists with their fingerprints.
    public func encodedEvents() -> [UInt8] {
        var w = ByteWriter()
        w.array(events) { w, entry in
            w.string(entry.key)
            w.array(entry.events) { w, e in Self.write(e, to: &w) }
        }
        return w.bytes
    }

    /// Nil when `base` is malformed; malformed `events` only lose the events.
    public init?(articleID: String, base: [UInt8], events: [UInt8]?) {
        var r = ByteReader(base)
        guard let actors: [LocalActor] = r.array({ r in
            guard let entry = r.optional({ $0.int() }), let kind = r.int().flatMap(Self.kind(code:)),
                  let isSource = r.bool(), let weak = r.bool(),
                  let words = r.array({ $0.string() }),
                  let mentions: [Mention] = r.array({ r in
                      guard let s = r.int(), let n = r.int(), let surface = r.string() else { return nil }
                      return Mention(articleID: articleID, range: TextRange(start: s, end: s + n), surface: surface)
                  }),
                  let roles = r.array({ $0.string() }) else { return nil }
            return LocalActor(entry: entry, kind: kind, isSource: isSource, words: words, mentions: mentions,
                              roles: roles, weak: weak)
        }), let quotes: [LocalQuote] = r.array({ r in
            guard let text = r.string(), let s = r.int(), let n = r.int(),
                  let speaker = r.optional({ $0.int() }), let label = r.optional({ $0.string() }) else { return nil }
            return LocalQuote(text: text, range: TextRange(start: s, end: s + n), speaker: speaker, label: label)
        }), let leadCount = r.int(), leadCount >= 0 else { return nil }
        var lead: [String: Int] = [:]
        lead.reserveCapacity(leadCount)
        for _ in 0..<leadCount {
            guard let k = r.string(), let n = r.int() else { return nil }
            lead[k] = n
        }
        guard r.isAtEnd else { return nil }
        self.articleID = articleID
        self.actors = ArticleActors(articleID: articleID, actors: actors, quotes: quotes)
        self.lead = lead
        self.events = []
        if let events {
            var e = ByteReader(events)
            if let list: [(key: String, events: [LocalEvent])] = e.array({ r in
                guard let key = r.string(), let evs = r.array({ Self.readEvent(&$0, articleID: articleID) }) else { return nil }
                return (key, evs)
            }), e.isAtEnd {
                self.events = list
            }
        }
    }

    private static func kindCode(_ k: ActorKind) -> Int { ActorKind.allCases.firstIndex(of: k) ?? 0 }
    private static func kind(code: Int) -> ActorKind? {
        ActorKind.allCases.indices.contains(code) ? ActorKind.allCases[code] : nil
    }
    private static func eventKind(code: Int) -> EventKind? {
        EventKind.allCases.indices.contains(code) ? EventKind.allCases[code] : nil
    }

    private static func write(_ r: TextRange, to w: inout ByteWriter) {
        w.int(r.start); w.int(r.end - r.start)
    }

    private static func readRange(_ r: inout ByteReader) -> TextRange? {
        guard let s = r.int(), let n = r.int() else { return nil }
        return TextRange(start: s, end: s + n)
    }

    private static func write(_ d: EventDate, to w: inout ByteWriter) {
        switch d {
        case let .span(a, b): w.int(0); w.int(a.ordinal); w.int(b.ordinal)
        case let .weekday(x): w.int(1); w.int(x)
        case let .monthDay(m, x): w.int(2); w.int(m); w.int(x)
        }
    }

    private static func readDate(_ r: inout ByteReader) -> EventDate? {
        switch r.int() {
        case 0:
            guard let a = r.int(), let b = r.int() else { return nil }
            return .span(Day(ordinal: a), Day(ordinal: b))
        case 1: return r.int().map { .weekday($0) }
        case 2:
            guard let m = r.int(), let x = r.int() else { return nil }
            return .monthDay(m, x)
        default: return nil
        }
    }

    private static func write(_ e: LocalEvent, to w: inout ByteWriter) {
        w.array(e.mentions) { w, m in
            w.optional(m.range) { Self.write($1, to: &$0) }
            w.optional(m.sentence) { Self.write($1, to: &$0) }
            w.int(EventKind.allCases.firstIndex(of: m.kind) ?? 0)
            w.string(m.trigger)
            w.optional(m.date) { Self.write($1, to: &$0) }
            w.optional(m.dateRange) { Self.write($1, to: &$0) }
            w.optional(m.place) { $0.string($1) }
            w.optional(m.placeRange) { Self.write($1, to: &$0) }
            w.array(m.participants) { $0.string($1) }
            w.bool(m.inHeadline)
            w.bool(m.statedAhead)
            w.bool(m.ahead == true)
            w.int(m.paragraph)
            w.double(m.weight)
        }
        w.int(EventKind.allCases.firstIndex(of: e.kind) ?? 0)
        w.optional(e.date) { Self.write($1, to: &$0) }
        w.optional(e.place) { $0.string($1) }
        // Sorted: the bytes of one result are the same in every run.
        w.array(e.participants.sorted { $0.key < $1.key }) { w, p in w.string(p.key); w.double(p.value) }
        w.double(e.weight)
        w.bool(e.isPrimary)
        w.optional(e.qualifier) { $0.string($1) }
        w.bool(e.dateIsImplicit)
        w.optional(e.leadDate) { Self.write($1, to: &$0) }
        w.optional(e.number) { $0.int($1) }
    }

    private static func readEvent(_ r: inout ByteReader, articleID: String) -> LocalEvent? {
        guard let mentions: [EventMention] = r.array({ r in
            guard let range = r.optional(readRange), let sentence = r.optional(readRange),
                  let kind = r.int().flatMap(eventKind(code:)), let trigger = r.string(),
                  let date = r.optional(readDate), let dateRange = r.optional(readRange),
                  let place = r.optional({ $0.string() }), let placeRange = r.optional(readRange),
                  let participants = r.array({ $0.string() }), let inHeadline = r.bool(), let statedAhead = r.bool(),
                  let announced = r.bool(), let paragraph = r.int(), let weight = r.double() else { return nil }
            return EventMention(articleID: articleID, range: range, sentence: sentence, kind: kind, trigger: trigger,
                                date: date, dateRange: dateRange, place: place, placeRange: placeRange,
                                participants: participants, inHeadline: inHeadline, statedAhead: statedAhead,
                                ahead: announced ? true : nil, paragraph: paragraph, weight: weight)
        }), let kind = r.int().flatMap(eventKind(code:)), let date = r.optional(readDate),
              let place = r.optional({ $0.string() }),
              let parts: [(String, Double)] = r.array({ r in
                  guard let k = r.string(), let v = r.double() else { return nil }
                  return (k, v)
              }),
              let weight = r.double(), let primary = r.bool(), let qualifier = r.optional({ $0.string() }),
              let implicit = r.bool(), let leadDate = r.optional(readDate),
              let number = r.optional({ $0.int() }) else { return nil }
        return LocalEvent(articleID: articleID, mentions: mentions, kind: kind, date: date, place: place,
                          participants: Dictionary(parts, uniquingKeysWith: { a, _ in a }), weight: weight,
                          isPrimary: primary, qualifier: qualifier, dateIsImplicit: implicit, leadDate: leadDate,
                          number: number)
    }
}
