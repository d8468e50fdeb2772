/// The repositories, reached from the database (SQLite or PostgreSQL) a ``Store`` hands to `read` or `write`:
///
/// ```swift
/// let proposal = try await store.write { db in
///     let proposal = try db.proposals.create(workshopID: w, authorID: p, title: t, body: b, goals: ["space"])
///     try db.events.append(workshopID: w, type: "proposal", data: json)
///     return proposal
/// }
/// ```
/// Everything done in one `write` body commits together or not at all.
extension SQLDatabase {
    public var programmes: ProgrammeRepository { ProgrammeRepository(db: self) }
    public var workshops: WorkshopRepository { WorkshopRepository(db: self) }
    public var facilitators: FacilitatorRepository { FacilitatorRepository(db: self) }
    public var sessions: SessionRepository { SessionRepository(db: self) }
    public var setupTokens: SetupTokenRepository { SetupTokenRepository(db: self) }
    public var participants: ParticipantRepository { ParticipantRepository(db: self) }
    public var accessCodes: AccessCodeRepository { AccessCodeRepository(db: self) }
    public var proposals: ProposalRepository { ProposalRepository(db: self) }
    public var buildOns: BuildOnRepository { BuildOnRepository(db: self) }
    public var ballots: BallotRepository { BallotRepository(db: self) }
    public var scoring: ScoringRepository { ScoringRepository(db: self) }
    public var events: EventRepository { EventRepository(db: self) }
    public var quotas: QuotaRepository { QuotaRepository(db: self) }
    public var loginDevices: LoginDeviceRepository { LoginDeviceRepository(db: self) }
}

extension SQLDatabase {
    public var proposalNotes: ProposalNoteRepository { ProposalNoteRepository(db: self) }
    public var autoAdvance: AutoAdvanceRepository { AutoAdvanceRepository(db: self) }
}

extension SQLDatabase {
    public var comparisons: ComparisonRepository { ComparisonRepository(db: self) }
}
