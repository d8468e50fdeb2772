import Testing
@testable import OfficinaCore

/// SHA-256 against NIST's published examples (FIPS 180-4 example values, and the long-message vector),
/// plus block-boundary lengths whose digests were computed independently with OpenSSL
/// (`python3 -c "import hashlib; print(hashlib.sha256(b'a'*55).hexdigest())"`).
@Suite struct CryptoSHA256Tests {
    private func hex(_ text: String) -> String { SHA256.hexDigest(Array(text.utf8)) }

    @Test func theEmptyMessageHashesToTheNISTValue() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abcHashesToTheNISTOneBlockValue() {
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func the448BitMessageHashesToTheNISTTwoBlockValue() {
        #expect(
            hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func the896BitMessageHashesToTheNISTValue() {
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(hex(message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionLetterAHashesToTheNISTValue() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Hex.encode(SHA256.hash(message)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ])
    func messagesAtPaddingBoundariesHashCorrectly(length: Int, expected: String) {
        #expect(hex(String(repeating: "a", count: length)) == expected)
    }

    @Test func feedingAMessageInPiecesGivesTheSameDigestAsAllAtOnce() {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let whole = SHA256.hash(message)
        for split in [0, 1, 55, 63, 64, 65, 127, 128, 200, 300] {
            for second in [1, 17, 64, 100] {
                var hasher = SHA256()
                let firstEnd = min(split, message.count)
                let secondEnd = min(firstEnd + second, message.count)
                hasher.update(message[0..<firstEnd])
                hasher.update(message[firstEnd..<secondEnd])
                hasher.update(message[secondEnd...])
                #expect(hasher.digest() == whole, "split at \(split), then \(second)")
            }
        }
    }

    @Test func aNonContiguousSequenceHashesLikeItsBytes() {
        let lazyBytes = (0..<100).lazy.map { UInt8($0) }
        #expect(SHA256.hash(lazyBytes) == SHA256.hash(Array(0..<100).map { UInt8($0) }))
    }

    @Test func askingForTheDigestDoesNotEndTheHasher() {
        var hasher = SHA256()
        hasher.update("ab".utf8)
        _ = hasher.digest()
        hasher.update("c".utf8)
        #expect(Hex.encode(hasher.digest()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hexRoundTripsAndRejectsNonHex() {
        #expect(Hex.decode("00ff10Ab") == [0x00, 0xff, 0x10, 0xab])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.encode([0xde, 0xad, 0xbe, 0xef]) == "deadbeef")
    }
}
