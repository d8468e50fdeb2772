/// Every fixed word of the exports, in Italian and English.
struct ReportLabels: Sendable {
    let language: String
    let ranking, rank, proposal, author, overall, support, supporters, ratings, buildOns, status: String
    let rankRange, participation, participants, ballots, proposals, rankedProposals: String
    let goalScores, weight, workshopMean, shortlist, shortlistIntro, servedBy, notServed: String
    let stability, excluded, hidden, mergedInto, phaseLog, from, to, by, at, noPhaseChanges: String
    let method, formulas, priorStrength, intervalLevel, supportWeight, weights, tieRule, counts: String
    let votingMethod, approval, dots, generated, code, theme, phase, explanation: String
    let programme, rollup, coverage, workshop, coveredIn, rollupNote, none, score, low, high, low100, high100: String
    let supportLower, supportUnits, rankBest, rankWorst, ratingsOff, noProposals, goal: String

    static let italian = ReportLabels(
        language: "it", ranking: "Classifica", rank: "Posizione", proposal: "Proposta", author: "Autore",
        overall: "Complessivo", support: "Sostegno", supporters: "Sostenitori", ratings: "Valutazioni",
        buildOns: "Sviluppi", status: "Stato", rankRange: "Posizioni possibili", participation: "Partecipazione",
        participants: "Partecipanti", ballots: "Schede", proposals: "Proposte", rankedProposals: "Proposte in classifica",
        goalScores: "Punteggi per obiettivo", weight: "peso", workshopMean: "media del laboratorio",
        shortlist: "Rosa che copre gli obiettivi",
        shortlistIntro: "Le migliori proposte (al massimo %k) che insieme servono ogni obiettivo con peso sopra 0.",
        servedBy: "servito da", notServed: "nessuna proposta lo serve", stability: "Stabilità",
        excluded: "Escluse dalla classifica", hidden: "nascosta", mergedInto: "unita a", phaseLog: "Registro delle fasi",
        from: "Da", to: "A", by: "Chi", at: "Quando", noPhaseChanges: "Nessun cambio di fase registrato.",
        method: "Metodo", formulas: "Formule", priorStrength: "Forza del prior (m)",
        intervalLevel: "Livello degli intervalli", supportWeight: "Peso del sostegno", weights: "Pesi degli obiettivi",
        tieRule: "Regola di parità", counts: "Conteggi", votingMethod: "Metodo di voto", approval: "approvazione",
        dots: "punti", generated: "Generato il", code: "Codice", theme: "Tema", phase: "Fase",
        explanation: "Spiegazione", programme: "Programma", rollup: "Gli obiettivi nel programma",
        coverage: "Copertura", workshop: "Laboratorio", coveredIn: "coperto in",
        rollupNote: "I punteggi sono quelli di ciascun laboratorio, ridotti verso la media di quel laboratorio: "
            + "confrontano bene le proposte di una stessa stanza, meno quelle di stanze diverse. La copertura è la "
            + "quota di laboratori la cui rosa serve l'obiettivo.",
        none: "nessuna", score: "Punteggio", low: "min", high: "max", low100: "complessivo min",
        high100: "complessivo max", supportLower: "sostegno limite inferiore", supportUnits: "punti sostegno",
        rankBest: "posizione migliore", rankWorst: "posizione peggiore",
        ratingsOff: "Valutazioni per obiettivo non richieste: conta solo il sostegno.",
        noProposals: "Nessuna proposta in classifica.", goal: "Obiettivo"
    )

    static let english = ReportLabels(
        language: "en", ranking: "Ranking", rank: "Rank", proposal: "Proposal", author: "Author",
        overall: "Overall", support: "Support", supporters: "Supporters", ratings: "Ratings",
        buildOns: "Build-ons", status: "Status", rankRange: "Possible ranks", participation: "Participation",
        participants: "Participants", ballots: "Ballots", proposals: "Proposals", rankedProposals: "Ranked proposals",
        goalScores: "Scores per goal", weight: "weight", workshopMean: "workshop mean",
        shortlist: "Goal-covering shortlist",
        shortlistIntro: "The best proposals (at most %k) that together serve every goal with a weight above 0.",
        servedBy: "served by", notServed: "no proposal serves it", stability: "Stability",
        excluded: "Left out of the ranking", hidden: "hidden", mergedInto: "merged into", phaseLog: "Phase log",
        from: "From", to: "To", by: "By", at: "When", noPhaseChanges: "No phase changes recorded.",
        method: "Method", formulas: "Formulas", priorStrength: "Prior strength (m)",
        intervalLevel: "Interval level", supportWeight: "Support weight", weights: "Goal weights",
        tieRule: "Tie rule", counts: "Counts", votingMethod: "Voting method", approval: "approval",
        dots: "dots", generated: "Generated", code: "Code", theme: "Theme", phase: "Phase",
        explanation: "Explanation", programme: "Programme", rollup: "Goals across the programme",
        coverage: "Coverage", workshop: "Workshop", coveredIn: "covered in",
        rollupNote: "Scores are each workshop's own, shrunk toward that workshop's mean: they compare proposals "
            + "within a room better than across rooms. Coverage is the share of workshops whose shortlist serves "
            + "the goal.",
        none: "none", score: "Score", low: "low", high: "high", low100: "overall low",
        high100: "overall high", supportLower: "support lower bound", supportUnits: "support units",
        rankBest: "best rank", rankWorst: "worst rank",
        ratingsOff: "Ratings per goal were not asked: support alone counts.",
        noProposals: "No ranked proposals.", goal: "Goal"
    )

    static func of(_ language: String) -> ReportLabels {
        language.hasPrefix("en") ? english : italian
    }

    var isItalian: Bool { language == "it" }

    func phaseName(_ phase: Phase) -> String {
        switch (phase, isItalian) {
        case (.draft, true): "bozza"
        case (.collecting, true): "raccolta delle proposte"
        case (.voting, true): "voto"
        case (.closed, true): "chiuso"
        case (.draft, false): "draft"
        case (.collecting, false): "collecting proposals"
        case (.voting, false): "voting"
        case (.closed, false): "closed"
        }
    }

    func votingMethodName(_ method: VotingMethod) -> String {
        switch method {
        case .approval: approval
        case .dots: dots
        case .pairwise: method.strategy.names.text(for: language)
        }
    }

    func number(_ value: Double, _ digits: Int) -> String {
        DecimalText.format(value, digits: digits, comma: isItalian)
    }
}
