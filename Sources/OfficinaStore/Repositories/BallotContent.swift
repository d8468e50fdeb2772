import Foundation
import OfficinaCore

/// A ballot's support and ratings packed into one value, kept on its `ballots` row ("22-ballot-content",
/// SQLite) beside the support and rating rows: reading a workshop's 100,000 ballots is then 100,000
/// rows instead of 1.3 million, the difference at a server's first ranking after a start.
///
/// The rows stay the ballot's record (tallies, exports and queries by proposal use them); the content
/// is written by the same rewrite in the same transaction, and a row whose content is `NULL` (one a
/// migration could not pack, or a hand-edited database) is read from its rows instead.
///
/// Layout: a format byte (1), then unsigned LEB128 integers: the goal keys (count, then length and
/// UTF-8 bytes each), the support (count, then proposal and dots each) and the ratings (count of
/// proposals, then per proposal its id, its count of goals and, per goal, the key's index and value).
public enum BallotContent {
    static let format: UInt8 = 1

    /// The ballot packed, or nil when it holds a negative number (the schema allows none).
    /// Everything is written in ascending order (goal keys, proposals, goals by index), so equal
    /// ballots pack to equal bytes and ballots rating the same goals share their goal table's bytes.
    public static func encode(_ ballot: Ballot) -> [UInt8]? {
        var goals: [String] = []
        for values in ballot.ratings.values {
            for goal in values.keys where !goals.contains(goal) { goals.append(goal) }
        }
        goals.sort()
        var out: [UInt8] = [format]
        out.reserveCapacity(8 + goals.count * 12 + ballot.support.count * 4 + ballot.ratings.count * 10)
        put(goals.count, into: &out)
        for goal in goals {
            let utf8 = Array(goal.utf8)
            put(utf8.count, into: &out)
            out += utf8
        }
        put(ballot.support.count, into: &out)
        for (proposal, dots) in ballot.support.sorted(by: { $0.key < $1.key }) {
            guard proposal >= 0, dots >= 0 else { return nil }
            put(Int(proposal), into: &out)
            put(dots, into: &out)
        }
        put(ballot.ratings.count, into: &out)
        for (proposal, values) in ballot.ratings.sorted(by: { $0.key < $1.key }) {
            guard proposal >= 0 else { return nil }
            put(Int(proposal), into: &out)
            put(values.count, into: &out)
            let indexed = values.compactMap { goal, value in goals.firstIndex(of: goal).map { ($0, value) } }
            guard indexed.count == values.count else { return nil }
            for (index, value) in indexed.sorted(by: { $0.0 < $1.0 }) {
                guard value >= 0 else { return nil }
                put(index, into: &out)
                put(value, into: &out)
            }
        }
        return out
    }

    private static func put(_ value: Int, into out: inout [UInt8]) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    /// Decodes contents into ballots, sharing what repeats among them; one per thread.
    public struct Decoder {
        /// The goal keys met so far, each made a `String` once.
        private var goalNames: [String] = []
        private var goalBytes: [[UInt8]] = []
        /// One proposal's ratings by (goal, value) pairs: ballots repeat a handful of them (a few
        /// goals, values 0–4), so most proposals' ratings share one dictionary's storage.
        private var interned: [UInt64: [String: Int]] = [:]
        /// The last goal table read (its bytes) and its goals' numbers: the next ballot's table is
        /// usually the same bytes, compared instead of read.
        private var lastTable: [UInt8] = []
        private var localGoals: [Int] = []

        public init() {}

        /// The participant's ballot packed in `bytes`, or nil when they are not a whole content of
        /// this format.
        public mutating func decode(_ bytes: UnsafeRawBufferPointer, participantID: Int64) -> Ballot? {
            var reader = Reader(bytes: bytes)
            guard reader.byte() == BallotContent.format else { return nil }
            if !reader.skip(lastTable) {
                let start = reader.offset
                guard let goalCount = reader.count(minimumSize: 1) else { return nil }
                localGoals.removeAll(keepingCapacity: true)
                for _ in 0..<goalCount {
                    guard let length = reader.count(minimumSize: 1), let name = reader.bytes(length) else { return nil }
                    localGoals.append(goal(name))
                }
                lastTable.removeAll(keepingCapacity: true)
                lastTable.append(contentsOf: bytes[start..<reader.offset])
            }
            guard let supportCount = reader.count(minimumSize: 2) else { return nil }
            var ballot = Ballot(participantID: participantID)
            if supportCount > 0 {
                var support: [Int64: Int] = Dictionary(minimumCapacity: supportCount)
                for _ in 0..<supportCount {
                    guard let proposal = reader.integer(), let dots = reader.integer() else { return nil }
                    support[Int64(proposal)] = dots
                }
                ballot.support = support
            }
            guard let rated = reader.count(minimumSize: 2) else { return nil }
            if rated > 0 {
                var ratings: [Int64: [String: Int]] = Dictionary(minimumCapacity: rated)
                for _ in 0..<rated {
                    guard let proposal = reader.integer(), let values = values(&reader) else { return nil }
                    ratings[Int64(proposal)] = values
                }
                ballot.ratings = ratings
            }
            return reader.atEnd ? ballot : nil
        }

        private mutating func values(_ reader: inout Reader) -> [String: Int]? {
            guard let count = reader.count(minimumSize: 2) else { return nil }
            // The pairs read once into a key; read again into a dictionary only when it is new.
            let pairs = reader.offset
            var key = UInt64(count)
            var packable = count <= 3
            for _ in 0..<count {
                guard let index = reader.integer(), index < localGoals.count, let value = reader.integer() else { return nil }
                let goal = localGoals[index]
                packable = packable && goal < 256 && value < 256
                key = key << 16 | UInt64(truncatingIfNeeded: goal) << 8 | UInt64(truncatingIfNeeded: value)
            }
            if packable, let known = interned[key] { return known }
            let end = reader.offset
            reader.offset = pairs
            var values: [String: Int] = Dictionary(minimumCapacity: count)
            for _ in 0..<count {
                guard let index = reader.integer(), let value = reader.integer() else { return nil }
                values[goalNames[localGoals[index]]] = value
            }
            guard reader.offset == end else { return nil }
            if packable { interned[key] = values }
            return values
        }

        /// The goal key's number among those met so far.
        private mutating func goal(_ name: UnsafeRawBufferPointer) -> Int {
            if let known = goalBytes.firstIndex(where: { $0.elementsEqual(name) }) { return known }
            goalBytes.append(Array(name))
            goalNames.append(String(decoding: name, as: UTF8.self))
            return goalNames.count - 1
        }
    }

    /// Unsigned LEB128 integers read with a bound check each: damaged bytes give nil, never a read
    /// past the end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func integer() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 63 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
                shift += 7
            }
            return nil
        }

        /// A count of items that must fit in what is left, at `minimumSize` bytes each.
        mutating func count(minimumSize: Int) -> Int? {
            guard let count = integer(), count <= (bytes.count - offset) / minimumSize else { return nil }
            return count
        }

        /// Moves past `expected` when the next bytes are exactly those; false (not moving) otherwise.
        mutating func skip(_ expected: [UInt8]) -> Bool {
            guard !expected.isEmpty, expected.count <= bytes.count - offset else { return false }
            let same = expected.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress! + offset, expected.count) == 0 }
            if same { offset += expected.count }
            return same
        }

        mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
            guard count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        }
    }
}
