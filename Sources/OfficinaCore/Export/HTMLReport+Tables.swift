import Foundation

extension HTMLReport {
    static func rankingTable(_ ranking: Ranking, labels: ReportLabels, report: WorkshopReport? = nil) -> String {
        guard !ranking.entries.isEmpty else { return "<p>\(HTMLText.escape(labels.noProposals))</p>" }
        let showGoals = ranking.hasGoalScores
        var head = "<th class=\"n\">#</th><th>\(HTMLText.escape(labels.proposal))</th><th class=\"n\">\(HTMLText.escape(labels.overall))</th>"
        if showGoals {
            for goal in ranking.goals { head += "<th class=\"n\">\(HTMLText.escape(goal.label.text(for: labels.language)))</th>" }
        }
        head += "<th class=\"n\">\(HTMLText.escape(labels.supportColumns(ranking.method.votingMethod)[0]))</th>"
        // Only when some participant group voted: without groups there is nothing "across" to show.
        let groups = ranking.bridging?.groups ?? []
        if !groups.isEmpty { head += "<th class=\"n\">\(HTMLText.escape(labels.broadSupport))</th>" }
        head += "<th class=\"n\">\(HTMLText.escape(labels.rankRange))</th>"
        let columns = 5 + (showGoals ? ranking.goals.count : 0) + (groups.isEmpty ? 0 : 1)
        var rows = ""
        for entry in ranking.entries {
            var title = HTMLText.escape(entry.title)
            if let author = entry.author { title += "<br><span class=\"note\">\(HTMLText.escape(ErasedPerson.displayName(author, language: labels.language)))</span>" }
            if let detail = report?.detail(entry.id) { title += details(detail, labels: labels) }
            let overall = "\(labels.number(entry.overall, 1))<br><span class=\"note\">"
                + "\(labels.number(entry.interval.low, 1))–\(labels.number(entry.interval.high, 1))</span>"
            rows += "<tr><td class=\"n\">\(entry.rank)</td><td>\(title)</td><td class=\"n\">\(overall)</td>"
            if showGoals {
                for goal in ranking.goals {
                    guard let score = entry.goals[goal.key] else {
                        rows += "<td></td>"
                        continue
                    }
                    rows += "<td class=\"n\">\(labels.number(score.score, 1))±\(labels.number((score.high - score.low) / 2, 1))"
                        + "<br><span class=\"note\">n=\(score.ratings)</span></td>"
                }
            }
            rows += "<td class=\"n\">\(DecimalText.percent(entry.support.share))<br><span class=\"note\">"
                + "\(entry.support.supporters) · L \(DecimalText.percent(entry.support.lower))</span></td>"
            if !groups.isEmpty { rows += broadSupportCell(entry.broadSupport, groups: groups, labels: labels) }
            rows += "<td class=\"n\">\(entry.rankRange.best)–\(entry.rankRange.worst)</td></tr>\n"
            rows += "<tr class=\"why\"><td></td><td colspan=\"\(columns - 1)\">"
                + "\(HTMLText.escape(entry.explanations.text(for: labels.language)))</td></tr>\n"
        }
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(rows)</tbody></table>"
    }

    static func shortlist(_ ranking: Ranking, labels: ReportLabels) -> String {
        let intro = labels.shortlistIntro.replacingOccurrences(of: "%k", with: "\(ranking.shortlist.k)")
        var html = "<p>\(HTMLText.escape(intro))</p><ol>"
        for id in ranking.shortlist.ids {
            guard let entry = ranking.entry(id: id) else { continue }
            let serves = ranking.shortlist.covers.filter { $0.value.contains(id) }.keys.sorted()
            html += "<li>\(HTMLText.escape(entry.title)) <span class=\"note\">(\(RankingExplanation.ordinal(entry.rank, italian: labels.isItalian)) · "
                + "\(HTMLText.escape(serves.joined(separator: ", "))))</span></li>"
        }
        html += "</ol><ul>"
        for goal in ranking.goals where ranking.shortlist.covers[goal.key] != nil {
            let ids = ranking.shortlist.covers[goal.key] ?? []
            let titles = ids.compactMap { ranking.entry(id: $0)?.title }
            let text = titles.isEmpty ? labels.notServed : "\(labels.servedBy) " + titles.joined(separator: ", ")
            html += "<li><strong>\(HTMLText.escape(goal.label.text(for: labels.language)))</strong>: \(HTMLText.escape(text))</li>"
        }
        return html + "</ul>"
    }

    /// A proposal's description and build-ons under its title.
    static func details(_ detail: ProposalDetail, labels: ReportLabels) -> String {
        var html = detail.cluster.map { "<p class=\"note\">\(HTMLText.escape(labels.cluster)): \(HTMLText.escape($0))</p>" } ?? ""
        html += detail.description.isEmpty ? "" : "<p class=\"desc\">\(HTMLText.escape(detail.description))</p>"
        if !detail.buildOns.isEmpty {
            html += "<p class=\"note\">\(HTMLText.escape(labels.buildOnTexts)):</p><ul class=\"buildons\">"
                + detail.buildOns.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        }
        return html
    }

    static func excluded(_ ranking: Ranking, labels: ReportLabels) -> String {
        let items = ranking.excluded.map { proposal -> String in
            let status = proposal.mergedInto.map { "\(labels.mergedInto) #\($0)" } ?? labels.hidden
            return "<li>#\(proposal.id) \(HTMLText.escape(proposal.title)) <span class=\"note\">(\(HTMLText.escape(status)))</span></li>"
        }
        return "<ul>" + items.joined() + "</ul>"
    }

    static func phaseLog(_ log: [PhaseChange], labels: ReportLabels) -> String {
        guard !log.isEmpty else { return "<p>\(HTMLText.escape(labels.noPhaseChanges))</p>" }
        let formatter = ISO8601DateFormatter()
        let rows = log.map { change in
            "<tr><td>\(HTMLText.escape(labels.phaseName(change.from)))</td><td>\(HTMLText.escape(labels.phaseName(change.to)))</td>"
                + "<td>\(HTMLText.escape(change.by))</td><td>\(formatter.string(from: change.at))</td></tr>"
        }
        return "<table><thead><tr><th>\(labels.from)</th><th>\(labels.to)</th><th>\(labels.by)</th><th>\(labels.at)</th></tr></thead>"
            + "<tbody>" + rows.joined() + "</tbody></table>"
    }

    static func method(_ ranking: Ranking, labels: ReportLabels) -> String {
        var html = "<dl class=\"method\">"
        for line in MethodStatement(ranking: ranking, labels: labels).lines {
            html += "<dt>\(HTMLText.escape(line.label))</dt><dd>\(HTMLText.escape(line.value))</dd>"
        }
        html += "</dl>"
        if !ranking.hasGoalScores {
            html += "<p class=\"note\">\(HTMLText.escape(labels.noGoalScoresNote(ranking.method.votingMethod)))</p>"
        }
        return html
    }
}
