/// The events one article names, grouped: the one it reports (primary) and the others it mentions.
struct LocalEvent: Sendable {
    var articleID: String
    var mentions: [EventMention]
    var kind: EventKind
    var date: EventDate?
    var place: String?
    /// Participant → weight (how often and how prominently the sentences naming the event name it).
    var participants: [String: Double]
    var weight: Double
    var isPrimary: Bool
    /// A name the text gives the format (`Normandy` in `Normandy format`).
    var qualifier: String?
    /// True when the date came from the article's own date rather than the text near the event word.
    var dateIsImplicit: Bool = false
    /// For an undated event that the lead names but that is not the article's primary: the lead's
    /// first day-precise date, used only if a story of several articles makes this event its report.
    var leadDate: EventDate?
    /// The number the texts give the meeting (`40` of `the 40th GCC summit`): two numbers are two meetings.
    var number: Int? = nil

    var hasAttributes: Bool { date != nil || place != nil }
}

/// Where actors are named in one article, for finding who takes part in an event.
struct ActorIndex: Sendable {
    struct Entry: Sendable {
        var range: TextRange
        var name: String
        var kind: ActorKind
    }
    var entries: [Entry]

    init(entries: [Entry]) { self.entries = entries.sorted { $0.range.start < $1.range.start } }

    /// Per article, from the corpus's actors (places and credited news agencies are not participants).
    static func build(actors: [Actor]) -> [String: ActorIndex] {
        var byArticle: [String: [Entry]] = [:]
        for a in actors where !a.isSource && a.kind != .place {
            for m in a.mentions {
                byArticle[m.articleID, default: []].append(Entry(range: m.range, name: a.name, kind: a.kind))
            }
        }
        return byArticle.mapValues { ActorIndex(entries: $0) }
    }

    /// Actors named inside a range.
    func names(in r: TextRange) -> [Entry] {
        // Binary search for the first entry at or after r.start.
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].range.start < r.start { lo = mid + 1 } else { hi = mid }
        }
        var out: [Entry] = []
        var k = lo
        while k < entries.count, entries[k].range.start < r.end {
            if entries[k].range.end <= r.end { out.append(entries[k]) }
            k += 1
        }
        return out
    }
}

/// Finds the event mentions of an article and groups them into its primary and secondary events.
struct EventExtractor: Sendable {
    let lexicon: EventLexicon

    /// How far (in tokens) from the event word a date or place may stand.
    static let window = 12

    /// `yearHint`: a typical date of the corpus, to place "January 10" in a year when the article has no date.
    func extract(article: Article, reference: Day?, actors: ActorIndex?, yearHint: Day? = nil) -> [LocalEvent] {
        let body = EventText(article.body)
        return extract(article: article, body: body, reference: reference, actors: actors, yearHint: yearHint)
    }

