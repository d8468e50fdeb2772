/// A dynamic block's header (RFC 1951 §3.2.7): how many literal/length and distance codes follow,
/// and their code lengths, run-length coded (16: repeat the previous 3–6 times, 17: 3–10 zeros,
/// 18: 11–138 zeros) and sent with a Huffman code of their own.
struct DeflateDynamicHeader {
    private let literalCount: Int
    private let distanceCount: Int
    /// The run-length coded lengths: symbol 0…18 and the value of its extra bits.
    private let runs: [(symbol: Int, extra: UInt32)]
    private let lengthCode: HuffmanCode
    private let lengthCodeCount: Int
    /// Bits the header takes (HLIT, HDIST, HCLEN, the code-length code and the runs).
    let bits: Int

    init(literals: HuffmanCode, distances: HuffmanCode) {
        literalCount = max(257, (literals.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        distanceCount = max(1, (distances.lengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let all = Array(literals.lengths.prefix(literalCount)) + Array(distances.lengths.prefix(distanceCount))
        var runs: [(symbol: Int, extra: UInt32)] = []
        var i = 0
        while i < all.count {
            let value = all[i]
            var run = 1
            while i + run < all.count, all[i + run] == value { run += 1 }
            i += run
            if value == 0 {
                while run >= 11 { let take = min(run, 138); runs.append((18, UInt32(take - 11))); run -= take }
                if run >= 3 { runs.append((17, UInt32(run - 3))); run = 0 }
            } else {
                runs.append((Int(value), 0))
                run -= 1
                while run >= 3 { let take = min(run, 6); runs.append((16, UInt32(take - 3))); run -= take }
            }
            for _ in 0..<run { runs.append((Int(value), 0)) }
        }
        self.runs = runs
        var frequencies = [Int](repeating: 0, count: 19)
        for run in runs { frequencies[run.symbol] += 1 }
        let code = HuffmanCode(frequencies: frequencies, limit: 7)
        let sent = max(4, (DeflateSymbols.codeLengthOrder.lastIndex { code.lengths[$0] > 0 } ?? 0) + 1)
        let extraWidth = [16: 2, 17: 3, 18: 7]
        lengthCode = code
        lengthCodeCount = sent
        bits = 5 + 5 + 4 + 3 * sent + runs.reduce(0) { $0 + Int(code.lengths[$1.symbol]) + (extraWidth[$1.symbol] ?? 0) }
    }

    func write(into writer: inout DeflateBitWriter) {
        writer.write(UInt32(literalCount - 257), width: 5)
        writer.write(UInt32(distanceCount - 1), width: 5)
        writer.write(UInt32(lengthCodeCount - 4), width: 4)
        for symbol in DeflateSymbols.codeLengthOrder.prefix(lengthCodeCount) { writer.write(UInt32(lengthCode.lengths[symbol]), width: 3) }
        for run in runs {
            writer.write(lengthCode.codes[run.symbol], width: Int(lengthCode.lengths[run.symbol]))
            switch run.symbol {
            case 16: writer.write(run.extra, width: 2)
            case 17: writer.write(run.extra, width: 3)
            case 18: writer.write(run.extra, width: 7)
            default: break
            }
        }
    }
}
