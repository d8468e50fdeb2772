/// One persisted live event of a workshop: its place in the workshop's sequence, its kind
/// (`workshop`, `proposal`, `merge`), and its data as a facilitator sees it and as everyone
/// else does (authors of an anonymous workshop, tallies and hidden texts removed).
public struct LiveEvent: Sendable, Hashable {
    public var sequence: Int64
    public var kind: String
    public var facilitatorData: JSONValue
    public var publicData: JSONValue

    public init(sequence: Int64, kind: String, facilitatorData: JSONValue, publicData: JSONValue) {
        self.sequence = sequence
        self.kind = kind
        self.facilitatorData = facilitatorData
        self.publicData = publicData
    }

    /// The data a viewer receives.
    public func data(forFacilitator: Bool) -> JSONValue { forFacilitator ? facilitatorData : publicData }

    /// How the event is stored: both variants in one JSON text.
    public var storedData: String {
        JSONValue.object([("f", facilitatorData), ("p", publicData)]).text
    }

    /// Rebuilds an event from its stored row.
    public init?(sequence: Int64, kind: String, storedData: String) {
        guard let value = try? JSONValue.parse(Array(storedData.utf8)), let full = value["f"], let open = value["p"] else {
            return nil
        }
        self.init(sequence: sequence, kind: kind, facilitatorData: full, publicData: open)
    }
}
