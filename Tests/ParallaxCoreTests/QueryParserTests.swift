import ParallaxCore
import XCTest

/// The query language: what parses to what, what does not and where, and that a query written back
/// parses to itself.
final class QueryParserTests: XCTestCase {
    private func parse(_ s: String) throws -> QueryNode { try QueryParser.parse(s) }

    private func word(_ w: String, prefix: Bool = false) -> QueryNode { .text(TextTerm(raw: w, prefix: prefix)) }

    func testWordsCombineWithAndTheLastIsAPrefix() throws {
        XCTAssertEqual(try parse(""), .all)
        XCTAssertEqual(try parse("   "), .all)
        XCTAssertEqual(try parse("geneva"), word("geneva", prefix: true))
        XCTAssertEqual(try parse("sherman ryabkov"), .and([word("sherman"), word("ryabkov", prefix: true)]))
        // A trailing space ends the last word.
        XCTAssertEqual(try parse("sherman ryabkov "), .and([word("sherman"), word("ryabkov")]))
        // Folded: case and accents.
        guard case .text(let t) = try parse("Élysée ") else { return XCTFail("a word") }
        XCTAssertEqual(t.words, ["elysee"])
        XCTAssertFalse(t.prefix)
        // A word the tokenizer splits is a sequence.
        guard case .text(let pro) = try parse("pro-Russian ") else { return XCTFail("a word") }
        XCTAssertEqual(pro.words, ["pro", "russian"])
    }

    func testPhrasesOperatorsAndGrouping() throws {
        guard case .text(let p) = try parse("\"security guarantees\"") else { return XCTFail("a phrase") }
        XCTAssertEqual(p.words, ["security", "guarantees"])
        XCTAssertTrue(p.quoted)
        XCTAssertFalse(p.prefix, "a quoted phrase is never a prefix")
        XCTAssertEqual(try parse("geneva OR paris "), .or([word("geneva"), word("paris")]))
        XCTAssertEqual(try parse("-opinion "), .not(word("opinion")))
        XCTAssertEqual(try parse("NOT opinion "), .not(word("opinion")))
        // `or` in lower case is a word; AND binds tighter than OR.
        XCTAssertEqual(try parse("war or peace "), .and([word("war"), word("or"), word("peace")]))
        XCTAssertEqual(try parse("a b OR c "), .or([.and([word("a"), word("b")]), word("c")]))
        XCTAssertEqual(try parse("actor:putin (geneva OR paris) -opinion"),
                       .and([.actor("putin"), .or([word("geneva"), word("paris")]), .not(word("opinion", prefix: true))]))
        XCTAssertEqual(try parse("-(a OR b) "), .not(.or([word("a"), word("b")])))
        // Nested groups flatten.
        XCTAssertEqual(try parse("((a b)) c "), .and([word("a"), word("b"), word("c")]))
    }

    func testFields() throws {
        XCTAssertEqual(try parse("actor:kozak"), .actor("kozak"))
        XCTAssertEqual(try parse("actor:\"Dmitry Kozak\""), .actor("Dmitry Kozak"))
        XCTAssertEqual(try parse("outlet:TASS"), .outlet("TASS"))
        XCTAssertEqual(try parse("event:geneva-talks"), .event("geneva-talks"))
        XCTAssertEqual(try parse("kind:Talks"), .kind(.talks))
        XCTAssertEqual(try parse("tag:check"), .tag("check"))
        XCTAssertEqual(try parse("is:marked"), .marked)
        XCTAssertEqual(try parse("is:unread"), .unread)
        XCTAssertEqual(try parse("is:read"), .not(.unread))
        XCTAssertEqual(try parse("has:quote"), .hasQuote)
        XCTAssertEqual(try parse("date:none"), .undated)
        let d20 = Day(iso: "2022-01-20"), d27 = Day(iso: "2022-01-27")
        XCTAssertEqual(try parse("date:2022-01-20..2022-01-27"), .date(DayRange(from: d20, to: d27)))
        XCTAssertEqual(try parse("date:..2022-01-27"), .date(DayRange(from: nil, to: d27)))
        XCTAssertEqual(try parse("date:2022-01-20.."), .date(DayRange(from: d20, to: nil)))
        XCTAssertEqual(try parse("date:2022-01-20"), .date(DayRange(from: d20, to: d20)))
        XCTAssertEqual(try parse("since:2022-01-20 until:2022-01-27"),
                       .and([.date(DayRange(from: d20, to: nil)), .date(DayRange(from: nil, to: d27))]))
        // A field name is case-insensitive; a colon inside a word that is no field name is text.
        XCTAssertEqual(try parse("ACTOR:putin"), .actor("putin"))
        guard case .text(let t) = try parse("10:30 ") else { return XCTFail("text") }
        XCTAssertEqual(t.words, ["10", "30"])
        XCTAssertEqual(try parse("-actor:putin"), .not(.actor("putin")))
        XCTAssertEqual(try parse("(outlet:tass)"), .outlet("tass"))
    }

