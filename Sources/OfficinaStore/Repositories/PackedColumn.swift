import Foundation
import OfficinaCore

/// Ballots' contents gathered from `ballots` rows, decoded into ballots.
///
/// ``PipelinedColumn`` decodes them in chunks on other threads while the rows are still being read:
/// reading 100,000 rows takes about a third of the time decoding them does, so the reading is mostly
/// hidden behind the decoding instead of coming before it.
struct PackedColumn {
    /// What a column decoded to, in the order its rows came.
    struct Decoded {
        /// One ballot per row; a row whose content is missing or does not decode is an empty ballot
        /// of its participant's negated id (ids are positive), to be read from its rows.
        var ballots: [Ballot] = []
        var revisions: [BallotRepository.Revision] = []
        /// The revisions of the rows marked so.
        var undecoded: [BallotRepository.Revision] = []
    }

    private var participants: [Int64] = []
    private var revisions: [BallotRepository.Revision] = []
    /// Each content's bounds in `bytes`; -1 for a row without content.
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var bytes: [UInt8] = []

    var count: Int { participants.count }

    init(reservingCapacity capacity: Int = 0) {
        participants.reserveCapacity(capacity)
        revisions.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 80)
    }

    mutating func append(participant: Int64, revision: BallotRepository.Revision, content: UnsafeRawBufferPointer?) {
        participants.append(participant)
        revisions.append(revision)
        guard let content else {
            starts.append(-1)
            ends.append(-1)
            return
        }
        starts.append(bytes.count)
        bytes.append(contentsOf: content)
        ends.append(bytes.count)
    }

    /// Decodes every row, in order, on the calling thread.
    func decode() -> Decoded {
        var decoder = BallotContent.Decoder()
        var decoded = Decoded()
        decoded.ballots.reserveCapacity(count)
        decoded.revisions = revisions
        bytes.withUnsafeBytes { raw in
            for i in 0..<count {
                if starts[i] >= 0, let ballot = decoder.decode(UnsafeRawBufferPointer(rebasing: raw[starts[i]..<ends[i]]),
                                                               participantID: participants[i]) {
                    decoded.ballots.append(ballot)
                } else {
                    decoded.ballots.append(Ballot(participantID: -participants[i]))
                    decoded.undecoded.append(revisions[i])
                }
            }
        }
        return decoded
    }
}

/// A ``PackedColumn`` filled chunk by chunk, each full chunk decoded on another thread at once.
final class PipelinedColumn: @unchecked Sendable {
    private static let chunkSize = 8_192
    private var filling = PackedColumn(reservingCapacity: PipelinedColumn.chunkSize)
    private var chunks = 0
    private let lock = NSLock()
    private var decoded: [Int: PackedColumn.Decoded] = [:]
    private let group = DispatchGroup()

    /// Adds one row (called on one thread, the reading one).
    func append(participant: Int64, revision: BallotRepository.Revision, content: UnsafeRawBufferPointer?) {
        filling.append(participant: participant, revision: revision, content: content)
        if filling.count == Self.chunkSize { submit() }
    }

    private func submit() {
        guard filling.count > 0 else { return }
        let chunk = filling, index = chunks
        filling = PackedColumn(reservingCapacity: Self.chunkSize)
        chunks += 1
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            let result = chunk.decode()
            lock.lock()
            decoded[index] = result
            lock.unlock()
        }
    }

    /// Every row decoded, by ascending participant; waits for the chunks still decoding.
    func finish() -> PackedColumn.Decoded {
        submit()
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        var all = PackedColumn.Decoded()
        for index in 0..<chunks {
            guard let part = decoded[index] else { continue }
            all.ballots += part.ballots
            all.revisions += part.revisions
            all.undecoded += part.undecoded
        }
        let ordered = zip(all.ballots, all.ballots.dropFirst()).allSatisfy { abs($0.participantID) < abs($1.participantID) }
        guard !ordered else { return all }
        let order = all.ballots.indices.sorted { abs(all.ballots[$0].participantID) < abs(all.ballots[$1].participantID) }
        all.ballots = order.map { all.ballots[$0] }
        all.revisions = order.map { all.revisions[$0] }
        return all
    }
}
