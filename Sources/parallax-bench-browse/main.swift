import Foundation
import ParallaxBrowse
import ParallaxCore
import ParallaxStore
import GRDB
import ParallaxTUI
#if canImport(Glibc)
import Glibc
#endif

// Times what a TUI user waits for on an existing index (release build): opening to the first frame,
// and each filter or search keystroke (update + render of the frame), with the peak memory.
//
//   parallax-bench-browse INDEX [--memory] [--queries N] [--size WxH]
//
// BROWSE_SPLIT=1 also times the parts of the open: the compact rows alone, the join that gives corpus
// order (row numbers only), and a plain scan of the article table.
//
// Default: the store-backed query (StoreCorpus). --memory: the whole corpus loaded into MemoryCorpus,
// as the TUI did before, for comparison. Run each in its own process: peak memory is per process.

func now() -> Double { Date().timeIntervalSince1970 }

func maxRSSMB() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_maxrss) / 1024
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}


var args = Array(CommandLine.arguments.dropFirst())
guard let path = args.first else {
    FileHandle.standardError.write(Data("usage: parallax-bench-browse INDEX [--memory] [--queries N] [--size WxH]\n".utf8))
    exit(2)
}
args.removeFirst()
var memory = false
var queries = 100
var width = 120, height = 40
while let a = args.first {
    args.removeFirst()
    switch a {
    case "--memory": memory = true
    case "--queries": queries = args.first.flatMap(Int.init) ?? queries; if !args.isEmpty { args.removeFirst() }
    case "--size":
        let parts = (args.first ?? "").split(separator: "x").compactMap { Int($0) }
        if parts.count == 2 { width = parts[0]; height = parts[1] }
        if !args.isEmpty { args.removeFirst() }
    default: break
    }
}

func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func ms(_ t: Double) -> String { String(format: "%.1f", t * 1000) }

let t0 = now()
let store = try SQLiteCorpusStore(path: path)
let tStore = now()
if ProcessInfo.processInfo.environment["BROWSE_SPLIT"] != nil {
    let a = now()
    let rows = try store.browseRows()
    let b = now()
    print("browseRows alone ms: \(ms(b - a)) (\(rows.count) rows)")
    let c = now()
    _ = try store.writer.read { db in try Int64.fetchAll(db, sql: "SELECT a.seq FROM source_file f JOIN article a ON a.file_path = f.path") }
    print("join, seq only ms: \(ms(now() - c))")
    let d = now()
    _ = try store.writer.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM article") }
    print("article seq scan ms: \(ms(now() - d))")
}
let cpuStore = threadCPU()
let query: any CorpusQuery
if memory {
    query = MemoryCorpus(try store.loadCorpus())
} else {
    query = try StoreCorpus(store: store)
}
let tOpen = now()
let cpuOpen = threadCPU()
var state = AppState(query: query, width: width, height: height)
let tState = now()
let frame = render(state)
let tFrame = now()
(query as? StoreCorpus)?.warmUp()  // as the TUI does once the first frame is drawn
precondition(frame.lines[0].contains("Articles"), "the first frame lists the articles")
print("mode: \(memory ? "MemoryCorpus (load whole corpus)" : "StoreCorpus (browse the index)")  index: \(path)")
print("articles: \(query.articleCount)  actors: \(query.actorCount)")
print("open the index ms: \(ms(tStore - t0)); query ready: \(ms(tOpen - tStore)); state (selected article's panes): \(ms(tState - tOpen)); render: \(ms(tFrame - tState))")
print("query ready, CPU of this thread ms: \(ms(cpuOpen - cpuStore))")
print("open + first frame \(width)x\(height) ms: \(ms(tFrame - t0))")
print(String(format: "peak RSS after first frame MB: %.0f", maxRSSMB()))

