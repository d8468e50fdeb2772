/// What the exposure order knows about one visible proposal.
public struct ExposureCandidate: Sendable, Hashable {
    public var id: Int64
    /// Participants who rated it (or, without ratings, supported it).
    public var raters: Int
    /// Ratings it received over all goals: with a pooled spread its interval narrows as these grow.
    public var ratings: Int
    /// Whether the viewing participant wrote it or already rated or supported it: no need of their eyes.
    public var seenByViewer: Bool
    /// Whether the ranking says it could still be in the top k (``ExposureFocus``): once every
    /// proposal has ``ExposureOrder/focusFloor`` raters, a balanced order shows these first.
    public var contending: Bool

    public init(id: Int64, raters: Int, ratings: Int, seenByViewer: Bool, contending: Bool = false) {
        self.id = id
        self.raters = raters
        self.ratings = ratings
        self.seenByViewer = seenByViewer
        self.contending = contending
    }
}