    private func extract(article: Article, body: EventText, reference: Day?, actors: ActorIndex?, yearHint: Day?) -> [LocalEvent] {
        var mentions: [EventMention] = []
        // The headline: part of the body when the body starts with it, else read on its own.
        var headlineInBody = false
        if let title = article.title.map { FastText.trimmed($0) }, !title.isEmpty {
            let firstPara = FastText.trimmed(article.body.prefix(while: { $0 != "\n" }))
            if !firstPara.isEmpty, title.hasPrefix(firstPara) || firstPara.hasPrefix(title) {
                headlineInBody = true
            } else {
                let head = EventText(title)
                for s in head.sentences {
                    mentions += mentionsIn(sentence: s, text: head, article: article, reference: reference,
                                           actors: nil, headline: true, paragraphShift: 0, bodyRanges: false, yearHint: yearHint)
                }
            }
        }
        for s in body.sentences {
            let isHead = headlineInBody && s.paragraph == 0
            mentions += mentionsIn(sentence: s, text: body, article: article, reference: reference, actors: actors,
                                   headline: isHead, paragraphShift: headlineInBody ? 1 : 0, yearHint: yearHint)
        }
        // A page date that the text contradicts — it speaks of days before it as still to come — is not when
        // the story was written (a republished or re-dated page): read the story without it.
        if let ref = reference, mentions.contains(where: { m in
            m.statedAhead && (m.date?.day.map { $0.distance(to: ref) >= 3 } ?? false)
        }) {
            return extract(article: article, body: body, reference: nil, actors: actors, yearHint: ref)
        }
        var events = group(mentions, article: article, body: body)
        // The lead states when: a primary without a date takes the first day-precise date of the lead paragraph.
        var leadDate: EventDate??  // read once, when an event needs it
        func readLeadDate() -> EventDate? {
            if let d = leadDate { return d }
            var found: EventDate?
            for s in body.sentences where s.paragraph == (headlineInBody ? 1 : 0) {
                let future = isFuture(sentence: s, text: body)
                if let d = DateExpression.find(in: body, sentence: s, lexicon: lexicon).first?
                    .resolve(reference: reference, future: future, yearHint: yearHint), d.day != nil || d.isConstraint {
                    found = d
                    break
                }
            }
            leadDate = .some(found)
            return found
        }
        if let p = events.firstIndex(where: { $0.isPrimary }), events[p].date == nil {
            events[p].date = readLeadDate()
        }
        if !events.contains(where: { $0.isPrimary }) {
            for i in events.indices where events[i].date == nil && events[i].mentions.contains(where: { $0.paragraph <= 1 }) {
                events[i].leadDate = readLeadDate()
            }
        }
        if let p = events.firstIndex(where: { $0.isPrimary }), events[p].date == nil, let ref = reference {
            // Reported events happen around the time of the report.
            events[p].date = .span(ref.adding(days: -4), ref.adding(days: 1))
            events[p].dateIsImplicit = true
        }
        return events
    }

    func isFuture(sentence s: EventText.Sentence, text: EventText) -> Bool {
        let keys = text.tokens[s.tokens].map(\.key)
        // Work: the sentence's tokens, once per cue (see WorkCounter).
        WorkCounter.count(keys.count * (1 + lexicon.futureCues.count), "events")
        for cue in lexicon.futureCues where cue.count <= keys.count {
            for i in 0...(keys.count - cue.count) where keys[i] == cue[0] {
                if cue.count == 1 || Array(keys[i..<(i + cue.count)]) == cue { return true }
            }
        }
        return false
    }

    /// A trigger found at a token position.
    private struct Hit { var start: Int; var end: Int; var trigger: EventLexicon.Trigger }

    private func triggers(in s: EventText.Sentence, text: EventText) -> [Hit] {
        var hits: [Hit] = []
        let toks = text.tokens
        var i = s.tokens.lowerBound
        var work = 0
        defer { WorkCounter.count(work, "events") }
        while i < s.tokens.upperBound {
            work += 1
            let t = toks[i]
            guard t.shape == .word, let cands = lexicon.triggers[t.key] else { i += 1; continue }
            var found: Hit?
            for c in cands {
                let end = i + c.tokens.count
                guard end <= s.tokens.upperBound else { continue }
                if (0..<c.tokens.count).allSatisfy({ toks[i + $0].key == c.tokens[$0] }) {
                    found = Hit(start: i, end: end, trigger: c)
                    break
                }
            }
            guard let h = found else { i += 1; continue }
            if !isIgnored(h, in: s, text: text) { hits.append(h) }
            i = h.end
        }
        return hits
    }

    private func isIgnored(_ h: Hit, in s: EventText.Sentence, text: EventText) -> Bool {
        let toks = text.tokens
        for phrase in lexicon.ignored {
            for (j, w) in phrase.enumerated() where w == toks[h.start].key {
                let a = h.start - j
                let b = a + phrase.count
                guard a >= s.tokens.lowerBound, b <= s.tokens.upperBound else { continue }
                if (0..<phrase.count).allSatisfy({ toks[a + $0].key == phrase[$0] }) { return true }
            }
        }
        return false
    }

    /// A place at token k: a known place (longest match), returning its canonical name and end.
    private func knownPlace(at k: Int, limit: Int, text: EventText) -> (String, Int)? {
        let toks = text.tokens
        guard k < limit, toks[k].capitalized || toks[k].key == "the", let cands = lexicon.places[toks[k].key] else {
            return nil
        }
        for (ptoks, place) in cands {
            let end = k + ptoks.count
            guard end <= limit else { continue }
            if (0..<ptoks.count).allSatisfy({ toks[k + $0].key == ptoks[$0] }) {
                if ptoks.count == 1 && !toks[k].capitalized { continue }
                return (place.name, end)
            }
        }
        return nil
    }

