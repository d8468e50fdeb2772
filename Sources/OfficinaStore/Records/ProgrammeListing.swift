import OfficinaCore

/// A programme with its goals and its workshops, as `GET /api/programmes` lists it.
public struct ProgrammeListing: Sendable, Hashable {
    public var programme: Programme
    /// The workshops in their display order.
    public var workshops: [Workshop]

    public init(programme: Programme, workshops: [Workshop]) {
        self.programme = programme
        self.workshops = workshops
    }
}
