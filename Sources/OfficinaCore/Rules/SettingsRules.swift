/// Which workshop settings are valid, and which freeze once voting has begun (docs/api.md, PATCH workshop).
public enum SettingsRules {
    /// Dots a participant may be given.
    public static let dotBudgets = 1...100

    /// Checks budget 1…100 (`budget`) and cap 1…budget (`cap`); `DomainError(.invalid)` naming `settings.<name>`.
    public static func validate(_ settings: WorkshopSettings) throws(DomainError) {
        guard dotBudgets.contains(settings.dotBudget) else {
            throw DomainError(
                .invalid, code: "budget",
                "the dot budget must be \(dotBudgets.lowerBound) to \(dotBudgets.upperBound); got \(settings.dotBudget)",
                field: "settings.dotBudget")
        }
        guard (1...settings.dotBudget).contains(settings.perProposalCap) else {
            throw DomainError(
                .invalid, code: "cap",
                "the per-proposal cap must be 1 to the budget (\(settings.dotBudget)); got \(settings.perProposalCap)",
                field: "settings.perProposalCap")
        }
        try QuotaRules.validate(settings)
    }

    /// Checks `new` and, once a ballot exists, that no voting setting changed:
    /// `votingMethod`, `dotBudget`, `perProposalCap`, `ratingsEnabled`, `allowSelfSupport` (changing any of
    /// them would make ballots already cast invalid or count differently). Display and joining settings
    /// (`anonymous`, `shuffleProposals`, `showLiveTallies`, `requireAccessCode`) stay editable.
    /// Throws `DomainError(.locked, code: "locked")` (HTTP 409) naming the first changed setting.
    public static func validateChange(from old: WorkshopSettings, to new: WorkshopSettings, ballotsExist: Bool) throws(DomainError) {
        try validate(new)
        guard ballotsExist else { return }
        let changed: [(String, Bool)] = [
            ("votingMethod", old.votingMethod != new.votingMethod),
            ("dotBudget", old.dotBudget != new.dotBudget),
            ("perProposalCap", old.perProposalCap != new.perProposalCap),
            ("ratingsEnabled", old.ratingsEnabled != new.ratingsEnabled),
            ("allowSelfSupport", old.allowSelfSupport != new.allowSelfSupport),
        ]
        if let name = changed.first(where: \.1)?.0 {
            throw DomainError(
                .locked, code: "locked", "\(name) is locked because ballots have been cast", field: "settings.\(name)")
        }
    }

    /// The names of the settings `validateChange` locks once a ballot exists.
    public static let lockedOnceVoting: Set<String> = [
        "votingMethod", "dotBudget", "perProposalCap", "ratingsEnabled", "allowSelfSupport",
    ]
}
