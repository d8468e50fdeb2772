import Foundation
import OfficinaCore
import OfficinaStore

/// The ballot cache written to disk (`<database>-ballots`), so a restarted server brings its
/// workshops' ballots up to date from it instead of reading every support and rating row.
///
/// It is a cache, never a source: what it holds is checked like the in-memory cache — each ballot
/// with its row id and revision, re-read where the database lists another — and a file of another
/// database (the identity: a hash of that database's own secret), another format, or with a section
/// whose checksum fails, is ignored. Deleting it any time is safe.
///
/// Layout (little-endian): `OFBALLOT`, format, the 32-byte identity, the section count, then per
/// section its workshop id, offset, length and checksum; each section holds the goal keys, then
/// the ballots in blocks of ``ballotsPerBlock`` (so several threads decode one workshop), each
/// ballot as participant, row id, revision, its support (proposal, dots) and its ratings (proposal,
/// then goal index and value per goal).
enum BallotCacheFile {
    /// One workshop's ballots as the cache held them, by ascending participant, each with its
    /// revision (`revisions[i]` is `ballots[i]`'s).
    struct Section: Sendable {
        var workshopID: Int64
        var ballots: [Ballot]
        var revisions: [BallotRepository.Revision]
    }

    static let magic = Array("OFBALLOT".utf8)
    static let format: UInt32 = 1
    static let ballotsPerBlock = 4_096

    /// The database's identity in the file: SHA-256 of a label and the database's exposure secret
    /// (random, made once per database by migration 8), so the secret itself is never written.
    static func identity(of db: any SQLDatabase) throws -> [UInt8] {
        SHA256.hash(Array("officina ballot cache".utf8) + (try db.scoring.exposureSecret()))
    }

    // MARK: Writing

    /// The file's bytes for these sections; a section that cannot be represented (more than 65,535
    /// goals or values outside 32 bits, which the schema does not allow) is left out.
    static func encode(_ sections: [Section], identity: [UInt8]) -> [UInt8] {
        let bodies = sections.compactMap { section in encode(section).map { (section.workshopID, $0) } }
        var file = PackedWriter()
        file.put(magic)
        file.put(format)
        file.put(identity)
        file.put(UInt32(bodies.count))
        var offset = magic.count + 4 + identity.count + 4 + bodies.count * 32
        for (workshopID, body) in bodies {
            file.put(workshopID)
            file.put(UInt64(offset))
            file.put(UInt64(body.count))
            file.put(body.withUnsafeBytes { PackedChecksum.of($0) })
            offset += body.count
        }
        for (_, body) in bodies { file.put(body) }
        return file.bytes
    }

    private static func encode(_ section: Section) -> [UInt8]? {
        var goals: [String] = []
        var goalIndex: [String: Int] = [:]
        for ballot in section.ballots {
            for ratings in ballot.ratings.values {
                for goal in ratings.keys where goalIndex[goal] == nil {
                    goalIndex[goal] = goals.count
                    goals.append(goal)
                }
            }
        }
        guard goals.count <= Int(UInt16.max) else { return nil }
        let listed = section.ballots
        var out = PackedWriter(reservingCapacity: 64 + listed.count * 96)
        out.put(UInt16(goals.count))
        for goal in goals {
            let utf8 = Array(goal.utf8)
            guard utf8.count <= Int(UInt16.max) else { return nil }
            out.put(UInt16(utf8.count))
            out.put(utf8)
        }
        let blocks = (listed.count + ballotsPerBlock - 1) / ballotsPerBlock
        out.put(UInt32(listed.count))
        out.put(UInt32(blocks))
        let offsets = out.count
        for _ in 0..<blocks { out.put(UInt64(0)) }
        for block in 0..<blocks {
            out.patch(UInt64(out.count), at: offsets + block * 8)
            for i in (block * ballotsPerBlock)..<min(listed.count, (block + 1) * ballotsPerBlock) {
                guard put(listed[i], revision: section.revisions[i], goalIndex: goalIndex, into: &out) else { return nil }
            }
        }
        return out.bytes
    }

