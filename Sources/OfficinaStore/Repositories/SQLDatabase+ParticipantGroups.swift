extension SQLDatabase {
    /// Participant groups and the broad-support setting (`ParticipantGroupRepository`).
    public var participantGroups: ParticipantGroupRepository { ParticipantGroupRepository(db: self) }
}
