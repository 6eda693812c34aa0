import Foundation
import GRDB
import ParallaxCore
import ParallaxStore

// parallax-bench: generates corpora of realistic variety from a real news corpus, indexes them, and
// measures the index. Each size is measured in a child process, so that peak memory (maxrss) is
// that size's own.
//
//   swift build -c release --scratch-path .build-store
//   .build-store/release/parallax-bench --source ../shared/corpora/calebong-news-2021-2023.jsonl \
//       --sizes 1000,10000,100000 --work /tmp/parallax-bench --report docs/BENCHMARKS.md

struct Options {
    var source = ProcessInfo.processInfo.environment["PARALLAX_BENCH_SOURCE"]
        ?? "../shared/corpora/calebong-news-2021-2023.jsonl"
    var sizes = [1000, 10000]
    var work = "/tmp/parallax-bench"
    var report: String?
    var real = true
    var queries = 200

    init(_ args: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("missing value after \(args[i - 1])") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--source": source = value()
            case "--sizes": sizes = value().split(separator: ",").compactMap { Int($0) }
            case "--work": work = value()
            case "--report": report = value()
            case "--no-real": real = false
            case "--queries": queries = Int(value()) ?? queries
            default: fail("unknown argument \(args[i])")
            }
            i += 1
        }
    }
}

func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data("parallax-bench: \(s)\n".utf8))
    exit(1)
}

func log(_ s: String) {
    FileHandle.standardError.write(Data("\(s)\n".utf8))
}

