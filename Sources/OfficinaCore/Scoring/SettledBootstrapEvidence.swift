/// The bootstrap's evidence laid out for the resampling loop (`SettledBootstrap.estimate`): every
/// contender's ratings and support in one contiguous buffer each, indexed by offsets, so rescoring a
/// contender walks memory in order and copies or retains nothing. A thousand resamples rescore each
/// contender up to a thousand times; with one array per contender, each rescoring retained and
/// released five arrays and checked every index.
///
/// The arithmetic is the point estimate's, in the same order as before (ratings in ballot order per
/// goal, then goals in order), so the same ballots give the same probability to the last bit
/// (`ScoringSettledReproducibilityTests`).
///
/// Read-only once made, so several threads may rescore from it at once, each with its own `Scratch`.
final class SettledBootstrapEvidence: @unchecked Sendable {
    private let ratingStart: UnsafeMutableBufferPointer<Int>
    private let ratingBallot: UnsafeMutableBufferPointer<Int32>
    private let ratingGoal: UnsafeMutableBufferPointer<Int32>
    private let ratingValue: UnsafeMutableBufferPointer<Double>
    private let supportStart: UnsafeMutableBufferPointer<Int>
    private let supportBallot: UnsafeMutableBufferPointer<Int32>
    private let supportUnits: UnsafeMutableBufferPointer<Int32>
    private let goalMeans: UnsafeMutableBufferPointer<Double>
    private let goalPoints: UnsafeMutableBufferPointer<Double>
    private let formula: SettledBootstrap.Formula
    private let ballots: Int

    init(_ contenders: [SettledBootstrap.Contender], formula: SettledBootstrap.Formula, ballots: Int) {
        self.formula = formula
        self.ballots = ballots
        let ratings = contenders.reduce(0) { $0 + $1.ratingValue.count }
        let supports = contenders.reduce(0) { $0 + $1.supportUnits.count }
        ratingStart = .allocate(capacity: contenders.count + 1)
        ratingBallot = .allocate(capacity: ratings)
        ratingGoal = .allocate(capacity: ratings)
        ratingValue = .allocate(capacity: ratings)
        supportStart = .allocate(capacity: contenders.count + 1)
        supportBallot = .allocate(capacity: supports)
        supportUnits = .allocate(capacity: supports)
        var r = 0
        var s = 0
        for (j, contender) in contenders.enumerated() {
            ratingStart[j] = r
            for i in contender.ratingValue.indices {
                ratingBallot[r] = contender.ratingBallot[i]
                ratingGoal[r] = contender.ratingGoal[i]
                ratingValue[r] = contender.ratingValue[i]
                r += 1
            }
            supportStart[j] = s
            for i in contender.supportUnits.indices {
                supportBallot[s] = contender.supportBallot[i]
                supportUnits[s] = contender.supportUnits[i]
                s += 1
            }
        }
        ratingStart[contenders.count] = r
        supportStart[contenders.count] = s
        let goals = formula.goalMeans.count
        goalMeans = .allocate(capacity: goals)
        _ = goalMeans.initialize(from: formula.goalMeans)
        goalPoints = .allocate(capacity: goals)
        _ = goalPoints.initialize(from: formula.goalPoints.prefix(goals))
    }

    deinit {
        for buffer in [ratingStart, supportStart] { buffer.deallocate() }
        for buffer in [ratingBallot, ratingGoal, supportBallot, supportUnits] { buffer.deallocate() }
        for buffer in [ratingValue, goalMeans, goalPoints] { buffer.deallocate() }
    }

    /// Per-goal working space of one thread's rescorings.
    final class Scratch {
        fileprivate let count: UnsafeMutableBufferPointer<Double>
        fileprivate let sum: UnsafeMutableBufferPointer<Double>

        init(goals: Int) {
            count = .allocate(capacity: goals)
            sum = .allocate(capacity: goals)
        }

        deinit {
            count.deallocate()
            sum.deallocate()
        }
    }

    /// A scratch space that fits this evidence's goals.
    func makeScratch() -> Scratch { Scratch(goals: goalMeans.count) }

    /// The overall of contender `j` when ballot b counts `weights[b]` times (all 1: the ranking's own).
    func overall(_ j: Int, weights: UnsafeBufferPointer<Int32>) -> Double {
        overall(j, weights: weights, scratch: makeScratch())
    }

    /// `overall(_:weights:)` with the caller's scratch space, so several threads may rescore at once.
    func overall(_ j: Int, weights: UnsafeBufferPointer<Int32>, scratch: Scratch) -> Double {
        overall(j, weights: weights, count: scratch.count, sum: scratch.sum)
    }

    private func overall(
        _ j: Int, weights: UnsafeBufferPointer<Int32>, count: UnsafeMutableBufferPointer<Double>,
        sum: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let goals = goalMeans.count
        for g in 0..<goals {
            count[g] = 0
            sum[g] = 0
        }
        for r in ratingStart[j]..<ratingStart[j + 1] {
            let w = Double(weights[Int(ratingBallot[r])])
            let g = Int(ratingGoal[r])
            count[g] += w
            sum[g] += w * ratingValue[r]
        }
        var points = 0.0
        let m = formula.priorStrength
        for g in 0..<goals {
            let pseudo = m + count[g]
            let score = pseudo > 0 ? (m * goalMeans[g] + sum[g]) / pseudo : goalMeans[g]
            points += goalPoints[g] * score
        }
        var units = 0
        for s in supportStart[j]..<supportStart[j + 1] {
            units += Int(weights[Int(supportBallot[s])]) * Int(supportUnits[s])
        }
        let share = ballots > 0 ? Double(units) / (Double(formula.cap) * Double(ballots)) : 0
        return points + formula.supportPoints * WilsonInterval(share: share, trials: ballots, z: formula.z).lower
    }
}
