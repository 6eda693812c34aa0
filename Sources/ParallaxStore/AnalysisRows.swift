import ParallaxCore

/// The corpus-level analysis regrouped by article, with a fingerprint per article, so that the store
/// rewrites only the mention, role and quote rows of articles whose analysis changed.
struct AnalysisRows {
    struct MentionRow { var actor: String; var position: Int; var mention: Mention }
    struct RoleRow { var actor: String; var position: Int; var role: RoleMention }
    struct QuoteRow { var actor: String; var position: Int; var quote: Quote }
    struct PerArticle {
        var mentions: [MentionRow] = []
        var roles: [RoleRow] = []
        var quotes: [QuoteRow] = []
        var hash = ""
    }

    var perArticle: [String: PerArticle] = [:]
    var actorsHash: String
    var eventsHash: String

    init(corpus: Corpus) {
        var per: [String: PerArticle] = [:]
        var actorsH = ContentHash()
        for actor in corpus.actors {
            actorsH.add(actor.id)
            actorsH.add(actor.name)
            actorsH.add(actor.kind.rawValue)
            actorsH.add(actor.affiliation)
            actorsH.add(actor.isSource ? 1 : 0)
            actorsH.add(actor.aliases.count)
            for a in actor.aliases { actorsH.add(a) }
            // Positions count within (actor, article): stable when other articles change.
            var counters: [String: Int] = [:]
            for m in actor.mentions {
                let n = counters[m.articleID, default: 0]
                counters[m.articleID] = n + 1
                per[m.articleID, default: PerArticle()].mentions.append(MentionRow(actor: actor.id, position: n, mention: m))
            }
            counters = [:]
            for r in actor.roles {
                let n = counters[r.articleID, default: 0]
                counters[r.articleID] = n + 1
                per[r.articleID, default: PerArticle()].roles.append(RoleRow(actor: actor.id, position: n, role: r))
            }
            counters = [:]
            for q in actor.quotes {
                let n = counters[q.articleID, default: 0]
                counters[q.articleID] = n + 1
                per[q.articleID, default: PerArticle()].quotes.append(QuoteRow(actor: actor.id, position: n, quote: q))
            }
        }
        for (id, rows) in per {
            var h = ContentHash()
            h.add(rows.mentions.count)
            for m in rows.mentions {
                h.add(m.actor); h.add(m.position); h.add(m.mention.range.start); h.add(m.mention.range.end)
                h.add(m.mention.surface)
            }
            h.add(rows.roles.count)
            for r in rows.roles { h.add(r.actor); h.add(r.position); h.add(r.role.role) }
            h.add(rows.quotes.count)
            for q in rows.quotes {
                h.add(q.actor); h.add(q.position); h.add(q.quote.text); h.add(q.quote.range.start)
                h.add(q.quote.range.end); h.add(q.quote.speaker); h.add(q.quote.speakerLabel)
            }
            per[id]?.hash = h.hex
        }
        var eventsH = ContentHash()
        for e in corpus.events {
            eventsH.add(e.id); eventsH.add(e.title); eventsH.add(e.kind.rawValue); eventsH.add(e.date?.description)
            eventsH.add(e.place)
            eventsH.add(e.participants.count)
            for p in e.participants { eventsH.add(p) }
            eventsH.add(e.articles.count)
            for a in e.articles { eventsH.add(a) }
            eventsH.add(e.mentionedBy.count)
            for a in e.mentionedBy { eventsH.add(a) }
        }
        for (a, e) in corpus.primaryEvent.sorted(by: { $0.key < $1.key }) {
            eventsH.add(a)
            eventsH.add(e)
        }
        perArticle = per
        actorsHash = actorsH.hex
        eventsHash = eventsH.hex
    }
}