    /// Every error names what is wrong and the column where it is.
    func testErrorsHaveAMessageAndAColumn() {
        let cases: [(String, Int, String)] = [
            ("(geneva OR paris", 1, "not closed"),
            ("geneva)", 7, "without a matching"),
            ("putin \"unclosed", 7, "quote is not closed"),
            ("geneva OR", 8, "OR needs something after it"),
            ("OR geneva", 1, "OR needs something before it"),
            ("a OR OR b", 3, "OR needs something after it"),
            ("actor:", 7, "needs a value"),
            ("talks date:2022-13-45", 12, "not a date"),
            ("date:2022-01-27..2022-01-20", 6, "not a date or range"),
            ("since:yesterday", 7, "not a date"),
            ("kind:party", 6, "not an event kind"),
            ("is:flagged", 4, "expects marked, unread or read"),
            ("has:photos", 5, "expects quote"),
            ("colour:red", 1, "unknown field"),
            ("()", 1, "empty parentheses"),
            ("NOT", 1, "NOT needs something after it"),
            ("putin -(", 8, "not closed"),
        ]
        for (text, column, message) in cases {
            XCTAssertThrowsError(try parse(text), text) { error in
                guard let e = error as? QueryError else { return XCTFail("\(text): \(error)") }
                XCTAssertEqual(e.column, column, "\(text): \(e)")
                XCTAssertTrue(e.message.contains(message), "\(text): \(e.message)")
                XCTAssertTrue(e.description.contains("column \(column)"), e.description)
            }
        }
    }

    /// Hostile input: every prefix of awkward queries parses or fails with a `QueryError`; deep
    /// nesting is an error, not a stack overflow; control characters are text.
    func testHostileInputNeverCrashes() {
        let nasty = ["actor:\"a \\\" b\" (x OR -\"y z\") date:..2022-01-01 -(-(-a))",
                     "\u{1B}[31mred\u{7} OR \u{202E}evil\u{0}", "((((a)))) OR )) ((", "\"\"\"\"", "::::", "a:b:c:d",
                     "-\"", "OR OR OR", "NOT NOT NOT x", "date:", "tag:\"", "is:", "(\"unclosed ( OR", "🙂 OR 東京"]
        for q in nasty {
            let chars = Array(q)
            for n in 0...chars.count {
                do { _ = try QueryParser.parse(String(chars[0..<n])) } catch is QueryError {} catch {
                    XCTFail("\(q.prefix(n)): \(error)")
                }
            }
        }
        XCTAssertThrowsError(try parse(String(repeating: "(", count: 100_000) + "a")) { e in
            XCTAssertTrue((e as? QueryError)?.message.contains("nested") == true, "\(e)")
        }
        XCTAssertThrowsError(try parse(String(repeating: "-", count: 5_000) + "a"))
        XCTAssertNoThrow(try parse(String(repeating: "word ", count: 20_000)))
    }

    /// Punctuation alone finds nothing (rather than everything); inside a query it is ignored.
    func testPunctuation() throws {
        XCTAssertEqual(try parse("!!"), .nothing)
        XCTAssertEqual(try parse("- "), .nothing)
        XCTAssertEqual(try parse("putin — geneva "), .and([word("putin"), word("geneva")]))
        let words = ArticleQuery(text: "\"Paris\" ( -").parts.compactMap { p -> [String]? in
            if case .text(let t) = p { return t.words }
            return nil
        }
        XCTAssertEqual(words, [["paris"]], "text given as words is not query syntax")
        XCTAssertEqual(ArticleQuery(text: "*").root, .and([.nothing]))
    }

