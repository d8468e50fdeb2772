import Testing
@testable import OfficinaCore

/// A balanced order's focus: once every proposal has enough raters, the proposals that could still
/// be in the ranking's top k lead, until the top k is settled.
@Suite struct ExposureFocusTests {
    static func candidate(_ id: Int64, raters: Int, contending: Bool = false, seen: Bool = false) -> ExposureCandidate {
        ExposureCandidate(id: id, raters: raters, ratings: 3 * raters, seenByViewer: seen, contending: contending)
    }

    @Test func pastTheFloorUnseenContendersLeadAndAreTheOnesMarked() {
        let floor = ExposureOrder.focusFloor
        let candidates = [
            Self.candidate(1, raters: floor), Self.candidate(2, raters: floor + 9, contending: true),
            Self.candidate(3, raters: floor + 1), Self.candidate(4, raters: floor + 8, contending: true),
            Self.candidate(5, raters: floor + 12, contending: true, seen: true), Self.candidate(6, raters: floor),
        ]
        for participant in 1...20 {
            let order = ExposureOrderTests.order(candidates, .balanced, participant: participant)
            // Fewest raters first would put 1, 6 and 3 first; the contenders the viewer has not seen lead.
            #expect(Set(order.ids.prefix(2)) == [2, 4])
            #expect(Set(order.needsEyes) == [2, 4])
            #expect(order.ids.last == 5, "a contender already rated by the viewer still goes last")
        }
        // Shuffled orders know no focus.
        #expect(ExposureOrderTests.order(candidates, .shuffled, participant: 1).needsEyes.isEmpty)
    }

    @Test func belowTheFloorContendersAreOrderedLikeTheRest() {
        let floor = ExposureOrder.focusFloor
        let candidates = [
            Self.candidate(1, raters: floor - 1), Self.candidate(2, raters: floor + 9, contending: true),
            Self.candidate(3, raters: floor + 9), Self.candidate(4, raters: floor + 8, contending: true),
        ]
        let focused = ExposureOrderTests.order(candidates, .balanced, participant: 1, jitter: 0)
        let plain = ExposureOrderTests.order(candidates.map { Self.candidate($0.id, raters: $0.raters) }, .balanced, participant: 1, jitter: 0)
        #expect(focused == plain)
        #expect(focused.ids.first == 1, "the proposal short of the floor is seen first")
    }

    @Test func aSettledTopHasNoContendersAndAnOpenOneNamesEveryProposalThatCouldReachIt() {
        // Three clear leaders far above the rest: settled, nothing to focus on.
        let clear = ScoringSettledBootstrapTests.room(
            truth: [3.9, 3.6, 3.3] + Array(repeating: 0.4, count: 7), voters: 80, viewed: 10, seed: 5)
        let settled = Ranking.compute(clear, configuration: ScoringSettledBootstrapTests.officinaTwo)
        #expect(settled.settled.settled)
        #expect(ExposureFocus.contending(in: settled).isEmpty)

        // Four near-equal leaders for three places, six far below: open, and the four contend.
        let close = ScoringSettledBootstrapTests.room(
            truth: [3.0, 3.0, 3.0, 3.0] + Array(repeating: 0.4, count: 6), voters: 40, viewed: 10, seed: 7)
        let open = Ranking.compute(close, configuration: ScoringSettledBootstrapTests.officinaTwo)
        #expect(!open.settled.settled)
        let contending = ExposureFocus.contending(in: open)
        #expect(contending.isSuperset(of: [1, 2, 3, 4]))
        for entry in open.entries {
            #expect(contending.contains(entry.id) == (entry.rankRange.best <= open.settled.k), "\(entry.id)")
        }
        #expect(!contending.contains(10))
    }

    @Test func contendersAreFoundAgainAfterAFivePercentChangeInRaters() {
        #expect(!ExposureFocus.isStale(ratersThen: 1_000, ratersNow: 1_049))
        #expect(ExposureFocus.isStale(ratersThen: 1_000, ratersNow: 1_050))
        #expect(ExposureFocus.isStale(ratersThen: 1_000, ratersNow: 950))
        // Small rooms: at least 10 raters.
        #expect(!ExposureFocus.isStale(ratersThen: 100, ratersNow: 109))
        #expect(ExposureFocus.isStale(ratersThen: 100, ratersNow: 110))
    }
}