    /// Where the name starts in `the [Chinese|Red Sea] capital[,|of] Beijing`: after `the`, at most three
    /// words (a demonym, a sea), a place noun (`place-nouns.txt`), then `of` or a comma. Nil when the
    /// words after `the` are not such a description.
    func describedPlaceStart(at k: Int, limit: Int, text: EventText) -> Int? {
        let toks = text.tokens
        guard k < limit, toks[k].key == "the", !lexicon.placeNouns.isEmpty else { return nil }
        var j = k + 1
        while j < min(limit, k + 5), toks[j].shape == .word {
            if lexicon.placeNouns.contains(toks[j].key) {
                var n = j + 1
                if n < limit, toks[n].key == "of" || toks[n].key == "," { n += 1 }
                return n < limit && toks[n].capitalized ? n : nil
            }
            j += 1
        }
        return nil
    }

    /// A capitalised name after "in"/"at" that the lexicon does not know: a run of capitalised words.
    private func unknownPlace(at k: Int, limit: Int, text: EventText) -> (String, Int)? {
        let toks = text.tokens
        var e = k
        while e < limit, toks[e].shape == .word, toks[e].capitalized,
              lexicon.calendar.months[toks[e].key] == nil, lexicon.calendar.weekdays[toks[e].key] == nil, e - k < 3 {
            e += 1
            if toks[e - 1].possessive { return nil }
        }
        guard e > k else { return nil }
        // A following capitalised word or an "of" makes it an organisation or a title, not a place.
        if e < limit, toks[e].key == "of" { return nil }
        let name = toks[k..<e].map(\.text).joined(separator: " ")
        return (name, e)
    }