    /// Writing a query back gives text that parses to the same query.
    func testFormatRoundTrips() throws {
        for text in ["actor:putin (geneva OR paris) -opinion", "\"security guarantees\" outlet:\"Le Monde\"",
                     "date:2022-01-20..2022-01-27 OR date:none", "-(a OR b) c", "is:marked tag:\"to check\" has:quote",
                     "kind:talks since:2022-01-20", "NOT actor:\"Dmitry Kozak\" elysee", "-is:unread"] {
            let q = try ArticleQuery(parsing: text)
            XCTAssertEqual(try ArticleQuery(parsing: q.description), q, "\(text) → \(q.description)")
        }
        XCTAssertEqual(try ArticleQuery(parsing: "actor:putin  (geneva OR paris)  -opinion").description,
                       "actor:putin (geneva OR paris) -opinion")
    }

    func testUndatedHandlingIsExplicit() throws {
        let q = try ArticleQuery(parsing: "talks date:2022-01-20..2022-01-27")
        XCTAssertTrue(q.root.hasDateRange)
        XCTAssertFalse(try ArticleQuery(parsing: "talks date:none").root.hasDateRange)
        XCTAssertEqual(q.root.ignoringDateRanges, .and([word("talks"), .all]))
    }
}

/// The in-memory evaluation on a corpus written here: words, phrases, prefixes, OR/NOT, dates with
/// undated articles, outlets by file name, marks and tags.
final class QueryIndexTests: XCTestCase {
    private func article(_ id: String, _ title: String, outlet: String?, day: String?, body: String) -> Article {
        Article(id: id, path: "/c/\(id).txt", format: .text, rawText: body, body: body, title: title, outlet: outlet,
                outletSource: outlet == nil ? .none : .given,
                published: day.flatMap { Day(iso: $0) }.map { DatedValue(day: $0, source: .given, confidence: 1) },
                url: nil, sources: [], removed: [], truncated: false)
    }

    func testEvaluation() throws {
        let corpus = Corpus(articles: [
            article("a1", "Talks in Geneva", outlet: "Harbour Gazette", day: "2022-01-21",
                    body: "Sherman and Ryabkov met for security guarantees talks."),
            article("a2", "Paris meeting", outlet: "Evening Courier", day: "2022-01-26",
                    body: "Advisers met at the Élysée; an opinion piece followed."),
            article("a3", "Notes", outlet: nil, day: nil, body: "Undated notes on Geneva and the harvest."),
        ])
        let idx = QueryIndex(corpus)
        var user = UserData()
        user.apply(.mark(["a2"], true))
        user.apply(.tag(["a1", "a3"], "Check", true))
        func ids(_ text: String) throws -> [String] {
            try idx.matches(ArticleQuery(parsing: text), user: user).map { corpus.articles[$0].id }
        }
        XCTAssertEqual(try ids("geneva"), ["a1", "a3"])
        XCTAssertEqual(try ids("gen"), ["a1", "a3"], "the last word is a prefix")
        XCTAssertEqual(try ids("gen "), [], "a finished word is whole")
        XCTAssertEqual(try ids("sherman ryabkov"), ["a1"], "all words, not a phrase")
        XCTAssertEqual(try ids("ryabkov sherman "), ["a1"])
        XCTAssertEqual(try ids("\"ryabkov sherman\""), [], "a phrase is in sequence")
        XCTAssertEqual(try ids("\"security guarantees\""), ["a1"])
        XCTAssertEqual(try ids("ELYSEE"), ["a2"])
        XCTAssertEqual(try ids("geneva OR paris"), ["a1", "a2", "a3"])
        XCTAssertEqual(try ids("geneva -harvest"), ["a1"])
        XCTAssertEqual(try ids("outlet:gazette OR outlet:a3"), ["a1", "a3"], "an outlet-less article by its file name")
        XCTAssertEqual(try ids("date:2022-01-20..2022-01-22"), ["a1"])
        XCTAssertEqual(try ids("-date:2022-01-20..2022-01-22"), ["a2", "a3"])
        XCTAssertEqual(try ids("date:none"), ["a3"])
        XCTAssertEqual(try ids("is:marked"), ["a2"])
        XCTAssertEqual(try ids("tag:check"), ["a1", "a3"])
        XCTAssertEqual(try ids("-tag:CHECK"), ["a2"])
        XCTAssertEqual(try ids("is:unread"), ["a1", "a2", "a3"])
        XCTAssertEqual(idx.undatedLeftOut(try ArticleQuery(parsing: "geneva date:2022-01-01..2022-12-31"), user: user), 1)
        XCTAssertEqual(idx.undatedLeftOut(try ArticleQuery(parsing: "paris date:2022-01-01..2022-12-31"), user: user), 0)
        XCTAssertEqual(idx.undatedLeftOut(try ArticleQuery(parsing: "geneva"), user: user), 0)
    }
}
