import Foundation

/// Everything a workshop export shows: the workshop's metadata, its ranking and its phase log.
/// The renderers are pure functions of this value (and a language), so the same report gives the same bytes.
public struct WorkshopReport: Codable, Sendable, Hashable {
    public var code: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var theme: String
    public var phase: Phase
    public var ranking: Ranking
    public var phaseLog: [PhaseChange]
    public var participation: ReportParticipation
    /// When the export was made; passed in, never read from the clock here.
    public var generatedAt: Date
    /// Description and build-ons per proposal id (as text: JSON object keys are strings); nil in exports
    /// made before they carried them.
    public var details: [String: ProposalDetail]?
    /// The merge audit, in the facilitator's exports only (nil in public ones and older exports).
    public var merges: [MergeAuditEntry]?
    /// The affinity cluster the report is limited to (`?cluster=`), by name; nil for the whole workshop.
    public var cluster: String?

    /// The description and build-ons of proposal `id`, when the report carries them.
    public func detail(_ id: Int64) -> ProposalDetail? { details?[String(id)] }

    public init(
        code: String, title: LocalizedText, description: LocalizedText, theme: String, phase: Phase,
        ranking: Ranking, phaseLog: [PhaseChange], participation: ReportParticipation? = nil, generatedAt: Date
    ) {
        self.code = code
        self.title = title
        self.description = description
        self.theme = theme
        self.phase = phase
        self.ranking = ranking
        self.phaseLog = phaseLog
        self.participation = participation ?? ReportParticipation(ranking: ranking)
        self.generatedAt = generatedAt
    }

    public init(workshop: Workshop, ranking: Ranking, phaseLog: [PhaseChange], generatedAt: Date) {
        self.init(
            code: workshop.code.value, title: workshop.title, description: workshop.description,
            theme: workshop.theme, phase: workshop.phase, ranking: ranking, phaseLog: phaseLog,
            generatedAt: generatedAt
        )
    }

    /// The report in `format`, labels in `language` (`it` or `en`).
    public func render(_ format: ExportFormat, language: String = "it") -> Data {
        switch format {
        case .csv: CSVExport.workshop(self, dialect: .rfc4180, language: language)
        case .csvExcel: CSVExport.workshop(self, dialect: .excel, language: language)
        case .json: JSONExport.workshop(self)
        case .html: Data(HTMLReport.workshop(self, language: language).utf8)
        }
    }
}
