import ParallaxCore


/// Structure-aware mutations of news text: hostile fragments spliced into real articles.
enum Mutator {
    static let fragments: [[UInt8]] = [
        "\u{1B}[31m", "\u{1B}]8;;http://evil\u{07}", "\u{1B}]52;c;aGVsbG8=\u{07}", "\u{07}", "\u{08}\u{08}", "\r",
        "\u{85}", "\u{9B}", "\u{7F}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\0",
        "<div>", "</div>", "<script>", "<!--", "&amp;", "&#x1F600;", "&#99999999;", "<p", "\"", "“", "”", "‘", "’",
        "---\ntitle: x\n---\n", "{\"title\":", "[", "]", "}", "\n\n", " said ", ", he told reporters.",
        "President ", "Mr. ", "Zelenskyy", "Poutine", "January 10", "Friday, January 21", "on Monday", "talks in Geneva",
        "2022-01-26", "©", "FILE - ", "Comments are closed.", "With Reuters", "\u{FFFD}", "\u{0301}", "👩‍👩‍👧", "لا",
    ].map { Array($0.utf8) }

    static func mutate(_ seeds: [[UInt8]], rng: inout SplitMix64) -> [UInt8] {
        var b = seeds[rng.below(seeds.count)]
        let steps = 1 + rng.below(8)
        for _ in 0..<steps {
            let pos = b.isEmpty ? 0 : rng.below(b.count + 1)
            switch rng.below(7) {
            case 0: b.insert(contentsOf: fragments[rng.below(fragments.count)], at: pos)
            case 1 where !b.isEmpty: b[min(pos, b.count - 1)] = UInt8(truncatingIfNeeded: rng.next())
            case 2 where !b.isEmpty:
                let len = rng.below(min(64, b.count - min(pos, b.count - 1)))
                b.removeSubrange(min(pos, b.count - 1)..<min(b.count, pos + len))
            case 3:
                let other = seeds[rng.below(seeds.count)]
                if !other.isEmpty {
                    let s = rng.below(other.count)
                    let e = min(other.count, s + rng.below(400))
                    b.insert(contentsOf: other[s..<e], at: pos)
                }
            case 4 where b.count > 2:
                let s = rng.below(b.count - 1)
                let e = min(b.count, s + rng.below(200))
                b.insert(contentsOf: Array(b[s..<e]), at: pos)
            case 5: b = Array(b.prefix(pos))
            default: b.insert(contentsOf: Array(repeating: UInt8(ascii: "<"), count: rng.below(50)), at: pos)
            }
        }
        return b
    }
}

/// The built-in seed corpus: the embedded sample articles plus small hostile documents.
enum Seeds {
    static var builtIn: [[UInt8]] {
        var seeds: [[UInt8]] = []
        if let dir = ResourceFiles.sampleCorpus,
           let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
            for n in names.sorted() {
                if let d = FileManager.default.contents(atPath: dir.appendingPathComponent(n).path) { seeds.append([UInt8](d)) }
            }
        }
        seeds.append(Array("<html><head><title>T</title><meta property=\"og:site_name\" content=\"S\"></head><body><p>Body text said the minister.</p></body></html>".utf8))
        seeds.append(Array("[{\"title\":\"A\",\"text\":\"Talks in Geneva on Monday, Ryabkov said.\",\"source\":\"X\",\"date\":\"2022-01-10\"}]".utf8))
        seeds.append(Array("---\ntitle: x\noutlet: y\npublished: 2022-01-01\n---\nHeadline here now\n\n“Quote,” he said.".utf8))
        return seeds
    }
}

import Foundation