    private func mentionsIn(sentence s: EventText.Sentence, text: EventText, article: Article, reference: Day?,
                            actors: ActorIndex?, headline: Bool, paragraphShift: Int, bodyRanges: Bool = true,
                            yearHint: Day? = nil) -> [EventMention] {
        let hits = triggers(in: s, text: text)
        guard !hits.isEmpty else { return [] }
        let toks = text.tokens
        // Tokens visited and candidates compared below (see WorkCounter).
        var work = 0
        defer { WorkCounter.count(work, "events") }
        let dates = DateExpression.find(in: text, sentence: s, lexicon: lexicon)
        let future = isFuture(sentence: s, text: text)
        let sentenceParticipants = participantsIn(tokens: s.tokens, text: text, actors: bodyRanges ? actors : nil)
        let paragraph = headline ? -1 : s.paragraph - paragraphShift
        var out: [EventMention] = []
        // Each date belongs to one event word and each event word has at most one date: the closest pairs
        // first, counting only the words between that carry meaning ("on January 12 by a meeting" is close).
        let light: Set<String> = ["on", "for", "by", "a", "an", "the", "of", "then", "and", "in", "at", "its", "their"]
        // Hits are in text order: the first hit starting at or after a token, by binary search, so that a
        // sentence dense with event words (a scraped page with no full stops) stays linear.
        func firstHit(atOrAfter t: Int) -> Int {
            var lo = 0, hi = hits.count
            while lo < hi { work += 1; let mid = (lo + hi) / 2; if hits[mid].start < t { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        func distance(_ d: Range<Int>, _ h: Hit) -> Int {
            let between = d.lowerBound >= h.end ? h.end..<d.lowerBound : d.upperBound..<max(d.upperBound, h.start)
            // A date does not reach past another event word, and a clause break puts it farther away.
            let next = firstHit(atOrAfter: between.lowerBound)
            if next < hits.count, between.contains(hits[next].start) { return Int.max }
            work += 2 * between.count
            let gap = toks[between].filter { $0.shape != .punct && !light.contains($0.key) }.count
            let breaks = toks[between].filter { [",", ";", "–", "—", "("].contains($0.key) }.count
            return gap * 2 + breaks * 3 + (d.lowerBound >= h.end ? 0 : 1) + (h.trigger.strength == .strong ? 0 : 6)
        }
        var pairs: [(Int, Int, Int)] = []  // (distance, date, hit)
        // Only hits near enough to own the date are paired (a distance counts at least one per two
        // tokens between them up to the limit below): the pairs grow with the text, not its square.
        let reach = 2 * (2 * Self.window + 6) + 4
        for (di, d) in dates.enumerated() {
            var hi = firstHit(atOrAfter: max(0, d.tokens.lowerBound - reach))
            while hi < hits.count, hits[hi].start <= d.tokens.upperBound + reach {
                work += 1
                pairs.append((distance(d.tokens, hits[hi]), di, hi))
                hi += 1
            }
        }
        pairs.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var owner: [Int: Int] = [:]  // date index → hit index
        var owned: [Int: Int] = [:]  // hit index → date index
        work += pairs.count
        for (dist, di, hi) in pairs where dist <= 2 * Self.window + 6 && owner[di] == nil && owned[hi] == nil {
            owner[di] = hi
            owned[hi] = di
        }
        for (n, h) in hits.enumerated() {
            let lo = n > 0 ? hits[n - 1].end : s.tokens.lowerBound
            let hi = n + 1 < hits.count ? hits[n + 1].start : s.tokens.upperBound
            // The date this word owns, looked up (a loop over every date for every word was quadratic
            // in a sentence dense with both).
            var best: (DateExpression, Int)?
            if let di = owned[n] { best = (dates[di], distance(dates[di].tokens, h)) }
            // Who takes part: the names between the midpoints to the neighbouring event words.
            let pLo = n > 0 ? (hits[n - 1].end + h.start) / 2 : s.tokens.lowerBound
            let pHi = n + 1 < hits.count ? (h.end + hits[n + 1].start + 1) / 2 : s.tokens.upperBound
            let participants = hits.count == 1 ? sentenceParticipants
                : participantsIn(tokens: pLo..<pHi, text: text, actors: bodyRanges ? actors : nil)
            let date = best.flatMap { $0.0.resolve(reference: reference, future: future, yearHint: yearHint) }
            // Place: "in/at X" after the word, a known city just before it, "in/at X" before it.
            var place: (String, TextRange)?
            // A region first ("… for Security and Cooperation in Europe (OSCE) in Vienna") is often part
            // of a name: the city after it, if any, is the place.
            var region: (String, TextRange)?
            var k = h.end
            var reach = h.end + Self.window
            var extended = false
            while k < min(hi, reach) {
                work += 1
                if lexicon.placePrepositions.contains(toks[k].key) {
                    // "at the White House", "in the Kremlin": a known place after its article.
                    let known = knownPlace(at: k + 1, limit: hi, text: text)
                    if known == nil, k + 2 < hi, FunctionWords.shipped.definites.contains(toks[k + 1].key),
                       let (name, e) = knownPlace(at: k + 2, limit: hi, text: text) {
                        place = (name, TextRange(start: toks[k + 2].start, end: toks[e - 1].end)); break
                    }
                    // "in the Chinese capital Beijing", "in the Saudi city of Jeddah": past the description.
                    if known == nil, let named = describedPlaceStart(at: k + 1, limit: hi, text: text),
                       let (name, e) = knownPlace(at: named, limit: hi, text: text) ?? unknownPlace(at: named, limit: hi, text: text),
                       !lexicon.isRegion(name) {
                        place = (name, TextRange(start: toks[named].start, end: toks[e - 1].end)); break
                    }
                    let found = known ?? unknownPlace(at: k + 1, limit: hi, text: text)
                    if let (name, e) = found {
                        let range = TextRange(start: toks[k + 1].start, end: toks[e - 1].end)
                        if lexicon.isRegion(name) {
                            // Kept only as near as an unknown place would be; the name it ends (and an
                            // abbreviation after it) does not count against the reach.
                            if region == nil, known != nil || k - h.end <= 3 { region = (name, range) }
                            if !extended { reach += 6; extended = true }
                            k = max(k + 1, e)
                            continue
                        }
                        if known != nil { place = (name, range); break }
                        // (Not in a headline: headline case capitalises every word, "in Donbas Must Be…".)
                        if !headline, k - h.end <= 3 { place = (name, range); break }
                    }
                }
                k += 1
            }
            if place == nil { place = region }
            if place == nil {
                for back in 1...3 where h.start - back >= lo {
                    work += 1
                    let j = h.start - back
                    if let (name, e) = knownPlace(at: j, limit: h.start, text: text), e >= h.start - 1,
                       !lexicon.isCountry(name) {
                        place = (name, TextRange(start: toks[j].start, end: toks[e - 1].end)); break
                    }
                }
            }
            if place == nil {
                var j = h.start - 1
                while j >= max(lo, h.start - 8) {
                    work += 1
                    if lexicon.placePrepositions.contains(toks[j].key), let (name, e) = knownPlace(at: j + 1, limit: h.start, text: text) {
                        place = (name, TextRange(start: toks[j + 1].start, end: toks[e - 1].end)); break
                    }
                    j -= 1
                }
            }
            // A weak word is a meeting when a date or a place stands by it; a date the article cannot place in time
            // ("on Thursday" in an undated preview) still says that it is one.
            if h.trigger.strength != .strong && best == nil && place == nil { continue }
            // Calls happen on the phone: a place near a call is where someone was, not where the call was.
            if h.trigger.kind == .call { place = nil }
            let trig = TextRange(start: toks[h.start].start, end: toks[h.end - 1].end)
            let weightByPosition: Double
            switch paragraph {
            case -1: weightByPosition = 3
            case 0: weightByPosition = 2
            case 1: weightByPosition = 1.2
            case 2: weightByPosition = 0.8
            case 3...5: weightByPosition = 0.5
            default: weightByPosition = 0.3
            }
            // "Follow-up talks in Berlin" in a report of talks in Paris: the next meeting, named but not the news.
            // (Past the names that qualify the meeting: "a possible follow-up Normandy Four meeting".)
            var q = h.start
            while q > s.tokens.lowerBound, h.start - q < 3, toks[q - 1].shape == .word, toks[q - 1].capitalized { q -= 1 }
            let ahead = (max(s.tokens.lowerBound, q - 2)..<q).contains { lexicon.aheadWords.contains(toks[$0].key) }
            out.append(EventMention(
                articleID: article.id,
                range: bodyRanges ? trig : nil,
                sentence: bodyRanges ? s.range : nil,
                kind: h.trigger.kind,
                trigger: text.text(trig),
                date: date,
                dateRange: bodyRanges ? best?.0.range : nil,
                place: place.map { lexicon.canonicalPlace($0.0) },
                placeRange: bodyRanges ? place?.1 : nil,
                participants: participants,
                inHeadline: headline,
                statedAhead: future && (best?.0.isStated ?? false),
                ahead: ahead ? true : nil,
                paragraph: paragraph,
                weight: weightByPosition * (h.trigger.strength == .strong ? 1 : 0.7) * (ahead ? 0.4 : 1)))
        }
        return out
    }

    /// Who a sentence names: the corpus's actors when known, else capitalised names and countries.
    func participantsIn(tokens r: Range<Int>, text: EventText, actors: ActorIndex?) -> [String] {
        guard !r.isEmpty else { return [] }
        if let actors {
            var seen = Set<String>()
            let range = TextRange(start: text.tokens[r.lowerBound].start, end: text.tokens[r.upperBound - 1].end)
            return actors.names(in: range).compactMap { seen.insert($0.name).inserted ? $0.name : nil }
        }
        // Without actors: countries, acronyms (NATO, OSCE) and runs of two or more capitalised words
        // (Joe Biden), read by their last word. Title-case headlines say nothing this way and are skipped.
        var out: [String] = []
        var seen = Set<String>()
        let toks = text.tokens
        let words = toks[r].filter { $0.shape == .word }
        if words.count >= 4, words.filter(\.capitalized).count * 10 >= words.count * 7 { return [] }
        func add(_ name: String) { if seen.insert(name.lowercased()).inserted { out.append(name) } }
        var i = r.lowerBound
        WorkCounter.count(2 * r.count, "events")
        while i < r.upperBound {
            let t = toks[i]
            guard t.shape == .word, t.capitalized else { i += 1; continue }
            if let (name, e) = knownPlace(at: i, limit: r.upperBound, text: text) {
                if lexicon.isCountry(name) { add(name) }
                i = e; continue
            }
            // Hyphenated pairs such as Russia-NATO name two parties.
            let parts = t.text.split(separator: "-").map(String.init)
            var matchedPart = false
            for part in parts {
                let key = EventText.wordTokens(part).first ?? part.lowercased()
                if let c = lexicon.countries[key] { add(c); matchedPart = true }
                else if part.count >= 2, part.allSatisfy({ $0.isUppercase }) { add(part); matchedPart = true }
            }
            if matchedPart { i += 1; continue }
            var e = i + 1
            while e < r.upperBound, toks[e].shape == .word, toks[e].capitalized, !toks[e - 1].possessive,
                  lexicon.calendar.months[toks[e].key] == nil, lexicon.calendar.weekdays[toks[e].key] == nil { e += 1 }
            if e - i >= 2, lexicon.calendar.months[t.key] == nil, lexicon.calendar.weekdays[t.key] == nil {
                add(toks[e - 1].text.replacingOccurrences(of: "\u{2019}s", with: "").replacingOccurrences(of: "'s", with: ""))
            }
            i = e
        }
        return out
    }

    /// Groups mentions: those with a date or place join when they agree; bare ones join by the lead or by who takes part.
    func group(_ mentions: [EventMention], article: Article, body: EventText) -> [LocalEvent] {
        guard !mentions.isEmpty else { return [] }
        var clusters: [LocalEvent] = []
        // Clusters compared with a mention (see WorkCounter).
        var work = 0
        defer { WorkCounter.count(work, "events") }
        func compatible(_ a: LocalEvent, _ m: EventMention) -> Bool {
            work += 1
            // Within one article the text is exact: the day before is another day.
            if let d1 = a.date, let d2 = m.date, !d1.compatible(with: d2, tolerance: 0) { return false }
            if let p1 = a.place, let p2 = m.place, !placesCompatible(p1, p2) { return false }
            if a.kind.family != m.kind.family, (a.place != nil || m.place != nil) { return false }
            return true
        }
        func agrees(_ a: LocalEvent, _ m: EventMention) -> Bool {
            work += 1
            if let d1 = a.date, let d2 = m.date, d1.compatible(with: d2, tolerance: 0), d1.agreement(with: d2) >= 1 { return true }
            if let p1 = a.place, let p2 = m.place, p1 == p2 { return true }
            return false
        }
        func add(_ m: EventMention, to c: inout LocalEvent) {
            c.mentions.append(m)
            c.weight += m.weight
            if let d = m.date { c.date = c.date.map { $0.narrowed(with: d) } ?? d }
            if let p = m.place {
                if c.place == nil || (lexicon.isCountry(c.place ?? "") && !lexicon.isCountry(p)) { c.place = p }
            }
            for p in m.participants { c.participants[p, default: 0] += m.weight }
        }
        func new(_ m: EventMention) -> LocalEvent {
            var c = LocalEvent(articleID: m.articleID, mentions: [], kind: m.kind, date: nil, place: nil,
                               participants: [:], weight: 0, isPrimary: false)
            add(m, to: &c)
            return c
        }
        // 1. Mentions with a date or a place.
        var bare: [EventMention] = []
        for m in mentions {
            guard m.date != nil || m.place != nil else { bare.append(m); continue }
            if let i = clusters.firstIndex(where: { agrees($0, m) && compatible($0, m) }) {
                add(m, to: &clusters[i])
            } else {
                clusters.append(new(m))
            }
        }
        // Clusters that now agree (one gave the place, the other the date, a third both) merge.
        var merged = true
        while merged {
            merged = false
            outer: for i in clusters.indices {
                for j in clusters.indices where j > i {
                    let b = clusters[j]
                    if b.mentions.allSatisfy({ compatible(clusters[i], $0) }),
                       b.mentions.contains(where: { agrees(clusters[i], $0) }) {
                        for m in b.mentions { add(m, to: &clusters[i]) }
                        clusters.remove(at: j)
                        merged = true
                        break outer
                    }
                }
            }
        }
        // 2. Bare mentions of the headline and lead join the lead's event; others join by shared participants.
        let leadParagraphs: Set<Int> = {
            let first = mentions.filter { $0.paragraph >= 0 }.map(\.paragraph).min() ?? 0
            return [-1, 0, first <= 1 ? first : 0]
        }()
        // (A meeting only announced as still to come is not the lead's, when another event is there.)
        func announced(_ c: LocalEvent) -> Bool { c.mentions.allSatisfy { $0.ahead == true } }
        func leadOrder(_ a: Int, _ b: Int) -> Bool {
            (announced(clusters[a]) ? 0 : 1, clusters[a].weight) < (announced(clusters[b]) ? 0 : 1, clusters[b].weight)
        }
        var leadCluster = clusters.indices.filter { i in
            clusters[i].mentions.contains { leadParagraphs.contains($0.paragraph) }
        }.max(by: leadOrder)
        if let l = leadCluster, announced(clusters[l]) {
            // The lead announces the next meeting; the one it reports is dated a little further down.
            let near = (leadParagraphs.max() ?? 0) + 3
            if let r = clusters.indices.filter({ i in !announced(clusters[i]) && clusters[i].mentions.contains { $0.paragraph <= near } })
                .max(by: leadOrder) { leadCluster = r }
        }
        var pool: LocalEvent?
        for m in bare {
            if leadParagraphs.contains(m.paragraph) {
                if let l = leadCluster, clusters[l].kind.family == m.kind.family || clusters[l].place == nil {
                    add(m, to: &clusters[l])
                } else if pool == nil { pool = new(m) } else { add(m, to: &pool!) }
                continue
            }
            var bestIdx: Int?
            var bestShared = 0
            work += clusters.count
            for i in clusters.indices where clusters[i].kind.family == m.kind.family {
                let shared = m.participants.filter { clusters[i].participants[$0] != nil }.count
                if shared > bestShared { bestShared = shared; bestIdx = i }
            }
            let poolShared = pool.map { p in m.participants.filter { p.participants[$0] != nil }.count } ?? 0
            if let p = pool, poolShared >= max(1, bestShared), p.kind.family == m.kind.family || m.kind == .meeting {
                add(m, to: &pool!)
            } else if let i = bestIdx, bestShared >= 1 {
                add(m, to: &clusters[i])
            }
            // A bare mention that shares nobody with a known event is too vague to keep.
        }
        if let p = pool { clusters.append(p) }
        // 3. Kind: the weighted vote, calls counting more (a "meeting" by phone is a call).
        // (Each sentence is read for a format name once, however many mentions it holds.)
        var qualifierBySentence: [Int: String?] = [:]
        for i in clusters.indices {
            var votes: [EventKind: Double] = [:]
            for m in clusters[i].mentions { votes[m.kind, default: 0] += m.weight * (m.kind == .call ? 1.5 : 1) }
            clusters[i].kind = votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key ?? .other
            // A "meeting" with no place that the text also calls a phone call is a call.
            if clusters[i].place == nil, clusters[i].mentions.contains(where: { $0.kind == .call && $0.weight >= 0.5 }) {
                clusters[i].kind = .call
            }
            if clusters[i].kind == .call { clusters[i].place = nil }
            clusters[i].qualifier = qualifier(of: clusters[i], body: body, memo: &qualifierBySentence)
            clusters[i].number = number(of: clusters[i], body: body)
        }
        // 4. Primary: the heaviest event; one far from the article's date is background, not the news.
        let ref = article.published?.day
        func score(_ c: LocalEvent) -> Double {
            var w = c.weight * (announced(c) ? 0.5 : 1)
            if case let .span(a, b)? = c.date {
                if a != b && b.ordinal - a.ordinal > 10 { w *= 0.3 }
                if let ref, a == b, abs(a.distance(to: ref)) > 3 { w *= 0.4 }
            }
            return w
        }
        // An article reports an event when its headline names it, or its lead does and the story comes back
        // to it; an event named once in passing (markets "weighing peace talks") is context, not the news.
        func salient(_ c: LocalEvent) -> Bool {
            if c.mentions.contains(where: { $0.inHeadline }) { return true }
            let sentences = Set(c.mentions.compactMap { $0.sentence?.start })
            return sentences.count >= 2 && c.mentions.contains { $0.paragraph <= 1 }
        }
        // A piece that comments on the news mentions its meetings; it reports none of them.
        if !lexicon.isCommentary(headline: article.title),
           let best = clusters.indices.max(by: { score(clusters[$0]) < score(clusters[$1]) }),
           score(clusters[best]) >= 0.5, salient(clusters[best]) {
            clusters[best].isPrimary = true
        }
        // Copied to their exact size: appending left up to twice the room, and the corpus keeps every
        // article's local events through the analysis (issue 14, memory proportional to text).
        for i in clusters.indices { clusters[i].mentions = clusters[i].mentions.map { $0 } }
        return clusters
    }

    /// The ordinal before the cluster's event words (`the 36th Ordinary Session`, `the 40th GCC summit`,
    /// `43rd ASEAN Summit`), by vote; a number of 2 or more only ("the first summit since…" is no name).
    private func number(of c: LocalEvent, body: EventText) -> Int? {
        var votes: [Int: Double] = [:]
        let toks = body.tokens
        for m in c.mentions where m.ahead != true {
            guard let r = m.range else { continue }
            let t = body.tokenIndex(atOrAfter: r.start)
            var k = t - 1
            // Back over the names that qualify the meeting ("40th GCC", "36th Ordinary").
            while k >= 0, t - k <= 4, toks[k].shape == .word || toks[k].shape == .number {
                if let n = Self.ordinal(toks[k].key) {
                    if n >= 2 { votes[n, default: 0] += m.weight }
                    break
                }
                guard toks[k].capitalized || toks[k].shape == .number else { break }
                k -= 1
            }
        }
        return votes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    /// `36th` → 36, `2nd` → 2, `21st` → 21, and the French `36e`/`36ème`; nil for anything else.
    static func ordinal(_ key: String) -> Int? {
        for suffix in ["e", "ème", "eme"] where key.hasSuffix(suffix) {
            if let n = Int(key.dropLast(suffix.count)), n > 1, n < 1000 { return n }
        }
        guard key.count >= 3, key.count <= 5 else { return nil }
        let suffix = key.suffix(2)
        guard ["st", "nd", "rd", "th"].contains(suffix), let n = Int(key.dropLast(2)), n > 0, n < 1000 else { return nil }
        switch (n % 100, n % 10) {
        case (11...13, _): return suffix == "th" ? n : nil
        case (_, 1): return suffix == "st" ? n : nil
        case (_, 2): return suffix == "nd" ? n : nil
        case (_, 3): return suffix == "rd" ? n : nil
        default: return suffix == "th" ? n : nil
        }
    }

    /// The name of a format or process the sentences give (`Normandy` of `the Normandy format`).
    private func qualifier(of c: LocalEvent, body: EventText, memo: inout [Int: String?]) -> String? {
        for m in c.mentions {
            guard let r = m.sentence else { continue }
            if let known = memo[r.start] {
                if let q = known { return q }
                continue
            }
            let q = qualifier(inSentence: r, body: body)
            memo[r.start] = .some(q)
            if let q { return q }
        }
        return nil
    }

    /// The format name a sentence gives (`Normandy` in `Normandy format`, `Normandy-format`).
    private func qualifier(inSentence r: TextRange, body: EventText) -> String? {
        let toks = body.tokens
        // Tokens of the sentence: those whose start lies in its range.
        let first = body.tokenIndex(atOrAfter: r.start)
        var i = first
        while i < toks.count, toks[i].start < r.end {
            let tok = toks[i]
            if tok.key.hasSuffix("-format"), tok.capitalized {
                return String(tok.text.dropLast("-format".count))
            }
            if tok.key == "format", i > first, toks[i - 1].capitalized, toks[i - 1].shape == .word,
               lexicon.countries[toks[i - 1].key] == nil, lexicon.places[toks[i - 1].key] == nil {
                return toks[i - 1].text
            }
            i += 1
        }
        return nil
    }

    /// Calls and in-person meetings are told apart; talks, meetings and summits are one family.

    /// Two places can be the same venue: equal, or one is the country the other lies in.
    func placesCompatible(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let ca = lexicon.isCountry(a), cb = lexicon.isCountry(b)
        if ca && !cb { return lexicon.country(of: b) == a || lexicon.country(of: b) == nil }
        if cb && !ca { return lexicon.country(of: a) == b || lexicon.country(of: a) == nil }
        return false
    }
}

extension EventDate {
    /// A weekday or month-day still waiting for a year and week.
    var isConstraint: Bool {
        switch self {
        case .weekday, .monthDay: return true
        case .span: return false
        }
    }
}
