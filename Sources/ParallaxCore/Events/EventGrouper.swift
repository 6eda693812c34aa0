import Foundation

/// The events stage: finds each article's events, groups the articles that report the same meeting,
/// dates undated articles from the events they report, and builds the corpus's `events`.
public struct EventGrouper: Sendable {
    public let lexicon: EventLexicon
    /// The weights and thresholds of story clustering (`event-clustering.txt`).
    public var settings: ClusteringSettings

    /// The known news outlets: an outlet named in a report ("told CNN") is its source, never a party.
    let outlets: OutletDirectory

    public init(lexicon: EventLexicon = .shared, settings: ClusteringSettings = .shared,
                outlets: OutletDirectory = .shipped()) {
        self.lexicon = lexicon
        self.settings = settings
        self.outlets = outlets
    }

    /// Runs the stage: returns the corpus with `events`, `primaryEvent` and event-inferred dates filled in.
    public func run(_ corpus: Corpus) -> Corpus {
        let cached = [[CachedEvents]](repeating: [], count: corpus.articles.count)
        return run(corpus, vectors: LeadVectors(articles: corpus.articles), cached: cached, bodies: { _ in [:] }).corpus
    }

    /// One article's local events and the fingerprint of the inputs they were extracted from.
    typealias CachedEvents = (key: String, events: [LocalEvent])

    /// The stage with local events taken from `cached` (per article) when their inputs did not change.
    /// Articles may come without a body when they have cached events: `bodies` loads the texts of
    /// those that must be read again (indexes into `corpus.articles`). Returns, per article, the
    /// local events this run used (for the cache).
    func run(_ corpus: Corpus, vectors: LeadVectors, cached: [[CachedEvents]],
             bodies: ([Int]) -> [Int: String]) -> (corpus: Corpus, used: [[CachedEvents]]) {
        var corpus = corpus
        corpus = Self.settingAsideImplausibleDates(corpus)
        let actors = corpus.actors.isEmpty ? [:] : ActorIndex.build(actors: corpus.actors)
        let extractor = EventExtractor(lexicon: lexicon)
        let hint = Self.yearHint(corpus.articles.compactMap { $0.published?.day })
        var used = [[CachedEvents]](repeating: [], count: corpus.articles.count)

        /// The local events of these articles read with these reference dates: cached, or extracted
        /// (on all cores).
        func localEvents(_ wanted: [(Int, Day?)]) -> [[LocalEvent]] {
            var out = [[LocalEvent]](repeating: [], count: wanted.count)
            var missing: [(slot: Int, article: Int, key: String, reference: Day?)] = []
            for (slot, (i, reference)) in wanted.enumerated() {
                let key = Self.eventsKey(reference: reference, yearHint: hint, actors: actors[corpus.articles[i].id])
                if let hit = cached[i].first(where: { $0.key == key }) ?? used[i].first(where: { $0.key == key }) {
                    out[slot] = hit.events
                    if !used[i].contains(where: { $0.key == key }) { used[i].append(hit) }
                } else {
                    missing.append((slot, i, key, reference))
                }
            }
            let unread = missing.map(\.article).filter { corpus.articles[$0].body.isEmpty }
            if !unread.isEmpty {
                for (i, body) in bodies(unread) where corpus.articles.indices.contains(i) { corpus.articles[i].body = body }
            }
            let articles = corpus.articles
            let fresh = ConcurrentMap.map(missing) { m in
                let a = articles[m.article]
                return extractor.extract(article: a, reference: m.reference, actors: actors[a.id], yearHint: hint)
            }
            for (m, events) in zip(missing, fresh) {
                out[m.slot] = events
                used[m.article].append((m.key, events))
            }
            return out
        }

        var locals = localEvents(corpus.articles.indices.map { ($0, corpus.articles[$0].published?.day) })
        var (clusters, evidence, view) = cluster(locals: locals, articles: corpus.articles, vectors: vectors, actors: actors)
        // Undated articles take the date of the event they report; then their weekdays are read again.
        let inferred = inferDates(clusters: clusters, locals: view, articles: corpus.articles)
        if !inferred.isEmpty {
            for (i, dv) in inferred { corpus.articles[i].published = dv }
            let again = localEvents(inferred.map { ($0.0, $0.1.day) })
            for ((i, dv), events) in zip(inferred, again) {
                // Read against the inferred date, the article must still put its meeting on that day:
                // a preview's "on Thursday" resolved from the meeting's own day would point a week on.
                let primary = events.first { $0.isPrimary }
                if let d = primary?.date?.day, primary?.dateIsImplicit == false, abs(d.ordinal - dv.day.ordinal) > 1 { continue }
                locals[i] = events
            }
            (clusters, evidence, view) = cluster(locals: locals, articles: corpus.articles, vectors: vectors, actors: actors)
        }
        var actorsByName: [String: Actor] = [:]
        for a in corpus.actors where !a.isSource { actorsByName[a.name.lowercased()] = a }
        let built = buildEvents(clusters: clusters, locals: view, articles: corpus.articles, evidence: evidence,
                                actors: actorsByName)
        corpus.events = built.events
        corpus.primaryEvent = built.primary
        // A date inferred from a story holds only if the article, read again on that date, still
        // reports a meeting of that day; else the inference had nothing to stand on.
        if !inferred.isEmpty {
            var dayOf: [String: Day] = [:]
            for e in built.events { if let d = e.date { dayOf[e.id] = d } }
            for (i, dv) in inferred where corpus.articles[i].published?.source == .event {
                let event = built.primary[corpus.articles[i].id]
                if event.flatMap({ dayOf[$0] }) != dv.day { corpus.articles[i].published = nil }
            }
        }
        return (corpus, used)
    }

