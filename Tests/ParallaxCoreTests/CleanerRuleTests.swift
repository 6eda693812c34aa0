import XCTest
@testable import ParallaxCore

/// Cleaning rules on text the tests write: they must hold on sites Parallax has never seen.
final class CleanerRuleTests: XCTestCase {
    let builder = ArticleBuilder.shipped()

    func build(_ text: String) -> Article {
        builder.build(RawDocument(path: "t.txt", format: .text, text: text))
    }

    func testHeadlineNavigationAndTrailer() {
        let a = build("""
        Skip to content
        Menu
        Senators Back New Aid Package After Marathon Session
        Live
        The Senate approved the aid package late on Thursday after a debate that lasted through the night.

        “We did our job,” the majority leader told reporters after the vote in the chamber.

        Read more: Why the package matters
        Advertisement
        Comments are closed.
        """)
        XCTAssertEqual(a.title, "Senators Back New Aid Package After Marathon Session")
        XCTAssertEqual(a.paragraphs.count, 2)
        XCTAssertFalse(a.body.contains("Read more"))
        XCTAssertFalse(a.body.contains("Skip"))
    }

    /// A membership or donation banner above the story is furniture, and the headline under it is the title.
    func testAMembershipBannerIsNotTheHeadline() {
        let a = build("""
        Three years of reporting, funded by our readers — become a member now and help us grow.
        Goal: 1,000 new members this month. Gift a membership to a friend.
        Become a member Gift membership
        Skip to content
        Edit post

        Mayor opens the new river bridge after two years of works

        The mayor opened the new bridge over the river on Tuesday after two years of works and a long dispute over its cost.

        Finland applied to become a member of the alliance, the mayor recalled in her speech at the bridge.
        """)
        XCTAssertEqual(a.title, "Mayor opens the new river bridge after two years of works")
        XCTAssertFalse(a.body.contains("Gift"))
        XCTAssertFalse(a.body.contains("funded by our readers"))
        // A story sentence about becoming a member stays.
        XCTAssertTrue(a.body.contains("applied to become a member of the alliance"))
    }

    /// A section's label above the headline is no headline.
    func testSectionLabelsAndCaptionsAreNoHeadlines() {
        let a = build("""
        UNITED STATES NEWS

        Mayors and governors meet in Denver to discuss the new water compact

        The mayors of six cities and four governors met in Denver on Tuesday to discuss the water compact.
        """)
        XCTAssertEqual(a.title, "Mayors and governors meet in Denver to discuss the new water compact")
        let b = build("""
        World News

        Port strike ends after the dockers accept a new pay offer

        Dockers at the port ended their strike on Monday after accepting a new pay offer from the employers.
        """)
        XCTAssertEqual(b.title, "Port strike ends after the dockers accept a new pay offer")
        // A two-word headline is still one.
        XCTAssertEqual(build("Talks fail\n\nThe talks between the two unions and the employers failed on Monday after a night of negotiations.").title,
                       "Talks fail")
    }

    func testAttributionIsASourceNotASentence() {
        let a = build("""
        Talks End Without a Deal in Riga
        Negotiators left the Latvian capital on Monday without a deal on the disputed pipeline route.

        With the talks stalled, both sides said they would consult their governments before meeting again.

        Reporting by Anna Berg; Additional reporting by Tom Hall and Reuters
        """)
        XCTAssertTrue(a.body.contains("With the talks stalled"), "a sentence starting with 'With' is story")
        XCTAssertFalse(a.body.contains("Reporting by"))
        XCTAssertTrue(a.sources.contains("Anna Berg; Additional reporting by Tom Hall") == false)
        XCTAssertFalse(a.sources.isEmpty)
    }

    func testDatelineGivesOutlet() {
        let a = build("""
        Pipeline Talks Resume
        VILNIUS, March 3 (Reuters) - Lithuania and Poland resumed talks on the pipeline on Thursday, officials said.

        The two governments hope to sign the agreement by the end of the month, a spokesman said.
        """)
        XCTAssertEqual(a.outlet, "Reuters")
        XCTAssertEqual(a.outletSource, .text)
    }

