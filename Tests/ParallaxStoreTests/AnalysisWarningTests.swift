import Foundation
import ParallaxCore
@testable import ParallaxStore
import XCTest

/// What the analysis sets aside is said where the files' warnings are: a page date years away from a
/// corpus of one month is not silently dropped (issue 16, "flagged, not silently preferred").
final class AnalysisWarningTests: XCTestCase {
    func testADateSetAsideByTheAnalysisIsReportedByTheUpdate() async throws {
        let folder = try TempFolder()
        for d in 11...19 {
            try folder.write("a\(d).txt", "Officials meet on trade\n\nJanuary \(d), 2022\n\nOfficials of the two countries met to discuss trade and tariffs, their ministries said.")
        }
        try folder.write("far.txt", "Officials meet on trade again\n\nJune 15, 2024\n\nOfficials of the two countries met again to discuss trade, their ministries said.")
        let store = try SQLiteCorpusStore.inMemory()
        let report = try await Indexer(reader: LoaderCorpusReader()).update(store: store, roots: [folder.path])
        XCTAssertTrue(report.warnings.contains { $0.contains("far.txt") && $0.contains("2024-06-15") }, "\(report.warnings)")
        XCTAssertFalse(report.warnings.contains { $0.contains("a11.txt") }, "\(report.warnings)")
    }
}
