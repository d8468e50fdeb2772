/// What an export adds to a ranked or excluded proposal beyond its scores: its description and the
/// build-ons others wrote (text), so the outcome people take home reads on its own.
public struct ProposalDetail: Codable, Sendable, Hashable {
    public var description: String
    public var buildOns: [String]

    public init(description: String, buildOns: [String]) {
        self.description = description
        self.buildOns = buildOns
    }
}
