/// Kendall's τ-a between two scorings of the same items: (concordant − discordant) / all pairs; a tie in
/// either scoring counts as neither (so a method that cannot tell two proposals apart is not rewarded).
func kendallTau(_ a: [Double], _ b: [Double]) -> Double {
    let n = a.count
    guard n > 1 else { return 1 }
    var score = 0
    for i in 0..<n {
        for j in (i + 1)..<n {
            let x = a[i] - a[j], y = b[i] - b[j]
            if x * y > 0 { score += 1 } else if x * y < 0 { score -= 1 }
        }
    }
    return Double(score) / Double(n * (n - 1) / 2)
}
