/// A canonical Huffman code (RFC 1951 §3.2.2) built from symbol frequencies, no code longer than a
/// limit. Codes are stored bit-reversed, ready for ``DeflateBitWriter`` (DEFLATE sends a Huffman code
/// from its most significant bit while packing everything else from the least).
struct HuffmanCode {
    /// Code length per symbol (0: the symbol does not occur).
    let lengths: [UInt8]
    /// Bit-reversed code per symbol.
    let codes: [UInt32]

    /// The code for `frequencies`, with lengths at most `limit`. At least two symbols get a code
    /// (a frequency of 1 is lent to symbols 0 and 1 when fewer occur), as decoders expect a complete code.
    init(frequencies: [Int], limit: Int) {
        var weights = frequencies
        var used = weights.indices.filter { weights[$0] > 0 }
        for symbol in 0..<min(2, weights.count) where used.count < 2 && weights[symbol] == 0 {
            weights[symbol] = 1
            used.append(symbol)
        }
        var lengths = Self.treeLengths(weights)
        // Too deep: flatten the frequencies and build again (each halving shortens the deepest paths;
        // all-equal weights give lengths of ⌈log2 n⌉ ≤ limit for the alphabets used here).
        while (lengths.max() ?? 0) > limit {
            weights = weights.map { $0 == 0 ? 0 : max(1, $0 / 2) }
            lengths = Self.treeLengths(weights)
        }
        self.lengths = lengths
        codes = Self.canonicalCodes(lengths)
    }

    /// The Huffman tree's leaf depths, by the two-queue method over leaves sorted by weight.
    private static func treeLengths(_ weights: [Int]) -> [UInt8] {
        let leaves = weights.indices.filter { weights[$0] > 0 }.sorted { (weights[$0], $0) < (weights[$1], $1) }
        var lengths = [UInt8](repeating: 0, count: weights.count)
        guard leaves.count > 1 else {
            if let only = leaves.first { lengths[only] = 1 }
            return lengths
        }
        // Nodes 0..<n are the leaves in sorted order; internal nodes follow in creation order, whose
        // weights never decrease, so the two smallest are always at the front of one queue or the other.
        let n = leaves.count
        var weight = leaves.map { weights[$0] } + [Int](repeating: 0, count: n - 1)
        var parent = [Int](repeating: -1, count: 2 * n - 1)
        var nextLeaf = 0, nextInternal = n, created = n
        func takeSmallest() -> Int {
            if nextLeaf < n, nextInternal == created || weight[nextLeaf] <= weight[nextInternal] {
                defer { nextLeaf += 1 }
                return nextLeaf
            }
            defer { nextInternal += 1 }
            return nextInternal
        }
        while created < 2 * n - 1 {
            let a = takeSmallest(), b = takeSmallest()
            weight[created] = weight[a] + weight[b]
            parent[a] = created
            parent[b] = created
            created += 1
        }
        var depth = [Int](repeating: 0, count: 2 * n - 1)
        for node in stride(from: 2 * n - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        for (position, symbol) in leaves.enumerated() { lengths[symbol] = UInt8(depth[position]) }
        return lengths
    }

    /// Canonical codes for `lengths` (§3.2.2), each reversed to its length.
    private static func canonicalCodes(_ lengths: [UInt8]) -> [UInt32] {
        let maxLength = Int(lengths.max() ?? 0)
        var countPerLength = [Int](repeating: 0, count: maxLength + 1)
        for length in lengths where length > 0 { countPerLength[Int(length)] += 1 }
        var next = [UInt32](repeating: 0, count: maxLength + 2)
        var code: UInt32 = 0
        if maxLength >= 1 {
            for length in 1...maxLength {
                code = (code + UInt32(countPerLength[length - 1])) << 1
                next[length] = code
            }
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            let value = next[Int(length)]
            next[Int(length)] += 1
            return reversed(value, width: Int(length))
        }
    }

    static func reversed(_ value: UInt32, width: Int) -> UInt32 {
        var input = value, output: UInt32 = 0
        for _ in 0..<width {
            output = (output << 1) | (input & 1)
            input >>= 1
        }
        return output
    }

    /// Bits that sending each symbol `frequencies[s]` times costs.
    func cost(_ frequencies: [Int]) -> Int {
        zip(frequencies, lengths).reduce(0) { $0 + $1.0 * Int($1.1) }
    }
}
