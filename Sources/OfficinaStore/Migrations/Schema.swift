/// Officina's schema, as the ordered list of its migrations.
///
/// Tables are `STRICT` (<https://sqlite.org/stricttables.html>); times are `REAL` seconds since 1970
/// (UTC); booleans are `INTEGER` 0/1 checked as such. The store enforces integrity (keys, uniques,
/// ranges); business rules (phases, budgets) belong to OfficinaCore and the App.
public enum Schema {
    /// Every migration of this build, in order.
    public static let migrations: [Migration] = [
        programmes, participation, audit, ballotWritePath,
        quotas, loginDevices, mergeCounting, scoring, proposalNotes, deadlineActions, offers, followUp, returnLinks, contactExports,
        clusters,
        participantGroups,
        comparisons,
        tallies,
        ballotRevisions,
        raterTallies,
        groupedParticipants,
        ballotContent,
    ]
}
