/// One workshop's outcome, as the programme roll-up reads it.
public struct RollupWorkshop: Sendable, Hashable {
    public var code: String
    public var title: LocalizedText
    public var ranking: Ranking

    public init(code: String, title: LocalizedText, ranking: Ranking) {
        self.code = code
        self.title = title
        self.ranking = ranking
    }
}
