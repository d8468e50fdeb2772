import OfficinaCore

/// The ranking as `GET …/ranking` answers it: one language, each number rounded to what is shown,
/// written straight into bytes (docs/scoring.md "Precision of the answer").
///
/// The in-memory ``Ranking`` keeps full precision and both languages: the exports and the scorer's
/// tests read it. The answer keeps the single-language strings (`explanation`, `settled.message`,
/// `method.description`, `method.tieBreak`, all in ``Ranking/language``) and leaves out their
/// two-language twins, which used to be more than half of its bytes.
struct RankingAnswer {
    /// Decimals per kind of number.
    enum Precision {
        /// 0–100 points: overall, its interval and parts, a goal's points.
        static let points = 2
        /// 0–4 ratings: a goal's score, interval and mean, a goal's workshop mean and spread.
        static let rating = 2
        /// 0–1 shares and probabilities: support, settled probability, broad support, weights.
        static let share = 3
        /// Broad support's consensus, a product over groups that can be small.
        static let consensus = 6
        /// The method's constants (support weight, prior strength, interval level, z).
        static let constant = 3
    }

    let ranking: Ranking
    let view: RankingView

    /// The answer's bytes.
    func bytes() -> [UInt8] {
        // About 1 KiB per full entry and 0.4 KiB per compact one: reserved at once.
        var writer = JSONTextWriter(capacity: 4 * 1024 + ranking.entries.count * (view == .full ? 1_280 : 512))
        writer.object { writeTop(&$0) }
        return writer.output
    }

    private func writeTop(_ w: inout JSONTextWriter) {
        let full = view == .full
        w.member("workshop") { $0.string(ranking.workshop) }
        w.member("phase") { $0.string(ranking.phase.rawValue) }
        w.member("language") { $0.string(ranking.language) }
        w.member("view") { $0.string(view.rawValue) }
        if full {
            w.member("weights") { w in
                w.object { w in
                    for (key, weight) in ranking.weights.sorted(by: { $0.key < $1.key }) {
                        w.member(key) { $0.number(weight, decimals: Precision.share) }
                    }
                }
            }
            w.member("goals") { w in
                w.array { w in
                    for goal in ranking.goals {
                        w.element { w in
                            w.object { w in
                                w.member("key") { $0.string(goal.key) }
                                w.member("label") { $0.localized(goal.label) }
                                w.member("weight") { $0.number(goal.weight, decimals: Precision.share) }
                            }
                        }
                    }
                }
            }
        }
        w.member("method") { writeMethod(&$0) }
        w.member("counts") { w in
            w.object { w in
                w.member("participants") { $0.integer(ranking.counts.participants) }
                w.member("ballots") { $0.integer(ranking.counts.ballots) }
                w.member("proposals") { $0.integer(ranking.counts.proposals) }
                w.member("ratings") { $0.integer(ranking.counts.ratings) }
            }
        }
        w.member("entries") { w in
            w.array { w in
                for entry in ranking.entries {
                    w.element { RankingAnswer.write(entry, full: full, into: &$0) }
                }
            }
        }
        if full {
            w.member("perGoal") { w in
                w.object { w in
                    for (key, ids) in ranking.perGoal.sorted(by: { $0.key < $1.key }) {
                        w.member(key) { $0.integers(ids) }
                    }
                }
            }
            w.member("goalStatistics") { writeGoalStatistics(&$0) }
        }
        w.member("settled") { writeSettled(&$0) }
        w.member("shortlist") { writeShortlist(&$0) }
        if full {
            w.member("excluded") { writeExcluded(&$0) }
        }
        if let bridging = ranking.bridging {
            w.member("bridging") { RankingAnswer.write(bridging, into: &$0) }
        }
    }

    private func writeMethod(_ w: inout JSONTextWriter) {
        let method = ranking.method
        let language = ranking.language
        w.object { w in
            w.member("name") { $0.string(method.name) }
            w.member("votingMethod") { $0.string(method.votingMethod.rawValue) }
            w.member("description") { $0.string(method.descriptions.text(for: language)) }
            guard view == .full else { return }
            w.member("supportWeight") { $0.number(method.supportWeight, decimals: Precision.constant) }
            w.member("priorStrength") { $0.number(method.priorStrength, decimals: Precision.constant) }
            w.member("interval") { $0.number(method.interval, decimals: Precision.constant) }
            w.member("z") { $0.number(method.z, decimals: Precision.constant) }
            w.member("dotBudget") { $0.integer(method.dotBudget) }
            w.member("cap") { $0.integer(method.cap) }
            w.member("ratingsEnabled") { $0.bool(method.ratingsEnabled) }
            w.member("tieBreak") { $0.string(method.tieBreaks.text(for: language)) }
        }
    }

    private func writeGoalStatistics(_ w: inout JSONTextWriter) {
        w.object { w in
            for (key, statistics) in ranking.goalStatistics.sorted(by: { $0.key < $1.key }) {
                w.member(key) { w in
                    w.object { w in
                        w.member("mean") { $0.number(statistics.mean, decimals: Precision.rating) }
                        w.member("spread") { $0.number(statistics.spread, decimals: Precision.rating) }
                        w.member("ratings") { $0.integer(statistics.ratings) }
                        w.member("weight") { $0.number(statistics.weight, decimals: Precision.share) }
                    }
                }
            }
        }
    }

    private func writeSettled(_ w: inout JSONTextWriter) {
        let settled = ranking.settled
        w.object { w in
            w.member("k") { $0.integer(settled.k) }
            w.member("settled") { $0.bool(settled.settled) }
            w.member("contenders") { $0.integer(settled.contenders) }
            if let probability = settled.probability {
                w.member("probability") { $0.number(probability, decimals: Precision.share) }
            }
            if let threshold = settled.threshold {
                w.member("threshold") { $0.number(threshold, decimals: Precision.share) }
            }
            w.member("message") { $0.string(settled.message) }
        }
    }

    private func writeShortlist(_ w: inout JSONTextWriter) {
        let shortlist = ranking.shortlist
        w.object { w in
            w.member("k") { $0.integer(shortlist.k) }
            w.member("ids") { $0.integers(shortlist.ids) }
            w.member("covers") { w in
                w.object { w in
                    for (key, ids) in shortlist.covers.sorted(by: { $0.key < $1.key }) {
                        w.member(key) { $0.integers(ids) }
                    }
                }
            }
            w.member("uncovered") { w in
                w.array { w in
                    for key in shortlist.uncovered { w.element { $0.string(key) } }
                }
            }
            w.member("exact") { $0.bool(shortlist.exact) }
        }
    }

    private func writeExcluded(_ w: inout JSONTextWriter) {
        w.array { w in
            for proposal in ranking.excluded {
                w.element { w in
                    w.object { w in
                        w.member("id") { $0.integer(proposal.id) }
                        w.member("title") { $0.string(proposal.title) }
                        w.member("status") { $0.string(proposal.status) }
                        w.member("mergedInto") { w in
                            if let into = proposal.mergedInto { w.integer(into) } else { w.null() }
                        }
                        w.member("buildOns") { $0.integer(proposal.buildOns) }
                    }
                }
            }
        }
    }
}

extension JSONTextWriter {
    /// `{"it": …, "en": …}`.
    mutating func localized(_ text: LocalizedText) {
        object { w in
            w.member("it") { $0.string(text.it) }
            w.member("en") { $0.string(text.en) }
        }
    }

    /// An array of ids.
    mutating func integers(_ values: [Int64]) {
        array { w in
            for value in values { w.element { $0.integer(value) } }
        }
    }
}
