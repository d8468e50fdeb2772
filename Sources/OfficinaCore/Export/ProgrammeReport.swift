import Foundation

/// A whole programme in one file: every workshop's report and the per-goal roll-up across them.
public struct ProgrammeReport: Codable, Sendable, Hashable {
    public var id: Int64
    public var title: LocalizedText
    public var description: LocalizedText
    public var goals: [Goal]
    public var workshops: [WorkshopReport]
    public var rollup: ProgrammeRollup
    public var generatedAt: Date

    /// Builds the report and its roll-up (`limit` strongest proposals per goal).
    public init(
        id: Int64, title: LocalizedText, description: LocalizedText, goals: [Goal], workshops: [WorkshopReport],
        generatedAt: Date, limit: Int = 5
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.goals = goals
        self.workshops = workshops
        self.rollup = ProgrammeRollup.compute(
            goals: goals,
            workshops: workshops.map { RollupWorkshop(code: $0.code, title: $0.title, ranking: $0.ranking) },
            limit: limit
        )
        self.generatedAt = generatedAt
    }

    public init(programme: Programme, workshops: [WorkshopReport], generatedAt: Date, limit: Int = 5) {
        self.init(
            id: programme.id, title: programme.title, description: programme.description, goals: programme.goals,
            workshops: workshops, generatedAt: generatedAt, limit: limit
        )
    }

    /// The programme in `format`, labels in `language`.
    public func render(_ format: ExportFormat, language: String = "it") -> Data {
        switch format {
        case .csv: CSVExport.programme(self, dialect: .rfc4180, language: language)
        case .csvExcel: CSVExport.programme(self, dialect: .excel, language: language)
        case .json: JSONExport.programme(self)
        case .html: Data(HTMLReport.programme(self, language: language).utf8)
        }
    }
}
