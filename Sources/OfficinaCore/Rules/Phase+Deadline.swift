/// Which phases can be given an end time (see `PhaseRules.validateDeadline`).
extension Phase {
    /// Whether a facilitator may give this phase an end time.
    public var hasDeadline: Bool { self == .collecting || self == .voting }
}
