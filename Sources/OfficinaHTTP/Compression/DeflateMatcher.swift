/// The LZ77 half of DEFLATE: the input as literals and back-references (length 3…258, distance
/// 1…32768) found through hash chains of 3-byte prefixes, with one step of lazy matching (a match is
/// put off by a byte when the next position has a longer one), as zlib's middle levels do.
struct DeflateMatcher {
    /// A literal (`distance == 0`, the byte in `length`) or a back-reference.
    struct Token {
        var length: UInt16
        var distance: UInt16
    }

    static let window = 32_768
    static let minimumMatch = 3
    static let maximumMatch = 258
    /// Candidates tried per position; and a match this long is taken without looking further.
    let chainLimit: Int
    let niceLength: Int

    init(chainLimit: Int = 64, niceLength: Int = 128) {
        self.chainLimit = chainLimit
        self.niceLength = niceLength
    }

    func tokens(_ input: [UInt8]) -> [Token] {
        let n = input.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 3 + 16)
        guard n > 0 else { return tokens }
        let hashBits = 15
        var head = [Int32](repeating: -1, count: 1 << hashBits)
        var previous = [Int32](repeating: -1, count: n)
        input.withUnsafeBufferPointer { bytes in
            func hash(_ p: Int) -> Int {
                ((Int(bytes[p]) << 10) ^ (Int(bytes[p + 1]) << 5) ^ Int(bytes[p + 2])) & ((1 << hashBits) - 1)
            }
            func insert(_ p: Int) {
                guard p + 2 < n else { return }
                let h = hash(p)
                previous[p] = head[h]
                head[h] = Int32(p)
            }
            /// The longest earlier match at `p` (inserting `p` first is the caller's business).
            func longest(_ p: Int, atLeast floor: Int) -> (length: Int, distance: Int) {
                guard p + 2 < n else { return (0, 0) }
                let limit = min(Self.maximumMatch, n - p)
                var best = floor, bestDistance = 0
                var candidate = Int(head[hash(p)])
                var tries = chainLimit
                while candidate >= 0, p - candidate <= Self.window, tries > 0 {
                    tries -= 1
                    // The byte that would make this one longer than the best is checked first.
                    if best < limit, bytes[candidate + best] == bytes[p + best], bytes[candidate] == bytes[p] {
                        var length = 0
                        while length < limit, bytes[candidate + length] == bytes[p + length] { length += 1 }
                        if length > best {
                            best = length
                            bestDistance = p - candidate
                            if length >= limit || length >= niceLength { break }
                        }
                    }
                    candidate = Int(previous[candidate])
                }
                return bestDistance == 0 ? (0, 0) : (best, bestDistance)
            }

            var p = 0
            // A match found at p − 1 and put off to see whether p has a longer one.
            var pending: (length: Int, distance: Int)?
            while p < n {
                let found = longest(p, atLeast: max(Self.minimumMatch - 1, pending?.length ?? 0))
                insert(p)
                if let held = pending {
                    if found.length > held.length {
                        tokens.append(Token(length: UInt16(bytes[p - 1]), distance: 0))
                        pending = found.length >= niceLength ? nil : found
                        if found.length >= niceLength {
                            tokens.append(Token(length: UInt16(found.length), distance: UInt16(truncatingIfNeeded: found.distance)))
                            for q in (p + 1)..<(p + found.length) { insert(q) }
                            p += found.length
                        } else {
                            p += 1
                        }
                    } else {
                        let start = p - 1
                        tokens.append(Token(length: UInt16(held.length), distance: UInt16(truncatingIfNeeded: held.distance)))
                        for q in (p + 1)..<(start + held.length) { insert(q) }
                        p = start + held.length
                        pending = nil
                    }
                } else if found.length >= Self.minimumMatch {
                    if found.length >= niceLength {
                        tokens.append(Token(length: UInt16(found.length), distance: UInt16(truncatingIfNeeded: found.distance)))
                        for q in (p + 1)..<(p + found.length) { insert(q) }
                        p += found.length
                    } else {
                        pending = found
                        p += 1
                    }
                } else {
                    tokens.append(Token(length: UInt16(bytes[p]), distance: 0))
                    p += 1
                }
            }
            if let held = pending {
                tokens.append(Token(length: UInt16(held.length), distance: UInt16(truncatingIfNeeded: held.distance)))
            }
        }
        return tokens
    }
}
