import Foundation

/// A Bradley–Terry model with a Gaussian prior, fitted to pairwise choices (Bradley & Terry 1952;
/// the prior as in Caron & Doucet 2012, "Efficient Bayesian inference for generalized Bradley–Terry
/// models").
///
/// Each proposal i has a log-strength θᵢ; i is chosen over j with probability σ(θᵢ − θⱼ), σ the
/// logistic function. The prior θᵢ ~ Normal(0, v) keeps every estimate finite (a proposal that won
/// every comparison would otherwise have θ = ∞) and pulls proposals with few comparisons toward the
/// middle, as the ratings' Bayesian average does. The fit is the posterior mode, found by Newton's
/// method on the log posterior (concave, so Newton with step halving converges from θ = 0); each θᵢ's
/// uncertainty is the Laplace approximation: the square root of the inverse Hessian's diagonal.
///
/// ```swift
/// let fit = BradleyTerryFit(count: 3, choices: [(winner: 0, loser: 1), (winner: 0, loser: 2)])
/// fit.strengths   // θ, proposal 0 highest
/// fit.deviations  // posterior standard deviations
/// ```
struct BradleyTerryFit {
    static let defaultPriorVariance = PairwiseRanking.defaultPriorVariance
    static let maximumIterations = 100
    static let tolerance = 1e-10

    /// θ, aligned with the proposals' indices.
    let strengths: [Double]
    /// The posterior standard deviation of each θ.
    let deviations: [Double]
    /// Newton iterations used.
    let iterations: Int

    /// Fits `count` proposals to `choices` (indices into 0..<count; choices naming an index out of range,
    /// or the same index twice, are ignored). With no choices every θ is 0 and every deviation √v.
    /// `withDeviations: false` skips the O(n³) inverse when only the strengths are needed (every
    /// deviation is then √v).
    init(
        count: Int, choices: [(winner: Int, loser: Int)], priorVariance: Double = defaultPriorVariance,
        withDeviations: Bool = true
    ) {
        let variance = priorVariance.isFinite && priorVariance > 0 ? priorVariance : Self.defaultPriorVariance
        let precision = 1 / variance
        // wins[i·n + j]: times i was chosen over j.
        var wins = [Double](repeating: 0, count: count * count)
        for choice in choices where choice.winner != choice.loser
            && (0..<count).contains(choice.winner) && (0..<count).contains(choice.loser) {
            wins[choice.winner * count + choice.loser] += 1
        }
        var theta = [Double](repeating: 0, count: count)
        var iterations = 0
        var current = Self.logPosterior(theta, wins: wins, count: count, precision: precision)
        while iterations < Self.maximumIterations {
            iterations += 1
            let (gradient, hessian) = Self.derivatives(theta, wins: wins, count: count, precision: precision)
            guard let factor = CholeskyFactor(hessian, size: count) else { break }
            let step = factor.solve(gradient)
            // Halve the step until the posterior rises: Newton's full step can overshoot far from the mode.
            var scale = 1.0
            var next = theta
            var value = current
            for _ in 0..<30 {
                next = zip(theta, step).map { $0 + scale * $1 }
                value = Self.logPosterior(next, wins: wins, count: count, precision: precision)
                if value >= current - 1e-12 { break }
                scale /= 2
            }
            let moved = zip(next, theta).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
            theta = next
            current = value
            if moved < Self.tolerance { break }
        }
        var variances = [Double](repeating: variance, count: count)
        if withDeviations, count > 0,
           let factor = CholeskyFactor(Self.derivatives(theta, wins: wins, count: count, precision: precision).hessian, size: count) {
            variances = factor.inverseDiagonal()
        }
        strengths = theta
        deviations = variances.map { $0 > 0 && $0.isFinite ? $0.squareRoot() : variance.squareRoot() }
        self.iterations = iterations
    }

    /// log σ(x), computed without overflow for large |x|.
    static func logSigmoid(_ x: Double) -> Double {
        x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x))
    }

    /// σ(x) = 1 / (1 + e⁻ˣ).
    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    /// Σ wᵢⱼ log σ(θᵢ − θⱼ) − Σ θᵢ² / 2v.
    private static func logPosterior(_ theta: [Double], wins: [Double], count: Int, precision: Double) -> Double {
        var total = 0.0
        for i in 0..<count {
            total -= 0.5 * precision * theta[i] * theta[i]
            for j in 0..<count where wins[i * count + j] > 0 {
                total += wins[i * count + j] * logSigmoid(theta[i] - theta[j])
            }
        }
        return total
    }

    /// The gradient of the log posterior and the negated Hessian (positive definite): with nᵢⱼ the
    /// comparisons of i and j and pᵢⱼ = σ(θᵢ − θⱼ), gᵢ = Σⱼ (wᵢⱼ − nᵢⱼ pᵢⱼ) − θᵢ/v,
    /// Hᵢᵢ = Σⱼ nᵢⱼ pᵢⱼ(1 − pᵢⱼ) + 1/v, Hᵢⱼ = −nᵢⱼ pᵢⱼ(1 − pᵢⱼ).
    private static func derivatives(
        _ theta: [Double], wins: [Double], count: Int, precision: Double
    ) -> (gradient: [Double], hessian: [Double]) {
        var gradient = theta.map { -precision * $0 }
        var hessian = [Double](repeating: 0, count: count * count)
        for i in 0..<count {
            hessian[i * count + i] = precision
        }
        for i in 0..<count {
            for j in (i + 1)..<max(count, i + 1) {
                let n = wins[i * count + j] + wins[j * count + i]
                guard n > 0 else { continue }
                let p = sigmoid(theta[i] - theta[j])
                let w = n * p * (1 - p)
                gradient[i] += wins[i * count + j] - n * p
                gradient[j] += wins[j * count + i] - n * (1 - p)
                hessian[i * count + i] += w
                hessian[j * count + j] += w
                hessian[i * count + j] -= w
                hessian[j * count + i] -= w
            }
        }
        return (gradient, hessian)
    }
}
