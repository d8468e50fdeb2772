import Testing
@testable import OfficinaCore

/// PBKDF2-HMAC-SHA256 against the commonly published vectors (the RFC 6070 inputs run with SHA-256,
/// as listed e.g. in RFC 7914 §11's neighbourhood and by many libraries' test suites).
@Suite struct CryptoPBKDF2Tests {
    private func derive(_ password: String, _ salt: String, _ iterations: Int, _ length: Int) throws -> String {
        Hex.encode(try PBKDF2.sha256(password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, keyByteCount: length))
    }

    @Test func passwordSaltWithOneIteration() throws {
        #expect(try derive("password", "salt", 1, 32) == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
    }

    @Test func passwordSaltWithTwoIterations() throws {
        #expect(try derive("password", "salt", 2, 32) == "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")
    }

    @Test func passwordSaltWith4096Iterations() throws {
        #expect(try derive("password", "salt", 4096, 32) == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
    }

    @Test func longPasswordAndLongSaltGiveA40ByteKeyOverTwoBlocks() throws {
        #expect(
            try derive("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40)
                == "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9")
    }

    @Test func embeddedNulBytesAreHashedNotTruncated() throws {
        #expect(try derive("pass\u{0}word", "sa\u{0}lt", 4096, 16) == "89b69d0516f829893c696226650a8687")
    }

    @Test func aShorterKeyIsAPrefixOfALongerOne() throws {
        let long = try derive("password", "salt", 3, 64)
        let short = try derive("password", "salt", 3, 20)
        #expect(long.hasPrefix(short))
    }

    @Test(arguments: [2, 3, 17, 100])
    func theFastLoopAgreesWithHMACAppliedStepByStep(iterations: Int) throws {
        // RFC 8018 §5.2 written out literally with the public HMAC: U_1 = PRF(P, S || INT(1)), U_j = PRF(P, U_{j-1}).
        let password = Array("a password longer than one sixty-four byte block of SHA-256, to be hashed first".utf8)
        let salt = Array("NaCl".utf8)
        let mac = HMACSHA256(key: password)
        var u = mac.authenticationCode(for: salt + [0, 0, 0, 1])
        var total = u
        for _ in 1..<iterations {
            u = mac.authenticationCode(for: u)
            total = zip(total, u).map { $0 ^ $1 }
        }
        #expect(try PBKDF2.sha256(password: password, salt: salt, iterations: iterations, keyByteCount: 32) == total)
    }

    @Test func zeroIterationsAreRefused() {
        #expect(throws: PBKDF2Error.invalidIterations(0)) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: 0, keyByteCount: 32)
        }
    }

    @Test func anEmptyKeyIsRefused() {
        #expect(throws: PBKDF2Error.invalidKeyLength(0)) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: 1, keyByteCount: 0)
        }
    }
}
