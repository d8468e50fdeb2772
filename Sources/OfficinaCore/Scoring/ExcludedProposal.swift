/// A proposal left out of the ranking: hidden by a facilitator, or merged into another.
public struct ExcludedProposal: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var title: String
    /// `hidden` or `merged`.
    public var status: String
    /// The proposal it was merged into (after following chains), when merged.
    public var mergedInto: Int64?
    public var buildOns: Int

    public init(id: Int64, title: String, status: String, mergedInto: Int64?, buildOns: Int) {
        self.id = id
        self.title = title
        self.status = status
        self.mergedInto = mergedInto
        self.buildOns = buildOns
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, status, mergedInto, buildOns
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(mergedInto, forKey: .mergedInto)
        try container.encode(buildOns, forKey: .buildOns)
    }
}
