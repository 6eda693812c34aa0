/// The data the event layer reads: event words, relative-date words, month and weekday names, places.
/// Loaded once from `Resources/data` (plus the user's files of the same names) and shared read-only.
public struct EventLexicon: Sendable {
    /// How strongly a phrase names an event on its own.
    public enum Strength: String, Sendable { case strong, weak, verb }

    /// One event word or phrase, as lower-cased tokens.
    public struct Trigger: Sendable {
        public var tokens: [String]
        public var kind: EventKind
        public var strength: Strength
    }

    /// A relative date phrase: reference + offset … + span - 1.
    public struct RelativeDate: Sendable {
        public var tokens: [String]
        public var offset: Int
        public var span: Int
    }

    /// A known place with its country.
    public struct Place: Sendable {
        public var name: String
        public var country: String?
    }

    /// Triggers keyed by their first token; each list is longest first.
    var triggers: [String: [Trigger]]
    /// Phrases in which an event word does not name an event, keyed by each of their tokens.
    var ignored: [[String]]
    var relative: [String: [RelativeDate]]
    /// Month and weekday names (`CalendarNames`).
    var calendar: CalendarNames
    /// Lower-cased token sequences of place names → the place, keyed by first token, longest first.
    var places: [String: [([String], Place)]]
    /// Lower-cased country name or form → canonical country name.
    var countries: [String: String]
    var futureCues: [[String]]
    /// Words that make the event word after them a meeting still to come (`follow-up talks`, `next summit`).
    var aheadWords: Set<String>
    /// Words before a venue (`in`, `at`, `à`, `em`, `nel`): `place-prepositions.txt`.
    var placePrepositions: Set<String> = ["in", "at"]
    /// Continents and regions (`Europe`, `the Middle East`): a place too wide to tell two meetings apart.
    var regions: Set<String>
    /// Labels that open the headline of a piece that comments on the news (`Analysis:`, `Opinion |`):
    /// it mentions meetings but reports none.
    var commentaryLabels: Set<String>
    /// Nouns that describe a place before its name (`the Chinese capital Beijing`, `the Saudi city of
    /// Jeddah`, `the Red Sea resort of Sharm el-Sheikh`).
    var placeNouns: Set<String>

    /// The phrases a line of `event-words.txt` stands for: `{a/b c}` is one of its choices (split at
    /// "/"), `[x/y z]` one of them or none, and both nest — so `{raises/raised} [its] {key/policy} rate`
    /// is eight phrases. A line that spells more than `maxPhrases`, or whose brackets do not close, is
    /// read as written (and the data-file check says so).
    static let maxPhrases = 32_768

