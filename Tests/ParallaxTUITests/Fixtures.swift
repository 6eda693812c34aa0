import ParallaxCore
@testable import ParallaxTUI

/// Small corpora the tests write themselves, and the sample corpus through the real loader.
enum Fixtures {
    static func article(_ id: String, title: String, outlet: String?, day: String?, body: String,
                        raw: String? = nil) -> Article {
        Article(id: id, path: "/fixtures/\(id).txt", format: .text, rawText: raw ?? body, body: body, title: title,
                outlet: outlet, outletSource: outlet == nil ? .none : .given,
                published: day.flatMap { Day(iso: $0) }.map { DatedValue(day: $0, source: .given, confidence: 1) },
                url: nil, sources: [], removed: [], truncated: false)
    }

    /// Scalar range of the first occurrence of `needle` in `body`.
    static func range(of needle: String, in body: String) -> TextRange {
        guard let r = body.range(of: needle) else { return TextRange(start: 0, end: 0) }
        let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: r.lowerBound)
        return TextRange(start: start, end: start + needle.unicodeScalars.count)
    }

    static let summitBodyA = """
        Leaders met in Lisbon on Tuesday. Volodymyr Zelensky said the talks were “useful and frank”.

        The meeting lasted three hours and both sides promised to meet again next month in the same format.
        """
    static let summitBodyB = """
        In Lisbon, Zelenskiy told reporters the talks had been “useful”. Officials gave no details.
        """
    static let summitBodyC = """
        Talks in Lisbon ended without agreement, Zelenskyy's office said. Protesters gathered outside.
        """

    /// Three outlets on one meeting, one unrelated article, actors with spelling variants and a quote.
    static func corpus() -> Corpus {
        let a = article("a1", title: "Lisbon talks end with promise to meet again", outlet: "Daily Planet",
                        day: "2023-03-14", body: summitBodyA)
        let b = article("b2", title: "Zelenskiy calls Lisbon talks useful", outlet: "Morning Star",
                        day: "2023-03-14", body: summitBodyB)
        let c = article("c3", title: "No agreement in Lisbon", outlet: nil, day: "2023-03-15", body: summitBodyC)
        let d = article("d4", title: "Harvest festival draws record crowds", outlet: "Daily Planet",
                        day: "2023-02-01", body: "The harvest festival drew record crowds this year.")
        let zel = Actor(id: "volodymyr-zelensky", name: "Volodymyr Zelensky", kind: .person,
                        aliases: ["Volodymyr Zelensky", "Zelenskiy", "Zelenskyy"],
                        roles: [RoleMention(articleID: "a1", role: "Ukrainian President")],
                        mentions: [
                            Mention(articleID: "a1", range: range(of: "Volodymyr Zelensky", in: summitBodyA),
                                    surface: "Volodymyr Zelensky"),
                            Mention(articleID: "b2", range: range(of: "Zelenskiy", in: summitBodyB), surface: "Zelenskiy"),
                            Mention(articleID: "c3", range: range(of: "Zelenskyy", in: summitBodyC), surface: "Zelenskyy"),
                        ],
                        quotes: [
                            Quote(articleID: "a1", text: "useful and frank", range: range(of: "“useful and frank”", in: summitBodyA),
                                  speaker: "Volodymyr Zelensky", speakerLabel: nil),
                            Quote(articleID: "b2", text: "useful", range: range(of: "“useful”", in: summitBodyB),
                                  speaker: "Volodymyr Zelensky", speakerLabel: nil),
                        ])
        let lisbon = Actor(id: "lisbon", name: "Lisbon", kind: .place, mentions: [
            Mention(articleID: "a1", range: range(of: "Lisbon", in: summitBodyA), surface: "Lisbon"),
            Mention(articleID: "b2", range: range(of: "Lisbon", in: summitBodyB), surface: "Lisbon"),
        ])
        let ev = Event(id: "ev-lisbon", title: "Talks in Lisbon", kind: .talks, date: Day(iso: "2023-03-14"),
                       place: "Lisbon", participants: ["Volodymyr Zelensky"], articles: ["a1", "b2", "c3"])
        return Corpus(articles: [a, b, c, d], actors: [zel, lisbon], events: [ev],
                      primaryEvent: ["a1": "ev-lisbon", "b2": "ev-lisbon", "c3": "ev-lisbon"])
    }

    static func state(_ corpus: Corpus = corpus(), width: Int = 120, height: Int = 40) -> AppState {
        AppState(query: MemoryCorpus(corpus), keymap: .standard(), width: width, height: height)
    }

    /// The embedded sample, loaded and analysed once for all tests.
    static let sample: Result<Corpus, any Error> = Result { () throws(any Error) -> Corpus in try CorpusLoader().load(paths: []) }

    static func sampleState(width: Int, height: Int) throws -> AppState {
        let c = try sample.get()
        return AppState(query: MemoryCorpus(c), keymap: .standard(), width: width, height: height)
    }

    /// Runs a key script through `update`, collecting effects.
    static func press(_ s: AppState, _ keys: String) -> (AppState, [Effect]) {
        var st = s
        var effects: [Effect] = []
        for k in Key.script(keys) {
            let (n, e) = settle(st, .key(k))
            st = n
            effects += e
        }
        return (st, effects)
    }
}
