import Foundation

/// The weights and thresholds of story clustering, read from `Resources/data/event-clustering.txt`
/// (and the user's file of the same name): `key = value` lines.
public struct ClusteringSettings: Sendable, Equatable {
    public var termWeight = 1.0
    public var actorWeight = 1.0
    public var eventWeight = 1.0
    public var threshold = 0.5
    public var timeScaleDays = 3.0
    public var windowDays = 10
    public var conflictDays = 2
    public var keysPerArticle = 6
    public var postingsPerKey = 24
    public var samePlace = 0.35
    public var placeConflict = 0.5
    public var sameDay = 0.35
    public var adjacentDay = 0.35
    public var sameKind = 0.1
    public var otherKind = 0.25
    public var participantWeight = 0.3
    public var sameNumber = 0.35
    public var countryActorWeight = 0.3
    public var organisationActorWeight = 0.8
    public var attachMention = 0.35
    public var nonEventMargin = 0.25

    public init() {}

    /// The shipped settings with the user's overrides.
    public static let shared = ClusteringSettings(lines: ResourceFiles.lines(of: "event-clustering.txt"))

    /// Reads `key = value` lines; unknown keys and bad numbers are ignored (the default stays).
    public init(lines: [String]) {
        self.init()
        for line in lines {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let v = Double(parts[1]) else { continue }
            switch parts[0] {
            case "term-weight": termWeight = v
            case "actor-weight": actorWeight = v
            case "event-weight": eventWeight = v
            case "threshold": threshold = v
            case "time-scale-days": timeScaleDays = max(0.1, v)
            case "window-days": windowDays = max(1, Int(v))
            case "conflict-days": conflictDays = max(1, Int(v))
            case "keys-per-article": keysPerArticle = max(1, Int(v))
            case "postings-per-key": postingsPerKey = max(1, Int(v))
            case "same-place": samePlace = v
            case "place-conflict": placeConflict = v
            case "same-day": sameDay = v
            case "adjacent-day": adjacentDay = v
            case "same-kind": sameKind = v
            case "other-kind": otherKind = v
            case "participant-weight": participantWeight = v
            case "same-number": sameNumber = v
            case "country-actor-weight": countryActorWeight = v
            case "organisation-actor-weight": organisationActorWeight = v
            case "attach-mention": attachMention = v
            case "non-event-margin": nonEventMargin = v
            default: continue
            }
        }
    }
}

/// Why an article was put into its event: what it shares with the articles already there.
public struct MembershipEvidence: Hashable, Sendable, Codable {
    /// The similarity with the event when the article joined it (1 for the article that opened it).
    public var score: Double
    /// Actors it shares with the event, rarest first.
    public var actors: [String]
    /// Content words it shares with the event's headlines and leads, strongest first.
    public var terms: [String]
    /// The day the article puts the meeting on, if it says.
    public var date: Day?
    /// The place it names, if any, and whether it agrees with the event's.
    public var place: String?

    public init(score: Double, actors: [String], terms: [String], date: Day?, place: String?) {
        self.score = score
        self.actors = actors
        self.terms = terms
        self.date = date
        self.place = place
    }
}

/// Story clustering (after Miranda et al., *Multilingual Clustering of Streaming News*, 2018): each
/// article that reports a meeting is a bundle of weighted content terms, canonical actors, its meeting
/// mention (kind, place, date) and its time; articles arrive in time order and join the most similar
/// story within a time window when the similarity clears a threshold, or open a story of their own.
/// Candidates come from an inverted index of each article's rarest terms and actors, so the work grows
/// with the corpus, not its square. A missing date is neutral; two explicit dates more than a day
/// apart keep two stories apart.
struct StoryClusterer: Sendable {
    var settings: ClusteringSettings
    var lexicon: EventLexicon
    /// The extractor's one rule for "can these two places be one venue" (a city and its country).
    var places: EventExtractor { EventExtractor(lexicon: lexicon) }

