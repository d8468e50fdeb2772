import OfficinaCore

extension RankingAnswer {
    /// One entry; `full` adds its interval, the goals' means, weights, points and `serves`, the
    /// support's interval, the build-on and rating counts and the explanation.
    static func write(_ entry: RankingEntry, full: Bool, into w: inout JSONTextWriter) {
        w.object { w in
            w.member("rank") { $0.integer(entry.rank) }
            w.member("id") { $0.integer(entry.id) }
            w.member("title") { $0.string(entry.title) }
            w.member("author") { $0.optionalString(entry.author) }
            w.member("overall") { $0.number(entry.overall, decimals: Precision.points) }
            if full {
                w.member("interval") { w in
                    w.object { w in
                        w.member("low") { $0.number(entry.interval.low, decimals: Precision.points) }
                        w.member("high") { $0.number(entry.interval.high, decimals: Precision.points) }
                    }
                }
            }
            w.member("goals") { w in
                w.object { w in
                    for (key, score) in entry.goals.sorted(by: { $0.key < $1.key }) {
                        w.member(key) { write(score, full: full, into: &$0) }
                    }
                }
            }
            w.member("support") { w in
                w.object { w in
                    w.member("share") { $0.number(entry.support.share, decimals: Precision.share) }
                    if full {
                        w.member("lower") { $0.number(entry.support.lower, decimals: Precision.share) }
                        w.member("upper") { $0.number(entry.support.upper, decimals: Precision.share) }
                    }
                    w.member("dots") { $0.integer(entry.support.dots) }
                    w.member("supporters") { $0.integer(entry.support.supporters) }
                }
            }
            w.member("parts") { w in
                w.object { w in
                    w.member("goals") { $0.number(entry.parts.goals, decimals: Precision.points) }
                    w.member("support") { $0.number(entry.parts.support, decimals: Precision.points) }
                }
            }
            w.member("rankRange") { w in
                w.object { w in
                    w.member("best") { $0.integer(entry.rankRange.best) }
                    w.member("worst") { $0.integer(entry.rankRange.worst) }
                }
            }
            if full {
                w.member("buildOns") { $0.integer(entry.buildOns) }
                w.member("ratings") { $0.integer(entry.ratings) }
                w.member("explanation") { $0.string(entry.explanation) }
            }
            if let broad = entry.broadSupport {
                w.member("broadSupport") { write(broad, into: &$0) }
            }
        }
    }

    private static func write(_ score: GoalScore, full: Bool, into w: inout JSONTextWriter) {
        w.object { w in
            w.member("score") { $0.number(score.score, decimals: Precision.rating) }
            w.member("low") { $0.number(score.low, decimals: Precision.rating) }
            w.member("high") { $0.number(score.high, decimals: Precision.rating) }
            w.member("ratings") { $0.integer(score.ratings) }
            guard full else { return }
            w.member("mean") { $0.optionalNumber(score.mean, decimals: Precision.rating) }
            w.member("weight") { $0.number(score.weight, decimals: Precision.share) }
            w.member("points") { $0.number(score.points, decimals: Precision.points) }
            w.member("serves") { $0.bool(score.serves) }
        }
    }

    private static func write(_ broad: BroadSupport, into w: inout JSONTextWriter) {
        w.object { w in
            w.member("consensus") { $0.number(broad.consensus, decimals: Precision.consensus) }
            w.member("score") { $0.number(broad.score, decimals: Precision.share) }
            w.member("groups") { w in
                w.object { w in
                    for (key, group) in broad.groups.sorted(by: { $0.key < $1.key }) {
                        w.member(key) { w in
                            w.object { w in
                                w.member("seen") { $0.integer(group.seen) }
                                w.member("agree") { $0.integer(group.agree) }
                                w.member("share") { $0.number(group.share, decimals: Precision.share) }
                            }
                        }
                    }
                }
            }
            if let group = broad.carriedBy { w.member("carriedBy") { $0.string(group) } }
        }
    }

    /// The ranking's participant groups (docs/scoring.md §19).
    static func write(_ bridging: BridgingSummary, into w: inout JSONTextWriter) {
        w.object { w in
            w.member("enabled") { $0.bool(bridging.enabled) }
            w.member("applied") { $0.bool(bridging.applied) }
            w.member("groups") { w in
                w.array { w in
                    for group in bridging.groups {
                        w.element { w in
                            w.object { w in
                                w.member("key") { $0.string(group.key) }
                                w.member("label") { $0.localized(group.label) }
                                w.member("ballots") { $0.integer(group.ballots) }
                            }
                        }
                    }
                }
            }
            w.member("undeclared") { $0.integer(bridging.undeclared) }
        }
    }
}
