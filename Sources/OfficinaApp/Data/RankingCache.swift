/// The last ranking answer per workshop, weights, language and audience, reused while no write
/// has committed since it was computed (the store's count of writes is the generation, see
/// ``GenerationCache``).
///
/// A ranking recomputes every score from every ballot and writes about 1 KiB per proposal;
/// a projector or a facilitator's console polling it would otherwise cost that on every request.
typealias RankingCache = GenerationCache<RankingKey, EncodedAnswer>

/// What one ranking answer depends on besides the store's content.
struct RankingKey: Hashable, Sendable {
    let workshopID: Int64
    let weights: String?
    let language: String
    let facilitator: Bool
    let view: RankingView
}
