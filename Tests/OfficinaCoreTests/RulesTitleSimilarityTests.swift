import Testing
@testable import OfficinaCore

@Suite struct RulesTitleSimilarityTests {
    @Test func identicalTitlesScoreOne() {
        #expect(TitleSimilarity.score("Orto comunitario", "Orto comunitario") == 1)
    }

    @Test func caseAccentsAndPunctuationDoNotMatter() {
        #expect(TitleSimilarity.score("Caffè della Città!", "caffe della citta") == 1)
    }

    @Test func reorderedWordsAndFunctionWordsDoNotMatter() {
        #expect(TitleSimilarity.score("Un orto per il quartiere", "Quartiere: orto") == 1)
        #expect(TitleSimilarity.score("Community garden", "A garden for the community") == 1)
    }

    @Test func inflectionsAndTyposStillLookAlike() {
        #expect(TitleSimilarity.score("Orti comunitari sul tetto", "Orto comunitario sul tetto") >= 0.6)
        #expect(TitleSimilarity.score("Spazio coworking", "Spazio co-working") >= 0.6)
    }

    @Test func unrelatedTitlesScoreLow() {
        #expect(TitleSimilarity.score("Orto comunitario", "Festival di musica") < 0.3)
        #expect(TitleSimilarity.score("Newsletter mensile", "Mappa dei partner locali") < 0.3)
    }

    @Test func theScoreIsSymmetricAndWithinZeroToOne() {
        let titles = ["Orto", "Un orto", "Festival", "", "!!!", "Città aperta", "citta chiusa"]
        for a in titles {
            for b in titles {
                let score = TitleSimilarity.score(a, b)
                #expect((0...1).contains(score))
                #expect(score == TitleSimilarity.score(b, a))
            }
        }
    }

    @Test func emptyOrPunctuationOnlyTitlesMatchNothing() {
        #expect(TitleSimilarity.score("", "") == 0)
        #expect(TitleSimilarity.score("!!!", "Orto") == 0)
    }

    @Test func likelyDuplicatesAreListedMostSimilarFirstWithTheSmallerIdFirst() {
        let titles: [(id: Int64, title: String)] = [
            (7, "Orto comunitario sul tetto"), (3, "Un orto comunitario sul tetto"), (9, "Festival di quartiere"),
            (12, "Orti comunitari sul tetto"), (15, "Festival del quartiere!"),
        ]
        let pairs = TitleSimilarity.likelyDuplicates(titles)
        #expect(pairs.first == DuplicateSuggestion(first: 3, second: 7, similarity: 1))
        #expect(pairs.contains { $0.first == 9 && $0.second == 15 })
        #expect(pairs.contains { $0.first == 7 && $0.second == 12 })
        #expect(!pairs.contains { $0.first == 7 && $0.second == 9 })
        #expect(pairs.allSatisfy { $0.first < $0.second })
        #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
        #expect(TitleSimilarity.likelyDuplicates(titles) == pairs)
    }
}
