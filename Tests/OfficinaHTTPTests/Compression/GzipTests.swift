import ChildProcesses
import Foundation
import Testing
@testable import OfficinaHTTP

/// Our gzip output read back by the system's `gzip -d` (an independent decoder): every shape of
/// input — empty, tiny, long runs, text with near and far repeats, random bytes — must come back
/// byte for byte, and repetitive text must actually shrink.
@Suite struct GzipTests {
    /// `bytes` decompressed by `gzip -dc`, through files (no pipe buffering limits).
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("officina-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.gz"), output = directory.appendingPathComponent("out")
        try Data(bytes).write(to: input)
        let gzip = try ChildProcess("/bin/gzip", ["-dc", input.path], stdout: .file(output.path), stderr: .null)
        let termination = gzip.wait()
        guard termination == .exited(0) else { throw GzipFailure(termination: termination) }
        return [UInt8](try Data(contentsOf: output))
    }

    struct GzipFailure: Error { let termination: ChildProcess.Termination }

    /// Deterministic pseudo-random bytes (SplitMix64).
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }

    /// A ranking-like JSON answer: the same keys again and again, numbers and Italian titles varying.
    static func rankingLike(_ entries: Int) -> [UInt8] {
        var text = #"{"entries":["#
        for i in 0..<entries {
            if i > 0 { text += "," }
            text += #"{"rank":\#(i + 1),"id":\#(1000 + i * 7),"title":"Proposta \#(i) — spazio condiviso","#
            text += #""overall":\#(Double(10_000 - i * 37) / 100),"support":{"share":0.\#(500 + i % 400)},"#
            text += #""rankRange":{"best":\#(max(1, i - 2)),"worst":\#(i + 3)}}"#
        }
        return Array((text + "]}").utf8)
    }

    @Test func theChecksumMatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        let whole = Self.noise(10_000, seed: 3)
        #expect(CRC32.checksum(whole[5_000...], continuing: CRC32.checksum(whole[..<5_000])) == CRC32.checksum(whole))
    }

    @Test(arguments: [0, 1, 2, 3, 4, 257, 258, 259, 65_535, 65_536, 200_000])
    func aRunOfOneByteComesBack(count: Int) throws {
        let input = [UInt8](repeating: 0x61, count: count)
        let packed = Gzip.compress(input)
        #expect(try Self.gunzip(packed) == input)
        if count >= 1_000 { #expect(packed.count * 50 < count, "\(packed.count) bytes for \(count)") }
    }

    @Test func textWithNearAndFarRepeatsComesBackAndShrinks() throws {
        let json = Self.rankingLike(600)
        let packed = Gzip.compress(json)
        #expect(try Self.gunzip(packed) == json)
        #expect(packed.count * 5 < json.count, "\(packed.count) of \(json.count)")
        // A block longer than 32,768 tokens and repeats right at the 32 KiB window's edge.
        let piece = Self.noise(32_768, seed: 9)
        let edges = piece + piece + Array(piece.prefix(5_000)) + Self.noise(70_000, seed: 10) + Array(piece.suffix(300))
        #expect(try Self.gunzip(Gzip.compress(edges)) == edges)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomBytesComeBackStoredAtLittleCost(seed: UInt64) throws {
        let input = Self.noise(150_000, seed: seed)
        let packed = Gzip.compress(input)
        #expect(try Self.gunzip(packed) == input)
        // Stored blocks: 5 bytes per 65,535 plus the gzip frame.
        #expect(packed.count <= input.count + 64)
    }

    @Test func mixedTextAndNoiseInEveryOrderComesBack() throws {
        var input: [UInt8] = []
        for round in 0..<12 {
            input += round % 3 == 0 ? Self.noise(3_000 + round * 500, seed: UInt64(round)) : Self.rankingLike(20 + round * 5)
            input += Array("abcabcabcabd".utf8) + [UInt8](repeating: UInt8(round), count: round * 40)
        }
        #expect(try Self.gunzip(Gzip.compress(input)) == input)
    }
}
