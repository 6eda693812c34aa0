import XCTest
@testable import ParallaxCore

/// Helpers for the actor tests: run the stage over texts the tests write.
enum ActorTestSupport {
    static let analysis = ActorAnalysis(gazetteer: .shipped, lexicon: .shipped)

    static func article(_ id: String, _ body: String) -> Article {
        Article(id: id, path: id + ".txt", format: .text, rawText: body, body: body, title: nil, outlet: nil,
                outletSource: .none, published: nil, url: nil, sources: [], removed: [], truncated: false)
    }

    /// Names of the people found in one text.
    static func people(_ body: String) -> [String] {
        analysis.run([article("a", body)]).actors.filter { $0.kind == .person }.map(\.name).sorted()
    }

    static func run(_ bodies: [String]) -> ActorAnalysis.Result {
        analysis.run(bodies.enumerated().map { article("a\($0.offset)", $0.element) })
    }
}
