import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxTUI
import XCTest
@testable import ParallaxBrowse

/// The store-backed query must answer every question the TUI asks exactly as the in-memory model
/// does, typed queries included (the query conformance suite: same answers, same order).
final class StoreCorpusTests: XCTestCase {
    /// Indexes `roots` (empty: the embedded sample) with the real pipeline into an in-memory index and
    /// returns both queries over it.
    private func both(_ roots: [String]) async throws -> (memory: MemoryCorpus, store: StoreCorpus) {
        let store = try SQLiteCorpusStore.inMemory()
        _ = try await Indexer(reader: LoaderCorpusReader(), chunkSize: 3).update(store: store, roots: roots)
        let corpus = try store.loadCorpus()
        let query = try StoreCorpus(store: store, warnings: corpus.warnings)
        query.warmUp()
        return (MemoryCorpus(corpus), query)
    }

    /// A corpus the test writes: several outlets, dated and undated articles, a file without an outlet,
    /// meetings reported by several outlets, people with spelling variants and quotes.
    private func writeFixture() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-browse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let people = [("Maria", "Lindqvist", "foreign minister"), ("Tomasz", "Kowalczyk", "prime minister"),
                      ("Amara", "Okonkwo", "trade commissioner"), ("Kenji", "Watanabe", "defence minister")]
        let cities = ["Vienna", "Oslo", "Nairobi"]
        let outlets = ["Harbour Gazette", "Evening Courier", "Valley Times"]
        for i in 0..<18 {
            let a = people[i % people.count], b = people[(i + 1) % people.count]
            let city = cities[i % cities.count]
            let day = String(format: "2023-04-%02d", 3 + (i % 6))
            let spelled = i % 2 == 0 ? a.1 : a.1 + "s"
            let body = """
                \(a.0) \(a.1), the \(a.2), met \(b.0) \(b.1) in \(city) on Tuesday for talks on grain exports.

                "We agreed on the next steps," \(spelled) said after the meeting, which lasted \(2 + i % 3) hours.

                \(b.1) told reporters the talks were "difficult but useful". Officials from both sides will meet again in May.
                """
            var front = "---\ntitle: \(a.1) and \(b.1) meet in \(city) (\(i))\n"
            if i % 7 != 3 { front += "outlet: \(outlets[i % outlets.count])\n" }
            if i % 9 != 4 { front += "published: \(day)\n" }
            front += "---\n"
            let file = root.appendingPathComponent(String(format: "m%02d/article-%02d.txt", i % 3, i))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (front + body + "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        // Words that folding and tokenizing must treat alike in memory and in FTS5: accents, ß, ø, æ,
        // ł, dotless ı, Cyrillic, Greek, CJK, apostrophes, hyphens, numbers with separators, initials.
        try """
            ---
            title: Straße talks in Łódź and Tromsø — “Ærø” résumé
            outlet: Harbour Gazette
            published: 2023-04-09
            ---
            The U.S. envoy met Wałęsa's aides in Łódź; Zelenskyy’s office said the Straße deal was “pro-Western”.
            In Tromsø, Ærø and İstanbul delegates signed 1,250-page drafts at 10:30 on 3.5 days' notice.
            Москва и Київ обмінялися заявами. Η Αθήνα σιωπά. 東京で会談が行われた。 Café naïve coöperation — done 🙂.
            """.write(to: root.appendingPathComponent("m00/unicode.txt"), atomically: true, encoding: .utf8)
        // Undated and without an outlet: listed after the dated ones, known by its file name.
        try "Harvest notes\n\nThe harvest was late and the rain heavy across the northern valleys.\n"
            .write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        return root
    }

    private func assertSameAnswers(_ m: MemoryCorpus, _ s: StoreCorpus, file: StaticString = #filePath,
                                   line: UInt = #line) {
        XCTAssertEqual(s.articleCount, m.articleCount, file: file, line: line)
        for i in 0..<m.articleCount {
            let a = m.article(at: i)
            XCTAssertEqual(s.article(at: i), a, "article at \(i)", file: file, line: line)
            XCTAssertEqual(s.row(at: i), m.row(at: i), "row \(i)", file: file, line: line)
            XCTAssertEqual(s.index(ofArticle: a.id), i, file: file, line: line)
            XCTAssertEqual(s.actors(inArticle: a.id), m.actors(inArticle: a.id), "actors of \(a.id)", file: file, line: line)
            XCTAssertEqual(s.highlights(ofArticle: a.id), m.highlights(ofArticle: a.id), "highlights of \(a.id)",
                           file: file, line: line)
            XCTAssertEqual(s.primaryEvent(ofArticle: a.id), m.primaryEvent(ofArticle: a.id), file: file, line: line)
        }
        XCTAssertNil(s.index(ofArticle: "no-such-article"), file: file, line: line)
        XCTAssertEqual(s.outlets.map(\.name), m.outlets.map(\.name), file: file, line: line)
        XCTAssertEqual(s.outlets.map(\.articles), m.outlets.map(\.articles), file: file, line: line)
        XCTAssertEqual(s.warnings, m.warnings, file: file, line: line)
        XCTAssertEqual(s.actorCount, m.actorCount, file: file, line: line)
        for a in m.actors {
            XCTAssertEqual(s.actor(id: a.id), a, "actor \(a.id)", file: file, line: line)
            var card = a
            card.mentions = []
            card.quotes = []
            XCTAssertEqual(s.actorCard(id: a.id), card, "card of \(a.id)", file: file, line: line)
        }
        let all = Array(0..<m.articleCount)
        XCTAssertEqual(s.actors(inArticles: all), m.actors(inArticles: all), file: file, line: line)
        let some = all.filter { $0 % 2 == 1 }
        XCTAssertEqual(s.actors(inArticles: some), m.actors(inArticles: some), file: file, line: line)
        // The list drops only the mentions, which the comparison alone reads through `event(id:)`.
        XCTAssertEqual(s.events.map(\.id), m.events.map(\.id), file: file, line: line)
        for (e, full) in zip(s.events, m.events) {
            var light = full
            light.mentions = []
            XCTAssertEqual(e, light, file: file, line: line)
            XCTAssertEqual(s.event(id: e.id), full, file: file, line: line)
            XCTAssertEqual(s.comparison(ofEvent: e.id), m.comparison(ofEvent: e.id), "comparison of \(e.id)",
                           file: file, line: line)
        }
        assertSameQueryAnswers(m, s, file: file, line: line)
        for text in ["", "a", "Zel", "lind", "zzzz", "Paris", "minister"] {
            XCTAssertEqual(s.completeActors(text), m.completeActors(text), "completion of \(text)", file: file, line: line)
        }
    }

    /// The conformance table: every query, typed or built from the corpus's own actors, outlets,
    /// events and days, gives the same articles in the same order from memory and from SQLite (through
    /// the TUI's `StoreCorpus` and through the store's own ordered answer), with the same count of
    /// undated articles left out; marks and tags set alike in both count too.
    private func assertSameQueryAnswers(_ m: MemoryCorpus, _ s: StoreCorpus, file: StaticString = #filePath,
                                        line: UInt = #line) {
        let all = Array(0..<m.articleCount)
        // The same working set in both.
        let ids = all.map { m.article(at: $0).id }
        for change in [UserDataChange.mark([ids[0], ids[min(2, ids.count - 1)]], true),
                       .tag([ids[min(1, ids.count - 1)], ids[min(2, ids.count - 1)]], "Check", true),
                       .tag([ids[ids.count - 1]], "later", true), .read([ids[0]], true)] {
            XCTAssertNil(m.apply(change), file: file, line: line)
            XCTAssertNil(s.apply(change), file: file, line: line)
        }
        XCTAssertEqual(s.userData, m.userData, file: file, line: line)
        var queries: [ArticleQuery] = [ArticleQuery()]
        func q(_ node: QueryNode) { queries.append(ArticleQuery(node)) }
        for a in m.actors.prefix(40) {
            q(.actor(a.id))
            q(.actor(a.name))
            if let alias = a.aliases.first { q(.actor(alias)) }
        }
        for o in m.outlets { q(.outlet(o.name)) }
        for e in m.events { q(.event(e.id)); q(.event(String(e.id.prefix(6)))) }
        for k in EventKind.allCases { q(.kind(k)) }
        let days = Set(all.compactMap { m.article(at: $0).published?.day }).sorted()
        for d in days {
            q(.date(DayRange(from: d, to: d)))
            q(.date(DayRange(from: nil, to: d)))
            q(.date(DayRange(from: d, to: nil)))
            q(.not(.date(DayRange(from: d, to: nil))))
        }
        if let o = m.outlets.first, let d = days.last, let a = m.actors.first {
            q(.and([.actor(a.id), .outlet(o.name), .date(DayRange(from: nil, to: d))]))
            q(.or([.actor(a.name), .not(.outlet(o.name))]))
        }
        q(.actor("no-such-actor"))
        q(.outlet("No Such Outlet"))
        q(.event("no-such-event"))
        // Words from the corpus's titles, whole and as prefixes, alone and combined.
        var words = Set<String>()
        for i in all {
            for w in (m.article(at: i).title ?? "").split(whereSeparator: { !$0.isLetter }) where w.count >= 4 {
                words.insert(String(w))
                words.insert(String(w.prefix(3)))
            }
        }
        let sortedWords = words.sorted()
        for (i, w) in sortedWords.enumerated() {
            queries.append(ArticleQuery(.and(ArticleQuery.words(w))))
            queries.append(ArticleQuery(.and(ArticleQuery.words(w + " "))))
            let other = sortedWords[(i * 7 + 3) % sortedWords.count]
            for text in ["\(w) OR \(other)", "\(w) -\(other)", "NOT \(w)", "\"\(w) \(other)\""] {
                if let parsed = try? ArticleQuery(parsing: text) { queries.append(parsed) }
            }
        }
        // The language itself.
        let typed = ["talks", "talks -geneva", "geneva OR paris", "(geneva OR paris) -talks", "\"peace talks\"",
                     "minist", "NOT minister", "has:quote", "-has:quote", "is:marked", "is:unread", "is:read",
                     "tag:check", "tag:CHECK OR tag:later", "-tag:check is:marked", "date:none", "-date:none",
                     "date:..2022-01-21 OR date:none", "-date:2023-04-05..2023-04-06", "since:2023-04-05 harbour",
                     "until:2022-01-21", "elysee", "Élysée", "ZELENSK", "pro-russian", "grain exports",
                     "\"grain exports\"", "outlet:gazette -outlet:evening", "kind:talks", "kind:meeting OR kind:call",
                     "!!", "moscow confirms", "moscow confirms ", "actor:lindqvist OR actor:kowalczyks",
                     "(is:marked OR tag:later) date:none", "said", "sai", "2023", "s",
                     "strasse", "straße", "STRASSE", "lodz", "łódź", "tromso", "tromsø", "aero", "ærø", "walesa", "wałęsa",
                     "istanbul", "İstanbul", "москва", "Київ", "киев", "αθηνα", "Αθήνα", "東京", "cafe", "naive", "cooperation",
                     "u.s.", "\"u s envoy\"", "1,250", "1250", "10:30", "3.5", "pro-western", "\"pro western\"",
                     "zelenskyy", "zelenskyy’s", "zelenskyy's", "resume", "résumé", "🙂", "\"signed 1 250\"", "wałęs", "łód"]
        for t in typed {
            do { queries.append(try ArticleQuery(parsing: t)) } catch { XCTFail("\(t): \(error)", file: file, line: line) }
        }
        // Text given as words (the CLI's --search), punctuation that is query syntax included.
        queries.append(ArticleQuery(text: "\"Paris\" ( -"))
        queries.append(ArticleQuery(text: "*"))
        let store = s.store as? SQLiteCorpusStore
        for query in queries {
            let memory = m.filter(query)
            XCTAssertEqual(s.filter(query), memory, "\(query)", file: file, line: line)
            if let store {
                XCTAssertEqual(try store.articleIDs(matching: query), memory.map { m.article(at: $0).id },
                               "ordered ids of \(query)", file: file, line: line)
                XCTAssertEqual(try store.summaries(query).map(\.id).sorted(), memory.map { m.article(at: $0).id }.sorted(),
                               "summaries of \(query)", file: file, line: line)
            }
            XCTAssertEqual(s.undatedLeftOut(query), m.undatedLeftOut(query), "undated left out by \(query)",
                           file: file, line: line)
        }
        XCTAssertTrue(queries.count > 60, "\(queries.count) queries")
        // Undo the working set (later cases start from none).
        for change in [UserDataChange.mark(ids, false), .tag(ids, "check", false), .tag(ids, "later", false), .read(ids, false)] {
            _ = m.apply(change)
            _ = s.apply(change)
        }
    }

    func testSampleCorpusAnswersLikeMemory() async throws {
        let (m, s) = try await both([])
        XCTAssertEqual(m.articleCount, 5)
        XCTAssertFalse(m.actors.isEmpty)
        XCTAssertFalse(m.events.isEmpty)
        assertSameAnswers(m, s)
    }

    func testWrittenCorpusAnswersLikeMemory() async throws {
        let root = try writeFixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let (m, s) = try await both([root.path])
        XCTAssertEqual(m.articleCount, 20)
        XCTAssertTrue(m.outlets.count >= 4, "three outlets and file names: \(m.outlets.map(\.name))")
        XCTAssertTrue(m.articles.contains { $0.published == nil })
        XCTAssertTrue(m.actors.count >= 4)
        XCTAssertTrue(m.actors.contains { !$0.quotes.isEmpty },
                      "\(m.actors.map { "\($0.name) \($0.kind) \($0.quotes.count)" }) \(m.corpus.quotes.count)")
        XCTAssertTrue(m.events.contains { $0.articles.count >= 2 }, "some meeting has several reports")
        assertSameAnswers(m, s)
        // The words of the article written in several scripts are found as the index folds them.
        let unicode = try XCTUnwrap(m.articles.firstIndex { $0.path.hasSuffix("unicode.txt") })
        for w in ["straße", "STRASSE ", "résumé", "RESUME", "tromsø", "istanbul", "İstanbul", "москва", "Київ",
                  "Αθήνα", "東京で会談が行われた", "wałęsa", "łódź", "\"u s envoy\"", "pro-western", "cooperation", "naive"] {
            let found = m.filter(try ArticleQuery(parsing: w))
            if w == "STRASSE " {
                XCTAssertEqual(found, [], "ß is not ss to the index, nor then to memory")
            } else {
                XCTAssertEqual(found, [unicode], w)
            }
        }
    }

    /// The same key presses draw the same 80×24 frames from either query.
    func testFramesAreIdentical() async throws {
        let (m, s) = try await both([])
        let scripts = ["", "j j", "<Tab>", "<Tab> <Tab>", "c", "t", "o VOA <Enter>", "a zelen", "a zelenskiy <Enter>",
                       "d 2022-01-21 <Enter>", "/ Yermak <Enter>", "/ talks", "/sherman <Space> ryabkov <Enter>",
                       "/ geneva <Space> OR <Space> paris <Space> -talks <Enter>", "/ date:none", "<Space> j <Space> / is:marked",
                       "T check <Enter> / tag:check", "e", "j <Enter> j", "A", "r", "G", "?",
                       "=", "= =", "R", ":sort <Space> title <Space> desc <Enter>", "/ talks <Enter> :sort <Space> rel <Enter>"]
        for (w, h) in [(80, 24), (120, 40)] {
            let ms = AppState(query: m, width: w, height: h)
            let ss = AppState(query: s, width: w, height: h)
            for script in scripts {
                var a = ms, b = ss
                for k in Key.script(script) {
                    a = settle(a, .key(k)).0
                    b = settle(b, .key(k)).0
                    XCTAssertEqual(render(b).lines, render(a).lines, "\(w)x\(h) during “\(script)”")
                }
                XCTAssertEqual(render(b).lines, render(a).lines, "\(w)x\(h) after “\(script)”")
            }
        }
    }

    /// `:sort` in the TUI (from memory and from the index) and `articles --sort` (`SortedArticles`)
    /// list the same articles in the same order, ties included, for every key both ways, with and
    /// without a query: on a corpus with shared days, outlets, titles, undated and outlet-less files.
    func testEverySortAgreesWithTheCLI() async throws {
        let root = try writeFixture()
        defer { try? FileManager.default.removeItem(at: root) }
        let (m, s) = try await both([root.path])
        let sql = try XCTUnwrap(s.store as? SQLiteCorpusStore)
        let sorts = ArticleSort.Key.allCases.flatMap { [ArticleSort($0, descending: false), ArticleSort($0, descending: true)] }
        var compared = 0
        for text in ["", "talks", "lindqvist OR okonkwo", "outlet:harbour -vienna", "grain exp"] {
            let q = try ArticleQuery(parsing: text)
            for sort in sorts where sort.key != .relevance || !q.searchTerms.isEmpty {
                let cli = try SortedArticles.summaries(q, sort: sort, store: sql).map(\.id)
                XCTAssertFalse(cli.isEmpty, "“\(text)”")
                for query in [m as any CorpusQuery, s] {
                    var st = AppState(query: query, width: 120, height: 40)
                    let keys = (text.isEmpty ? "" : ":query <Space> " + text.replacingOccurrences(of: " ", with: " <Space> ") + " <Enter> ")
                        + ":sort <Space> \(sort.key.rawValue) <Space> \(sort.descending ? "desc" : "asc") <Enter>"
                    for k in Key.script(keys) { st = settle(st, .key(k)).0 }
                    XCTAssertEqual(st.sort, sort)
                    XCTAssertEqual(st.visible.map { st.query.row(at: $0).id }, cli, "“\(text)” \(sort) \(type(of: query))")
                    compared += 1
                }
            }
        }
        XCTAssertEqual(compared, 2 * (6 + 8 + 8 + 6 + 8), "relevance only with words")
        // The orders differ from one another (the comparison could fail): outlet and title are not date.
        let all = ArticleQuery()
        let byDate = try SortedArticles.summaries(all, sort: .standard, store: sql).map(\.id)
        XCTAssertNotEqual(try SortedArticles.summaries(all, sort: ArticleSort(.outlet), store: sql).map(\.id), byDate)
        XCTAssertNotEqual(try SortedArticles.summaries(all, sort: ArticleSort(.title), store: sql).map(\.id), byDate)
        XCTAssertEqual(try SortedArticles.summaries(all, sort: .standard, store: sql).map(\.id), try sql.articleIDs(matching: all))
    }

    func testLRUKeepsTheRecentlyUsed() {
        let lru = LRU<Int, String>(capacity: 2)
        lru.put(1, "a")
        lru.put(2, "b")
        XCTAssertEqual(lru.get(1), "a")
        lru.put(3, "c")
        XCTAssertNil(lru.get(2), "the least recently used goes")
        XCTAssertEqual(lru.get(1), "a")
        XCTAssertEqual(lru.get(3), "c")
        XCTAssertEqual(lru.count, 2)
    }
}

/// Swapping an updated query into a running state keeps what the user was looking at.
final class ReplaceQueryTests: XCTestCase {
    func testReplacingTheQueryKeepsFiltersAndSelection() async throws {
        let store = try SQLiteCorpusStore.inMemory()
        _ = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [])
        let first = try StoreCorpus(store: store)
        var s = AppState(query: first, width: 120, height: 40)
        for k in Key.script("o France <Enter>") { s = settle(s, .key(k)).0 }
        let id = try XCTUnwrap(s.selectedArticle?.id)
        let filtered = s.visible
        XCTAssertTrue(filtered.count < first.articleCount)
        s.activity = "indexing: reading 3/5 files"
        XCTAssertTrue(render(s).lines[39].contains("indexing: reading 3/5 files"))
        // The same corpus from memory: another query object, the same answers.
        s.replaceQuery(MemoryCorpus(try store.loadCorpus()))
        s.answerLoads()
        XCTAssertTrue(s.query is MemoryCorpus)
        XCTAssertEqual(s.visible, filtered)
        XCTAssertEqual(s.selectedArticle?.id, id)
        XCTAssertEqual(s.filters.outlet, "France 24")
        XCTAssertEqual(s.derived.timeline.count, 0, "read only when the timeline is first shown")
        s = update(s, .key(.char("t"))).0
        XCTAssertEqual(s.derived.timeline.count, first.events.count)
        s.replaceQuery(first)
        s.answerLoads()
        XCTAssertEqual(s.derived.timeline.count, first.events.count, "read again for the new query")
    }
}

/// The comparison, the costliest pane, is built only once it is on screen.
final class LazyComparisonTests: XCTestCase {
    func testComparisonIsBuiltWhenShown() async throws {
        let store = try SQLiteCorpusStore.inMemory()
        _ = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [])
        let query = try StoreCorpus(store: store)
        // 80×24: the list and one pane, no Compare pane.
        let small = AppState(query: query, width: 80, height: 24)
        XCTAssertNotNil(query.primaryEvent(ofArticle: try XCTUnwrap(small.selectedArticle?.id)))
        XCTAssertNil(small.derived.comparison, "not on screen, not built")
        let opened = update(small, .key(.char("c"))).0
        XCTAssertEqual(opened.overlay, .comparison)
        XCTAssertNotNil(opened.derived.comparison)
        // 200×50: four panes, the Compare pane among them.
        let large = AppState(query: query, width: 200, height: 50)
        XCTAssertNotNil(large.derived.comparison)
        // Growing the terminal brings the pane, and the comparison, on screen.
        let grown = update(small, .resize(width: 200, height: 50)).0
        XCTAssertNotNil(grown.derived.comparison)
    }
}
