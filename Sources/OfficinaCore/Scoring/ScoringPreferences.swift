/// A workshop's scoring choices, kept beside its voting settings: the method and the exposure order.
public struct ScoringPreferences: Codable, Sendable, Hashable {
    public var method: ScoringMethod
    public var exposure: ExposureMode
    /// Weigh broad support across participant groups into the overall (docs/scoring.md §19). Default off.
    public var bridging = false

    public init(method: ScoringMethod = .default, exposure: ExposureMode = .default) {
        self.method = method
        self.exposure = exposure
    }

    /// What a workshop created after this feature starts with.
    public static let `default` = ScoringPreferences()
}
