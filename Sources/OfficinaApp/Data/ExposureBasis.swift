import OfficinaCore
import OfficinaStore

/// The part of a participant's proposal order that is the same for everyone in the workshop: the
/// mode in effect, who rated what (or spent support on it) and the secret. Kept per workshop in a
/// `GenerationCache`: a room loading the list between two writes reads it once, not once per phone.
struct ExposureBasis: Sendable {
    let effectiveMode: ExposureMode
    let counts: [Int64: (raters: Int, ratings: Int)]
    let secret: [UInt8]
    /// The proposals that could still be in the ranking's top (``ExposureFocusCache``): a balanced
    /// order leads with them once every proposal has enough raters.
    var contending: Set<Int64> = []
    /// Tells this read from any other (a participant's kept order names the basis it came from).
    let readID = UInt64.random(in: .min ... .max)

    /// Reads it; the rater counts from the running tallies ("20-rater-tallies"), not the ballots.
    static func load(_ workshop: Workshop, in db: any SQLDatabase) throws -> ExposureBasis {
        let mode = try db.scoring.preferences(workshopID: workshop.id).exposure
        let effective: ExposureMode = workshop.phase == .voting ? mode : .shuffled
        var counts: [Int64: (raters: Int, ratings: Int)] = [:]
        if effective == .balanced {
            if workshop.settings.ratingsEnabled {
                counts = try db.ballots.raterCounts(workshopID: workshop.id).mapValues { (raters: $0.raters, ratings: $0.ratings) }
            } else {
                // Without ratings, whoever spent support on a proposal has looked at it.
                for (id, tally) in try db.ballots.tallies(workshopID: workshop.id) {
                    counts[id] = (raters: tally.supporters, ratings: tally.supporters)
                }
            }
        }
        return ExposureBasis(effectiveMode: effective, counts: counts, secret: try db.scoring.exposureSecret())
    }
}
