/// What kind of diplomatic happening an event is.
public enum EventKind: String, Sendable, Codable, CaseIterable {
    case talks, meeting, summit, call, other
}

/// A meeting, talks, summit or call that one or more articles report or mention.
public struct Event: Hashable, Sendable, Identifiable {
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

    public init(id: String, title: String, kind: EventKind, date: Day?, place: String?,
                participants: [String], articles: [String], mentionedBy: [String] = []) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.place = place
        self.participants = participants
        self.articles = articles
        self.mentionedBy = mentionedBy
    }
}
