import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct OfferRepositoryTests {
    @Test func aDatabaseFromBeforeOffersUpgradesWithTheDefaultKindsForEveryProgramme() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        do {
            let connection = try Connection(path: path)
            try connection.enableForeignKeys()
            let before = Schema.migrations.prefix { $0.id != "11-offers" }
            try Migrator(migrations: Array(before)).migrate(connection)
            try connection.execute("INSERT INTO programmes (title_it, title_en, created_at) VALUES (?, ?, ?)", ["Vecchio", "Old", Date()])
        }
        let store = try Store(path: path)
        let kinds = try store.read { db in
            try db.query("SELECT key FROM offer_kinds ORDER BY position") { $0.text(0) }
        }
        #expect(kinds == OfferKind.defaults.map(\.key))
    }

    @Test func aContactIsStoredWithItsConsentAndGoesWithIt() throws {
        let fixture = try Fixture()
        let consent = ConsentRecord(version: "offer-contact-1", at: Date(timeIntervalSince1970: 1_800_000_000))
        let offer = try fixture.store.writeBlocking { db in
            try db.offers.create(
                workshopID: fixture.workshop.id, proposalID: fixture.proposals[0].id, authorID: fixture.participants[1].id,
                kind: "skills", note: "So fare siti", organisation: "Coop Uno", contact: .email("a@b.it"), consent: consent)
        }
        #expect(offer.contact == .email("a@b.it"))
        #expect(offer.consent == consent)
        #expect(offer.authorName == "Persona 1")
        let removed = try fixture.store.writeBlocking { db in try db.offers.update(id: offer.id, note: "Altro", contact: .remove) }
        #expect(removed?.contact == nil && removed?.consent == nil && removed?.note == "Altro")
        // The schema refuses a contact without its consent.
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in
                try db.execute("UPDATE offers SET contact_type = 'email', contact = 'x@y.it' WHERE id = ?", [offer.id])
            }
        }
    }

    @Test func purgingRemovesOnlyContactsConsentedBeforeTheCutoffAndKeepsTheOffers() throws {
        let fixture = try Fixture()
        let old = ConsentRecord(version: "v", at: Date(timeIntervalSince1970: 1_000))
        let recent = ConsentRecord(version: "v", at: Date(timeIntervalSince1970: 3_000))
        try fixture.store.writeBlocking { db in
            for (index, consent) in [old, recent].enumerated() {
                _ = try db.offers.create(workshopID: fixture.workshop.id, proposalID: nil, authorID: fixture.participants[index].id,
                                         kind: "time", note: "", organisation: "", contact: .phone("+39011123456"), consent: consent)
            }
        }
        let purged = try fixture.store.writeBlocking { db in try db.offers.purgeContacts(consentedBefore: Date(timeIntervalSince1970: 2_000)) }
        #expect(purged == 1)
        let offers = try fixture.store.read { db in try db.offers.list(workshopID: fixture.workshop.id) }
        #expect(offers.count == 2)
        #expect(offers.map { $0.contact == nil } == [true, false])
    }

    @Test func kindsFallBackToTheDefaultsAndCanBeReplaced() throws {
        let fixture = try Fixture()
        let id = fixture.programme.id
        try fixture.store.writeBlocking { db in try db.execute("DELETE FROM offer_kinds WHERE programme_id = ?", [id]) }
        #expect(try fixture.store.read { db in try db.offers.kinds(programmeID: id) } == OfferKind.defaults)
        let mine = [OfferKind(key: "tools", label: LocalizedText(it: "attrezzi", en: "tools"))]
        try fixture.store.writeBlocking { db in try db.offers.setKinds(mine, programmeID: id) }
        #expect(try fixture.store.read { db in try db.offers.kinds(programmeID: id) } == mine)
    }
}