/// A deterministic generator (SplitMix64), so that a corpus is the same on every run.
struct Rng {
    var base: SplitMix64
    init(state: UInt64) { base = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { base.next() }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

// MARK: - Generator

struct SourceRecord {
    var title: String
    var sentences: [String]
    var outlet: String
}

func loadSource(_ path: String) -> [SourceRecord] {
    guard let data = FileManager.default.contents(atPath: path) else {
        fail("cannot read the source corpus \(path) (give --source or PARALLAX_BENCH_SOURCE)")
    }
    var out: [SourceRecord] = []
    for line in data.split(separator: 0x0A) {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let title = obj["title"] as? String, let text = obj["text"] as? String else { continue }
        let sentences = splitSentences(text)
        guard !sentences.isEmpty else { continue }
        out.append(SourceRecord(title: title, sentences: sentences, outlet: obj["outlet"] as? String ?? ""))
    }
    return out
}

func splitSentences(_ text: String) -> [String] {
    var out: [String] = []
    var current = ""
    let chars = Array(text)
    for (i, c) in chars.enumerated() {
        current.append(c)
        let next = i + 1 < chars.count ? chars[i + 1] : " "
        if (c == "." || c == "!" || c == "?") && next == " " && current.count > 40 {
            out.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
            current = ""
        }
    }
    let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
    if rest.count > 20 { out.append(rest) }
    return out
}

/// People, places and meetings invented for the corpus, so that actor merging and event grouping
/// see many distinct names and many meetings reported by several outlets.
struct World {
    static let first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ingrid", "Jonas",
                        "Karim", "Lena", "Marek", "Nadia", "Oleg", "Pavla", "Quentin", "Rosa", "Sergei", "Tamar",
                        "Ulrich", "Vera", "Walid", "Ximena", "Yusuf", "Zofia", "Andriy", "Olga", "Mikhail", "Ayesha"]
    static let last = ["Petrenko", "Schulz", "Moreau", "Kowalski", "Haddad", "Novak", "Lindqvist", "Ortega",
                       "Ivanova", "Brennan", "Okafor", "Tanaka", "Rossi", "Yilmaz", "Dubois", "Horvat", "Kuznetsov",
                       "Silva", "Fischer", "Nakamura", "Popescu", "Jensen", "Costa", "Aziz", "Murphy", "Volkov",
                       "Bianchi", "Nowak", "Kaya", "Lambert", "Marchetti", "Sorensen", "Zielinski", "Hoffmann"]
    static let roles = ["Foreign Minister", "Defence Minister", "Deputy Prime Minister", "spokesperson",
                        "chief negotiator", "Secretary-General", "Finance Minister", "ambassador", "envoy",
                        "President", "Prime Minister", "central bank governor", "senator", "trade representative"]
    static let countries = ["Ukraine", "Russia", "France", "Germany", "Poland", "Turkey", "Japan", "Brazil",
                            "Kenya", "Canada", "Italy", "Spain", "Egypt", "India", "Mexico", "Norway"]
    static let cities = ["Geneva", "Vienna", "Paris", "Brussels", "Berlin", "Istanbul", "Warsaw", "Helsinki",
                         "Rome", "Madrid", "Oslo", "Tokyo", "Nairobi", "Ottawa", "Cairo", "Minsk", "Doha", "Riga"]
    static let meetings = ["talks", "a meeting", "a summit", "a phone call", "negotiations", "consultations"]
    static let outlets = ["France 24", "The Guardian", "VOA News", "Reuters", "AFP", "Al Jazeera", "BBC News",
                          "CNN", "The New York Times", "Deutsche Welle", "Kyiv Independent", "Le Monde",
                          "El País", "Der Spiegel", "NHK World", "The Hindu", "Daily Nation", "CBC News",
                          "Euronews", "Politico Europe", "The Moscow Times", "Anadolu Agency", "ANSA",
                          "Yle News", "The Local", "Fox Business", "CNBC", "MarketWatch", "Bloomberg",
                          "Trading Economics", "Financial Times", "The Economist", "Radio Free Europe",
                          "TVP World", "Meduza", "Haaretz", "South China Morning Post", "ABC News",
                          "Sky News", "The Irish Times"]

    struct Person { var name: String; var role: String; var country: String }
    struct Meeting { var day: Day; var city: String; var kind: String; var people: [Int] }

    var people: [Person] = []
    var meetings: [Meeting] = []

    init(rng: inout Rng, peopleCount: Int, meetingCount: Int, start: Day, days: Int) {
        var seen = Set<String>()
        while people.count < peopleCount {
            let name = rng.pick(World.first) + " " + rng.pick(World.last)
                + (people.count >= World.first.count * World.last.count / 2 ? "-\(rng.pick(World.last))" : "")
            guard seen.insert(name).inserted else { continue }
            people.append(Person(name: name, role: rng.pick(World.roles), country: rng.pick(World.countries)))
        }
        for _ in 0..<meetingCount {
            let n = 2 + rng.int(3)
            meetings.append(Meeting(day: start.adding(days: rng.int(days)), city: rng.pick(World.cities),
                                    kind: rng.pick(World.meetings), people: (0..<n).map { _ in rng.int(peopleCount) }))
        }
    }
}

/// Writes `count` articles as text files with front matter, one folder per month, ~10% Markdown.
func generate(count: Int, into folder: String, from source: [SourceRecord]) throws {
    let fm = FileManager.default
    try? fm.removeItem(atPath: folder)
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var rng = Rng(state: UInt64(count) &* 7919)
    let start = Day(year: 2021, month: 12, day: 1)!
    let days = 240
    let world = World(rng: &rng, peopleCount: max(200, count / 5), meetingCount: max(50, count / 8),
                      start: start, days: days)
    var madeFolders = Set<String>()
    for i in 0..<count {
        let base = rng.pick(source)
        // A meeting for most articles, reported days around it; others are background news.
        let meeting: World.Meeting? = rng.chance(0.6) ? rng.pick(world.meetings) : nil
        let day = meeting.map { $0.day.adding(days: rng.int(3)) } ?? start.adding(days: rng.int(days))
        var sentences: [String] = []
        let own = base.sentences.prefix(3 + rng.int(12))
        sentences += own
        for _ in 0..<rng.int(8) {
            let other = rng.pick(source)
            sentences.append(rng.pick(other.sentences))
        }
        if let m = meeting {
            let a = world.people[m.people[0]], b = world.people[m.people[1]]
            sentences.insert("\(a.country)'s \(a.role) \(a.name) met \(b.country)'s \(b.role) \(b.name) in \(m.city) for \(m.kind) on \(m.day).", at: 0)
            let quote = rng.pick(rng.pick(source).sentences)
            sentences.insert("“\(quote)” \(b.name.split(separator: " ").last ?? "") told reporters after the \(m.kind.replacingOccurrences(of: "a ", with: "")).", at: min(2, sentences.count))
            for p in m.people.dropFirst(2) {
                let c = world.people[p]
                sentences.append("\(c.role.prefix(1).uppercased() + c.role.dropFirst()) \(c.name) also attended, according to officials.")
            }
        } else if rng.chance(0.5) {
            let p = world.people[rng.int(world.people.count)]
            sentences.insert("\(p.name), \(p.country)'s \(p.role), said on \(day) that the figures were \"under review\".", at: 0)
        }
        // Paragraphs of 1–4 sentences.
        var paragraphs: [String] = []
        var k = 0
        while k < sentences.count {
            let n = 1 + rng.int(4)
            paragraphs.append(sentences[k..<min(k + n, sentences.count)].joined(separator: " "))
            k += n
        }
        let outlet = rng.chance(0.3) && !base.outlet.isEmpty ? base.outlet : rng.pick(World.outlets)
        let title = meeting.map { "\($0.kind.replacingOccurrences(of: "a ", with: "").capitalized) in \($0.city): " } ?? ""
        let ext = rng.chance(0.1) ? "md" : "txt"
        let month = String(day.description.prefix(7))
        let dir = folder + "/" + month
        if madeFolders.insert(dir).inserted { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let text = """
            ---
            title: \(title)\(base.title.replacingOccurrences(of: "\n", with: " "))
            outlet: \(outlet)
            published: \(day)
            ---
            \(paragraphs.joined(separator: "\n\n"))

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: String(format: "%@/article-%06d.%@", dir, i, ext)))
    }
}

// MARK: - Measuring

func now() -> Double { Date().timeIntervalSince1970 }

func maxRSSMB() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_maxrss) / 1024  // kilobytes on Linux
}

/// User + system CPU seconds of this process so far: on a shared machine, wall time also counts
/// the time other processes held the cores.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6
        + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s[min(s.count - 1, Int(Double(s.count - 1) * p + 0.5))]
}

func index(_ roots: [String], path: String) async throws -> (SQLiteCorpusStore, IndexReport) {
    let opened = try IndexOpener.open(.file(path))
    for m in opened.messages { log(m) }
    let report = try await Indexer(reader: LoaderCorpusReader()).update(store: opened.store, roots: roots)
    return (opened.store, report)
}

/// Measures one corpus in this process and prints one JSON object.
func measure(roots: [String], indexPath: String, label: String, queries: Int, touchFolder: String?) async throws {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }
    var result: [String: Any] = ["label": label]

    let t0 = now()
    let c0 = cpuSeconds()
    let (store, report) = try await index(roots, path: indexPath)
    let build = now() - t0
    result["buildCPUSeconds"] = cpuSeconds() - c0
    result["articles"] = report.articles
    result["files"] = report.filesListed
    result["buildSeconds"] = build
    result["readSeconds"] = report.readSeconds
    result["writeSeconds"] = report.writeSeconds
    result["analysisSeconds"] = report.analysisSeconds
    result["articlesPerSecond"] = Double(report.articles) / build
    result["mbPerSecond"] = Double(report.bytesRead) / 1_048_576 / build
    result["sourceMB"] = Double(report.bytesRead) / 1_048_576
    result["buildMaxRSSMB"] = maxRSSMB()
    _ = try await store.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    result["indexMB"] = Double(try store.stats().bytes ?? 0) / 1_048_576
    log("\(label): built \(report.articles) articles in \(String(format: "%.2f", build)) s")

    // Warm open: open the index, check every file's stat (nothing changed), draw the first screen
    // of the list (the first 200 rows), then the whole corpus as the CLI loads it.
    let t1 = now()
    let reopened = try IndexOpener.open(.file(indexPath)).store
    let tOpen = now() - t1
    let firstPage = try reopened.summaries(ArticleQuery(limit: 200))
    let tFirst = now() - t1
    let check = try await Indexer(reader: LoaderCorpusReader()).update(store: reopened, roots: roots)
    let tCheck = now() - t1
    let corpus = try reopened.loadCorpus()
    let tLoad = now() - t1
    precondition(firstPage.count == min(200, report.articles) && check.filesRead == 0)
    result["openMs"] = tOpen * 1000
    result["firstScreenMs"] = tFirst * 1000
    result["openAndCheckMs"] = tCheck * 1000
    result["openAndLoadAllMs"] = tLoad * 1000

    // Query latencies over words, outlets, dates and actors drawn from the corpus itself.
    var rng = Rng(state: 42)
    let sample = try reopened.summaries(ArticleQuery(limit: 2000))
    let titles = sample.compactMap(\.title)
    let words = titles.flatMap { $0.split(separator: " ").map(String.init) }.filter { $0.count >= 5 && $0.allSatisfy(\.isLetter) }
    let outlets = Array(Set(sample.compactMap(\.outlet)))
    let days = sample.compactMap(\.published)
    let actorNames: [String] = try await reopened.writer.read { db in
        try String.fetchAll(db, sql: "SELECT alias FROM actor_alias ORDER BY actor_id LIMIT 500")
    }
    func time(_ q: () throws -> Int) rethrows -> (Double, Int) {
        let s = now()
        let n = try q()
        return ((now() - s) * 1000, n)
    }
    func run(_ name: String, _ make: (inout Rng) -> ArticleQuery?) throws {
        var ms: [Double] = []
        var rows = 0
        for _ in 0..<queries {
            guard let q = make(&rng) else { break }
            let (t, n) = try time { try reopened.summaries(q).count }
            ms.append(t)
            rows += n
        }
        if ms.isEmpty {
            result[name] = ["n": 0]
        } else {
            result[name] = ["p50": percentile(ms, 0.5), "p95": percentile(ms, 0.95), "n": ms.count,
                            "meanRows": Double(rows) / Double(ms.count)]
        }
    }
    // The comparison of an event reported by several articles, built from the loaded corpus.
    let grouped = corpus.events.filter { $0.articles.count >= 2 }
    if !grouped.isEmpty {
        var ms: [Double] = []
        for _ in 0..<min(queries, 100) {
            let e = rng.pick(grouped)
            let s = now()
            _ = Comparison.build(event: e, corpus: corpus)
            ms.append((now() - s) * 1000)
        }
        result["comparison"] = ["p50": percentile(ms, 0.5), "p95": percentile(ms, 0.95), "n": ms.count]
    }
    result["actors"] = corpus.actors.count
    result["events"] = corpus.events.count
    result["groupedEvents"] = grouped.count
    try run("actorFilter") { r in actorNames.isEmpty ? nil : ArticleQuery(actor: r.pick(actorNames)) }
    try run("outletFilter") { r in outlets.isEmpty ? nil : ArticleQuery(outlet: r.pick(outlets)) }
    try run("dateFilter") { r in
        guard let d = days.isEmpty ? nil : r.pick(days) else { return nil }
        return ArticleQuery(since: d, until: d.adding(days: 6))
    }
    try run("search") { r in words.isEmpty ? nil : ArticleQuery(text: r.pick(words), limit: 200) }
    // As the user types: each prefix of a word.
    try run("searchAsYouType") { r in
        guard !words.isEmpty else { return nil }
        let w = r.pick(words)
        return ArticleQuery(text: String(w.prefix(2 + r.int(max(1, w.count - 2)))), limit: 200)
    }
    try run("searchAllRows") { r in words.isEmpty ? nil : ArticleQuery(text: r.pick(words)) }
    try run("searchWithDate") { r in
        guard !words.isEmpty, let d = days.isEmpty ? nil : r.pick(days) else { return nil }
        return ArticleQuery(since: d, until: d.adding(days: 30), text: r.pick(words), limit: 200)
    }

    // Re-index after 1% of the files changed (content appended), and after 1% were only touched.
    if let folder = touchFolder {
        var files: [String] = []
        if let e = FileManager.default.enumerator(atPath: folder) {
            while let f = e.nextObject() as? String {
                if f.hasSuffix(".txt") || f.hasSuffix(".md") { files.append(folder + "/" + f) }
            }
        }
        files.sort()
        let step = 100
        var changed = 0
        for (i, f) in files.enumerated() where i % step == 0 {
            guard let h = FileHandle(forWritingAtPath: f) else { continue }
            h.seekToEndOfFile()
            h.write(Data("\nA correction was appended to this article on review.\n".utf8))
            try? h.close()
            changed += 1
        }
        let t2 = now()
        let c2 = cpuSeconds()
        let r1 = try await Indexer(reader: LoaderCorpusReader()).update(store: reopened, roots: roots)
        result["reindexChangedSeconds"] = now() - t2
        result["reindexChangedCPUSeconds"] = cpuSeconds() - c2
        result["reindexChangedFiles"] = r1.filesRead
        result["reindexChangedAnalysisSeconds"] = r1.analysisSeconds
        let later = Date(timeIntervalSinceNow: 120)
        for (i, f) in files.enumerated() where i % step == 1 {
            try? FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: f)
        }
        let t3 = now()
        let r2 = try await Indexer(reader: LoaderCorpusReader()).update(store: reopened, roots: roots)
        result["reindexTouchedSeconds"] = now() - t3
        result["reindexTouchedFiles"] = r2.touched
        precondition(r1.filesRead == changed)
    }
    result["maxRSSMB"] = maxRSSMB()
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}

// MARK: - Orchestration

func runChild(_ args: [String]) throws -> [String: Any] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0,
          let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
          let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        fail("measurement \(args) failed (status \(p.terminationStatus))")
    }
    return obj
}

func f(_ x: Any?, _ digits: Int = 1) -> String {
    guard let d = (x as? NSNumber)?.doubleValue else { return "n/a" }
    return String(format: "%.\(digits)f", d)
}

func lat(_ r: [String: Any], _ key: String) -> String {
    guard let m = r[key] as? [String: Any], let n = m["n"] as? Int, n > 0 else { return "n/a" }
    return "\(f(m["p50"], 2)) / \(f(m["p95"], 2))"
}

func markdown(_ results: [[String: Any]], command: String) -> String {
    var cpu = "unknown CPU"
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
       let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
        cpu = String(line.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let mem = ProcessInfo.processInfo.physicalMemory / 1_048_576
    var s = "| | " + results.map { "\($0["label"] ?? "?")" }.joined(separator: " | ") + " |\n"
    s += "|---|" + results.map { _ in "---:" }.joined(separator: "|") + "|\n"
    func row(_ name: String, _ cell: ([String: Any]) -> String) {
        s += "| \(name) | " + results.map(cell).joined(separator: " | ") + " |\n"
    }
    row("articles (files)") { "\($0["articles"] ?? "?") (\($0["files"] ?? "?"))" }
    row("source MB") { f($0["sourceMB"]) }
    row("actors / events (with ≥ 2 articles)") { "\($0["actors"] ?? "?") / \($0["events"] ?? "?") (\($0["groupedEvents"] ?? "?"))" }
    row("build s") { f($0["buildSeconds"], 2) }
    row("… reading + cleaning + writing s") { f($0["readSeconds"], 2) }
    row("… of which index writes (FTS included) s") { f($0["writeSeconds"], 2) }
    row("… corpus-level analysis s") { f($0["analysisSeconds"], 2) }
    row("index writes alone, articles/s") { r in
        guard let w = (r["writeSeconds"] as? NSNumber)?.doubleValue, w > 0, let n = r["articles"] as? Int else { return "n/a" }
        return String(format: "%.0f", Double(n) / w)
    }
    row("articles/s") { f($0["articlesPerSecond"], 0) }
    row("CPU s (user+sys) for the build") { f($0["buildCPUSeconds"], 1) }
    row("articles/s if 2 cores were ours (articles / CPU s × 2)") { r in
        guard let c = (r["buildCPUSeconds"] as? NSNumber)?.doubleValue, c > 0, let n = r["articles"] as? Int else { return "n/a" }
        return String(format: "%.0f", 2 * Double(n) / c)
    }
    row("MB/s") { f($0["mbPerSecond"], 1) }
    row("index MB") { f($0["indexMB"]) }
    row("peak memory MB (build / whole run)") { "\(f($0["buildMaxRSSMB"], 0)) / \(f($0["maxRSSMB"], 0))" }
    row("warm open ms") { f($0["openMs"]) }
    row("open + first screen (200 rows) ms") { f($0["firstScreenMs"]) }
    row("open + stat every file ms") { f($0["openAndCheckMs"]) }
    row("open + load whole corpus ms") { f($0["openAndLoadAllMs"]) }
    row("actor filter p50 / p95 ms") { lat($0, "actorFilter") }
    row("outlet filter p50 / p95 ms") { lat($0, "outletFilter") }
    row("date filter (7 days) p50 / p95 ms") { lat($0, "dateFilter") }
    row("search, top 200 p50 / p95 ms") { lat($0, "search") }
    row("search as you type (prefix) p50 / p95 ms") { lat($0, "searchAsYouType") }
    row("search, all rows p50 / p95 ms") { lat($0, "searchAllRows") }
    row("search + 30-day filter p50 / p95 ms") { lat($0, "searchWithDate") }
    row("comparison of one event p50 / p95 ms") { lat($0, "comparison") }
    row("re-index, 1% files changed s (files)") { r in
        r["reindexChangedSeconds"] == nil ? "n/a" : "\(f(r["reindexChangedSeconds"], 2)) (\(r["reindexChangedFiles"] ?? "?"))"
    }
    row("… of which analysis s") { f($0["reindexChangedAnalysisSeconds"], 2) }
    row("re-index 1% CPU s / build CPU s") { r in
        guard let a = (r["reindexChangedCPUSeconds"] as? NSNumber)?.doubleValue,
              let b = (r["buildCPUSeconds"] as? NSNumber)?.doubleValue, b > 0 else { return "n/a" }
        return String(format: "%.2f / %.1f (%.1f%%)", a, b, 100 * a / b)
    }
    row("re-index, 1% touched only s") { f($0["reindexTouchedSeconds"], 2) }
    row("re-index 1% / full build") { r in
        guard let a = (r["reindexChangedSeconds"] as? NSNumber)?.doubleValue,
              let b = (r["buildSeconds"] as? NSNumber)?.doubleValue else { return "n/a" }
        return String(format: "%.1f%%", 100 * a / b)
    }
    return """
        Machine: \(cpu), \(cores) cores, \(mem) MB RAM; \(ProcessInfo.processInfo.operatingSystemVersionString).
        Load average when the run ended: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?") (other builds shared the 2 cores).
        Release build. Command:

            \(command)

        \(s)
        """
}

let args = Array(CommandLine.arguments.dropFirst())
if args.first == "measure" {
    // measure LABEL INDEX QUERIES TOUCH-FOLDER|- ROOT...
    guard args.count >= 6, let q = Int(args[3]) else { fail("measure: bad arguments") }
    try await measure(roots: Array(args[5...]), indexPath: args[2], label: args[1], queries: q,
                      touchFolder: args[4] == "-" ? nil : args[4])
    exit(0)
}
if args.first == "generate" {
    // generate N FOLDER [SOURCE]: only write a generated corpus (to index and time by hand).
    guard args.count >= 3, let n = Int(args[1]) else { fail("generate: bad arguments") }
    let source = loadSource(args.count > 3 ? args[3] : Options([]).source)
    let t = now()
    try generate(count: n, into: args[2], from: source)
    log("generated \(n) articles in \(String(format: "%.1f", now() - t)) s")
    exit(0)
}
if args.first == "update" {
    // update INDEX ROOT...: one incremental update with its timings, for profiling.
    guard args.count >= 3 else { fail("update: bad arguments") }
    let t = now()
    let (_, r) = try await index(Array(args[2...]), path: args[1])
    log(String(format: "%.2f s: listed %d, read %d, unchanged %d, scan %.2f s, read %.2f s (writes %.2f s), analysis %.2f s",
               now() - t, r.filesListed, r.filesRead, r.unchanged, r.scanSeconds, r.readSeconds, r.writeSeconds,
               r.analysisSeconds))
    log(String(format: "analysis: load metadata + cache %.2f s, write %.2f s; reused actors %d, events %d; texts loaded %d; articles rewritten %d",
               r.cacheLoadSeconds, r.analysisWriteSeconds, r.extractionsReused, r.eventsReused, r.bodiesLoaded,
               r.analysisRewrote))
    log(String(format: "analysis: extract %.2f s, merge %.2f s, events %.2f s", r.extractSeconds, r.mergeSeconds, r.eventsSeconds))
    exit(0)
}
let options = Options(args)
try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
var results: [[String: Any]] = []
if options.real {
    log("real corpus: \(options.source)")
    results.append(try runChild(["measure", "real (5,660)", options.work + "/real.sqlite", "\(options.queries)", "-",
                                 options.source]))
}
if !options.sizes.isEmpty {
    log("loading \(options.source)")
    let source = loadSource(options.source)
    for n in options.sizes {
        let folder = options.work + "/corpus-\(n)"
        let t = now()
        try generate(count: n, into: folder, from: source)
        log("generated \(n) articles in \(String(format: "%.1f", now() - t)) s")
        results.append(try runChild(["measure", "\(n)", options.work + "/index-\(n).sqlite", "\(options.queries)",
                                     folder, folder]))
    }
}
let command = "swift build -c release --scratch-path .build-store && .build-store/release/parallax-bench "
    + CommandLine.arguments.dropFirst().joined(separator: " ")
let md = markdown(results, command: command)
print(md)
if let path = options.report {
    try md.write(toFile: path, atomically: true, encoding: .utf8)
}
