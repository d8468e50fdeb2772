/// Something a participant does that the workshop's phase allows or forbids.
public enum ParticipantAction: String, Sendable, CaseIterable, CustomStringConvertible {
    case addProposal
    case editOwnProposal
    case buildOn
    case castBallot
    case viewResults

    /// The one phase in which the action is allowed (see `PhaseRules`).
    public var phase: Phase {
        switch self {
        case .addProposal, .editOwnProposal, .buildOn: .collecting
        case .castBallot: .voting
        case .viewResults: .closed
        }
    }

    /// Words for messages: "proposals can be added only while collecting".
    public var description: String {
        switch self {
        case .addProposal: "proposals can be added"
        case .editOwnProposal: "proposals can be edited"
        case .buildOn: "ideas can be built on"
        case .castBallot: "ballots can be cast or changed"
        case .viewResults: "results are public"
        }
    }
}
