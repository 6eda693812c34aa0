import ParallaxCore

/// The JSON contract of actors and quotes (`actors --json`, `quotes --json`, `articles --json`).
enum ActorJSON {
    /// One actor within one article: `{name, kind, mentions, roles}` (+ `source` for news agencies).
    static func articleActor(_ s: ArticleActorSummary) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("name", .string(s.name)),
            ("kind", .string(s.kind.rawValue)),
            ("mentions", .int(s.mentions)),
        ]
        if !s.roles.isEmpty { fields.append(("roles", .array(s.roles.map(JSONValue.string)))) }
        if s.isSource { fields.append(("source", .bool(true))) }
        return .object(fields)
    }

    static func actor(_ a: Actor) -> JSONValue {
        actor(a, mentions: a.mentions.count, articles: a.articleIDs)
    }

    /// `mentions` and `articles`: the count and the articles of its mentions (an actor read from the
    /// index without them, `ActorListing`).
    static func actor(_ a: Actor, mentions: Int, articles: [String]) -> JSONValue {
        .object([
            ("id", .string(a.id)),
            ("name", .string(a.name)),
            ("shortName", .string(a.shortName)),
            ("kind", .string(a.kind.rawValue)),
            ("aliases", .array(a.aliases.map(JSONValue.string))),
            ("affiliation", .str(a.affiliation)),
            ("source", .bool(a.isSource)),
            ("roles", .array(a.roles.map { .object([("article", .string($0.articleID)), ("role", .string($0.role))]) })),
            ("mentions", .int(mentions)),
            ("articles", .array(articles.map(JSONValue.string))),
            ("quotes", .array(a.quotes.map { .object([("article", .string($0.articleID)), ("text", .string($0.text))]) })),
        ])
    }

    static func quote(_ q: Quote) -> JSONValue {
        .object([
            ("article", .string(q.articleID)),
            ("speaker", .str(q.speaker)),
            ("speakerLabel", .str(q.speakerLabel)),
            ("text", .string(q.text)),
            ("start", .int(q.range.start)),
            ("end", .int(q.range.end)),
        ])
    }
}
