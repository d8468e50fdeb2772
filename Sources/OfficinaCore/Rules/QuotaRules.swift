import Foundation

/// How much one participant may add to a workshop, and how fast they may edit: the limits that stop
/// one person from flooding a room (a thousand proposals in a second) or growing every answer.
///
/// The counts come from the store, read in the same write transaction that adds the row, so two
/// requests racing each other cannot both squeeze under a limit (docs/security.md).
public enum QuotaRules {
    /// Allowed proposals per participant.
    public static let proposalsPerParticipant = 1...100
    /// Allowed build-ons per participant.
    public static let buildOnsPerParticipant = 1...500
    /// Allowed proposal edits per participant per minute.
    public static let editsPerMinute = 1...120
    /// Allowed proposals per workshop.
    public static let maxProposals = 1...2_000
    /// The window edits are counted in.
    public static let editWindow: TimeInterval = 60

    /// Checks that a participant who has `authored` proposals may add one more to a workshop holding
    /// `total`: 409 `proposal_cap` when the workshop is full, else 409 `proposal_quota`.
    public static func checkProposal(authored: Int, total: Int, settings: WorkshopSettings) throws(DomainError) {
        guard total < settings.maxProposals else {
            throw DomainError(
                .conflict, code: "proposal_cap",
                "this workshop already holds \(total) proposals, its limit of \(settings.maxProposals)")
        }
        guard authored < settings.proposalsPerParticipant else {
            throw DomainError(
                .conflict, code: "proposal_quota",
                "you have added \(authored) proposals, the most one participant may add here (\(settings.proposalsPerParticipant))")
        }
    }

    /// Checks that a participant who has `authored` build-ons may add one more: 409 `buildon_quota`.
    public static func checkBuildOn(authored: Int, settings: WorkshopSettings) throws(DomainError) {
        guard authored < settings.buildOnsPerParticipant else {
            throw DomainError(
                .conflict, code: "buildon_quota",
                "you have added \(authored) build-ons, the most one participant may add here (\(settings.buildOnsPerParticipant))")
        }
    }

    /// Seconds until one more edit is allowed, given the times of the participant's edits in the last
    /// `editWindow` (oldest first); nil when an edit is allowed now.
    public static func editWait(recent: [Date], now: Date, settings: WorkshopSettings) -> Int? {
        let inWindow = recent.filter { now.timeIntervalSince($0) < editWindow }
        guard inWindow.count >= settings.editsPerMinute else { return nil }
        // The edit that frees a slot is the one `editsPerMinute` back from the newest.
        let freeing = inWindow[inWindow.count - settings.editsPerMinute]
        return max(1, Int((editWindow - now.timeIntervalSince(freeing)).rounded(.up)))
    }

    /// Checks every quota setting is in range; `DomainError(.invalid, code: "range")` naming `settings.<name>`.
    public static func validate(_ settings: WorkshopSettings) throws(DomainError) {
        let checks: [(String, Int, ClosedRange<Int>)] = [
            ("proposalsPerParticipant", settings.proposalsPerParticipant, proposalsPerParticipant),
            ("buildOnsPerParticipant", settings.buildOnsPerParticipant, buildOnsPerParticipant),
            ("editsPerMinute", settings.editsPerMinute, editsPerMinute),
            ("maxProposals", settings.maxProposals, maxProposals),
        ]
        for (name, value, range) in checks where !range.contains(value) {
            throw DomainError(
                .invalid, code: "range", "settings.\(name) must be between \(range.lowerBound) and \(range.upperBound); got \(value)",
                field: "settings.\(name)")
        }
    }
}
