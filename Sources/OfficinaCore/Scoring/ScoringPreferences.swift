/// A workshop's scoring choices, kept beside its voting settings: the method and the exposure order.
public struct ScoringPreferences: Codable, Sendable, Hashable {
    public var method: ScoringMethod
    public var exposure: ExposureMode

    public init(method: ScoringMethod = .default, exposure: ExposureMode = .default) {
        self.method = method
        self.exposure = exposure
    }

    /// What a workshop created after this feature starts with.
    public static let `default` = ScoringPreferences()
}