    /// A date the page or text gave (not the user) that lies years away from a corpus whose articles
    /// are nearly all from a few months — a site's timestamp of a re-published page, a copyright year —
    /// places the story in the wrong year; it is set aside with a warning rather than silently believed,
    /// and the event the article reports may date it again. A corpus that spans years is left alone.
    static func settingAsideImplausibleDates(_ corpus: Corpus) -> Corpus {
        let days = corpus.articles.compactMap { $0.published?.day.ordinal }.sorted()
        guard days.count >= 8 else { return corpus }
        let median = days[days.count / 2]
        let near = days.filter { abs($0 - median) <= 120 }.count
        guard Double(near) >= 0.8 * Double(days.count) else { return corpus }
        var corpus = corpus
        for i in corpus.articles.indices {
            guard let p = corpus.articles[i].published, p.source != .given, abs(p.day.ordinal - median) > 365 else { continue }
            corpus.warnings.append("\(corpus.articles[i].fileName): its date \(p.day) (from the \(p.source.rawValue)) is more "
                                   + "than a year from the corpus's other articles (around \(Day(ordinal: median))); left undated")
            corpus.articles[i].published = nil
        }
        return corpus
    }

    /// A fingerprint of what `EventExtractor.extract` reads besides the article itself: the reference
    /// date, the year hint (only read when there is no reference date, so a shift of the corpus's middle
    /// date does not invalidate every dated article), and the merged actors named in the article.
    /// The day that places a bare "January 10" of an undated article in a year: the corpus's middle
    /// date, when its dates (but for the outer tenth on each side) lie within half a year. A folder
    /// that spans years gives no year: "11 January" stays a month and day, which agrees with a story of
    /// any year, and the story it joins dates it.
    static func yearHint(_ dates: [Day]) -> Day? {
        let days = dates.sorted()
        guard !days.isEmpty else { return nil }
        let lo = days[days.count / 10], hi = days[(days.count - 1) - days.count / 10]
        return hi.ordinal - lo.ordinal <= 183 ? days[days.count / 2] : nil
    }

    static func eventsKey(reference: Day?, yearHint: Day?, actors: ActorIndex?) -> String {
        var h = StableHash()
        h.combine("events-\(ArticleExtraction.codeVersion)")
        if let reference {
            h.combine("r\(reference.ordinal)")
        } else {
            h.combine(yearHint.map { "h\($0.ordinal)" } ?? "-")
        }
        for e in actors?.entries ?? [] {
            withUnsafeBytes(of: (e.range.start, e.range.end)) { h.combine(bytes: $0) }
            h.combine(e.kind.rawValue)
            h.combine(e.name)
        }
        return h.hex()
    }

    // MARK: - Clustering

    /// Which local events form one event: lists of (article index, local index).
    typealias Clusters = [[(Int, Int)]]

    func placesCompatible(_ a: String, _ b: String) -> Bool {
        EventExtractor(lexicon: lexicon).placesCompatible(a, b)
    }

