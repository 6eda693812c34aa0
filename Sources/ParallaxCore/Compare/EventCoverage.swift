/// When each outlet reported an event, and which outlets of the corpus did not although they covered
/// its people in the same weeks (Ground News' "blindspot", for the user's own files).
public struct EventCoverage: Sendable, Equatable {
    /// One outlet's articles on the event, by day.
    public struct Outlet: Sendable, Equatable {
        public var outlet: String
        /// Publication days of its articles on the event, earliest first (undated ones left out).
        public var days: [Day]
        /// Its articles on the event, in corpus order.
        public var articles: [String]
    }

    /// An outlet that covered the event's participants near its date but has no article on it.
    public struct Blindspot: Sendable, Equatable {
        public var outlet: String
        /// Its articles in the window that name a participant, in corpus order.
        public var articles: [String]
        /// The participants those articles name.
        public var names: [String]
    }

    public var outlets: [Outlet]
    public var blindspots: [Blindspot]

    /// Days either side of the event (or of its articles, when it is undated) that count as "the
    /// same weeks".
    public static let windowDays = 14

    /// The coverage of `event` in `corpus`. Only named outlets count as blindspots: a file whose outlet
    /// is unknown says nothing about what an outlet chose not to report.
    public static func of(_ event: Event, in corpus: Corpus) -> EventCoverage {
        let members = Set(event.articles)
        var outlets: [Outlet] = []
        var index: [String: Int] = [:]
        var memberDays: [Day] = []
        for a in corpus.articles where members.contains(a.id) {
            let label = a.outlet ?? a.fileName
            if index[label] == nil { index[label] = outlets.count; outlets.append(Outlet(outlet: label, days: [], articles: [])) }
            guard let i = index[label] else { continue }
            outlets[i].articles.append(a.id)
            if let d = a.published?.day { outlets[i].days.append(d); memberDays.append(d) }
        }
        for i in outlets.indices { outlets[i].days.sort() }
        outlets.sort { ($0.days.first?.ordinal ?? Int.max, $0.outlet) < ($1.days.first?.ordinal ?? Int.max, $1.outlet) }

        // The window: the event's day, else the span of its articles' days.
        let lo = (event.date ?? memberDays.min()).map { $0.ordinal - windowDays }
        let hi = (event.date ?? memberDays.max()).map { $0.ordinal + windowDays }
        let reporting = Set(corpus.articles.filter { members.contains($0.id) }.compactMap(\.outlet))
        let people = Set(event.participants.map { $0.lowercased() })
        var byArticle: [String: Set<String>] = [:]
        for actor in corpus.actors where people.contains(actor.name.lowercased()) && actor.kind != .country {
            for m in actor.mentions where !members.contains(m.articleID) { byArticle[m.articleID, default: []].insert(actor.name) }
        }
        var spots: [Blindspot] = []
        var spotIndex: [String: Int] = [:]
        if let lo, let hi, !byArticle.isEmpty {
            for a in corpus.articles {
                guard let names = byArticle[a.id], let outlet = a.outlet, !reporting.contains(outlet),
                      let d = a.published?.day, (lo...hi).contains(d.ordinal) else { continue }
                if spotIndex[outlet] == nil { spotIndex[outlet] = spots.count; spots.append(Blindspot(outlet: outlet, articles: [], names: [])) }
                guard let i = spotIndex[outlet] else { continue }
                spots[i].articles.append(a.id)
                for n in names.sorted() where !spots[i].names.contains(n) { spots[i].names.append(n) }
            }
        }
        spots.sort { ($0.articles.count, $1.outlet) > ($1.articles.count, $0.outlet) }
        return EventCoverage(outlets: outlets, blindspots: spots)
    }
}
