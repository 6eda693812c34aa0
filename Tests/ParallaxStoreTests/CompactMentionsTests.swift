import Foundation
import GRDB
import ParallaxCore
@testable import ParallaxStore
import XCTest

/// Issue 14, point 13: event mentions as columns, actor aggregates kept in the actor rows, and the
/// commands that read them without loading every mention.
final class CompactMentionsTests: XCTestCase {
    /// Every shape a mention's columns must carry back: each kind of date, missing ranges, no
    /// participants, a participant holding the separator, a weight that is not a round number.
    func testEventMentionsRoundTripThroughColumns() throws {
        let store = try SQLiteCorpusStore.inMemory()
        let d1 = Day(year: 2024, month: 2, day: 29)!, d2 = Day(year: 1999, month: 12, day: 31)!
        func m(_ date: EventDate?, _ participants: [String], range: TextRange? = TextRange(start: 3, end: 8),
               headline: Bool = false) -> EventMention {
            EventMention(stored: "article-1", range: range, sentence: range.map { TextRange(start: 0, end: $0.end + 10) },
                         kind: .talks, trigger: "talks", date: date, dateRange: date == nil ? nil : TextRange(start: 12, end: 19),
                         place: date == nil ? nil : "Geneva", placeRange: date == nil ? nil : TextRange(start: 23, end: 29),
                         participants: participants, inHeadline: headline, statedAhead: date != nil,
                         paragraph: headline ? -1 : 2, weight: 0.1 + 0.2)
        }
        let mentions = [
            m(nil, []),
            m(.span(d1, d1), ["Ann Lee"]),
            m(.span(d2, d1), ["Ann Lee", "Bo Chen"]),
            m(.weekday(3), ["Odd\u{1F}Name", ""]),
            m(.monthDay(7, 14), [""], range: nil, headline: true),
        ]
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO event (id, position, title, kind, date, place, hash) VALUES ('e', 0, 'T', 'talks', NULL, NULL, 'h')")
            let ins = try db.cachedStatement(sql: EventMentionRows.insertSQL)
            for (j, x) in mentions.enumerated() { try ins.execute(arguments: EventMentionRows.arguments(eventID: "e", position: j, x)) }
            // Not JSON: the separator list is, only where a name holds the separator.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM event_mention WHERE participants_json IS NOT NULL"), 1)
        }
        XCTAssertEqual(try store.event(id: "e")?.mentions, mentions)
        XCTAssertEqual(try store.loadCorpus().events.first?.mentions, mentions)
        XCTAssertEqual(try store.loadCorpus(parts: .init(texts: false, eventMentions: false)).events.first?.mentions, [])
    }

    /// The aggregates written with each actor row, and `actors --json`'s listing read without one
    /// mention row, say what the loaded model says.
    func testActorRowsKeepTheCountsAndTheListingEqualsTheLoadedActors() async throws {
        let store = try SQLiteCorpusStore.inMemory()
        _ = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [])
        let actors = try store.loadCorpus().actors
        XCTAssertFalse(actors.isEmpty)
        XCTAssertTrue(actors.contains { !$0.roles.isEmpty } && actors.contains { !$0.quotes.isEmpty })
        let listings = try store.actorListings()
        XCTAssertEqual(listings.map(\.actor.id), actors.map(\.id))
        XCTAssertEqual(listings.map(\.mentionCount), actors.map(\.mentions.count))
        XCTAssertEqual(listings.map(\.articleIDs), actors.map(\.articleIDs))
        XCTAssertEqual(listings.map(\.actor.shortName), actors.map(\.shortName))
        XCTAssertEqual(listings.map(\.actor.roles), actors.map(\.roles))
        XCTAssertEqual(listings.map(\.actor.quotes), actors.map(\.quotes))
        XCTAssertEqual(listings.map(\.actor.aliases), actors.map(\.aliases))
        XCTAssertTrue(listings.allSatisfy(\.actor.mentions.isEmpty))
        // The directory reads the same counts from the rows, not from the mention table: emptied, the
        // counts stay (they are written with the actors).
        try await store.writer.write { try $0.execute(sql: "DELETE FROM mention") }
        XCTAssertEqual(try store.actorDirectory().map(\.mentions), actors.map(\.mentions.count))
    }

    /// A parts load leaves out exactly the texts and the events' mentions.
    func testCorpusPartsLeaveOutOnlyTextsAndEventMentions() async throws {
        let store = try SQLiteCorpusStore.inMemory()
        _ = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [])
        let full = try store.loadCorpus()
        let light = try store.loadCorpus(parts: .init(texts: false, eventMentions: false))
        XCTAssertTrue(full.events.contains { !$0.mentions.isEmpty })
        XCTAssertTrue(light.articles.allSatisfy { $0.body.isEmpty && $0.rawText.isEmpty })
        var stripped = full
        for i in stripped.articles.indices { stripped.articles[i].body = ""; stripped.articles[i].rawText = "" }
        for i in stripped.events.indices { stripped.events[i].mentions = [] }
        XCTAssertEqual(light.articles, stripped.articles)
        XCTAssertEqual(light.events, stripped.events)
        XCTAssertEqual(light.actors, stripped.actors)
        XCTAssertEqual(light.quotes, stripped.quotes)
        XCTAssertEqual(light.primaryEvent, stripped.primaryEvent)
    }

    /// An index at v5 (event mentions as JSON, actor rows without counts) migrates: its events and
    /// actors are dropped and written again by the next update, which then equals a fresh build.
    func testAV5IndexMigratesAndItsNextUpdateEqualsAFreshBuild() async throws {
        let db = try TempFolder()
        let path = db.url.appendingPathComponent("index.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v5")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO event (id, position, title, kind, date, place, hash) VALUES ('old', 0, 'Old', 'talks', NULL, NULL, 'h');
                    INSERT INTO event_mention (event_id, position, article_id, data) VALUES ('old', 0, 'a', '{"articleID":"a"}');
                    INSERT INTO actor (id, position, name, kind, affiliation, is_source, mention_runs, role_runs, quote_runs)
                        VALUES ('x', 0, 'X', 'person', NULL, 0, '', '', '');
                    INSERT INTO meta (key, value) VALUES ('analysis_current', '1'), ('actors_hash', 'h');
                    """)
            }
            try queue.close()
        }
        let store = try SQLiteCorpusStore(path: path)
        XCTAssertEqual(store.migrationsApplied, ["v6-user-data", "v7-compact-mentions", "v8-name-keys"])
        XCTAssertFalse(try store.analysisIsCurrent())
        XCTAssertEqual(try store.eventList().count, 0)
        _ = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [])
        let fresh = try SQLiteCorpusStore.inMemory()
        _ = try await Indexer(reader: LoaderCorpusReader()).update(store: fresh, roots: [])
        XCTAssertNil(try store.loadCorpus().firstDifference(from: try fresh.loadCorpus()))
        XCTAssertEqual(try store.actorDirectory(), try fresh.actorDirectory())
    }
}
