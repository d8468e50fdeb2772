import Foundation

/// What a participant may do in each phase, and the phase deadline (DESIGN.md §2).
///
/// | action | allowed in |
/// |---|---|
/// | add a proposal, edit one's own proposal, build on an idea | `collecting` |
/// | cast or change a ballot | `voting` |
/// | see the results | `closed` (facilitators always; the API checks that, not this type) |
///
/// Build-ons are refused during `voting`: a ballot is cast on a fixed set of texts, and a late build-on
/// could change what a proposal means after some people have voted on it.
///
/// A deadline belongs to the phase it was set in: once `now` reaches it, the phase's actions are refused
/// with code `deadline` even though the facilitator has not yet moved the workshop on.
public enum PhaseRules {
    /// Throws `DomainError(.phase, code: "phase")` naming the current phase when `action` is not allowed in
    /// it, or `DomainError(.phase, code: "deadline")` when the phase's deadline has passed.
    public static func check(_ action: ParticipantAction, phase: Phase, deadline: Date? = nil, now: Date = Date()) throws(DomainError) {
        guard phase == action.phase else {
            throw DomainError(
                .phase, code: "phase", "\(action) only while \(action.phase.rawValue); the workshop is in \(phase.rawValue)")
        }
        if let deadline, action.phase.hasDeadline, now >= deadline {
            throw DomainError(
                .phase, code: "deadline",
                "the \(phase.rawValue) phase ended at \(deadline.formatted(.iso8601)); \(action) no longer")
        }
    }

    /// Whether `action` is allowed now (the non-throwing form of `check`).
    public static func allows(_ action: ParticipantAction, phase: Phase, deadline: Date? = nil, now: Date = Date()) -> Bool {
        (try? check(action, phase: phase, deadline: deadline, now: now)) != nil
    }

    /// Checks a deadline a facilitator sets when moving to `phase`: only `collecting` and `voting` have
    /// one, and it must be in the future. Throws `DomainError(.invalid, code: "deadline", field: "deadline")`.
    public static func validateDeadline(_ deadline: Date, for phase: Phase, now: Date = Date()) throws(DomainError) {
        guard phase.hasDeadline else {
            throw DomainError(
                .invalid, code: "deadline", "a deadline can be set only for collecting or voting, not \(phase.rawValue)",
                field: "deadline")
        }
        guard deadline > now else {
            throw DomainError(.invalid, code: "deadline", "the deadline \(deadline.formatted(.iso8601)) is in the past", field: "deadline")
        }
    }
}
