/// Every dated event the corpus mentions, reported or named in passing, in order of date.
public struct Timeline: Sendable {
    /// One dated event and the articles that name it.
    public struct Entry: Sendable {
        public var event: Event
        public var day: Day
        /// Articles that report it (primary event).
        public var reportedBy: [String]
        /// Articles that mention it in passing.
        public var mentionedBy: [String]
    }

    public var entries: [Entry]

    /// The timeline of a corpus whose events have been grouped.
    public init(corpus: Corpus) {
        entries = corpus.events.compactMap { e in
            guard let d = e.date else { return nil }
            return Entry(event: e, day: d, reportedBy: e.articles, mentionedBy: e.mentionedBy)
        }.sorted { ($0.day, $0.event.id) < ($1.day, $1.event.id) }
    }
}
