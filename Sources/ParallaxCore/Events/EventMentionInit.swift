extension EventMention {
    /// Every field (labelled apart from the internal memberwise init), for a store that keeps mentions as columns rather than as `Codable` JSON.
    public init(stored articleID: String, range: TextRange?, sentence: TextRange?, kind: EventKind, trigger: String,
                date: EventDate?, dateRange: TextRange?, place: String?, placeRange: TextRange?,
                participants: [String], inHeadline: Bool, statedAhead: Bool, paragraph: Int, weight: Double) {
        self.articleID = articleID
        self.range = range
        self.sentence = sentence
        self.kind = kind
        self.trigger = trigger
        self.date = date
        self.dateRange = dateRange
        self.place = place
        self.placeRange = placeRange
        self.participants = participants
        self.inHeadline = inHeadline
        self.statedAhead = statedAhead
        self.paragraph = paragraph
        self.weight = weight
    }
}
