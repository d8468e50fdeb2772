/// Whether the top `k` of the ranking can still change within the uncertainty of the scores.
///
/// Settled when every proposal in the top k has an interval low end above the high end of every
/// proposal outside it, or when there are no more than k proposals. `contenders` counts the proposals
/// outside the top k that could still enter it.
public struct SettledSignal: Codable, Sendable, Hashable {
    public var k: Int
    public var settled: Bool
    public var contenders: Int
    /// In the ranking's language.
    public var message: String
    public var messages: LocalizedText

    public init(k: Int, settled: Bool, contenders: Int, message: String, messages: LocalizedText) {
        self.k = k
        self.settled = settled
        self.contenders = contenders
        self.message = message
        self.messages = messages
    }
}
