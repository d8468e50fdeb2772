/// When offers of help may be made, changed or withdrawn: from the moment a workshop opens, and after it
/// closes too — people often decide to help once they have seen the results.
public enum OfferRules {
    /// Throws `DomainError(.phase)` in `draft`, before participants have anything to help with.
    public static func checkOpen(_ phase: Phase) throws(DomainError) {
        guard phase != .draft else {
            throw DomainError(.phase, code: "phase", "The workshop has not started: offers of help open with it.")
        }
    }

    /// Throws `DomainError(.conflict, code: "quota")` when a participant already holds `count` offers.
    public static func checkQuota(existing count: Int) throws(DomainError) {
        guard count < Offer.maxPerParticipant else {
            throw DomainError(.conflict, code: "quota", "You can hold at most \(Offer.maxPerParticipant) offers of help in one workshop.")
        }
    }
}
