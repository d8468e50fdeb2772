/// Where a follow-up action stands: `planned → inProgress → done`, or `dropped` with a reason.
public enum ActionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case planned
    case inProgress = "in_progress"
    case done
    case dropped
}
