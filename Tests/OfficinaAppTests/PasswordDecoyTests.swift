import OfficinaCore
import Testing
@testable import OfficinaApp

/// The decoy an unknown username is checked against: made without hashing (a cold start no longer
/// pays a full PBKDF2 for it), yet shaped as a real account's hash, so checking it costs the same.
@Suite struct PasswordDecoyTests {
    @Test(arguments: [1_000, 600_000])
    func theDecoyHasTheShapeOfARealHashAtTheConfiguredIterations(iterations: Int) async throws {
        let hasher = PasswordHasher(pool: WorkerPool(threads: 1, maxPending: 4, name: "decoy-test"), iterations: iterations)
        let decoy = try #require(hasher.decoy)
        let real = try PasswordHash(parsing: try await PasswordHasher(pool: hasher.pool, iterations: 1_000).hash("segreto"))
        #expect(decoy.iterations == iterations)
        #expect(decoy.salt.count == real.salt.count)
        #expect(decoy.hash.count == real.hash.count)
        #expect(!decoy.needsRehash(iterations: iterations))
    }

    @Test func anUnknownUsernameIsRefusedAndAKnownOneStillVerifies() async throws {
        let hasher = PasswordHasher(pool: WorkerPool(threads: 1, maxPending: 4, name: "decoy-test"), iterations: 1_000)
        let stored = try await hasher.hash("perché-sì")
        #expect(try await hasher.verify("perché-sì", against: stored))
        #expect(try await !hasher.verify("perché-no", against: stored))
        #expect(try await !hasher.verify("perché-sì", against: nil))
        #expect(try await !hasher.verify("", against: nil))
    }
}
