import Testing
@testable import OfficinaApp

@Suite struct LiveChannelTests {
    func event(_ sequence: Int64) -> LiveEvent {
        LiveEvent(sequence: sequence, kind: "proposal", facilitatorData: .int(Int(sequence)), publicData: .null)
    }

    @Test func eventsPublishedOutOfOrderAreDeliveredInSequence() {
        var channel = LiveChannel()
        #expect(channel.accept(event(5)).map(\.sequence) == [5])
        #expect(channel.accept(event(7)).isEmpty)
        #expect(channel.accept(event(8)).isEmpty)
        #expect(channel.accept(event(6)).map(\.sequence) == [6, 7, 8])
        #expect(channel.accept(event(9)).map(\.sequence) == [9])
    }

    @Test func aGapThatNeverFillsDoesNotHoldEventsForever() {
        var channel = LiveChannel()
        _ = channel.accept(event(1))
        var delivered: [Int64] = []
        for sequence in Int64(3)...20 { delivered += channel.accept(event(sequence), maxEarly: 4).map(\.sequence) }
        #expect(delivered.first == 3)
        #expect(delivered == delivered.sorted())
    }

    @Test func storedEventsKeepBothViews() throws {
        let original = LiveEvent(sequence: 3, kind: "proposal", facilitatorData: ["author": "Giulia"], publicData: ["author": nil])
        let restored = try #require(LiveEvent(sequence: 3, kind: "proposal", storedData: original.storedData))
        #expect(restored == original)
        #expect(restored.data(forFacilitator: false)["author"] == .null)
    }
}
