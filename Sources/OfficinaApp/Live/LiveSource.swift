/// Where the live hub reads what it pushes: the persisted event log, fresh snapshots and
/// tallies. Implemented over the store by the application.
public protocol LiveSource: Sendable {
    /// The sequence number of the workshop's latest persisted event (0 when none).
    func lastSequence(workshopID: Int64) async -> Int64
    /// Events after `sequence`, oldest first; nil when some of them are no longer kept.
    func events(workshopID: Int64, after sequence: Int64, limit: Int) async -> [LiveEvent]?
    /// A `workshop` event describing the workshop now (for a reconnect whose gap is too old).
    func workshopSnapshot(workshopID: Int64, baseURL: String) async -> LiveEvent?
    /// The workshop's current tallies.
    func tallies(workshopID: Int64) async -> TallySnapshot?
}
