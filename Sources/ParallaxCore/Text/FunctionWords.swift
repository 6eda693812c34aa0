/// The function words the rules of cleaning, names, quotes and events read (`function-words.txt`),
/// loaded once per process: the one place such words live, extendable by the user, instead of word
/// lists in Swift literals.
public struct FunctionWords: Sendable {
    public var abbreviations: Set<String>
    var pronouns: Set<String>
    var pronounsAfterVerb: Set<String>
    var subjectPronouns: Set<String>
    var determiners: Set<String>
    var definites: Set<String>
    var auxiliaries: Set<String>
    var clauseBreakers: Set<String>
    var nameLinks: Set<String>
    var elisions: Set<String>
    /// Lower case, longest first, each with the space that follows it (`"by: "`, `"by "`).
    var bylinePrefixes: [String]
    /// Lower case, each with the space that follows it.
    var creditLeads: [String]
    var reporterCredits: [String]
    var sourceLabels: [String]
    var sectionWords: Set<String>
    var caseSuffixes: Set<String>

    /// The sections `function-words.txt` may have (`DataFileCheck` reports any other).
    static let sectionNames = ["abbreviations", "pronouns", "pronouns-after-verb", "subject-pronouns", "determiners",
                               "definites", "auxiliaries", "clause-breakers", "name-links", "elisions",
                               "byline-prefixes", "credit-leads", "reporter-credits", "source-labels", "section-words", "case-suffixes"]

    /// `Ankara'ya`, `Atina’da`: a capitalised word with a case ending after its apostrophe.
    func hasCaseSuffix(_ word: String) -> Bool {
        guard let apostrophe = word.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }), apostrophe != word.startIndex,
              word.first?.isUppercase == true else { return false }
        let suffix = word[word.index(after: apostrophe)...]
        return !suffix.isEmpty && suffix.allSatisfy(\.isLowercase) && caseSuffixes.contains(String(suffix))
    }

    public static let shipped = FunctionWords(lines: ResourceFiles.lines(of: "function-words.txt"))

    public init(lines: [String]) {
        let s = ActorLexicon.sections(lines).mapValues { $0.map { $0.lowercased() } }
        func set(_ name: String) -> Set<String> { Set(s[name] ?? []) }
        func prefixes(_ name: String) -> [String] {
            (s[name] ?? []).map { $0 + " " }.sorted { $0.count > $1.count }
        }
        abbreviations = set("abbreviations")
        pronouns = set("pronouns")
        pronounsAfterVerb = set("pronouns-after-verb")
        subjectPronouns = set("subject-pronouns")
        determiners = set("determiners")
        definites = set("definites")
        auxiliaries = set("auxiliaries")
        clauseBreakers = set("clause-breakers")
        nameLinks = set("name-links")
        elisions = set("elisions")
        bylinePrefixes = prefixes("byline-prefixes")
        creditLeads = prefixes("credit-leads")
        reporterCredits = prefixes("reporter-credits")
        sourceLabels = (s["source-labels"] ?? []).sorted { $0.count > $1.count }
        sectionWords = set("section-words")
        caseSuffixes = set("case-suffixes")
    }
}
