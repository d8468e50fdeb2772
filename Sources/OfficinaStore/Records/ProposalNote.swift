/// Why a proposal is hidden: the facilitator's reason (if one was given), or that its author withdrew it.
public struct ProposalNote: Sendable, Hashable {
    public var hiddenReason: String?
    public var withdrawn: Bool

    public init(hiddenReason: String? = nil, withdrawn: Bool = false) {
        self.hiddenReason = hiddenReason
        self.withdrawn = withdrawn
    }
}
