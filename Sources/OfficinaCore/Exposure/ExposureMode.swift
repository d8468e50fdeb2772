/// How the server orders proposals for a participant (docs/scoring.md, "Exposure").
public enum ExposureMode: String, Codable, Sendable, Hashable, CaseIterable {
    /// While voting, the proposals the ranking knows least about come first, marked as needing eyes;
    /// in other phases the same as `shuffled`.
    case balanced
    /// A uniformly random order per participant, stable across reloads.
    case shuffled

    public static let `default` = ExposureMode.balanced
}
