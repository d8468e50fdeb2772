import OfficinaCore
import OfficinaStore

/// Every proposal of a `ProposalListSnapshot` that an audience (a facilitator, or anyone) lists,
/// encoded with that generation's tally into one buffer. Kept per workshop and audience in a
/// `GenerationCache`, so a participant's answer is a copy per proposal in their order; only their
/// own proposals are encoded for them alone.
struct ProposalListEncoding: Sendable {
    private let bytes: [UInt8]
    /// Per index into the snapshot's threads; nil for a proposal the audience does not list.
    private let ranges: [Range<Int>?]

    /// Encodes the snapshot's proposals from the audience's cached pieces (`pieces`).
    init(_ snapshot: ProposalListSnapshot, facilitator: Bool, pieces: ProposalPieceCache) {
        let content = snapshot.content
        let workshop = content.workshop
        let audience: Viewer = facilitator ? .facilitator : .anyone
        let tallyShown = facilitator || ProposalView.talliesVisible(workshop.settings, workshop.phase)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(content.threads.count * 400)
        var ranges: [Range<Int>?] = []
        ranges.reserveCapacity(content.threads.count)
        for thread in content.threads {
            guard audience.lists(thread.proposal) else {
                ranges.append(nil)
                continue
            }
            let id = thread.proposal.id
            let start = bytes.count
            let inputs = ProposalPieces.Inputs(thread: thread, note: content.notes[id], workshopCode: workshop.code.value,
                                               anonymous: workshop.settings.anonymous, facilitator: facilitator)
            if let cut = pieces.pieces(inputs, settings: workshop.settings, phase: workshop.phase) {
                cut.write(tally: ProposalPieces.tallyBytes(snapshot.tallies[id], shown: tallyShown), into: &bytes)
            } else {
                ProposalView(thread: thread, workshopCode: workshop.code.value, settings: workshop.settings, phase: workshop.phase,
                             tally: snapshot.tallies[id], note: content.notes[id]).json(for: audience).write(into: &bytes)
            }
            ranges.append(start..<bytes.count)
        }
        self.bytes = bytes
        self.ranges = ranges
    }

    /// Appends the proposal at `index` of the snapshot's threads; false when the audience does not list it.
    func write(_ index: Int, into output: inout [UInt8]) -> Bool {
        guard index < ranges.count, let range = ranges[index] else { return false }
        output.append(contentsOf: bytes[range])
        return true
    }
}
