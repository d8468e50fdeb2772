import Foundation
import OfficinaCore

extension ParticipantRepository {
    /// The name an erased participant is shown with.
    public static let erasedName = ErasedPerson.storedName

    /// Erases a participant's personal data (GDPR art. 17): the name becomes ``erasedName``, the cookie
    /// token is replaced by `replacementTokenHash` (a random one nobody holds: every device is signed out),
    /// the access code used is forgotten, offers and their contacts are deleted, the return link and its
    /// devices go, and actions they owned keep only the erased name. Proposals, build-ons and the ballot
    /// stay, now anonymous, so results remain valid. Returns false when there is no such participant.
    @discardableResult
    public func erase(id: Int64, replacementTokenHash: String) throws -> Bool {
        guard try find(id: id) != nil else { return false }
        try db.offers.deleteAll(authorID: id)
        try db.returnLinks.revoke(participantID: id)
        try db.actions.forgetOwner(participantID: id, replacement: Self.erasedName)
        try db.execute("UPDATE access_codes SET used_by = NULL WHERE used_by = ?", [id])
        try db.execute("""
            UPDATE participants SET name = ?, token_hash = ?, access_code = NULL WHERE id = ?
            """, [Self.erasedName, replacementTokenHash, id])
        return true
    }
}
