/// What an export adds to a ranked or excluded proposal beyond its scores: its description and the
/// build-ons others wrote (text), so the outcome people take home reads on its own.
public struct ProposalDetail: Codable, Sendable, Hashable {
    public var description: String
    public var buildOns: [String]
    /// The name of the affinity cluster it is in; nil when in none (and in exports made before clusters).
    public var cluster: String?

    public init(description: String, buildOns: [String], cluster: String? = nil) {
        self.description = description
        self.buildOns = buildOns
        self.cluster = cluster
    }
}
