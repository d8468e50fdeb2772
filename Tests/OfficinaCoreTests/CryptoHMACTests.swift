import Testing
@testable import OfficinaCore

/// HMAC-SHA256 against RFC 4231 §4.2–4.8, test cases 1–7.
@Suite struct CryptoHMACTests {
    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: [
        (1, [UInt8](repeating: 0x0b, count: 20), bytes("Hi There"),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (2, bytes("Jefe"), bytes("what do ya want for nothing?"),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (3, [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (4, (1...25).map { UInt8($0) }, [UInt8](repeating: 0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        (6, [UInt8](repeating: 0xaa, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        (7, [UInt8](repeating: 0xaa, count: 131),
         bytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func rfc4231TestCaseMatches(number: Int, key: [UInt8], data: [UInt8], expected: String) {
        #expect(Hex.encode(HMACSHA256.authenticationCode(for: data, key: key)) == expected, "RFC 4231 test case \(number)")
    }

    @Test func rfc4231TestCase5MatchesWhenTruncatedTo128Bits() {
        let tag = HMACSHA256.authenticationCode(for: Self.bytes("Test With Truncation"), key: [UInt8](repeating: 0x0c, count: 20))
        #expect(Hex.encode(tag.prefix(16)) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func oneKeyAuthenticatesManyMessagesLikeFreshInstances() {
        let mac = HMACSHA256(key: Self.bytes("Jefe"))
        for message in ["", "a", String(repeating: "x", count: 200)] {
            #expect(mac.authenticationCode(for: Self.bytes(message)) == HMACSHA256.authenticationCode(for: Self.bytes(message), key: Self.bytes("Jefe")))
        }
    }

    @Test func aKeyOfExactlyOneBlockIsUsedAsIs() {
        // A 64-byte key is not hashed first; this value was computed with Python's hmac module.
        let key = (0..<64).map { UInt8($0) }
        #expect(Hex.encode(HMACSHA256.authenticationCode(for: Self.bytes("block"), key: key))
            == "0c4195064dd4ca79599d2b8508c3f4c5f3805080dd6b451ca30e7d2da73a2c3d")
    }
}