// What the filters pick from: actors of visible articles, outlets, days, events, title words.
var rng = SplitMix64(seed: 42)
var actorIDs: [String] = []
var words: [String] = []
var days: [Day] = []
for _ in 0..<200 {
    let a = query.article(at: rng.below(query.articleCount))
    actorIDs += query.actors(inArticle: a.id).prefix(3).map(\.id)
    if let d = a.published?.day { days.append(d) }
    for w in (a.title ?? "").split(whereSeparator: { !$0.isLetter }) where w.count >= 5 { words.append(String(w)) }
}
// A second query over the same index to time the filter alone: StoreCorpus keeps the sets it read
// (actor, event, search), and the timed key must not find them there.
let alone: any CorpusQuery = memory ? query : try StoreCorpus(store: store)
let outlets = query.outlets.map(\.name)
let events = query.events.map(\.id)
let tLists = now()
print("(actor directory and event list ready after first frame: \(ms(tLists - tFrame)) ms)")

@MainActor func time(_ name: String, _ make: (inout SplitMix64) -> Filters?) {
    var samples: [Double] = []
    var aloneTimes: [Double] = []
    var shown = 0
    for _ in 0..<queries {
        guard let f = make(&rng) else { continue }
        let q = now()
        _ = alone.filter(f.query)
        aloneTimes.append(now() - q)
        let t = now()
        state.setFilters(f)
        state.answerLoads()
        let b = render(state)
        samples.append(now() - t)
        shown += state.visible.count
        _ = b
    }
    guard !samples.isEmpty else { print("\(name): n/a"); return }
    print(String(format: "%@ p50 / p95 ms: query %.2f / %.2f; key to frame %.2f / %.2f  (mean rows %d)", name,
                 percentile(aloneTimes, 0.5) * 1000, percentile(aloneTimes, 0.95) * 1000,
                 percentile(samples, 0.5) * 1000, percentile(samples, 0.95) * 1000, shown / samples.count))
}

time("actor filter") { r in actorIDs.isEmpty ? nil : Filters(actor: actorIDs[r.below(actorIDs.count)]) }
time("outlet filter") { r in outlets.isEmpty ? nil : Filters(outlet: outlets[r.below(outlets.count)]) }
time("date filter (7 days)") { r in
    guard let d = days.isEmpty ? nil : days[r.below(days.count)] else { return nil }
    return Filters(dates: DayRange(from: d.adding(days: -3), to: d.adding(days: 3)))
}
time("event filter") { r in events.isEmpty ? nil : Filters(event: events[r.below(events.count)]) }
time("search, whole word") { r in words.isEmpty ? nil : Filters(search: words[r.below(words.count)]) }

// Search as you type: the keystrokes of a word in the `/` prompt, each an update and a frame.
var typing: [Double] = []
for i in 0..<max(1, queries / 5) {
    guard !words.isEmpty else { break }
    var s = AppState(query: query, width: width, height: height)
    s = update(s, .key(.char("/"))).0
    for c in words[(i * 7) % words.count] {
        let t = now()
        s = settle(s, .key(.char(c))).0
        _ = render(s)
        typing.append(now() - t)
    }
}
print(String(format: "search as you type (per key) p50 / p95 ms: %.2f / %.2f", percentile(typing, 0.5) * 1000,
             percentile(typing, 0.95) * 1000))

// Moving down the list, a page at a time: each new page reads its rows' articles.
state.setFilters(Filters())
state.answerLoads()
var paging: [Double] = []
for _ in 0..<queries {
    let t = now()
    state = settle(state, .key(.pageDown)).0
    _ = render(state)
    paging.append(now() - t)
}
print(String(format: "page down p50 / p95 ms: %.2f / %.2f", percentile(paging, 0.5) * 1000, percentile(paging, 0.95) * 1000))
// The comparison of the selected article's event (opened with `c`).
var comparing: [Double] = []
for _ in 0..<min(queries, 30) {
    guard !events.isEmpty else { break }
    let t = now()
    _ = query.comparison(ofEvent: events[rng.below(events.count)])
    comparing.append(now() - t)
}
print(String(format: "comparison of an event p50 / p95 ms: %.2f / %.2f", percentile(comparing, 0.5) * 1000,
             percentile(comparing, 0.95) * 1000))
print(String(format: "peak RSS while browsing MB: %.0f", maxRSSMB()))