    /// One article's representation.
    struct Profile {
        var article: Int
        var local: Int
        /// Whether the article reports a meeting (a primary event mention); one that does not joins a
        /// story only by a clearer margin.
        var hasEvent: Bool
        /// TF-IDF of headline and lead, unit length (term id → weight).
        var terms: [Int: Double]
        /// Actor → weight (kind × rarity), unit length.
        var actors: [String: Double]
        var kindFamily: Int
        var place: String?
        var placeIsCountry: Bool
        /// The day the article's meeting mention states (not the article's own date).
        var eventDay: Day?
        var eventDate: EventDate?
        /// The day the article is placed at in time: its meeting's stated day, else its own date.
        var time: Day?
        /// Its time is only what an earlier pass inferred from a story (or none): it comes after the
        /// articles that date themselves, and tries their stories first.
        var timeIsInferred = false
        var late: Bool { time == nil || timeIsInferred }
        /// The meeting's number (`the 40th GCC summit`), when its text gives one.
        var number: Int? = nil
        /// The month the article was written in (year × 12 + month − 1), from its own date or a page's
        /// month-only date line (`date 2024-03`): reports two months or more apart are two stories.
        var month: Int? = nil
        /// Cities the headline and lead name, for an article whose meeting names no place of its own:
        /// a report from Johannesburg is not one of a meeting in Kazan, however alike they read.
        var leadPlaces: [String] = []
    }

    /// A story being built.
    final class Story {
        var members: [Int] = []  // profile indices
        /// An article that dates itself is in it.
        var dated = false
        var terms: [Int: Double] = [:]
        var actors: [String: Double] = [:]
        var days: [Int: Int] = [:]  // stated event day ordinal → count
        var times: [Int] = []
        var places: [String: Int] = [:]
        var families: [Int: Int] = [:]
        var keys = Set<String>()

        // Kept up to date on each `add`, so that comparing an article with a story of any size costs
        // the article's size, not the story's (the stage stays linear with large stories).
        private(set) var modalDay: Int?
        private(set) var modalPlace: String?
        private(set) var modalFamily: Int?
        private(set) var modalNumber: Int?
        private var numbers: [Int: Int] = [:]
        private(set) var modalMonth: Int?
        private var months: [Int: Int] = [:]
        private(set) var medianTime: Int?
        /// Squared lengths of the term and actor centroids.
        private(set) var termNorm2 = 0.0
        private(set) var actorNorm2 = 0.0

        func add(_ p: Profile) {
            for (k, v) in p.terms {
                let old = terms[k] ?? 0
                terms[k] = old + v
                termNorm2 += (old + v) * (old + v) - old * old
            }
            for (k, v) in p.actors {
                let old = actors[k] ?? 0
                actors[k] = old + v
                actorNorm2 += (old + v) * (old + v) - old * old
            }
            if let d = p.eventDay {
                days[d.ordinal, default: 0] += 1
                modalDay = days.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
            }
            if let t = p.time {
                // Sorted insertion keeps the median at hand.
                var lo = 0, hi = times.count
                while lo < hi { let mid = (lo + hi) / 2; if times[mid] < t.ordinal { lo = mid + 1 } else { hi = mid } }
                times.insert(t.ordinal, at: lo)
                medianTime = times[times.count / 2]
            }
            if let pl = p.place, !p.placeIsCountry {
                places[pl, default: 0] += 1
                modalPlace = places.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            }
            if let m = p.month {
                months[m, default: 0] += 1
                modalMonth = months.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
            }
            if let n = p.number {
                numbers[n, default: 0] += 1
                modalNumber = numbers.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
            }
            if p.kindFamily >= 0 {
                families[p.kindFamily, default: 0] += 1
                modalFamily = families.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
            }
        }
    }