    /// Story clustering of the articles that report a meeting (`StoryClusterer`), then every other
    /// dated mention attached to the story it names, or grouped with the mentions of the same meeting.
    func cluster(locals: [[LocalEvent]], articles: [Article], vectors: LeadVectors,
                 actors: [String: ActorIndex]) -> (clusters: Clusters, evidence: [Int: MembershipEvidence],
                                                   locals: [[LocalEvent]]) {
        let settings = self.settings
        // Actor rarity over the articles that name them.
        var df: [String: Int] = [:]
        var perArticle: [[String: (Double, ActorKind)]] = []
        for a in articles {
            var counts: [String: (Double, ActorKind)] = [:]
            for e in actors[a.id]?.entries ?? [] {
                let key = e.name.lowercased()
                counts[key] = ((counts[key]?.0 ?? 0) + 1, e.kind)
            }
            for k in counts.keys { df[k, default: 0] += 1 }
            perArticle.append(counts)
        }
        let n = Double(max(articles.count, 1))
        var profiles: [StoryClusterer.Profile] = []
        var primaryOf: [Int: Int] = [:]  // article → local index of its primary
        var weakOf: [Int: Int] = [:]  // article without a primary → the meeting its lead names
        for (ai, evs) in locals.enumerated() {
            // An article that names no meeting of its own still takes part, by its content alone:
            // it joins a story only on a stronger likeness, and is an event's report only then.
            let li = evs.indices.first(where: { evs[$0].isPrimary })
            let e = li.map { evs[$0] } ?? LocalEvent(articleID: articles[ai].id, mentions: [], kind: .other, date: nil,
                                                    place: nil, participants: [:], weight: 0, isPrimary: false)
            if let li { primaryOf[ai] = li }
            // A meeting the lead names but the article does not dwell on (once, not in the headline): not
            // enough to call it the article's news alone, but a story of such articles reports it.
            // (A meeting the lead dates well before the article — "since its December meeting" — is background.)
            let published = articles[ai].published?.day
            let weak = li != nil ? nil : evs.indices.filter { i in
                guard evs[i].kind != .other, evs[i].mentions.contains(where: { $0.paragraph <= 1 }) else { return false }
                if let d = evs[i].date?.day, !evs[i].dateIsImplicit, let published, abs(d.distance(to: published)) > 3 { return false }
                return true
            }.max { (evs[$0].weight, $1) < (evs[$1].weight, $0) }
            if let weak { weakOf[ai] = weak }
            var av: [String: Double] = [:]
            for (k, (c, kind)) in perArticle[ai] {
                let kw: Double
                switch kind {
                case .country, .place: kw = settings.countryActorWeight
                case .organization: kw = settings.organisationActorWeight
                default: kw = 1
                }
                av[k] = kw * (1 + log(c)) * log(1 + n / Double(df[k] ?? 1))
            }
            for (p, w) in e.participants {
                av[p.lowercased(), default: 0] += settings.participantWeight * w * log(1 + n / Double(df[p.lowercased()] ?? 1))
            }
            var eventDay: Day?
            if !e.dateIsImplicit, let d = e.date?.day { eventDay = d }
            // A meeting left undated, or only "on Thursday", although the article has a date of its own:
            // the extractor set the page date aside (the story contradicts it), so it places nothing in time.
            var own = articles[ai].published?.day
            if li != nil, own != nil {
                switch e.date {
                case nil, .weekday?, .monthDay?: own = nil
                case .span?: break
                }
            }
            let place = e.place
            profiles.append(.init(article: ai, local: li ?? evs.count, hasEvent: li != nil, terms: vectors.vectors[ai], actors: av,
                                  kindFamily: li == nil ? -1 : e.kind.family, place: place,
                                  placeIsCountry: place.map(lexicon.isWidePlace) ?? false,
                                  eventDay: eventDay, eventDate: e.date,
                                  time: eventDay ?? own,
                                  timeIsInferred: eventDay == nil && articles[ai].published?.source == .event,
                                  number: li == nil ? nil : e.number, month: Self.month(of: articles[ai]),
                                  // (read only where it can count: undated, no venue of its own)
                                  leadPlaces: (eventDay ?? own) == nil && (place.map(lexicon.isWidePlace) ?? true)
                                      ? Self.leadPlaces(of: articles[ai], lexicon: lexicon) : []))
        }
        let clusterer = StoryClusterer(settings: settings, lexicon: lexicon)
        let (stories, byProfile, _) = clusterer.cluster(profiles, words: vectors.words)
        var clusters: [[(Int, Int)]] = []
        var extra: [Int: LocalEvent] = [:]
        var promoted: [(Int, Int)] = []
        var evidence: [Int: MembershipEvidence] = [:]
        for story in stories {
            // A story is an event only when one of its articles reports a meeting; its other articles
            // report it too, as the meeting of their story (kind by the story's vote).
            var reporting = story.filter { profiles[$0].hasEvent }
            var localOf: [Int: Int] = [:]  // profile → the local event it reports
            for pi in reporting { localOf[pi] = profiles[pi].local }
            if reporting.isEmpty {
                // No article makes a meeting its news, but several outlets' leads name one in a story
                // they tell alike: that meeting is the story's event.
                let weakly = story.filter { weakOf[profiles[$0].article] != nil }
                let outlets = Set(weakly.map { articles[profiles[$0].article].outlet ?? "#\(profiles[$0].article)" })
                guard weakly.count >= 2, outlets.count >= 2 else { continue }
                reporting = weakly
                for pi in weakly {
                    let a = profiles[pi].article
                    if let l = weakOf[a] { localOf[pi] = l; primaryOf[a] = l; promoted.append((a, l)) }
                }
            }
            var kinds: [EventKind: Double] = [:]
            for pi in reporting {
                guard let l = localOf[pi] else { continue }
                let e = locals[profiles[pi].article][l]
                kinds[e.kind, default: 0] += e.weight
            }
            let kind = kinds.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .meeting
            var c: [(Int, Int)] = []
            for pi in story {
                let p = profiles[pi]
                if let l = localOf[pi] {
                    c.append((p.article, l))
                    if let ev = byProfile[pi] { evidence[p.article] = ev }
                    continue
                }
                if !p.hasEvent, let l = weakOf[p.article], (locals[p.article][l].kind == .call) == (kind == .call) {
                    // Its lead names the story's meeting: that mention, with its own date and place, is its report.
                    primaryOf[p.article] = l
                    promoted.append((p.article, l))
                    c.append((p.article, l))
                    if let ev = byProfile[pi] { evidence[p.article] = ev }
                    continue
                }
                if !p.hasEvent {
                    extra[p.article] = LocalEvent(articleID: articles[p.article].id, mentions: [], kind: kind, date: nil,
                                                  place: nil, participants: [:], weight: 0.3, isPrimary: true)
                }
                c.append((p.article, p.local))
                if let ev = byProfile[pi] { evidence[p.article] = ev }
            }
            clusters.append(c)
        }
        // From here on the joined articles' stand-in events are read like the others.
        var locals = locals
        for (a, e) in extra { locals[a].append(e) }
        for (a, l) in promoted {
            locals[a][l].isPrimary = true
            // Dated as a primary is: by its lead, else around the article's own date.
            if locals[a][l].date == nil {
                if let d = locals[a][l].leadDate {
                    locals[a][l].date = d
                } else if let ref = articles[a].published?.day {
                    locals[a][l].date = .span(ref.adding(days: -4), ref.adding(days: 1))
                    locals[a][l].dateIsImplicit = true
                }
            }
        }

        // The stories' meeting as their members state it, for attaching mentions.
        struct Label {
            var day: Int?; var place: String?; var family: Int; var participants: [String: Double]; var articles: Set<Int>
            var norm2: Double { participants.values.reduce(0) { $0 + $1 * $1 } }
        }
        func label(_ c: [(Int, Int)]) -> Label {
            var days: [Int: Int] = [:], places: [String: Int] = [:], fam: [Int: Int] = [:]
            var parts: [String: Double] = [:]
            for (a, l) in c {
                let e = locals[a][l]
                if let d = e.date?.day { days[d.ordinal, default: 0] += e.dateIsImplicit ? 1 : 3 }
                if let p = e.place, !lexicon.isWidePlace(p) { places[p, default: 0] += 1 }
                fam[e.kind == .call ? 1 : 0, default: 0] += 1
                for (p, w) in e.participants { parts[p.lowercased(), default: 0] += w }
            }
            return Label(day: days.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key,
                         place: places.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key,
                         family: fam.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0,
                         participants: parts, articles: Set(c.map(\.0)))
        }
        var labels = clusters.map(label)
        var norms = labels.map(\.norm2)
        var byDay: [Int: [Int]] = [:]
        var byPlace: [String: [Int]] = [:]
        for (ci, l) in labels.enumerated() {
            if let d = l.day { byDay[d, default: []].append(ci) }
            if let p = l.place { byPlace[p, default: []].append(ci) }
        }

        // Every other mention that can be placed (a day, or a weekday or month-day with a place).
        for (ai, evs) in locals.enumerated() {
            for (li, e) in evs.enumerated() where primaryOf[ai] != li {
                var keep = false
                var day: Int?
                if let d = e.date {
                    switch d {
                    case let .span(a, b): keep = a == b; day = a == b ? a.ordinal : nil
                    case .weekday, .monthDay: keep = e.place != nil
                    }
                }
                guard keep else { continue }
                let family = e.kind == .call ? 1 : 0
                let place = e.place.flatMap { lexicon.isWidePlace($0) ? nil : $0 }
                let parts = Dictionary(e.participants.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: +)
                var candidates: [Int] = []
                if let day { for o in (day - 1)...(day + 1) { candidates += byDay[o] ?? [] } }
                // Undated stories of the same city meet the dated mentions of it (they then take its date).
                // (The latest of them: a city where hundreds of meetings happen is not read whole per mention.)
                if let place { candidates += (byPlace[place] ?? []).suffix(256).filter { labels[$0].day == nil || day == nil } }
                var best: (Double, Int)?
                for ci in candidates {
                    let l = labels[ci]
                    guard !l.articles.contains(ai), l.family == family else { continue }
                    if let p = place, let q = l.place, !placesCompatible(p, q) { continue }
                    let shared = StoryClusterer.cosine(parts, centroid: l.participants, norm2: norms[ci])
                    // A story without a day must share people with the mention, not only the city.
                    if l.day == nil || day == nil, shared == 0 { continue }
                    let s = shared + (place != nil && place == l.place ? 0.5 : 0)
                    if s >= settings.attachMention, s > (best?.0 ?? -1) { best = (s, ci) }
                }
                if let (_, ci) = best {
                    clusters[ci].append((ai, li))
                    labels[ci].articles.insert(ai)
                } else {
                    // A meeting no article reports: a story of mentions, found again by the next mention.
                    clusters.append([(ai, li)])
                    let l = label([(ai, li)])
                    labels.append(l)
                    norms.append(l.norm2)
                    if let d = l.day { byDay[d, default: []].append(clusters.count - 1) }
                    if let p = l.place { byPlace[p, default: []].append(clusters.count - 1) }
                }
            }
        }
        return (clusters, evidence, locals)
    }