    func testOutletInParenthesesOpeningTheLead() {
        let a = build("""
        Pipeline talks resume

        (CNN)Lithuania and Poland resumed talks on the pipeline on Thursday, officials said.

        The two governments hope to sign the agreement by the end of the month, a spokesman said.
        """)
        XCTAssertEqual(a.outlet, "CNN")
        // A parenthesis inside the lead that names no outlet, or one not opening it, is not a dateline.
        let b = build("""
        Pipeline talks resume

        Officials (CNN reported) said talks resumed on Thursday, and more meetings are planned.

        The two governments hope to sign the agreement by the end of the month, a spokesman said.
        """)
        XCTAssertNil(b.outlet)
    }

    func testCopyrightNoticeGivesOutletWhenNothingElseDoes() {
        let story = """
        Pipeline talks resume

        Lithuania and Poland resumed talks on the pipeline on Thursday, officials said.

        The two governments hope to sign the agreement by the end of the month, a spokesman said.

        """
        XCTAssertEqual(build(story + "© 2022 BBC. The BBC is not responsible for the content of external sites.").outlet, "BBC News")
        XCTAssertEqual(build(story + "Copyright 2010-2022 CNBC LLC. All Rights Reserved").outlet, "CNBC")
        XCTAssertNil(build(story + "© 2022 Example Widgets Ltd. All rights reserved.").outlet)
        // A signature wins over the notice (a syndicated story keeps its agency's copyright).
        XCTAssertEqual(build(story.replacingOccurrences(of: "Lithuania and", with: "VILNIUS, March 3 (Reuters) - Lithuania and")
                             + "© 2022 BBC.").outlet, "Reuters")
    }

    func testTitleSuffixOutletAndSection() {
        let a = builder.build(RawDocument(path: "x.json", format: .json, text: "Officials met in Brussels on Tuesday to discuss the plan for the coming winter.",
                                          given: GivenMetadata(title: "EU leaders agree on plan - The New York Times")))
        XCTAssertEqual(a.title, "EU leaders agree on plan")
        XCTAssertEqual(a.outlet, "The New York Times")
        let b = build("Ukraine, Russia hold more talks in Minsk | World news\n\nDiplomats from both sides met in the Belarusian capital on Monday, the ministry said.")
        XCTAssertEqual(b.title, "Ukraine, Russia hold more talks in Minsk")
    }

    func testCaptionRepeatAndCredit() {
        let a = build("""
        Storm Hits the Coast Overnight
        Residents look at a flooded street in Gdansk, Poland, Oct. 4, 2023. (Photo by Jan Nowak/Getty Images)
        Heavy rain flooded streets across the northern coast on Wednesday, local authorities said in a statement.

        Residents look at damage, Oct. 4, 2023.
        Residents look at damage, Oct. 4, 2023.
        Rescue teams evacuated dozens of people from their homes as the water rose through Wednesday night.
        """)
        XCTAssertFalse(a.body.contains("Getty"))
        XCTAssertFalse(a.body.contains("Residents look at damage"))
        XCTAssertEqual(a.paragraphs.count, 2)
        XCTAssertEqual(a.published?.day.description, "2023-10-04", "caption date, a Wednesday itself")
    }

    func testHardWrappedParagraphsJoin() {
        let a = build("""
        Council Votes on Budget
        The city council voted on Tuesday to approve the budget, which
        includes new money for schools and the transit system, officials
        said after the meeting.
        """)
        XCTAssertEqual(a.paragraphs.count, 1)
        XCTAssertTrue(a.body.contains("which includes new money"))
    }

    func testUserCanExtendFurniture() {
        let rules = FurnitureRules(lines: ["= Weird Site Widget", "> Discuss this story"])
        let b = ArticleBuilder(cleaner: Cleaner(rules: rules, outlets: OutletDirectory(lines: [])))
        let a = b.build(RawDocument(path: "t.txt", format: .text, text: """
        A headline for the custom rules
        Weird Site Widget
        The ministers spoke for an hour on Monday and agreed to continue the dialogue next month.

        Another sentence of the story that is long enough to count as a story paragraph here.
        Discuss this story
        Something after the trailer that is not part of the story at all, even if long enough.
        """))
        XCTAssertFalse(a.body.contains("Weird"))
        XCTAssertFalse(a.body.contains("Something after"))
        XCTAssertEqual(a.paragraphs.count, 2)
    }
}