    /// Cosine of a (small) article vector with a story centroid whose squared length is known.
    static func cosine<K: Hashable>(_ a: [K: Double], centroid b: [K: Double], norm2 nb: Double) -> Double {
        guard !a.isEmpty, nb > 0 else { return 0 }
        var dot = 0.0
        for (k, v) in a { if let w = b[k] { dot += v * w } }
        guard dot > 0 else { return 0 }
        let na = a.values.reduce(0) { $0 + $1 * $1 }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    static func cosine<K: Hashable>(_ a: [K: Double], _ b: [K: Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (small, large) = a.count < b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (k, v) in small { if let w = large[k] { dot += v * w } }
        guard dot > 0 else { return 0 }
        let na = a.values.reduce(0) { $0 + $1 * $1 }, nb = b.values.reduce(0) { $0 + $1 * $1 }
        return dot / (na.squareRoot() * nb.squareRoot())
    }

    /// The similarity of a profile with a story, and nil when they cannot be one story
    /// (explicit meeting days too far apart).
    func similarity(_ p: Profile, _ s: Story) -> Double? {
        if let d = p.eventDay, let sd = s.modalDay, abs(d.ordinal - sd) >= settings.conflictDays { return nil }
        // "On Tuesday" with no week to place it in still rules out a story of a Thursday.
        // (A day of tolerance, as between explicit days: the dinner on the eve of the talks.)
        if p.eventDay == nil, let ed = p.eventDate, let sd = s.modalDay,
           !((sd - 1)...(sd + 1)).contains(where: { ed.compatible(with: .span(Day(ordinal: $0), Day(ordinal: $0)), tolerance: 0) }) {
            return nil
        }
        // Written months apart: not one meeting's reports, however alike (the same leaders meet every year).
        if let m = p.month, let sm = s.modalMonth, abs(m - sm) >= 2 { return nil }
        // The 40th summit is not the 42nd, however alike their undated reports read.
        if let n = p.number, let sn = s.modalNumber, n != sn { return nil }
        // A speech is one speaker before an audience: never the same event as a meeting or a call.
        if p.kindFamily >= 0, let f = s.modalFamily, f != p.kindFamily,
           f == EventKind.speech.family || p.kindFamily == EventKind.speech.family { return nil }
        let t = Self.cosine(p.terms, centroid: s.terms, norm2: s.termNorm2)
        let a = Self.cosine(p.actors, centroid: s.actors, norm2: s.actorNorm2)
        var e = 0.0
        if let d = p.eventDay, let sd = s.modalDay, abs(d.ordinal - sd) <= 1 {
            e += d.ordinal == sd ? settings.sameDay : settings.adjacentDay
        }
        if let pl = p.place, !p.placeIsCountry, let sp = s.modalPlace {
            if pl == sp { e += settings.samePlace } else if !places.placesCompatible(pl, sp) { e -= settings.placeConflict }
        } else if p.place == nil || p.placeIsCountry, let sp = s.modalPlace, !p.leadPlaces.isEmpty,
                  !p.leadPlaces.contains(where: { places.placesCompatible($0, sp) }) {
            e -= settings.placeConflict
        }
        if p.kindFamily >= 0, let f = s.modalFamily { e += f == p.kindFamily ? settings.sameKind : -settings.otherKind }
        if let n = p.number, n == s.modalNumber { e += settings.sameNumber }
        var timeFactor = 1.0
        if let pt = p.time?.ordinal, let st = s.medianTime {
            let gap = Double(max(0, abs(pt - st) - 1))
            timeFactor = exp(-gap / settings.timeScaleDays)
        }
        return timeFactor * (settings.termWeight * t + settings.actorWeight * a) + settings.eventWeight * e
    }

    /// Clusters the profiles; returns stories as lists of profile indices, each member's evidence, and
    /// how many article–story similarities were computed (the stage's work, linear in the articles).
    func cluster(_ profiles: [Profile], words: [String]) -> (stories: [[Int]], evidence: [Int: MembershipEvidence],
                                                           comparisons: Int) {
        // Time order; undated last so that they meet the dated stories.
        let order = profiles.indices.sorted {
            let a = profiles[$0].time?.ordinal ?? Int.max, b = profiles[$1].time?.ordinal ?? Int.max
            return (profiles[$0].late ? 1 : 0, a, profiles[$0].article) < (profiles[$1].late ? 1 : 0, b, profiles[$1].article)
        }
        var stories: [Story] = []
        var postings: [String: [Int]] = [:]
        var evidence: [Int: MembershipEvidence] = [:]
        var comparisons = 0
        /// Puts one article into its most similar story, or — when `open` — into a new one; false when
        /// it found none and may not open one.
        func place(_ pi: Int, open: Bool, datedOnly: Bool) -> Bool {
            let p = profiles[pi]
            let keys = Self.keys(of: p, limit: settings.keysPerArticle)
            var candidates = Set<Int>()
            for k in keys {
                guard let list = postings[k] else { continue }
                for s in list.suffix(settings.postingsPerKey) { candidates.insert(s) }
            }
            var best: (Double, Int)?
            for c in candidates.sorted() {
                let s = stories[c]
                if datedOnly, !s.dated { continue }
                if let pt = p.time?.ordinal, let st = s.medianTime, abs(pt - st) > settings.windowDays { continue }
                comparisons += 1
                guard let sim = similarity(p, s) else { continue }
                let needed = settings.threshold + (p.hasEvent ? 0 : settings.nonEventMargin)
                if sim >= needed, sim > (best?.0 ?? -1) { best = (sim, c) }
            }
            let target: Int
            if let (sim, c) = best {
                target = c
                evidence[pi] = explain(p, stories[c], score: sim, words: words)
            } else {
                guard open else { return false }
                target = stories.count
                stories.append(Story())
                evidence[pi] = MembershipEvidence(score: 1, actors: [], terms: [], date: p.eventDay,
                                                  place: p.place)
            }
            let s = stories[target]
            s.members.append(pi)
            s.add(p)
            if !p.late { s.dated = true }
            for k in keys where s.keys.insert(k).inserted { postings[k, default: []].append(target) }
            return true
        }
        // Dated articles in time order; then the undated ones, first into the dated stories they fit
        // (an undated article must not open a story that the next undated report of the same meeting
        // joins instead of that meeting's dated story), then among themselves.
        var deferred: [Int] = []
        for pi in order {
            if profiles[pi].late {
                if !place(pi, open: false, datedOnly: true) { deferred.append(pi) }
            } else {
                _ = place(pi, open: true, datedOnly: false)
            }
        }
        for pi in deferred { _ = place(pi, open: true, datedOnly: false) }
        // Stories of articles that name no meeting (reaction pieces among themselves) join the story of
        // a meeting they resemble as a whole.
        var absorbed = Set<Int>()
        for (xi, x) in stories.enumerated() where x.members.allSatisfy({ !profiles[$0].hasEvent }) && x.members.count >= 2 {
            let pseudo = Profile(article: -1, local: -1, hasEvent: false, terms: x.terms, actors: x.actors, kindFamily: -1,
                                 place: nil, placeIsCountry: false, eventDay: nil, eventDate: nil,
                                 time: x.medianTime.map { Day(ordinal: $0) }, month: x.modalMonth)
            var candidates = Set<Int>()
            for k in Self.keys(of: pseudo, limit: settings.keysPerArticle) {
                for c in (postings[k] ?? []).suffix(settings.postingsPerKey) where c != xi { candidates.insert(c) }
            }
            var best: (Double, Int)?
            for c in candidates.sorted() where !absorbed.contains(c) && stories[c].members.contains(where: { profiles[$0].hasEvent }) {
                let y = stories[c]
                if let pt = pseudo.time?.ordinal, let st = y.medianTime, abs(pt - st) > settings.windowDays { continue }
                comparisons += 1
                guard let sim = similarity(pseudo, y), sim >= settings.threshold + settings.nonEventMargin else { continue }
                if sim > (best?.0 ?? -1) { best = (sim, c) }
            }
            guard let (sim, c) = best else { continue }
            for m in x.members {
                evidence[m] = explain(profiles[m], stories[c], score: sim, words: words)
                stories[c].members.append(m)
                stories[c].add(profiles[m])
            }
            absorbed.insert(xi)
        }
        return (stories.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element.members), evidence, comparisons)
    }

    /// The rarest terms and actors of a profile (their weights already carry the rarity) and its place.
    static func keys(of p: Profile, limit: Int) -> [String] {
        var out: [String] = []
        for (k, _) in p.actors.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(limit) { out.append("a" + k) }
        for (k, _) in p.terms.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(limit) { out.append("t\(k)") }
        if let pl = p.place, !p.placeIsCountry { out.append("p" + pl) }
        return out
    }

    func explain(_ p: Profile, _ s: Story, score: Double, words: [String]) -> MembershipEvidence {
        // Ordered by what they weigh in this article (rarity, kind): the telling ones first.
        let actors = p.actors.filter { s.actors[$0.key] != nil }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map(\.key)
        let named = Set(actors.flatMap { $0.split(separator: " ").map(String.init) })
        let terms = p.terms.filter { s.terms[$0.key] != nil }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .compactMap { words.indices.contains($0.key) ? words[$0.key] : nil }
            .filter { !named.contains($0) }.prefix(6)
        return MembershipEvidence(score: (score * 1000).rounded() / 1000, actors: Array(actors), terms: Array(terms),
                                  date: p.eventDay, place: p.place)
    }
}
