import Foundation
import OfficinaCore

/// A proposal with its build-ons (oldest first) and the time it was last edited.
public struct ProposalThread: Sendable, Hashable {
    public var proposal: Proposal
    public var buildOns: [BuildOn]
    public var updatedAt: Date

    public init(proposal: Proposal, buildOns: [BuildOn], updatedAt: Date) {
        self.proposal = proposal
        self.buildOns = buildOns
        self.updatedAt = updatedAt
    }
}
