import OfficinaCore

/// Reads a `settings` object onto existing settings: only the members present change.
enum WorkshopSettingsInput {
    static let members: Set<String> = [
        "votingMethod", "dotBudget", "perProposalCap", "ratingsEnabled", "anonymous",
        "shuffleProposals", "showLiveTallies", "allowSelfSupport", "requireAccessCode",
        "proposalsPerParticipant", "buildOnsPerParticipant", "editsPerMinute", "maxProposals",
    ]

    static func apply(_ body: JSONFields, to base: WorkshopSettings) throws -> WorkshopSettings? {
        guard let fields = try body.object("settings", allowed: members) else { return nil }
        var settings = base
        if let method = try fields.rawString("votingMethod", maxLength: 16) {
            guard let parsed = VotingMethod(rawValue: method) else {
                throw APIError.invalid(fields.path("votingMethod"), "settings.votingMethod must be approval, dots or pairwise.", code: "type")
            }
            settings.votingMethod = parsed
        }
        if let budget = try fields.int("dotBudget", in: SettingsRules.dotBudgets) { settings.dotBudget = budget }
        if let cap = try fields.int("perProposalCap", in: SettingsRules.dotBudgets) { settings.perProposalCap = cap }
        if let flag = try fields.bool("ratingsEnabled") { settings.ratingsEnabled = flag }
        if let flag = try fields.bool("anonymous") { settings.anonymous = flag }
        if let flag = try fields.bool("shuffleProposals") { settings.shuffleProposals = flag }
        if let flag = try fields.bool("showLiveTallies") { settings.showLiveTallies = flag }
        if let flag = try fields.bool("allowSelfSupport") { settings.allowSelfSupport = flag }
        if let flag = try fields.bool("requireAccessCode") { settings.requireAccessCode = flag }
        if let count = try fields.int("proposalsPerParticipant", in: QuotaRules.proposalsPerParticipant) { settings.proposalsPerParticipant = count }
        if let count = try fields.int("buildOnsPerParticipant", in: QuotaRules.buildOnsPerParticipant) { settings.buildOnsPerParticipant = count }
        if let count = try fields.int("editsPerMinute", in: QuotaRules.editsPerMinute) { settings.editsPerMinute = count }
        if let count = try fields.int("maxProposals", in: QuotaRules.maxProposals) { settings.maxProposals = count }
        try SettingsRules.validate(settings)
        return settings
    }
}
