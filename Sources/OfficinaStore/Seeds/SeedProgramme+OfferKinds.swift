import Foundation
import OfficinaCore

extension SeedProgramme {
    /// `offerKinds`: `[{"key": "skills", "label": {"it": "competenze", "en": "skills"}}]`, keys as goal keys,
    /// unique; absent means ``OfferKind/defaults``.
    static func offerKinds(_ reader: SeedReader) throws -> [OfferKind] {
        guard reader.fields["offerKinds"] != nil else { return OfferKind.defaults }
        let items = try reader.array("offerKinds")
        guard !items.isEmpty else { throw SeedError(path: "offerKinds", problem: "needs at least one kind, or leave it out") }
        var seen: Set<String> = []
        return try items.enumerated().map { index, value in
            let item = try SeedReader(value, at: "offerKinds[\(index)]")
            try item.only(["key", "label"])
            let key = try item.string("key")
            guard key.range(of: "^[a-z][a-z0-9_-]{0,31}$", options: .regularExpression) != nil else {
                throw SeedError(path: item.child("key"), problem: "must match [a-z][a-z0-9_-]{0,31}")
            }
            guard seen.insert(key).inserted else { throw SeedError(path: item.child("key"), problem: "duplicate key \"\(key)\"") }
            return OfferKind(key: key, label: try item.localized("label"))
        }
    }
}
