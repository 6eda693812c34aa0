/// What kind of thing an actor is.
public enum ActorKind: String, Sendable, Codable, CaseIterable {
    case person, organization, country, place
}

/// One occurrence of an actor in an article.
public struct Mention: Hashable, Sendable, Codable {
    public var articleID: String
    public var range: TextRange
    /// The text as written (`Zelenskiy`, `President Biden`).
    public var surface: String
    public init(articleID: String, range: TextRange, surface: String) {
        self.articleID = articleID
        self.range = range
        self.surface = surface
    }
}

/// A role or affiliation an article gives an actor, as written (`Kremlin spokesman`).
public struct RoleMention: Hashable, Sendable, Codable {
    public var articleID: String
    public var role: String
    public init(articleID: String, role: String) {
        self.articleID = articleID
        self.role = role
    }
}

/// A direct quotation and, where the text attributes it, its speaker.
public struct Quote: Hashable, Sendable, Codable {
    public var articleID: String
    public var text: String
    public var range: TextRange
    /// The canonical name of the speaking actor, when the text attributes it to a named one.
    public var speaker: String?
    /// An unnamed speaker as written (`a White House official`), kept rather than guessed.
    public var speakerLabel: String?
    public init(articleID: String, text: String, range: TextRange, speaker: String?, speakerLabel: String?) {
        self.articleID = articleID
        self.text = text
        self.range = range
        self.speaker = speaker
        self.speakerLabel = speakerLabel
    }
}

/// A person, organisation, state or place, merged across the spellings of the corpus.
public struct Actor: Hashable, Sendable, Identifiable, Codable {
    /// A stable slug of the canonical name.
    public var id: String
    public var name: String
    /// What a title or a comparison shows for a person: the part of the name its articles repeat
    /// alone, else the family name its structure gives (`Xi`, `Moon`, `Kim` for Kim Jong Un,
    /// `von der Leyen`, `Lula`); the name itself for other actors.
    public var shortName: String
    public var kind: ActorKind
    public var aliases: [String]
    public var affiliation: String?
    public var roles: [RoleMention]
    public var mentions: [Mention]
    public var quotes: [Quote]
    /// A news agency credited as a source (AFP, Reuters).
    public var isSource: Bool

    public init(id: String, name: String, kind: ActorKind, aliases: [String] = [], affiliation: String? = nil,
                roles: [RoleMention] = [], mentions: [Mention] = [], quotes: [Quote] = [], isSource: Bool = false,
                shortName: String? = nil) {
        self.id = id
        self.name = name
        // Given or derived by the one rule (`ActorAnalysis.shortName`), so an actor read back from the
        // index equals the one the analysis built.
        self.shortName = shortName ?? ActorAnalysis.shortName(of: name, kind: kind, mentions: mentions)
        self.kind = kind
        self.aliases = aliases
        self.affiliation = affiliation
        self.roles = roles
        self.mentions = mentions
        self.quotes = quotes
        self.isSource = isSource
    }

    /// Ids of the articles that mention this actor, in first-seen order.
    public var articleIDs: [String] {
        var seen = Set<String>()
        return mentions.compactMap { seen.insert($0.articleID).inserted ? $0.articleID : nil }
    }
}