    private static func put(
        _ ballot: Ballot, revision: BallotRepository.Revision, goalIndex: [String: Int], into out: inout PackedWriter
    ) -> Bool {
        out.put(ballot.participantID)
        out.put(revision.ballotID)
        out.put(revision.revision)
        out.put(UInt32(ballot.support.count))
        for (proposal, dots) in ballot.support {
            guard let dots = Int32(exactly: dots) else { return false }
            out.put(proposal)
            out.put(dots)
        }
        out.put(UInt32(ballot.ratings.count))
        for (proposal, goals) in ballot.ratings {
            out.put(proposal)
            out.put(UInt16(goals.count))
            for (goal, value) in goals {
                guard let index = goalIndex[goal], let value = Int32(exactly: value) else { return false }
                out.put(UInt16(index))
                out.put(value)
            }
        }
        return true
    }

    /// Writes `bytes` to `path` whole or not at all (a temporary file renamed over it), readable by
    /// the server's user only: it holds ballots.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    // MARK: Reading

    /// What a file holds: the identity of the database it was written for, and its sections.
    struct Contents: Sendable {
        var identity: [UInt8]
        var sections: [Int64: Section]
    }

    /// The file at `path` with its sections (only `workshopID`'s, when given), or nil when the file is
    /// missing, of another format or cut short. A section whose checksum fails is left out.
    static func read(path: String, only workshopID: Int64? = nil) -> Contents? {
        // Mapped, not copied: only the header and the wanted section are touched.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw in try? read(raw, only: workshopID) } ?? nil
    }

