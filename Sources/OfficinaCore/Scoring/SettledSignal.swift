/// Whether the top `k` of the ranking can still change within the uncertainty of the scores.
///
/// `officina-1`: settled when every proposal in the top k has an interval low end above the high end of
/// every proposal outside it, or when there are no more than k proposals. `officina-2`: settled when
/// `probability`, the estimated probability that the top k *set* is the right one (`SettledProbability`),
/// is at least `threshold`. Both report `probability`. `contenders` counts the proposals outside the top
/// k whose interval still reaches into it.
public struct SettledSignal: Codable, Sendable, Hashable {
    public var k: Int
    public var settled: Bool
    public var contenders: Int
    /// The probability that the current top k set is the right one (nil in rankings made before it).
    public var probability: Double?
    /// The probability at which `officina-2` calls the top k settled (nil for `officina-1`).
    public var threshold: Double?
    /// In the ranking's language.
    public var message: String
    public var messages: LocalizedText

    public init(
        k: Int, settled: Bool, contenders: Int, message: String, messages: LocalizedText,
        probability: Double? = nil, threshold: Double? = nil
    ) {
        self.probability = probability
        self.threshold = threshold
        self.k = k
        self.settled = settled
        self.contenders = contenders
        self.message = message
        self.messages = messages
    }
}
