import Testing
@testable import OfficinaCore

@Suite struct CryptoSecureTokenTests {
    @Test func aTokenIs43Base64URLCharactersCarrying256Bits() throws {
        let token = SecureToken.generate()
        #expect(token.value.count == 43)
        #expect(token.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(try #require(Base64URL.decode(token.value)).count == 32)
    }

    @Test func tokensDoNotRepeat() {
        let tokens = Set((0..<1_000).map { _ in SecureToken.generate().value })
        #expect(tokens.count == 1_000)
    }

    @Test func theStorageDigestIsTheSHA256HexOfTheTokenText() throws {
        let token = try #require(SecureToken(String(repeating: "A", count: 43)))
        #expect(token.storageDigest == SHA256.hexDigest(Array(String(repeating: "A", count: 43).utf8)))
        #expect(token.storageDigest.count == 64)
    }

    @Test func aPresentedTokenRoundTrips() throws {
        let token = SecureToken.generate()
        #expect(SecureToken(token.value) == token)
        #expect(SecureToken(token.value)?.storageDigest == token.storageDigest)
    }

    @Test(arguments: [
        "", "short", String(repeating: "A", count: 42), String(repeating: "A", count: 44),
        String(repeating: "A", count: 42) + "=", String(repeating: "A", count: 42) + "+",
        String(repeating: "A", count: 42) + "B",  // non-canonical: stray low bits in the last character
        String(repeating: "é", count: 43),
    ])
    func aForgedOrMangledCookieIsNotAToken(text: String) {
        #expect(SecureToken(text) == nil)
    }

    @Test func theDescriptionDoesNotLeakTheSecret() {
        let token = SecureToken.generate()
        #expect(!String(describing: token).contains(token.value))
    }

    @Test func base64URLUsesTheURLSafeAlphabetWithoutPadding() {
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
        #expect(Base64URL.decode("+/8") == nil)
        #expect(Base64URL.decode("A") == nil)
    }

    @Test func base64URLRoundTripsEveryLengthAndRefusesStrayLowBits() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(text.utf8.count == (length * 4 + 2) / 3)
            #expect(Base64URL.decode(text) == bytes)
        }
        // The last character of a short group carries bits the encoder always leaves zero.
        #expect(Base64URL.decode("_w") == [0xff])
        #expect(Base64URL.decode("_x") == nil)
        #expect(Base64URL.decode("__8") == [0xff, 0xff])
        #expect(Base64URL.decode("__9") == nil)
        #expect(Base64URL.decode("ab=c") == nil)
        #expect(Base64URL.decode("abcè") == nil)
        #expect(Base64URL.decode("") == [])
    }
}
