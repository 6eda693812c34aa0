/// The data the comparison reads: nationality adjectives (for affiliations) and role words.
struct CompareLexicon: Sendable {
    /// Lower-cased adjective → country.
    var demonyms: [String: String]
    var roleWords: Set<String>
    var events: EventLexicon

    static let shared = CompareLexicon(
        demonyms: ResourceFiles.lines(of: "demonyms.txt"),
        roleWords: ResourceFiles.lines(of: "role-words.txt"),
        events: .shared)

    init(demonyms: [String], roleWords: [String], events: EventLexicon) {
        var d: [String: String] = [:]
        for line in demonyms {
            let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if f.count >= 2 { d[f[0].lowercased()] = f[1] }
        }
        self.demonyms = d
        self.roleWords = Set(roleWords.map { $0.lowercased() })
        self.events = events
    }

    /// The countries a role names: `Russian Foreign Minister` → Russia, `Ukraine's foreign minister` → Ukraine.
    func affiliations(of role: String) -> Set<String> {
        var out = Set<String>()
        let toks = EventText(role).tokens.filter { $0.shape == .word }
        var i = 0
        while i < toks.count {
            if let c = demonyms[toks[i].key] { out.insert(c); i += 1; continue }
            // Multi-word countries (United States) and single ones.
            var matched = false
            for len in stride(from: min(3, toks.count - i), through: 1, by: -1) {
                let phrase = toks[i..<(i + len)].map(\.key).joined(separator: " ")
                if let c = events.countries[phrase] { out.insert(c); i += len; matched = true; break }
            }
            if !matched { i += 1 }
        }
        return out
    }
}
