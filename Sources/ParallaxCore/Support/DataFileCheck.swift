import Foundation

/// A line of a data file that its reader cannot use (and so skips): where it is and what is wrong.
public struct DataProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user knows it (the path of their file).
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: what is wrong`, as compilers and newsboat say it.
    public var description: String { "\(file):\(line): \(message)" }
}

/// What a data file's reader would skip, said line by line: one check per data file, named by file.
/// The readers skip what they cannot use (a bad line never stops Parallax); these checks say so, so
/// that a user's line that does nothing is reported once instead of silently ignored.
public struct DataFileCheck: Sendable {
    public var name: String
    /// The problems of a file's lines (number, message); `userFile` says whether the lines are the
    /// user's (some files may only be extended in certain ways).
    let check: @Sendable (_ lines: [DataLine], _ userFile: Bool) -> [(Int, String)]

    public init(_ name: String, lines check: @escaping @Sendable ([DataLine], Bool) -> [(Int, String)]) {
        self.name = name
        self.check = check
    }

    /// A check of each line on its own: the message for a line the reader skips, nil for a good one.
    public init(_ name: String, eachLine: @escaping @Sendable (String) -> String?) {
        self.init(name) { lines, _ in lines.compactMap { l in eachLine(l.text).map { (l.number, $0) } } }
    }

    /// The problems of one file, named in them as `shown`.
    public func problems(in url: URL, shown: String? = nil, userFile: Bool = true) -> [DataProblem] {
        let raw = ResourceFiles.rawLines(of: url)
        let file = shown ?? url.path
        var out = raw.compactMap { n, t in t == nil ? DataProblem(file: file, line: n, message: "not UTF-8 text; the line is skipped") : nil }
        let lines = raw.compactMap { n, t in t.map { DataLine(number: n, text: $0) } }
        out += check(lines, userFile).map { DataProblem(file: file, line: $0.0, message: $0.1) }
        return out.sorted { $0.line < $1.line }
    }

    /// The problems of the user's data files (`ResourceFiles.userFolder`): those of `checks`, and of every
    /// other shipped data file a user may extend (for those, only lines that are not text).
    public static func userProblems(_ checks: [DataFileCheck]) -> [DataProblem] {
        var all = checks
        let named = Set(checks.map(\.name))
        for n in ResourceFiles.shippedNames() where !named.contains(n) {
            all.append(DataFileCheck(n, eachLine: { _ in nil }))
        }
        return all.sorted { $0.name < $1.name }.flatMap { c -> [DataProblem] in
            let url = ResourceFiles.userFolder.appendingPathComponent(c.name)
            guard FileManager.default.isReadableFile(atPath: url.path) else { return [] }
            return c.problems(in: url)
        }
    }
}

extension DataFileCheck {
    /// The checks of the model's data files (the keymap's and theme's live with their readers).
    public static let core: [DataFileCheck] = [
        pipeFields("event-words.txt", "phrase | kind | strength") { f in
            if EventText.wordTokens(f[0]).isEmpty { return "no word to match" }
            if f[0].contains(where: { $0 == "{" || $0 == "[" }), EventLexicon.expand(f[0]) == [f[0]] {
                return "a pattern whose brackets do not close or that spells more than \(EventLexicon.maxPhrases) phrases: read as written"
            }
            if f.count > 1, !f[1].isEmpty, EventKind(rawValue: f[1].lowercased()) == nil {
                return "unknown kind “\(f[1])”, read as other (kinds: \(EventKind.allCases.map(\.rawValue).joined(separator: ", ")))"
            }
            if f.count > 2, !f[2].isEmpty, EventLexicon.Strength(rawValue: f[2].lowercased()) == nil {
                return "unknown strength “\(f[2])”, read as strong (strong, weak, verb)"
            }
            return nil
        },
        words("event-ignore.txt"), words("future-cues.txt"), words("commentary-labels.txt"),
        oneWord("stopwords.txt", "one word a line"),
        pipeFields("role-synonyms.txt", "name | other name …") { f in f.count < 2 || f.contains(where: \.isEmpty) ? "an office needs two names or more, none empty" : nil },
        oneWord("place-nouns.txt", "one word a line"), oneWord("place-prepositions.txt", "one word a line"),
        oneWord("event-ahead-words.txt", "one word a line (only the word just before an event word is read)"),
        pipeFields("date-words.txt", "phrase | offset in days | span in days") { f in
            if EventText.wordTokens(f[0]).isEmpty { return "no word to match" }
            if f[0].contains(where: { $0 == "{" || $0 == "[" }), EventLexicon.expand(f[0]) == [f[0]] {
                return "a pattern whose brackets do not close or that spells more than \(EventLexicon.maxPhrases) phrases: read as written"
            }
            guard f.count >= 3 else { return "expected phrase | offset in days | span in days" }
            if Int(f[1]) == nil { return "the offset “\(f[1])” is not a whole number of days" }
            if Int(f[2]) == nil { return "the span “\(f[2])” is not a whole number of days" }
            return nil
        },
        calendar("months.txt", count: 12, what: "month"), calendar("weekdays.txt", count: 7, what: "weekday"),
        pipeFields("places.txt", "name | country | other spellings") { f in f[0].isEmpty ? "no place name before the first |" : nil },
        pipeFields("countries.txt", "name | other forms") { f in f[0].isEmpty ? "no country name before the first |" : nil },
        pipeFields("demonyms.txt", "adjective | country") { f in
            f.count < 2 || f[0].isEmpty || f[1].isEmpty ? "expected adjective | country" : nil
        },
        sections("roles.txt", ["roles", "modifiers", "honorifics", "unnamed", "anonymous", "relatives", "links"]),
        sections("non-names.txt", ["words", "things", "organizations", "places", "particles", "suffixes"]),
        sections("function-words.txt", FunctionWords.sectionNames),
        DataFileCheck("gazetteer.tsv", eachLine: Gazetteer.lineProblem),
        DataFileCheck("outlets.tsv", eachLine: { line in
            let name = line.split(separator: "\t", omittingEmptySubsequences: false).first ?? ""
            return name.trimmingCharacters(in: .whitespaces).isEmpty ? "no outlet name before the first TAB" : nil
        }),
        DataFileCheck("furniture.txt", eachLine: FurnitureRules.lineProblem),
        settings("event-clustering.txt", numbersOnly: true),
        settings("html-extraction.txt", numbersOnly: false),
    ]

    /// `a | b | c` lines whose fields `rule` checks (the first field always exists).
    static func pipeFields(_ name: String, _ format: String, _ rule: @escaping @Sendable ([String]) -> String?) -> DataFileCheck {
        DataFileCheck(name, eachLine: { line in
            rule(line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
                .map { $0.contains("(") ? $0 : "\($0) (format: \(format))" }
        })
    }

    /// One phrase a line: it must have a word to match.
    /// A list read one word a line; `tooMany` says why a line of several words is not read whole.
    static func oneWord(_ name: String, _ tooMany: String) -> DataFileCheck {
        DataFileCheck(name, eachLine: { line in
            let w = EventText.wordTokens(line)
            return w.isEmpty ? "no word to match" : w.count > 1 ? tooMany : nil
        })
    }

    static func words(_ name: String) -> DataFileCheck {
        DataFileCheck(name, eachLine: { EventText.wordTokens($0).isEmpty ? "no word to match" : nil })
    }

    /// Months and weekdays: the shipped file lists them in order, one a line; a user's line adds forms
    /// to the one its first field names (`january | janvier | janv.`).
    static func calendar(_ name: String, count: Int, what: String) -> DataFileCheck {
        DataFileCheck(name) { lines, user in
            guard user else {
                return lines.count == count ? [] : [(lines.last?.number ?? 1, "expected \(count) lines, one \(what) a line in order, found \(lines.count)")]
            }
            // As the reader does: the shipped forms, then each good line's forms for the lines after it.
            func forms(_ text: String) -> [String] {
                text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            }
            let shipped = ResourceFiles.shipped(name).map { ResourceFiles.numberedLines(of: $0) } ?? []
            var known = Set(shipped.prefix(count).flatMap { forms($0.text) })
            return lines.compactMap { l in
                let f = forms(l.text)
                guard let first = f.first, known.contains(first) else {
                    return (l.number, "“\(f.first ?? "")” is not a \(what) Parallax knows: start the line with one (\(what) | other forms…)")
                }
                known.formUnion(f)
                return nil
            }
        }
    }

    /// Files of `[section]` headers and one entry a line.
    static func sections(_ name: String, _ known: [String]) -> DataFileCheck {
        DataFileCheck(name) { lines, user in
            var out: [(Int, String)] = []
            var inSection = !user  // the shipped file may open with entries of the default section
            for l in lines {
                if l.text.hasPrefix("[") {
                    let s = l.text.dropFirst().prefix { $0 != "]" }.lowercased()
                    if !l.text.hasSuffix("]") || !known.contains(s) {
                        out.append((l.number, "unknown section \(l.text) (sections: \(known.map { "[\($0)]" }.joined(separator: ", ")))"))
                        inSection = false
                    } else {
                        inSection = true
                    }
                } else if !inSection {
                    out.append((l.number, "an entry outside a known section: start with one of \(known.map { "[\($0)]" }.joined(separator: ", "))"))
                }
            }
            return out
        }
    }

    /// `key = value` settings; the keys are those of the shipped file.
    static func settings(_ name: String, numbersOnly: Bool) -> DataFileCheck {
        DataFileCheck(name) { lines, user in
            let shipped = ResourceFiles.shipped(name).map { ResourceFiles.numberedLines(of: $0) } ?? []
            var numeric: [String: Bool] = [:]
            for l in shipped {
                let p = l.text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if p.count == 2 { numeric[p[0].lowercased()] = Double(p[1]) != nil }
            }
            return lines.compactMap { l in
                let p = l.text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard p.count == 2, !p[0].isEmpty else { return (l.number, "expected key = value") }
                guard user else { return nil }
                guard let isNumber = numeric[p[0].lowercased()] else { return (l.number, "unknown setting “\(p[0])”") }
                if (isNumber || numbersOnly), Double(p[1]) == nil { return (l.number, "“\(p[1])” is not a number") }
                return nil
            }
        }
    }
}