    private static func read(_ raw: UnsafeRawBufferPointer, only workshopID: Int64?) throws -> Contents? {
        var header = PackedReader(raw, range: 0..<raw.count)
        guard Array(try header.takeBytes(magic.count)) == magic, try header.take(UInt32.self) == format else { return nil }
        var contents = Contents(identity: Array(try header.takeBytes(32)), sections: [:])
        let sections = try header.takeCount(UInt32.self, minimumSize: 32)
        for _ in 0..<sections {
            let id = try header.take(Int64.self)
            let offset = Int(try header.take(UInt64.self)), length = Int(try header.take(UInt64.self))
            let checksum = try header.take(UInt64.self)
            guard workshopID == nil || id == workshopID else { continue }
            guard offset >= 0, length >= 0, offset <= raw.count, length <= raw.count - offset else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)])
            guard PackedChecksum.of(body) == checksum, let section = try? decode(body, workshopID: id) else { continue }
            contents.sections[id] = section
        }
        return contents
    }

    private static func decode(_ body: UnsafeRawBufferPointer, workshopID: Int64) throws -> Section {
        var reader = PackedReader(body, range: 0..<body.count)
        let goalCount = try reader.takeCount(UInt16.self, minimumSize: 2)
        var goals: [String] = []
        for _ in 0..<goalCount {
            let length = try reader.takeCount(UInt16.self, minimumSize: 1)
            goals.append(String(decoding: try reader.takeBytes(length), as: UTF8.self))
        }
        let count = try reader.takeCount(UInt32.self, minimumSize: 32)
        let blocks = try reader.takeCount(UInt32.self, minimumSize: 8)
        guard blocks == (count + ballotsPerBlock - 1) / ballotsPerBlock else { throw PackedReader.Truncated() }
        var starts: [Int] = []
        for _ in 0..<blocks { starts.append(Int(try reader.take(UInt64.self))) }
        starts.append(body.count)
        guard zip(starts, starts.dropFirst()).allSatisfy({ $0 >= reader.offset && $0 <= $1 }) else { throw PackedReader.Truncated() }
        let frozenGoals = goals, blockStarts = starts
        // Each lane decodes a run of blocks; any lane's failure fails the whole section.
        nonisolated(unsafe) let shared = body
        let lanes = Lanes.count(items: count, perLane: 20_000)
        let decoded = Lanes.map(lanes) { lane -> (ballots: [Ballot], revisions: [BallotRepository.Revision])? in
            var ballots: [Ballot] = [], revisions: [BallotRepository.Revision] = []
            let share = Lanes.share(lane, of: lanes, count: blocks)
            ballots.reserveCapacity(share.count * ballotsPerBlock)
            revisions.reserveCapacity(share.count * ballotsPerBlock)
            var interned = GoalValues()
            for block in share {
                let expected = min(ballotsPerBlock, count - block * ballotsPerBlock)
                var blockReader = PackedReader(shared, range: blockStarts[block]..<blockStarts[block + 1])
                for _ in 0..<expected {
                    guard let (ballot, revision) = try? decodeBallot(&blockReader, goals: frozenGoals, interned: &interned) else { return nil }
                    ballots.append(ballot)
                    revisions.append(revision)
                }
            }
            return (ballots, revisions)
        }
        var section = Section(workshopID: workshopID, ballots: [], revisions: [])
        section.ballots.reserveCapacity(count)
        section.revisions.reserveCapacity(count)
        for part in decoded {
            guard let part else { throw PackedReader.Truncated() }
            section.ballots += part.ballots
            section.revisions += part.revisions
        }
        // As written: one ballot per participant, ascending (the cache finds voters by bisection).
        guard zip(section.ballots, section.ballots.dropFirst()).allSatisfy({ $0.participantID < $1.participantID }) else {
            throw PackedReader.Truncated()
        }
        return section
    }

    private static func decodeBallot(
        _ reader: inout PackedReader, goals: [String], interned: inout GoalValues
    ) throws -> (Ballot, BallotRepository.Revision) {
        let participant = try reader.take(Int64.self)
        let revision = BallotRepository.Revision(ballotID: try reader.take(Int64.self), revision: try reader.take(Int64.self))
        let supportCount = try reader.takeCount(UInt32.self, minimumSize: 12)
        var support: [Int64: Int] = Dictionary(minimumCapacity: supportCount)
        for _ in 0..<supportCount {
            let proposal = try reader.take(Int64.self)
            support[proposal] = Int(try reader.take(Int32.self))
        }
        let rated = try reader.takeCount(UInt32.self, minimumSize: 10)
        var ratings: [Int64: [String: Int]] = Dictionary(minimumCapacity: rated)
        for _ in 0..<rated {
            let proposal = try reader.take(Int64.self)
            ratings[proposal] = try interned.read(&reader, goals: goals)
        }
        var ballot = Ballot(participantID: participant)
        ballot.support = support
        ballot.ratings = ratings
        return (ballot, revision)
    }

    /// One proposal's ratings by goal, decoded once per distinct set of (goal, value) pairs: ballots
    /// repeat a handful of them (a few goals, values 0–4), so most proposals' ratings share one
    /// dictionary's storage instead of each hashing its goal keys into a new one.
    struct GoalValues {
        private var known: [UInt64: [String: Int]] = [:]

        mutating func read(_ reader: inout PackedReader, goals: [String]) throws -> [String: Int] {
            let count = try reader.takeCount(UInt16.self, minimumSize: 6)
            var pairs: [(index: Int, value: Int)] = []
            pairs.reserveCapacity(count)
            var key: UInt64 = UInt64(count)
            var packable = count <= 3
            for _ in 0..<count {
                let index = Int(try reader.take(UInt16.self))
                guard index < goals.count else { throw PackedReader.Truncated() }
                let value = Int(try reader.take(Int32.self))
                pairs.append((index, value))
                packable = packable && index < 256 && (0..<256).contains(value)
                key = key << 16 | UInt64(truncatingIfNeeded: index) << 8 | UInt64(truncatingIfNeeded: value)
            }
            if packable, let values = known[key] { return values }
            var values: [String: Int] = Dictionary(minimumCapacity: count)
            for (index, value) in pairs { values[goals[index]] = value }
            if packable { known[key] = values }
            return values
        }
    }
}
