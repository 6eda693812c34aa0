import XCTest
@testable import ParallaxCore

/// People named in shapes of African, Latin-American, Pacific and Middle-Eastern politics: lists of
/// leaders with their countries, abbreviated ranks, titles qualified by what they are of, given names
/// the lists do not know, and known people written with their middle names or particles. Each row is
/// a text and the people the actors stage must find in it (sorted); the names are invented unless
/// the gazetteer knows them.
final class ActorListAndRankTests: XCTestCase {
    private func check(_ rows: [(String, [String])], file: StaticString = #filePath, line: UInt = #line) {
        for (text, expected) in rows {
            XCTAssertEqual(ActorTestSupport.people(text), expected, text, file: file, line: line)
        }
    }

    func testListsOfPeopleWithTheirCountries() {
        check([
            // After a plural title.
            ("Attending were Presidents Taoufik Ndeye Sarr of Guinea, Oumarou Kpade of Togo, and Ekwueme Adjovi of Benin.",
             ["Ekwueme Adjovi", "Oumarou Kpade", "Taoufik Ndeye Sarr"]),
            // Beside a known person, with the countries in parentheses.
            ("The summit drew Macky Sall (Senegal), Tchassona Agbeyome (Togo), Ouedra Zongo (Burkina Faso) and others.",
             ["Macky Sall", "Ouedra Zongo", "Tchassona Agbeyome"]),
            ("World leaders at the ceremony included Nana Akufo-Addo of Ghana, Ekwueme Adjovi of Benin and Oumarou Kpade of Togo.",
             ["Ekwueme Adjovi", "Nana Akufo-Addo", "Oumarou Kpade"]),
            // A list of things of the same shape with no person in it stays a list of things.
            ("The league's leaders are Rovers Kpalime of Togo, Atletico Mbour of Senegal and Etoile Filante of Ghana.", []),
            // `of The Gambia`; `Cameroon` is the country, not a person's surname of the same key.
            ("Others were Tchassona Agbeyome of The Gambia, Paul Biya of Cameroon, and Ouedra Zongo of Ethiopia.",
             ["Ouedra Zongo", "Paul Biya", "Tchassona Agbeyome"]),
            ("The meeting drew Taoufik Ndeye Sarr (Guinea Bissau), Macky Sall (Senegal), Ekwueme Adjovi (Cote d’Ivoire) and others.",
             ["Ekwueme Adjovi", "Macky Sall", "Taoufik Ndeye Sarr"]),
            // A title in the list is not an item (`the Transitional President of Chad`).
            ("Others were Oumarou Kpade, the Transitional President of Chad, Macky Sall of Senegal and Ouedra Zongo of Togo.",
             ["Macky Sall", "Ouedra Zongo", "Oumarou Kpade"]),
            // One item alone is not a list.
            ("Fans cheered Rovers Kpalime of Togo on Sunday.", []),
        ])
    }

    func testAbbreviatedRanksBeforeAName() {
        check([
            ("The junta is led by Maj. Gen. Oumarou Tchassem, who seized power on Wednesday.", ["Oumarou Tchassem"]),
            ("Troops loyal to Lt. Gen. Ekwueme Adjovi entered the capital.", ["Ekwueme Adjovi"]),
            ("Former Head of State, Gen. Ouedra Zongo (rtd), was also there.", ["Ouedra Zongo"]),
        ])
    }

    func testTitlesQualifiedByWhatTheyAreOf() {
        check([
            ("The governor of the central bank, Okwudili Emenike, was suspended on Friday.", ["Okwudili Emenike"]),
            ("Others were the Speaker of the House of Representatives, Tchassona Agbeyome; and party officials.",
             ["Tchassona Agbeyome"]),
            // A comma after such a title before something that is not a name.
            ("The governor of the central bank, in a statement, said rates would rise.", []),
        ])
    }

    func testUnknownGivenNamesAfterATitle() {
        check([
            ("Foreign Minister Santiago Cafarelli met his counterpart in Lima.", ["Santiago Cafarelli"]),
            ("Central Bank Governor Okwudili Emenike said the naira would recover.", ["Okwudili Emenike"]),
            ("Prime Minister Taoufik Ndeye arrived in Honiara on Monday.", ["Taoufik Ndeye"]),
            // The place stays a place where no name follows it.
            ("The foreign minister flew to Santiago on Monday.", []),
            ("The Prime Minister's Office said on Monday that talks would resume.", []),
            ("The Minister of Foreign Affairs said the talks went well.", []),
        ])
    }

    func testKnownPeopleWithTheirMiddleNamesAndParticles() {
        check([
            ("Syria's Bashar Al Assad arrived on Thursday. Egyptian President Abdel Fattah El Sisi was first.",
             ["Abdel Fattah el-Sisi", "Bashar al-Assad"]),
            ("Arab leaders including Syrian President Bashar Al-Assad arrived in Jeddah.", ["Bashar al-Assad"]),
            ("Asiwaju Bola Ahmed Tinubu was sworn in on Monday.", ["Bola Tinubu"]),
            ("Officials said Mr Al Assad would attend the summit.", ["Bashar al-Assad"]),
            // A title joined to other words is not a name.
            ("The Togolese President, President-in-Office of ECOWAS, held talks.", []),
        ])
    }

    func testADifferentFirstNameIsNotTheKnownPerson() {
        // The first name is not Bola's, so it is not taken into the known person (the run still stops
        // at the known surname: `Ekwueme` is reported alone).
        let people = ActorTestSupport.people("Senator Ekwueme Tinubu spoke on Monday.")
        XCTAssertTrue(people.contains { $0.hasPrefix("Ekwueme") }, "\(people)")
    }
}
