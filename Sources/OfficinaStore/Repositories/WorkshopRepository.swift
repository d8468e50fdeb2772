import Foundation
import OfficinaCore

/// Workshops: their settings, phase and phase log, and counts.
///
/// A workshop's voting settings are "locked" once a ballot exists (``isLocked(workshopID:)``); the
/// App refuses to change them then. The store derives the flag and does not enforce it.
public struct WorkshopRepository {
    let db: any SQLDatabase

    static let columns = """
        w.id, w.programme_id, w.theme, w.title_it, w.title_en, w.description_it, w.description_en, w.code,
        w.phase, w.voting_method, w.dot_budget, w.per_proposal_cap, w.ratings_enabled, w.anonymous,
        w.shuffle_proposals, w.show_live_tallies, w.allow_self_support, w.require_access_code, w.deadline,
        w.proposals_per_participant, w.buildons_per_participant, w.edits_per_minute, w.max_proposals, w.pairwise
        """

    /// The workshop with this join code, or `nil`.
    public func find(code: JoinCode) throws -> Workshop? {
        try db.queryOne("SELECT \(Self.columns) FROM workshops w WHERE w.code = ?", [code.value], Self.decode)
    }

    /// The workshop with this id, or `nil`.
    public func find(id: Int64) throws -> Workshop? {
        try db.queryOne("SELECT \(Self.columns) FROM workshops w WHERE w.id = ?", [id], Self.decode)
    }

    /// A programme's workshops in display order.
    public func list(programmeID: Int64) throws -> [Workshop] {
        try db.query("""
            SELECT \(Self.columns) FROM workshops w WHERE w.programme_id = ? ORDER BY w.position, w.id
            """, [programmeID], Self.decode)
    }

    /// Creates a workshop after the programme's others, with `code` or else a fresh unique join code.
    /// A taken `code` violates a constraint.
    public func create(
        programmeID: Int64, theme: String, title: LocalizedText, description: LocalizedText,
        settings: WorkshopSettings = .default, phase: Phase = .draft, deadline: Date? = nil,
        code: JoinCode? = nil, at now: Date = Date()
    ) throws -> Workshop {
        let code = try code ?? freshCode()
        let deadline = deadline?.asStored
        let position = try db.queryOne(
            "SELECT coalesce(max(position), -1) + 1 FROM workshops WHERE programme_id = ?", [programmeID]
        ) { $0.int64(0) } ?? 0
        let s = settings
        let id = try db.insertReturningID("""
            INSERT INTO workshops (programme_id, theme, title_it, title_en, description_it, description_en, code,
                phase, voting_method, dot_budget, per_proposal_cap, ratings_enabled, anonymous, shuffle_proposals,
                show_live_tallies, allow_self_support, require_access_code, deadline, position, created_at, updated_at,
                proposals_per_participant, buildons_per_participant, edits_per_minute, max_proposals)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [programmeID, theme, title.it, title.en, description.it, description.en, code.value,
                  phase.rawValue, s.votingMethod.storedSupport, s.dotBudget, s.perProposalCap, s.ratingsEnabled, s.anonymous,
                  s.shuffleProposals, s.showLiveTallies, s.allowSelfSupport, s.requireAccessCode, deadline, position, now, now,
                  s.proposalsPerParticipant, s.buildOnsPerParticipant, s.editsPerMinute, s.maxProposals])
        // Set apart so the insert above also runs on a file from before the column (17-comparisons).
        if s.votingMethod.isStoredPairwise {
            try db.execute("UPDATE workshops SET pairwise = 1 WHERE id = ?", [id])
        }
        return Workshop(
            id: id, programmeID: programmeID, theme: theme, title: title, description: description,
            code: code, phase: phase, settings: settings, deadline: deadline
        )
    }

    /// Saves theme, title, description, settings and deadline (not the phase: see
    /// ``setPhase(workshopID:to:by:deadline:at:)``; not the code, which never changes).
    /// Returns `false` when the workshop does not exist.
    @discardableResult
    public func update(_ workshop: Workshop, at now: Date = Date()) throws -> Bool {
        let s = workshop.settings
        try db.execute("""
            UPDATE workshops SET theme = ?, title_it = ?, title_en = ?, description_it = ?, description_en = ?,
                voting_method = ?, dot_budget = ?, per_proposal_cap = ?, ratings_enabled = ?, anonymous = ?,
                shuffle_proposals = ?, show_live_tallies = ?, allow_self_support = ?, require_access_code = ?,
                deadline = ?, updated_at = ?, proposals_per_participant = ?, buildons_per_participant = ?,
                edits_per_minute = ?, max_proposals = ?, pairwise = ?
            WHERE id = ?
            """, [workshop.theme, workshop.title.it, workshop.title.en, workshop.description.it, workshop.description.en,
                  s.votingMethod.storedSupport, s.dotBudget, s.perProposalCap, s.ratingsEnabled, s.anonymous,
                  s.shuffleProposals, s.showLiveTallies, s.allowSelfSupport, s.requireAccessCode,
                  workshop.deadline, now, s.proposalsPerParticipant, s.buildOnsPerParticipant, s.editsPerMinute,
                  s.maxProposals, s.votingMethod.isStoredPairwise, workshop.id])
        return db.changes > 0
    }

    /// A join code no workshop uses yet.
    func freshCode() throws -> JoinCode {
        // 25^6 ≈ 244 million codes: a collision is rare, twenty in a row means something is wrong.
        for _ in 0..<20 {
            let candidate = JoinCode.random()
            let taken = try db.queryOne("SELECT 1 FROM workshops WHERE code = ?", [candidate.value]) { _ in true } ?? false
            if !taken { return candidate }
        }
        throw StoreError(.constraint, message: "could not find a free join code")
    }

    static func decode(_ row: Row) throws -> Workshop {
        guard let code = JoinCode(row.text(7)),
              let phase = Phase(rawValue: row.text(8)),
              let method = VotingMethod(storedSupport: row.text(9), pairwise: row.bool(23)) else {
            throw StoreError(.decoding, message: "workshop \(row.int64(0)) has an invalid code, phase or voting method")
        }
        let settings = WorkshopSettings(
            votingMethod: method, dotBudget: row.int(10), perProposalCap: row.int(11), ratingsEnabled: row.bool(12),
            anonymous: row.bool(13), shuffleProposals: row.bool(14), showLiveTallies: row.bool(15),
            allowSelfSupport: row.bool(16), requireAccessCode: row.bool(17),
            proposalsPerParticipant: row.int(19), buildOnsPerParticipant: row.int(20), editsPerMinute: row.int(21),
            maxProposals: row.int(22)
        )
        return Workshop(
            id: row.int64(0), programmeID: row.int64(1), theme: row.text(2),
            title: LocalizedText(it: row.text(3), en: row.text(4)),
            description: LocalizedText(it: row.text(5), en: row.text(6)),
            code: code, phase: phase, settings: settings, deadline: row.optionalDate(18)
        )
    }
}
