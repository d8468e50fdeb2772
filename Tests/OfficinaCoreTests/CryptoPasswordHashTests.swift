import Foundation
import Testing
@testable import OfficinaCore

@Suite struct CryptoPasswordHashTests {
    @Test func aCreatedHashVerifiesItsPasswordAndNoOther() throws {
        let hash = try PasswordHash.create(password: "correct horse battery", iterations: 1_000)
        #expect(hash.verify("correct horse battery"))
        #expect(!hash.verify("correct horse batterY"))
        #expect(!hash.verify(""))
    }

    @Test func theEncodedFormRoundTrips() throws {
        let hash = try PasswordHash.create(password: "segreto", iterations: 1_234)
        let text = hash.encoded
        #expect(text.hasPrefix("pbkdf2-sha256$1234$"))
        let parsed = try PasswordHash(parsing: text)
        #expect(parsed == hash)
        #expect(parsed.verify("segreto"))
    }

    @Test func theHashIsPBKDF2OfTheUTF8PasswordAndSalt() throws {
        let hash = try PasswordHash(password: "password", salt: Array("saltsalt".utf8), iterations: 2)
        let expected = try PBKDF2.sha256(password: Array("password".utf8), salt: Array("saltsalt".utf8), iterations: 2, keyByteCount: 32)
        #expect(hash.hash == expected)
        #expect(hash.encoded == "pbkdf2-sha256$2$c2FsdHNhbHQ=$\(Data(expected).base64EncodedString())")
    }

    @Test func twoHashesOfOnePasswordUseDifferentSalts() throws {
        let first = try PasswordHash.create(password: "same", iterations: 10)
        let second = try PasswordHash.create(password: "same", iterations: 10)
        #expect(first.salt.count == 16)
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
    }

    @Test func newHashesDefaultTo600000Iterations() {
        #expect(PasswordHash.defaultIterations == 600_000)
    }

    @Test func aComposedAndADecomposedAccentVerifyAlike() throws {
        let hash = try PasswordHash.create(password: "perch\u{E9}", iterations: 10)
        #expect(hash.verify("perche\u{301}"))
    }

    @Test func aWeakerStoredHashAsksToBeRehashed() throws {
        let weak = try PasswordHash.create(password: "x", iterations: 1_000)
        #expect(weak.needsRehash())
        #expect(!weak.needsRehash(iterations: 1_000))
    }

    @Test(arguments: [
        ("", PasswordHashError.malformed),
        ("pbkdf2-sha256$1000$c2FsdHNhbHQ=", .malformed),
        ("pbkdf2-sha256$1000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAA==$x", .malformed),
        ("bcrypt$1000$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAA==", .unsupportedAlgorithm("bcrypt")),
        ("pbkdf2-sha256$$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAA==", .invalidIterations("")),
        ("pbkdf2-sha256$0$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAA==", .invalidIterations("0")),
        ("pbkdf2-sha256$-5$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAA==", .invalidIterations("-5")),
        ("pbkdf2-sha256$+5$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAA==", .invalidIterations("+5")),
        ("pbkdf2-sha256$99999999999$c2FsdHNhbHQ=$AAAAAAAAAAAAAAAAAAAAAA==", .invalidIterations("99999999999")),
        ("pbkdf2-sha256$1000$not base64!$AAAAAAAAAAAAAAAAAAAAAA==", .invalidSalt),
        ("pbkdf2-sha256$1000$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAA==", .invalidSalt),
        ("pbkdf2-sha256$1000$c2FsdHNhbHQ=$AAAA", .invalidHash),
        ("pbkdf2-sha256$1000$c2FsdHNhbHQ=$%%%", .invalidHash),
    ])
    func aBrokenStoredHashIsRefusedWithItsReason(text: String, expected: PasswordHashError) {
        #expect(throws: expected) { try PasswordHash(parsing: text) }
    }

    @Test func aHugeIterationCountIsRefusedWhenCreating() {
        #expect(throws: PasswordHashError.invalidIterations("10000001")) {
            try PasswordHash.create(password: "x", iterations: 10_000_001)
        }
    }

    @Test func theDescriptionNeverShowsTheHash() throws {
        let hash = try PasswordHash.create(password: "x", iterations: 10)
        #expect(!String(describing: hash).contains(hash.encoded.split(separator: "$")[3]))
    }

    @Test func constantTimeEqualityComparesContentsAndLengths() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
    }
}
