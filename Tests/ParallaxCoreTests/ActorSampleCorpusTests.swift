import XCTest
@testable import ParallaxCore

/// The actors stage over the embedded sample corpus, through the real loader.
final class ActorSampleCorpusTests: XCTestCase {
    func testSampleCorpusPeopleAndMerging() throws {
        let corpus = try CorpusLoader().load(paths: [])
        let people = corpus.actors.filter { $0.kind == .person }
        let names = Set(people.map(\.name))
        for n in ["Andriy Yermak", "Volodymyr Zelensky", "Vladimir Putin", "Dmitry Peskov", "Joe Biden", "Sergei Lavrov",
                  "Emily Horne", "Wendy Sherman", "Sergei Ryabkov", "Jens Stoltenberg", "Olga Stefanishyna"] {
            XCTAssertTrue(names.contains(n), n)
        }
        // Photo credits, places and named things are not people.
        for n in ["Mandel Ngan", "Kiev", "Donbass", "Normandy", "Allied Resolve", "Barents Sea", "Cold War"] {
            XCTAssertFalse(names.contains(n), n)
        }
        XCTAssertEqual(people.first { $0.name == "Volodymyr Zelensky" }?.articleIDs.count, 4)
        XCTAssertEqual(corpus.actors.first { $0.name == "NATO" }?.articleIDs.count, 5)
        // Every article's summary names its people once, under one name each.
        let summaries = corpus.actorSummaries()
        for a in corpus.articles {
            let ppl = (summaries[a.id] ?? []).filter { $0.kind == .person }.map(\.name)
            XCTAssertEqual(ppl.count, Set(ppl).count)
        }
    }
}
