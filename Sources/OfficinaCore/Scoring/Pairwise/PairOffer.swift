/// Proof that the server offered a pair to a participant: HMAC-SHA256 under a server secret of the
/// workshop, participant and pair, in base64url.
///
/// Answers are accepted only for offered pairs. Otherwise a participant could pick their own pairs,
/// say their proposal against the 49 weakest, and collect a win from each; with offers they answer
/// only what `PairSelection` asks, which pairs near equals. The token is stateless (nothing is stored
/// per offer) and stays valid for its pair, which a participant can answer once anyway.
public enum PairOffer {
    /// The token for `pair` offered to `participantID` in `workshopID`.
    public static func token(secret: [UInt8], workshopID: Int64, participantID: Int64, pair: ProposalPair) -> String {
        let message = "pair-offer:\(workshopID):\(participantID):\(pair.low):\(pair.high)"
        return Base64URL.encode(HMACSHA256.authenticationCode(for: Array(message.utf8), key: secret))
    }

    /// Whether `token` is the one `token(…)` gives for these values (compared in constant time).
    public static func verify(
        _ token: String, secret: [UInt8], workshopID: Int64, participantID: Int64, pair: ProposalPair
    ) -> Bool {
        let expected = self.token(secret: secret, workshopID: workshopID, participantID: participantID, pair: pair)
        return ConstantTime.equals(Array(token.utf8), Array(expected.utf8))
    }
}
