import OfficinaCore

extension SeedProgramme {
    /// Workshop settings with the API's field names; any field left out keeps its default.
    static func settings(_ value: JSONValue, at path: String) throws -> WorkshopSettings {
        let reader = try SeedReader(value, at: path)
        try reader.only([
            "votingMethod", "dotBudget", "perProposalCap", "ratingsEnabled", "anonymous", "shuffleProposals",
            "showLiveTallies", "allowSelfSupport", "requireAccessCode",
        ])
        var settings = WorkshopSettings.default
        if reader.fields["votingMethod"] != nil {
            guard let method = VotingMethod(rawValue: try reader.string("votingMethod")) else {
                throw SeedError(path: reader.child("votingMethod"), problem: "must be \"approval\", \"dots\" or \"pairwise\"")
            }
            settings.votingMethod = method
        }
        if reader.fields["dotBudget"] != nil { settings.dotBudget = try reader.integer("dotBudget", in: 1...100) }
        if reader.fields["perProposalCap"] != nil { settings.perProposalCap = try reader.integer("perProposalCap", in: 1...100) }
        if reader.fields["ratingsEnabled"] != nil { settings.ratingsEnabled = try reader.bool("ratingsEnabled") }
        if reader.fields["anonymous"] != nil { settings.anonymous = try reader.bool("anonymous") }
        if reader.fields["shuffleProposals"] != nil { settings.shuffleProposals = try reader.bool("shuffleProposals") }
        if reader.fields["showLiveTallies"] != nil { settings.showLiveTallies = try reader.bool("showLiveTallies") }
        if reader.fields["allowSelfSupport"] != nil { settings.allowSelfSupport = try reader.bool("allowSelfSupport") }
        if reader.fields["requireAccessCode"] != nil { settings.requireAccessCode = try reader.bool("requireAccessCode") }
        return settings
    }
}
