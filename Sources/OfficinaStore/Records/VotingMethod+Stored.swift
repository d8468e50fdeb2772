import OfficinaCore

extension VotingMethod {
    /// The `voting_method` column: its CHECK (approval, dots) predates pairwise voting, so a pairwise
    /// workshop keeps `dots` there and sets the `pairwise` flag added by migration 17-comparisons.
    var storedSupport: String { isStoredPairwise ? VotingMethod.dots.rawValue : rawValue }

    /// The `pairwise` column.
    var isStoredPairwise: Bool { self == .pairwise }

    /// The method a row stores; nil for a `voting_method` the code does not know.
    init?(storedSupport: String, pairwise: Bool) {
        if pairwise {
            self = .pairwise
        } else {
            self.init(rawValue: storedSupport)
        }
    }
}
