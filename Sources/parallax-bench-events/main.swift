import Foundation
import ParallaxCore

// Benchmark of the events stage and the comparison on a large corpus (release build):
//   swift run -c release parallax-bench-events /work/shared/corpora/calebong-news-2021-2023.jsonl
// Prints, for growing slices of the corpus, the time to group events and to build every comparison,
// so that growth can be read off (it must stay near-linear, not quadratic).

func seconds(_ f: () -> Void) -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    f()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

let paths = Array(CommandLine.arguments.dropFirst())
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: parallax-bench-events PATH…\n".utf8))
    exit(2)
}
var loaded: Corpus?
let loadTime = seconds { loaded = try? CorpusLoader().load(paths: paths) }
guard let full = loaded else {
    FileHandle.standardError.write(Data("parallax-bench-events: could not load \(paths)\n".utf8))
    exit(1)
}
// Undo what the events stage did at load, so each run starts from the articles as metadata left them.
let articles = full.articles.map { a -> Article in
    var a = a
    if a.published?.source == .event { a.published = nil }
    return a
}
print("loaded \(articles.count) articles in \(String(format: "%.2f", loadTime)) s (ingest + all stages)")
print("articles  events  reported  group-s  compare-s  compare-ms/event")
var n = 500
while true {
    let slice = Array(articles.prefix(n))
    let base = Corpus(articles: slice, actors: full.actors.isEmpty ? [] : full.actors)
    var grouped = base
    let g = seconds { grouped = EventGrouper().run(base) }
    let reported = grouped.events.filter { !$0.articles.isEmpty }
    var items = 0
    let c = seconds {
        for e in reported {
            let cmp = Comparison.build(event: e, corpus: grouped)
            items += cmp.shared.count + cmp.unique.count + cmp.quotes.count + cmp.numbers.count
        }
    }
    print(String(format: "%8d  %6d  %8d  %7.3f  %9.3f  %16.2f", slice.count, grouped.events.count, reported.count, g, c,
                 reported.isEmpty ? 0 : 1000 * c / Double(reported.count)))
    if n >= articles.count { break }
    n = min(n * 2, articles.count)
}