    static func expand(_ pattern: String) -> [String] {
        let chars = Array(pattern)
        /// The alternatives of chars[from..<to] split at top-level `/` (only inside braces).
        func parse(_ from: Int, _ to: Int) -> [String]? {
            var out = [""]
            var i = from
            while i < to {
                let c = chars[i]
                if c == "{" || c == "[" {
                    let close: Character = c == "{" ? "}" : "]"
                    var depth = 0, j = i
                    while j < to {
                        if chars[j] == "{" || chars[j] == "[" { depth += 1 }
                        if chars[j] == "}" || chars[j] == "]" { depth -= 1; if depth == 0 { break } }
                        j += 1
                    }
                    guard j < to, chars[j] == close else { return nil }
                    var options: [String] = []
                    var start = i + 1, d = 0
                    for k in (i + 1)..<j {
                        if chars[k] == "{" || chars[k] == "[" { d += 1 } else if chars[k] == "}" || chars[k] == "]" { d -= 1 }
                        if chars[k] == "/" && d == 0 {
                            guard let alt = parse(start, k) else { return nil }
                            options += alt
                            start = k + 1
                        }
                    }
                    guard let last = parse(start, j) else { return nil }
                    options += last
                    if c == "[" { options.append("") }
                    out = out.flatMap { head in options.map { head + $0 } }
                    if out.count > maxPhrases { return nil }
                    i = j + 1
                } else {
                    out = out.map { $0 + String(c) }
                    i += 1
                }
            }
            return out
        }
        guard pattern.contains(where: { $0 == "{" || $0 == "[" }), let phrases = parse(0, chars.count) else { return [pattern] }
        return phrases.map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.isEmpty }
    }

    /// The lexicon built from the shipped data files and the user's extensions.
    public static let shared = EventLexicon(
        eventWords: ResourceFiles.lines(of: "event-words.txt"),
        ignored: ResourceFiles.lines(of: "event-ignore.txt"),
        dateWords: ResourceFiles.lines(of: "date-words.txt"),
        months: ResourceFiles.lines(of: "months.txt"),
        weekdays: ResourceFiles.lines(of: "weekdays.txt"),
        places: ResourceFiles.lines(of: "places.txt"),
        countries: ResourceFiles.lines(of: "countries.txt"),
        futureCues: ResourceFiles.lines(of: "future-cues.txt"),
        regions: ResourceFiles.lines(of: "regions.txt"),
        aheadWords: ResourceFiles.lines(of: "event-ahead-words.txt"),
        commentaryLabels: ResourceFiles.lines(of: "commentary-labels.txt"),
        placeNouns: ResourceFiles.lines(of: "place-nouns.txt"),
        placePrepositions: ResourceFiles.lines(of: "place-prepositions.txt"))

    /// Builds a lexicon from the lines of the data files (comments already dropped).
    public init(eventWords: [String], ignored: [String], dateWords: [String], months: [String],
                weekdays: [String], places: [String], countries: [String], futureCues: [String],
                regions: [String] = [], aheadWords: [String] = [], commentaryLabels: [String] = [],
                placeNouns: [String] = [], placePrepositions: [String] = []) {
        self.placeNouns = Set(placeNouns.flatMap { EventText.wordTokens($0) })
        // "in" and "at" whatever the file says: the English rules are built on them.
        self.placePrepositions = Set(placePrepositions.flatMap { EventText.wordTokens($0) }).union(["in", "at"])
        self.aheadWords = Set(aheadWords.flatMap { EventText.wordTokens($0) })
        self.commentaryLabels = Set(commentaryLabels.map { $0.lowercased() })
        func fields(_ line: String) -> [String] {
            line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var trig: [String: [Trigger]] = [:]
        for line in eventWords {
            let f = fields(line)
            let kind = f.count > 1 ? EventKind(rawValue: f[1].lowercased()) ?? .other : .other
            let strength = f.count > 2 ? Strength(rawValue: f[2].lowercased()) ?? .strong : .strong
            for phrase in Self.expand(f[0]) {
                let toks = EventText.wordTokens(phrase)
                guard let first = toks.first else { continue }
                trig[first, default: []].append(Trigger(tokens: toks, kind: kind, strength: strength))
            }
        }
        self.triggers = trig.mapValues { $0.sorted { $0.tokens.count > $1.tokens.count } }
        self.ignored = ignored.map { EventText.wordTokens($0) }.filter { !$0.isEmpty }

        var rel: [String: [RelativeDate]] = [:]
        for line in dateWords {
            let f = fields(line)
            guard f.count >= 3, let off = Int(f[1]), let span = Int(f[2]) else { continue }
            let toks = EventText.wordTokens(f[0])
            guard let first = toks.first else { continue }
            rel[first, default: []].append(RelativeDate(tokens: toks, offset: off, span: max(1, span)))
        }
        self.relative = rel.mapValues { $0.sorted { $0.tokens.count > $1.tokens.count } }

        self.calendar = CalendarNames(months: months, weekdays: weekdays)

        var c: [String: String] = [:]
        for line in countries {
            let f = fields(line)
            guard let name = f.first, !name.isEmpty else { continue }
            c[name.lowercased()] = name
            for alias in f.dropFirst().flatMap({ $0.split(separator: ",") }) {
                let a = alias.trimmingCharacters(in: .whitespaces)
                if !a.isEmpty { c[a.lowercased()] = name }
            }
        }
        var p: [String: [([String], Place)]] = [:]
        for line in places {
            let f = fields(line)
            guard let name = f.first, !name.isEmpty else { continue }
            let country = f.count > 1 && !f[1].isEmpty ? f[1] : nil
            let place = Place(name: name, country: country)
            var forms = [name]
            if f.count > 2 { forms += f[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            for form in forms where !form.isEmpty {
                let toks = EventText.wordTokens(form)
                guard let first = toks.first else { continue }
                p[first, default: []].append((toks, place))
            }
        }
        // Countries are places too ("the meeting in France").
        for (form, name) in c {
            let toks = EventText.wordTokens(form)
            guard let first = toks.first else { continue }
            p[first, default: []].append((toks, Place(name: name, country: name)))
        }
        self.places = p.mapValues { $0.sorted { $0.0.count > $1.0.count } }
        self.countries = c
        self.futureCues = futureCues.map { EventText.wordTokens($0) }.filter { !$0.isEmpty }
        self.regions = Set(regions.map { $0.lowercased() })
    }

    /// Whether a headline opens with a commentary label followed by `:`, `|`, `-` or `–`
    /// (`Analysis: Biden confronts …`, `OPINION | The talks …`).
    func isCommentary(headline: String?) -> Bool {
        guard let h = headline, !commentaryLabels.isEmpty else { return false }
        let head = h.prefix(40)
        guard let sep = head.firstIndex(where: { ":|–—".contains($0) }) ?? head.range(of: " - ")?.lowerBound else { return false }
        let label = head[..<sep].trimmingCharacters(in: .whitespaces).lowercased()
        return commentaryLabels.contains(label)
    }

    /// The country a place lies in (a country lies in itself), if known.
    func country(of place: String) -> String? {
        let key = place.lowercased()
        if let c = countries[key] { return c }
        let toks = EventText.wordTokens(place)
        guard let first = toks.first else { return nil }
        return places[first]?.first { $0.0 == toks }?.1.country
    }

    /// True when the name is a country rather than a city.
    func isCountry(_ place: String) -> Bool { countries[place.lowercased()] != nil }

    /// A continent or region (`regions.txt`): never where a meeting is said to be
    /// (`Organization for Security and Co-operation in Europe`).
    func isRegion(_ place: String) -> Bool {
        let k = place.lowercased()
        return regions.contains(k) || regions.contains("the " + k)
    }

    /// A country or a wider region: a place that does not say which city a meeting was in.
    func isWidePlace(_ place: String) -> Bool {
        let k = place.lowercased()
        return countries[k] != nil || regions.contains(k) || regions.contains("the " + k)
    }

    /// The canonical spelling of a known place (`Kiev` → `Kyiv`), else the name as written.
    func canonicalPlace(_ name: String) -> String {
        if let c = countries[name.lowercased()] { return c }
        let toks = EventText.wordTokens(name)
        guard let first = toks.first else { return name }
        return places[first]?.first { $0.0 == toks }?.1.name ?? name
    }
}
