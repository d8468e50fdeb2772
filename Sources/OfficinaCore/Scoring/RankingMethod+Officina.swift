extension RankingMethod {
    /// The `officina-1` method as configured, with its formulas in words.
    static func officina(
        configuration: ScoringConfiguration, z: Double, settings: WorkshopSettings, cap: Int,
        goalShare: Double, supportShare: Double
    ) -> RankingMethod {
        let m = DecimalText.format(configuration.priorStrength, digits: 2)
        let level = DecimalText.percent(configuration.intervalLevel)
        let zText = DecimalText.format(z, digits: 3)
        let alpha = DecimalText.format(goalShare, digits: 2)
        let beta = DecimalText.format(supportShare, digits: 2)
        let supportEN = settings.votingMethod == .approval
            ? "share = supporters / ballots"
            : "share = dots / (\(cap) × ballots), each ballot's dots on one proposal capped at \(cap)"
        let supportIT = settings.votingMethod == .approval
            ? "quota = sostenitori / schede"
            : "quota = punti / (\(cap) × schede), con al massimo \(cap) punti per scheda e proposta"
        let calibrated = configuration.method == .officina2
        let calibrationEN = calibrated
            ? "Each rating r is first adjusted for how generous its rater was: r − b, with b the rater's offset "
                + "in the additive model r = quality + b + noise, fitted by \(configuration.calibrationPasses) alternating "
                + "least-squares passes (offsets centred on 0; raters who gave several proposals all the same rating are set "
                + "aside; a rater of a single proposal keeps offset 0). "
            : ""
        let calibrationIT = calibrated
            ? "Ogni valutazione r è prima corretta per la generosità di chi l'ha data: r − b, con b lo scostamento "
                + "della persona nel modello additivo r = qualità + b + rumore, stimato con \(configuration.calibrationPasses) "
                + "passate di minimi quadrati alternati (scostamenti centrati su 0; chi ha dato sempre lo stesso voto "
                + "su più proposte è messo da parte; chi ha valutato una sola proposta mantiene scostamento 0). "
            : ""
        let english = calibrationEN + "Goal score s = (m·μ + Σr) / (m + n) with prior strength m = \(m), μ = the workshop's mean "
            + "rating on the goal, r the 0–4 ratings; \(level) interval s ± z·σ/√(m + n), z = \(zText), σ the "
            + "goal's pooled within-proposal spread. Support: \(supportEN); it enters as the lower end L of its "
            + "\(level) Wilson interval. Overall = 100 × (\(alpha) × Σ w·s/4 + \(beta) × L), goal weights w "
            + "normalised to sum 1."
        let italian = calibrationIT + "Punteggio per obiettivo s = (m·μ + Σr) / (m + n) con forza del prior m = \(m), μ = media "
            + "del laboratorio sull'obiettivo, r le valutazioni 0–4; intervallo al \(level) s ± z·σ/√(m + n), "
            + "z = \(zText), σ la dispersione interna combinata dell'obiettivo. Sostegno: \(supportIT); entra "
            + "come estremo inferiore L del suo intervallo di Wilson al \(level). Complessivo = 100 × (\(alpha) × "
            + "Σ w·s/4 + \(beta) × L), pesi degli obiettivi w normalizzati a somma 1."
        return RankingMethod(
            name: configuration.method.rawValue, supportWeight: supportShare,
            priorStrength: configuration.priorStrength, interval: configuration.intervalLevel, z: z,
            votingMethod: settings.votingMethod, dotBudget: settings.dotBudget, cap: cap,
            ratingsEnabled: settings.ratingsEnabled, tieBreak: RankingOrder.description.en,
            description: english, tieBreaks: RankingOrder.description,
            descriptions: LocalizedText(it: italian, en: english)
        )
    }
}
