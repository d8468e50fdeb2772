import OfficinaCore
import OfficinaStore

/// One proposal's JSON for one audience (a facilitator, or anyone), encoded once and cut around its
/// tally: `prefix` ends with `"tally":`, `suffix` starts with the member after it. The tally is the
/// only part that changes with every ballot, so it is written per answer between the two.
struct ProposalPieces: Sendable {
    /// Everything the encoded bytes were made from besides the tally: equal inputs, equal bytes.
    struct Inputs: Hashable, Sendable {
        let thread: ProposalThread
        let note: ProposalNote?
        let workshopCode: String
        let anonymous: Bool
        let facilitator: Bool
    }

    let inputs: Inputs
    let prefix: [UInt8]
    let suffix: [UInt8]

    /// Encodes `inputs`' proposal as `ProposalView` does for the audience, or nil if the tally
    /// member cannot be found where expected (then the caller encodes the whole proposal).
    init?(_ inputs: Inputs, settings: WorkshopSettings, phase: Phase) {
        let view = ProposalView(thread: inputs.thread, workshopCode: inputs.workshopCode, settings: settings, phase: phase,
                                tally: nil, note: inputs.note)
        let bytes = view.json(for: inputs.facilitator ? .facilitator : .anyone).bytes
        // A bare quote never occurs inside a JSON string (it is escaped), and no nested object
        // has these keys, so each marker occurs once, at the top level.
        guard let tally = Self.find(Self.tallyMarker, in: bytes),
              let after = Self.find(Self.afterTallyMarker, in: bytes), after > tally else { return nil }
        self.inputs = inputs
        prefix = Array(bytes[..<(tally + Self.tallyMarker.count)])
        suffix = Array(bytes[after...])
    }

    static let tallyMarker = Array(#","tally":"#.utf8)
    static let afterTallyMarker = Array(#","hiddenReason":"#.utf8)

    /// Appends the proposal with `tally` (already encoded) to `output`.
    func write(tally: [UInt8], into output: inout [UInt8]) {
        output.append(contentsOf: prefix)
        output.append(contentsOf: tally)
        output.append(contentsOf: suffix)
    }

    /// The tally member's value as `ProposalView` writes it.
    static func tallyBytes(_ tally: SupportTally?, shown: Bool) -> [UInt8] {
        guard shown else { return Array("null".utf8) }
        return Array("{\"support\":\(tally?.support ?? 0),\"supporters\":\(tally?.supporters ?? 0)}".utf8)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
