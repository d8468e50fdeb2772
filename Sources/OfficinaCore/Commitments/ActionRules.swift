/// When follow-up actions may be created and how their status may be set.
public enum ActionRules {
    /// Follow-up starts once the workshop has closed and published its results.
    public static func checkClosed(_ phase: Phase) throws(DomainError) {
        guard phase == .closed else {
            throw DomainError(.phase, code: "phase", "Follow-up actions start when the workshop is closed.")
        }
    }

    /// The reason to store with `status`: a dropped action needs one (422 `reason_required`); any other
    /// status clears it. Facilitators may move an action to any status, back included, to correct mistakes.
    public static func reason(for status: ActionStatus, given reason: String?, current: String) throws(DomainError) -> String {
        guard status == .dropped else { return "" }
        let kept = reason ?? current
        guard !kept.isEmpty else {
            throw DomainError(.invalid, code: "reason_required", "reason: say why the action is dropped.", field: "reason")
        }
        return kept
    }
}
