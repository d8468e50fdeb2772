/// The JSON text of each workshop's last tally for both audiences, encoded once per distinct
/// tally: thousands of streams opening at once, and each push, reuse it.
final class TallyTexts: Sendable {
    private let last = Protected([Int64: (tally: TallySnapshot, full: String, open: String)]())

    func texts(_ tally: TallySnapshot, workshopID: Int64) -> (full: String, open: String) {
        if let cached = last.withLock({ $0[workshopID] }), cached.tally == tally { return (cached.full, cached.open) }
        let full = tally.json(forFacilitator: true).text
        let open = tally.json(forFacilitator: false).text
        last.withLock { $0[workshopID] = (tally, full, open) }
        return (full, open)
    }
}
