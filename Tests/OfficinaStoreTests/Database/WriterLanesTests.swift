import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Which queued writes each writer lane may take (`WriterLanes`): the first lane takes any batch
/// when nothing else runs; a second lane only ballot replacements of other voters while a lane is
/// busy with ballots; nothing overlaps a batch holding another kind of write.
@Suite struct WriterLanesTests {
    private func ballot(_ voter: Int64, workshop: Int64 = 1) -> any PendingWriteProtocol {
        PendingBallotWrite(ballot: Ballot(participantID: voter), workshopID: workshop, needsContext: false, check: { _ in () }, reply: { _ in })
    }

    private func content() -> any PendingWriteProtocol {
        PendingWrite(body: { _ in () }, reply: { _ in })
    }

    @Test func oneLaneTakesEverythingUpToTheLimit() {
        var lanes = WriterLanes(count: 1)
        #expect(lanes.take(from: [ballot(1), content(), ballot(2)], lane: 0, limit: 2) == 2)
        #expect(lanes.take(from: [ballot(3)], lane: 0, limit: 2) == 0, "busy until finished")
        lanes.finish(0)
        #expect(lanes.take(from: [ballot(3)], lane: 0, limit: 2) == 1)
    }

    @Test func theSecondLaneWaitsWhileTheFirstIsFree() {
        var lanes = WriterLanes(count: 2, overlapThreshold: 1)
        #expect(lanes.take(from: [ballot(1)], lane: 1, limit: 10) == 0)
        #expect(lanes.take(from: [ballot(1)], lane: 0, limit: 10) == 1)
    }

    @Test func theSecondLaneTakesOtherVotersBallotsUpToTheFirstItMayNotRun() {
        var lanes = WriterLanes(count: 2, overlapThreshold: 1)
        #expect(lanes.take(from: [ballot(1), ballot(2)], lane: 0, limit: 10) == 2)
        // Voters 3 and 4, then voter 2 (in flight on lane 0): the run stops there, in queue order.
        #expect(lanes.take(from: [ballot(3), ballot(4), ballot(2), ballot(5)], lane: 1, limit: 10) == 2)
        lanes.finish(1)
        #expect(lanes.take(from: [ballot(2), ballot(5)], lane: 1, limit: 10) == 0, "voter 2 waits for lane 0")
        // The same voter in another workshop is another ballot.
        #expect(lanes.take(from: [ballot(2, workshop: 7)], lane: 1, limit: 10) == 1)
        lanes.finish(1)
        #expect(lanes.take(from: [content(), ballot(6)], lane: 1, limit: 10) == 0, "other writes never overlap")
        #expect(lanes.take(from: [ballot(6), ballot(7), ballot(8)], lane: 1, limit: 2) == 2, "the limit holds")
    }

    @Test func nothingOverlapsABatchHoldingOtherWrites() {
        var lanes = WriterLanes(count: 2, overlapThreshold: 1)
        #expect(lanes.take(from: [ballot(1), content()], lane: 0, limit: 10) == 2)
        #expect(lanes.take(from: [ballot(2)], lane: 1, limit: 10) == 0)
        lanes.finish(0)
        // The first lane takes the content write alone once free; then nothing joins it either.
        #expect(lanes.take(from: [content(), ballot(2)], lane: 0, limit: 10) == 2)
        #expect(lanes.take(from: [ballot(3)], lane: 1, limit: 10) == 0)
    }

    @Test func aBallotBatchOnTheSecondLaneHoldsBackTheFirstLanesWritesThatMayNotOverlap() {
        var lanes = WriterLanes(count: 2, overlapThreshold: 1)
        #expect(lanes.take(from: [ballot(1)], lane: 0, limit: 10) == 1)
        #expect(lanes.take(from: [ballot(2)], lane: 1, limit: 10) == 1)
        lanes.finish(0)
        #expect(lanes.take(from: [content()], lane: 0, limit: 10) == 0, "a content write waits for lane 1")
        #expect(lanes.take(from: [ballot(2)], lane: 0, limit: 10) == 0, "voter 2 is in flight on lane 1")
        #expect(lanes.take(from: [ballot(3), content()], lane: 0, limit: 10) == 1)
    }

    @Test func aSecondBatchStartsOnlyOnceEnoughWritesAreQueued() {
        var lanes = WriterLanes(count: 2, overlapThreshold: 3)
        #expect(lanes.take(from: [ballot(1)], lane: 0, limit: 10) == 1)
        #expect(lanes.take(from: [ballot(2), ballot(3)], lane: 1, limit: 10) == 0)
        #expect(lanes.take(from: [ballot(2), ballot(3), ballot(4)], lane: 1, limit: 10) == 3)
        lanes.finish(0)
        lanes.finish(1)
        // Alone, the first lane takes even one write at once.
        #expect(lanes.take(from: [ballot(5)], lane: 0, limit: 10) == 1)
        #expect(WriterLanes.defaultOverlapThreshold == 8)
    }

    @Test func nothingOverlapsWhileOtherInstancesWrite() {
        var lanes = WriterLanes(count: 2, overlapThreshold: 1)
        #expect(lanes.take(from: [ballot(1)], lane: 0, limit: 10, mayOverlap: false) == 1)
        #expect(lanes.take(from: [ballot(2)], lane: 1, limit: 10, mayOverlap: false) == 0)
        #expect(lanes.take(from: [ballot(2)], lane: 1, limit: 10, mayOverlap: true) == 1)
    }

    @Test func anotherInstanceCountsAsWritingForAWhileAfterItsLastBatch() throws {
        let foreign = ForeignWriters(quietSeconds: 0.2)
        #expect(!foreign.areWriting)
        foreign.announced()
        #expect(foreign.areWriting)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!foreign.areWriting)
    }

    @Test func lanesEndOneByOne() {
        var lanes = WriterLanes(count: 2, overlapThreshold: 1)
        lanes.end(0)
        #expect(!lanes.allEnded)
        lanes.end(1)
        #expect(lanes.allEnded)
    }
}
