/// The order a participant sees proposals in when the workshop shuffles them: random per
/// participant (so no idea profits from always being first) but stable across reloads, by
/// sorting on a SplitMix64 hash of the participant and proposal ids.
enum ProposalOrder {
    static func key(participant: Int64, proposal: Int64) -> UInt64 {
        var z = UInt64(bitPattern: participant) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: proposal)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
