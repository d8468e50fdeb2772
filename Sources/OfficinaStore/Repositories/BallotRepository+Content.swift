import OfficinaCore

/// Ballots read from their packed content ("22-ballot-content", SQLite): one `ballots` row each
/// instead of a dozen support and rating rows. A ballot without content, or whose content does not
/// decode, is read from its rows.
extension BallotRepository {
    /// Whether this database keeps each ballot's content on its row.
    var keepsContent: Bool { db.dialect == .sqlite }

    /// The ballot's content as the rewrite leaves it (support without zeros, ratings without empty
    /// goals), or `NULL` when it cannot be packed.
    static func content(of ballot: Ballot) -> DatabaseValue {
        BallotContent.encode(Ballot(participantID: ballot.participantID, support: ballot.support, ratings: ballot.ratings))
            .map { .blob($0) } ?? .null
    }

    /// Every ballot of the workshop from its content, ordered by participant id.
    func packedBallots(workshopID: Int64) throws -> [Ballot] {
        var column = PackedColumn()
        var missing: [Int64] = []
        try db.forEachRow("SELECT participant_id, id, content FROM ballots WHERE workshop_id = ?", [workshopID]) { row in
            if row.isNull(2) {
                missing.append(row.int64(1))
            } else {
                row.withUnsafeBytes(2) { column.append(participant: row.int64(0), ballotID: row.int64(1), $0) }
            }
        }
        var (ballots, undecoded) = column.decode()
        missing += undecoded
        guard !missing.isEmpty else { return ballots }
        ballots += try rowBallots(ids: missing).values
        return ballots.sorted { $0.participantID < $1.participantID }
    }

    /// The ballots with these row ids, by participant id, from their content where they have one.
    func packedBallots(ids: [Int64]) throws -> [Int64: Ballot] {
        var column = PackedColumn()
        var missing: [Int64] = []
        var start = 0
        while start < ids.count {
            let chunk: [any DatabaseValueConvertible] = ids[start..<min(ids.count, start + Self.idsPerQuery)].map { $0 }
            start += chunk.count
            let list = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            try db.forEachRow("SELECT participant_id, id, content FROM ballots WHERE id IN (\(list))", chunk) { row in
                if row.isNull(2) {
                    missing.append(row.int64(1))
                } else {
                    row.withUnsafeBytes(2) { column.append(participant: row.int64(0), ballotID: row.int64(1), $0) }
                }
            }
        }
        let (decoded, undecoded) = column.decode()
        var ballots = try rowBallots(ids: missing + undecoded)
        for ballot in decoded { ballots[ballot.participantID] = ballot }
        return ballots
    }

    /// Packs the content of every ballot that has none (after the migration adding it, or rows
    /// copied in by SQL); returns how many were packed.
    @discardableResult
    public func fillMissingContent() throws -> Int {
        guard keepsContent else { return 0 }
        let ids = try db.query("SELECT id FROM ballots WHERE content IS NULL ORDER BY id", []) { $0.int64(0) }
        var filled = 0
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + Self.idsPerQuery)])
            start += chunk.count
            let ballots = try rowBallots(ids: chunk)
            let participants = Dictionary(uniqueKeysWithValues: try db.query(
                "SELECT id, participant_id FROM ballots WHERE id IN (\(Array(repeating: "?", count: chunk.count).joined(separator: ",")))",
                chunk.map { $0 as any DatabaseValueConvertible }) { ($0.int64(0), $0.int64(1)) })
            for id in chunk {
                guard let participant = participants[id], let ballot = ballots[participant] else { continue }
                let content = Self.content(of: ballot)
                guard content != .null else { continue }
                try db.execute("UPDATE ballots SET content = ? WHERE id = ?", [content, id])
                filled += 1
            }
        }
        return filled
    }
}

/// Ballots' contents gathered from rows into one buffer, then decoded on a few threads.
private struct PackedColumn {
    var participants: [Int64] = []
    var ballotIDs: [Int64] = []
    var starts: [Int] = [0]
    var bytes: [UInt8] = []

    mutating func append(participant: Int64, ballotID: Int64, _ content: UnsafeRawBufferPointer) {
        participants.append(participant)
        ballotIDs.append(ballotID)
        bytes.append(contentsOf: content)
        starts.append(bytes.count)
    }

    /// The ballots by ascending participant, and the row ids of those whose content did not decode.
    func decode() -> (ballots: [Ballot], undecoded: [Int64]) {
        let count = participants.count
        let ordered = zip(participants, participants.dropFirst()).allSatisfy { $0 < $1 }
        let order = ordered ? Array(0..<count) : (0..<count).sorted { participants[$0] < participants[$1] }
        let lanes = Lanes.count(items: count, perLane: 20_000)
        let parts = Lanes.map(lanes) { [self] lane -> (ballots: [Ballot], undecoded: [Int64]) in
            var decoder = BallotContent.Decoder()
            var ballots: [Ballot] = [], undecoded: [Int64] = []
            let share = Lanes.share(lane, of: lanes, count: count)
            ballots.reserveCapacity(share.count)
            bytes.withUnsafeBytes { raw in
                for i in order[share] {
                    let content = UnsafeRawBufferPointer(rebasing: raw[starts[i]..<starts[i + 1]])
                    if let ballot = decoder.decode(content, participantID: participants[i]) {
                        ballots.append(ballot)
                    } else {
                        undecoded.append(ballotIDs[i])
                    }
                }
            }
            return (ballots, undecoded)
        }
        return (parts.flatMap(\.ballots), parts.flatMap(\.undecoded))
    }
}
