/// Who is looking, for the parts of a response that depend on it: authors of an anonymous
/// workshop, hidden proposals, live tallies, `mine`.
public struct Viewer: Sendable, Hashable {
    public var isFacilitator: Bool
    public var participantID: Int64?

    public init(isFacilitator: Bool, participantID: Int64?) {
        self.isFacilitator = isFacilitator
        self.participantID = participantID
    }

    /// Everyone who is neither a facilitator nor a participant (and the public variant of events).
    public static let anyone = Viewer(isFacilitator: false, participantID: nil)
    public static let facilitator = Viewer(isFacilitator: true, participantID: nil)
}
