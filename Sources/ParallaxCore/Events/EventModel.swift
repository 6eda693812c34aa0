/// What kind of diplomatic happening an event is.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    // (New kinds go last: the extraction cache stores a kind by its position.)
    case talks, meeting, summit, call, other, speech

    /// Kinds that can be one event share a family: talks, meetings and summits are often one meeting
    /// told three ways; a call or a speech is not a meeting of the same people that day.
    var family: Int {
        switch self {
        case .call: return 1
        case .speech: return 2
        default: return 0
        }
    }
}

/// A meeting, talks, summit or call that one or more articles report or mention.
public struct Event: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var title: String
    public var kind: EventKind
    public var date: Day?
    public var place: String?
    /// Canonical actor names.
    public var participants: [String]
    /// Ids of the articles whose primary event this is.
    public var articles: [String]
    /// Ids of articles that mention it as a secondary event.
    public var mentionedBy: [String]
    /// Where the articles name it, for jumping to the text.
    public var mentions: [EventMention]
    /// Why each article of `articles` was grouped here: its similarity and what it shares.
    public var why: EventEvidence

    public init(id: String, title: String, kind: EventKind, date: Day?, place: String?,
                participants: [String], articles: [String], mentionedBy: [String] = [], mentions: [EventMention] = [],
                why: EventEvidence = [:]) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.place = place
        self.participants = participants
        self.articles = articles
        self.mentionedBy = mentionedBy
        self.mentions = mentions
        self.why = why
    }
}

/// One place where an article names an event: the event word, and what the sentence says about it.
public struct EventMention: Hashable, Sendable, Codable {
    // Stored widest first, so that the optional ranges and flags pack together (152 → 136 bytes):
    // a corpus holds millions of mentions (issue 14). `CodingKeys` keep the JSON's order of keys.
    public var articleID: String
    /// The words as written (`talks`, `phone call`).
    public var trigger: String
    public var place: String?
    public var participants: [String]
    /// Paragraph index in the body (0 = first); -1 for the headline.
    public var paragraph: Int
    /// How much this mention says "this is what the article reports": headline and lead weigh most.
    public var weight: Double
    /// The event word's range in the body; nil when only the headline (not part of the body) names it.
    public var range: TextRange?
    /// The sentence's range in the body (nil for a headline outside the body).
    public var sentence: TextRange?
    public var dateRange: TextRange?
    public var placeRange: TextRange?
    public var date: EventDate?
    public var kind: EventKind
    public var inHeadline: Bool
    /// The sentence speaks of this stated date as still to come ("the talks of January 10 will be bitter").
    public var statedAhead: Bool = false
    /// A word before the event word makes it a meeting other than the news: still to come (`follow-up
    /// talks`) or recalled (`the previous meeting`); nil = no.
    public var ahead: Bool?

    private enum CodingKeys: String, CodingKey {
        case articleID, range, sentence, kind, trigger, date, dateRange, place, placeRange, participants,
             inHeadline, statedAhead, ahead, paragraph, weight
    }

    init(articleID: String, range: TextRange?, sentence: TextRange?, kind: EventKind, trigger: String,
         date: EventDate?, dateRange: TextRange?, place: String?, placeRange: TextRange?,
         participants: [String], inHeadline: Bool, statedAhead: Bool = false, ahead: Bool? = nil,
         paragraph: Int, weight: Double) {
        self.articleID = articleID
        self.trigger = trigger
        self.place = place
        self.participants = participants
        self.paragraph = paragraph
        self.weight = weight
        self.range = range
        self.sentence = sentence
        self.dateRange = dateRange
        self.placeRange = placeRange
        self.date = date
        self.kind = kind
        self.inHeadline = inHeadline
        self.statedAhead = statedAhead
        self.ahead = ahead
    }
}

extension Corpus {
    /// The event a user means by `query`: its id, else the one event whose id starts with or contains it
    /// (`2022-01-26`, `paris`). Nil when nothing or more than one event matches a partial id
    /// (`events(matching:)` gives the candidates, for the user to choose from).
    public func event(matching query: String) -> Event? {
        let c = events(matching: query)
        return c.count == 1 ? c[0] : nil
    }

    /// The events a partial id could mean: the one with that id; else those whose id starts with it;
    /// else those whose id contains it.
    public func events(matching query: String) -> [Event] {
        let ids = QueryMatch.eventIDs(query, ids: events.map(\.id))
        return events.filter { ids.contains($0.id) }
    }
}

/// Why each article of an event is in it, by article id (printed in id order, so that two equal
/// events print alike).
public struct EventEvidence: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByDictionaryLiteral {
    public var byArticle: [String: MembershipEvidence]

    public init(_ byArticle: [String: MembershipEvidence] = [:]) { self.byArticle = byArticle }
    public init(dictionaryLiteral elements: (String, MembershipEvidence)...) {
        self.byArticle = Dictionary(elements, uniquingKeysWith: { a, _ in a })
    }

    public subscript(article: String) -> MembershipEvidence? {
        get { byArticle[article] }
        set { byArticle[article] = newValue }
    }

    public var description: String {
        "[" + byArticle.keys.sorted().map { "\($0): \(byArticle[$0].map { String(describing: $0) } ?? "")" }.joined(separator: ", ") + "]"
    }
}