    // MARK: - Dates across articles

    /// Articles without a date whose primary event another article dates: that date, marked as inferred.
    func inferDates(clusters: Clusters, locals: [[LocalEvent]], articles: [Article]) -> [(Int, DatedValue)] {
        var out: [(Int, DatedValue)] = []
        for c in clusters {
            let days = c.compactMap { (a, l) -> Day? in
                let e = locals[a][l]
                return e.dateIsImplicit ? nil : e.date?.day
            }
            guard let day = mostCommon(days) ?? weekdayAnchored(c, locals: locals, articles: articles) else { continue }
            let agreeing = Set(c.filter { locals[$0.0][$0.1].date?.day == day }.map(\.0)).count
            for (a, l) in c where articles[a].published == nil && locals[a][l].isPrimary {
                // A preview ("the talks set for January 10", "the upcoming talks") was written before the
                // meeting: the meeting's day is not its date.
                if locals[a][l].mentions.contains(where: { $0.statedAhead || $0.ahead == true }) { continue }
                // Several outlets dating the event make the inference firmer.
                let confidence = min(0.9, 0.5 + 0.15 * Double(agreeing))
                out.append((a, DatedValue(day: day, source: .event, confidence: confidence)))
            }
        }
        return out
    }

    /// A story no article dates in words, whose undated reports name its weekday (`Wednesday's
    /// meeting`): the last such weekday on or before the first day a dated report was published, when
    /// that is within the week — reports of a meeting are written on its day or after it.
    func weekdayAnchored(_ c: [(Int, Int)], locals: [[LocalEvent]], articles: [Article]) -> Day? {
        var weekdays: [Int] = []
        var anchors: [Day] = []
        for (a, l) in c where locals[a][l].isPrimary {
            let e = locals[a][l]
            if e.mentions.contains(where: { $0.statedAhead || $0.ahead == true }) { continue }
            if articles[a].published == nil, case let .weekday(w)? = e.date {
                weekdays.append(w)
            } else if e.dateIsImplicit, let published = articles[a].published, published.source != .event {
                anchors.append(published.day)
            }
        }
        // The dated reports of one meeting come out within days of each other; a story whose reports
        // are weeks apart has no one week to place the weekday in.
        guard let w = mostCommon(weekdays), weekdays.allSatisfy({ $0 == w }), let first = anchors.min(),
              let last = anchors.max(), last.ordinal - first.ordinal <= 6 else { return nil }
        // And the first of them came out within two days of it: a report that names no day is recent
        // news, so a weekday half a week back is more likely another meeting's.
        let back = (first.weekday - w + 7) % 7
        return back <= 2 ? first.adding(days: -back) : nil
    }

