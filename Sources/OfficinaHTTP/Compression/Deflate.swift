/// A DEFLATE compressor (RFC 1951): ``DeflateMatcher``'s literals and back-references in blocks of
/// up to 32,768 tokens, each sent with its own Huffman codes (BTYPE 2), or stored as is (BTYPE 0)
/// when that is shorter, as random or already-compressed input is.
///
/// ```swift
/// let packed = Deflate.compress(Array(json.utf8))   // raw DEFLATE; Gzip.compress wraps it
/// ```
public enum Deflate {
    static let tokensPerBlock = 32_768

    /// `input` as a raw DEFLATE stream (no zlib or gzip wrapper).
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        let tokens = DeflateMatcher().tokens(input)
        var writer = DeflateBitWriter(reservingCapacity: input.count / 4 + 64)
        guard !tokens.isEmpty else {
            // One final block with fixed codes holding only end-of-block (code 0000000).
            writer.write(1, width: 1)
            writer.write(1, width: 2)
            writer.write(0, width: 7)
            return writer.finish()
        }
        var start = 0, consumed = 0
        while start < tokens.count {
            let end = min(tokens.count, start + tokensPerBlock)
            let block = tokens[start..<end]
            let covered = block.reduce(0) { $0 + ($1.distance == 0 ? 1 : Int($1.length)) }
            let raw = input[consumed..<(consumed + covered)]
            writeBlock(block, raw: raw, final: end == tokens.count, into: &writer)
            consumed += covered
            start = end
        }
        return writer.finish()
    }

    /// One block, coded or stored, whichever is shorter.
    private static func writeBlock(_ tokens: ArraySlice<DeflateMatcher.Token>, raw: ArraySlice<UInt8>, final: Bool,
                                   into writer: inout DeflateBitWriter) {
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        for token in tokens {
            if token.distance == 0 {
                literalFrequencies[Int(token.length)] += 1
            } else {
                literalFrequencies[257 + Int(DeflateSymbols.lengthIndex[Int(token.length)])] += 1
                distanceFrequencies[DeflateSymbols.distanceCode(Int(token.distance))] += 1
            }
        }
        literalFrequencies[256] = 1
        let literals = HuffmanCode(frequencies: literalFrequencies, limit: 15)
        let distances = HuffmanCode(frequencies: distanceFrequencies, limit: 15)
        let header = DeflateDynamicHeader(literals: literals, distances: distances)

        var extraBits = 0
        for index in 0..<29 { extraBits += literalFrequencies[257 + index] * Int(DeflateSymbols.lengthExtra[index]) }
        for code in 0..<30 { extraBits += distanceFrequencies[code] * Int(DeflateSymbols.distanceExtra[code]) }
        let codedBits = 3 + header.bits + literals.cost(literalFrequencies) + distances.cost(distanceFrequencies) + extraBits
        // Stored: 3 header bits, padding to a byte (up to 7), then 4 length bytes per 65,535 bytes.
        let storedBits = 3 + 7 + 8 * (raw.count + 5 * max(1, (raw.count + 65_534) / 65_535))
        if storedBits < codedBits {
            writeStored(raw, final: final, into: &writer)
            return
        }
        writer.write(final ? 1 : 0, width: 1)
        writer.write(2, width: 2)
        header.write(into: &writer)
        for token in tokens {
            if token.distance == 0 {
                let symbol = Int(token.length)
                writer.write(literals.codes[symbol], width: Int(literals.lengths[symbol]))
                continue
            }
            let length = Int(token.length), index = Int(DeflateSymbols.lengthIndex[length])
            writer.write(literals.codes[257 + index], width: Int(literals.lengths[257 + index]))
            writer.write(UInt32(length - Int(DeflateSymbols.lengthBase[index])), width: Int(DeflateSymbols.lengthExtra[index]))
            let distance = Int(token.distance), code = DeflateSymbols.distanceCode(distance)
            writer.write(distances.codes[code], width: Int(distances.lengths[code]))
            writer.write(UInt32(distance - Int(DeflateSymbols.distanceBase[code])), width: Int(DeflateSymbols.distanceExtra[code]))
        }
        writer.write(literals.codes[256], width: Int(literals.lengths[256]))
    }

    /// Stored blocks (BTYPE 0) of at most 65,535 bytes each; only the last may be final.
    private static func writeStored(_ raw: ArraySlice<UInt8>, final: Bool, into writer: inout DeflateBitWriter) {
        var start = raw.startIndex
        repeat {
            let end = min(raw.endIndex, start + 65_535)
            let last = end == raw.endIndex
            writer.write(final && last ? 1 : 0, width: 1)
            writer.write(0, width: 2)
            writer.alignToByte()
            let length = UInt32(end - start)
            writer.write(length, width: 16)
            writer.write(~length & 0xFFFF, width: 16)
            writer.append(contentsOf: raw[start..<end])
            start = end
        } while start < raw.endIndex
    }
}
