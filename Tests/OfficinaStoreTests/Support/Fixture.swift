import Foundation
import OfficinaCore
@testable import OfficinaStore

/// A store on a temporary file holding one programme with three goals, one workshop,
/// `participantCount` participants and `proposalCount` proposals.
final class Fixture {
    let folder: TemporaryFolder
    let store: Store
    let programme: Programme
    let workshop: Workshop
    let participants: [Participant]
    let proposals: [Proposal]

    static let goals = [
        Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space")),
        Goal(key: "partnerships", label: LocalizedText(it: "Partner", en: "Partners")),
        Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community")),
    ]

    init(participantCount: Int = 3, proposalCount: Int = 3, configuration: StoreConfiguration = .default) throws {
        folder = try TemporaryFolder()
        store = try Store(path: folder.path("officina.db"), configuration: configuration)
        (programme, workshop, participants, proposals) = try store.writeBlocking { db in
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Percorso", en: "Programme"),
                description: LocalizedText(it: "Descrizione", en: "Description"),
                goals: Self.goals
            )
            let workshop = try db.workshops.create(
                programmeID: programme.id, theme: "design",
                title: LocalizedText(it: "Laboratorio", en: "Workshop"),
                description: LocalizedText(it: "Testo", en: "Text")
            )
            let participants = try (0..<participantCount).map { index in
                try db.participants.create(workshopID: workshop.id, name: "Persona \(index)", tokenHash: "token-\(index)")
            }
            let proposals = try (0..<proposalCount).map { index in
                try db.proposals.create(
                    workshopID: workshop.id, authorID: participants[index % max(1, participantCount)].id,
                    title: "Idea \(index)", body: "Testo dell'idea \(index)", goals: ["space"]
                )
            }
            return (programme, workshop, participants, proposals)
        }
    }
}
