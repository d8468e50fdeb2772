import Foundation

/// A themed co-creation session of a programme.
public struct Workshop: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var programmeID: Int64
    /// Theme key, e.g. `design`, `community`, `incubation`, `events`, `partners`.
    public var theme: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var code: JoinCode
    public var phase: Phase
    public var settings: WorkshopSettings
    /// When the current phase ends, if the facilitator set a deadline.
    public var deadline: Date?

    public init(
        id: Int64, programmeID: Int64, theme: String, title: LocalizedText, description: LocalizedText,
        code: JoinCode, phase: Phase = .draft, settings: WorkshopSettings = .default, deadline: Date? = nil
    ) {
        self.id = id
        self.programmeID = programmeID
        self.theme = theme
        self.title = title
        self.description = description
        self.code = code
        self.phase = phase
        self.settings = settings
        self.deadline = deadline
    }
}
