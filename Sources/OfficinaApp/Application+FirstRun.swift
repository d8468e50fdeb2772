import Foundation
import OfficinaCore
import OfficinaStore

extension Application {
    /// When no facilitator account exists, records a one-time setup token (valid for
    /// `setupLifetime`) and returns the link that lets the first facilitator choose a password;
    /// nil when an account exists. Links printed by earlier starts stop working: only the newest
    /// one is valid, and only until it is used.
    public func prepareSetupLink(baseURL: String) throws -> String? {
        let lifetime = context.configuration.setupLifetime
        let token: SecureToken? = try context.store.writeBlocking { db in
            try db.setupTokens.revokeAll()
            guard try db.facilitators.count() == 0 else { return nil }
            let token = SecureToken.generate()
            try db.setupTokens.create(tokenHash: token.storageDigest, expiresAt: Date().addingTimeInterval(lifetime))
            return token
        }
        return token.map { "\(baseURL)/console?setup=\($0.value)" }
    }
}

extension Application {
    /// On first start with an empty database, loads `programme.json` from the seeds folder and
    /// returns its path; nil when programmes exist or there is no seed file.
    public func loadSeedsIfEmpty() throws -> String? {
        let file = URL(fileURLWithPath: context.configuration.resolvedSeedsPath).appendingPathComponent("programme.json")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        return try context.store.loadSeedIfEmpty(fileURL: file) == nil ? nil : file.path
    }
}