    func mostCommon<T: Hashable & Comparable>(_ xs: [T]) -> T? {
        var counts: [T: Int] = [:]
        for x in xs { counts[x, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    // MARK: - Building the events

    func buildEvents(clusters: Clusters, locals: [[LocalEvent]], articles: [Article],
                     evidence: [Int: MembershipEvidence] = [:],
                     actors: [String: Actor] = [:]) -> (events: [Event], primary: [String: String]) {
        var events: [Event] = []
        for c in clusters {
            let members = c.map { locals[$0.0][$0.1] }
            let hasPrimary = members.contains { $0.isPrimary }
            let explicitDays = members.filter { !$0.dateIsImplicit }.compactMap { $0.date?.day }
            let day = mostCommon(explicitDays)
            guard hasPrimary || day != nil else { continue }
            var kindVotes: [EventKind: Double] = [:]
            var placeVotes: [String: Double] = [:]
            // A place named only by articles that mention the meeting in passing counts only when they put
            // it on the event's day: the other meeting of the week they recall is often elsewhere.
            var passingPlaceVotes: [String: Double] = [:]
            var participants: [String: Double] = [:]
            var display: [String: String] = [:]
            var qualifiers: [String: Int] = [:]
            for m in members {
                kindVotes[m.kind, default: 0] += m.weight * (m.isPrimary ? 2 : 1)
                if let p = m.place, !lexicon.isRegion(p) {
                    let w = (lexicon.isWidePlace(p) ? 0.3 : 1) * m.weight
                    if m.isPrimary { placeVotes[p, default: 0] += w } else if day != nil, m.date?.day == day {
                        passingPlaceVotes[p, default: 0] += w
                    }
                }
                // Each article votes once for each of its participants, by how prominent that participant is in
                // it: the commentator one report quotes at length is not a party, the leaders all name are.
                // An article that only mentions the meeting votes a quarter: the leaders it recalls in
                // passing (`Putin`, `Lavrov` beside "the talks in Geneva") are not the delegations that met.
                let top = m.participants.values.max() ?? 0
                let vote = m.isPrimary ? 1.0 : 0.25
                for (p, w) in m.participants where top > 0 {
                    let key = p.lowercased()
                    participants[key, default: 0] += vote * (w / top + w * 1e-6)
                    if display[key] == nil || (display[key]!.first?.isLowercase ?? false) { display[key] = p }
                }
                if let q = m.qualifier { qualifiers[q, default: 0] += 1 }
            }
            let kind = kindVotes.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .other
            if placeVotes.isEmpty { placeVotes = passingPlaceVotes }
            let place = kind == .call ? nil : placeVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            // Only actors take part: a one-word "person" (`Four`, `Minister`) is a misreading, not a participant.
            let parts = participants.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .filter { (actors.isEmpty || Self.isParticipant(actors[$0.key])) && outlets.outlet(named: $0.key) == nil }
                .prefix(6).compactMap { display[$0.key] }
            // A title names people where the articles name them among the first participants
            // (`Biden–Putin call`, not `Biden–Ukraine call`); countries where no person leads.
            var titled = Array(parts.prefix(2))
            let isPerson = { (p: String) in actors[p.lowercased()]?.kind == .person }
            // A call is between people where the articles name two of them (`Biden–Putin call`, not
            // `Ukraine–Russia call`); a speech has one speaker.
            if kind == .call, parts.filter(isPerson).count >= 2 { titled = Array(parts.filter(isPerson).prefix(2)) }
            if kind == .speech { titled = Array((parts.first(where: isPerson) ?? parts.first).map { [$0] } ?? []) }
            if kind != .speech, titled.contains(where: isPerson) {
                let people = parts.filter(isPerson)
                titled = Array(people.prefix(2))
                if titled.count < 2, let other = parts.first(where: { !isPerson($0) }) { titled.append(other) }
            }
            let qualifier = qualifiers.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            var primaryArticles: [String] = []
            var mentionedBy: [String] = []
            var why: EventEvidence = [:]
            for ((a, _), m) in zip(c, members) {
                if m.isPrimary {
                    primaryArticles.append(m.articleID)
                    if let ev = evidence[a] { why[m.articleID] = ev }
                } else { mentionedBy.append(m.articleID) }
            }
            let title = Self.title(kind: kind, place: place,
                                   participants: titled.map { p in actors[p.lowercased()].map(Self.shortName) ?? p },
                                   qualifier: qualifier, lexicon: lexicon)
            let mentions = members.flatMap(\.mentions).sorted {
                ($0.articleID, $0.range?.start ?? -1) < ($1.articleID, $1.range?.start ?? -1)
            }
            events.append(Event(id: "", title: title, kind: kind, date: day, place: place, participants: Array(parts),
                                articles: primaryArticles, mentionedBy: Array(Set(mentionedBy).subtracting(primaryArticles)).sorted(),
                                mentions: mentions, why: why))
        }
        // The keys once per event, not once per comparison.
        let keys = events.map { ($0.date?.description ?? "9999", $0.title, $0.articles.first ?? "") }
        events = events.indices.sorted { keys[$0] < keys[$1] }.map { events[$0] }
        var used: [String: Int] = [:]
        var primary: [String: String] = [:]
        for i in events.indices {
            var id = Self.slug([events[i].date?.description, events[i].place, events[i].kind.rawValue].compactMap { $0 }.joined(separator: "-"))
            if let n = used[id] { used[id] = n + 1; id += "-\(n + 1)" } else { used[id] = 1 }
            events[i].id = id
            for a in events[i].articles { primary[a] = id }
        }
        return (events, primary)
    }

    /// Whether a named actor can be a participant of a meeting: organisations and countries, and people
    /// known by more than one word.
    static func isParticipant(_ a: Actor?) -> Bool {
        guard let a else { return false }
        switch a.kind {
        case .person: return a.name.split(separator: " ").count >= 2 || a.aliases.contains { $0.split(separator: " ").count >= 2 }
        case .place: return false
        default: return true
        }
    }

    /// What a title shows of an actor: a person by the name the articles use alone (`Putin`,
    /// `Xi`, `von der Leyen`), anything else by its name.
    static func shortName(_ a: Actor) -> String {
        guard a.kind == .person else { return a.name }
        return a.shortName
    }

    /// A short title: `Normandy-format talks in Paris`, `Biden–Putin call`, `NATO–Russia meeting in Brussels`.
    static func title(kind: EventKind, place: String?, participants: [String], qualifier: String?,
                      lexicon: EventLexicon) -> String {
        let noun: String
        switch kind {
        case .talks: noun = "talks"
        case .meeting: noun = "meeting"
        case .summit: noun = "summit"
        case .call: noun = "call"
        case .other: noun = "event"
        case .speech: noun = "speech"
        }
        var head: String
        if let q = qualifier {
            head = "\(q)-format \(noun)"
        } else {
            // The two most prominent participants, by their short names (given by the caller).
            let names = participants.prefix(2).map { p -> String in p.prefix(1).uppercased() + p.dropFirst() }
            head = names.count == 2 ? "\(names[0])–\(names[1]) \(noun)" : (names.first.map { "\($0) \(noun)" } ?? noun.prefix(1).uppercased() + noun.dropFirst())
        }
        if let p = place { head += " in \(p)" }
        return head
    }

    static func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var dash = false
        for u in folded.unicodeScalars {
            if u.properties.isAlphabetic && u.isASCII || ("0"..."9").contains(u) {
                out.unicodeScalars.append(u); dash = false
            } else if !dash && !out.isEmpty { out.append("-"); dash = true }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "event" : out
    }
}

extension EventGrouper {
    /// The known cities (not countries or regions) that an article's headline and first two paragraphs
    /// name, longest name first at each word.
    static func leadPlaces(of a: Article, lexicon: EventLexicon) -> [String] {
        let text = (a.title ?? "") + "\n" + a.leadParagraphs(2).joined(separator: "\n")
        let toks = EventText(text).tokens.filter { $0.shape == .word }.map(\.key)
        var out: [String] = []
        var i = 0
        while i < toks.count {
            var step = 1
            for (words, place) in lexicon.places[toks[i]] ?? [] where i + words.count <= toks.count
                && Array(toks[i..<(i + words.count)]) == words {
                if place.name != place.country, !lexicon.isWidePlace(place.name), !out.contains(place.name) { out.append(place.name) }
                step = words.count
                break
            }
            i += step
        }
        return out
    }

    /// The month an article was written in (year × 12 + month − 1): its own date (not one inferred from
    /// an event, which would argue in a circle), else a month-only date line opening the page
    /// (`date 2024-03`, as stored pages and exports print it), which dates no day.
    static func month(of a: Article) -> Int? {
        if let p = a.published, p.source != .event { return p.day.year * 12 + p.day.month - 1 }
        let head = Array(a.body.utf8.prefix(24))
        var i = 0
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A { i += 1 }
        guard head.count >= i + 12, Array(head[i..<(i + 5)]) == Array("date ".utf8) else { return nil }
        let digits = head[(i + 5)..<(i + 12)]
        func number(_ r: ArraySlice<UInt8>) -> Int? {
            r.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? r.reduce(0) { $0 * 10 + Int($1 - 0x30) } : nil
        }
        guard digits[digits.startIndex + 4] == UInt8(ascii: "-"),
              let y = number(digits.prefix(4)), let m = number(digits.suffix(2)), (1900...2200).contains(y), (1...12).contains(m)
        else { return nil }
        // `date 2024-03-05` is a day the cleaner reads; only the month form is left for this.
        if head.count > i + 12, head[i + 12] == UInt8(ascii: "-") { return nil }
        return y * 12 + m - 1
    }
}

/// TF-IDF vectors of each article's headline and lead paragraphs, for "do these two tell the same story".
struct LeadVectors: Sendable {
    var vectors: [[Int: Double]]
    /// Term id → the word, for saying why two articles were grouped.
    var words: [String] = []

    /// Function words of the languages Parallax reads (`stopwords.txt`): without them French, Italian
    /// or German reports of different stories looked alike through `les`, `della`, `und`.
    static let stop: Set<String> = Set(ResourceFiles.lines(of: "stopwords.txt").map { $0.lowercased() })
    /// Elided articles and prepositions (`l'Élysée`, `dell'Ucraina`, `d'unité`): the word is what follows.
    static let elisions = FunctionWords.shipped.elisions

    init(articles: [Article]) {
        // Tokenising is per article (on all cores); numbering the vocabulary is in corpus order.
        self.init(counts: ConcurrentMap.map(articles, Self.counts(of:)))
    }

    /// The words of one article's headline and first three paragraphs, counted: all the vectors read
    /// of an article (an index keeps them, so that unchanged articles are not read again).
    static func counts(of a: Article) -> [String: Int] {
        let text = (a.title ?? "") + " " + a.leadParagraphs(3).joined(separator: " ")
        var tf: [String: Int] = [:]
        for t in EventText(text).tokens where t.shape == .word {
            var key = Substring(t.key)
            if let apostrophe = key.firstIndex(of: "'"), key.distance(from: key.startIndex, to: apostrophe) <= 4,
               Self.elisions.contains(String(key[...apostrophe])) {
                key = key[key.index(after: apostrophe)...]
            }
            guard key.count >= 3, !Self.stop.contains(String(key)) else { continue }
            tf[String(key), default: 0] += 1
        }
        return tf
    }

    init(counts: [[String: Int]]) {
        var vocab: [String: Int] = [:]
        var docs: [[Int: Double]] = []
        var df: [Int: Int] = [:]
        for a in counts {
            var tf: [Int: Double] = [:]
            // Ids in word order, so that every ordering that breaks ties on them is the same however the
            // counts were made (fresh, or decoded from the index).
            for (key, n) in a.sorted(by: { $0.key < $1.key }) {
                let id: Int
                if let v = vocab[key] { id = v } else { id = vocab.count; vocab[key] = id }
                tf[id, default: 0] += Double(n)
            }
            for k in tf.keys { df[k, default: 0] += 1 }
            docs.append(tf)
        }
        var words = [String](repeating: "", count: vocab.count)
        for (w, id) in vocab { words[id] = w }
        self.words = words
        let n = Double(max(counts.count, 1))
        let docFrequency = df
        vectors = ConcurrentMap.map(docs) { tf in
            var v: [Int: Double] = [:]
            for (k, c) in tf { v[k] = (1 + log(c)) * log(1 + n / Double(docFrequency[k] ?? 1)) }
            let norm = v.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { for k in v.keys { v[k]! /= norm } }
            return v
        }
    }

    func similarity(_ a: Int, _ b: Int) -> Double {
        let (x, y) = vectors[a].count < vectors[b].count ? (vectors[a], vectors[b]) : (vectors[b], vectors[a])
        var dot = 0.0
        for (k, v) in x { if let w = y[k] { dot += v * w } }
        return dot
    }
}
