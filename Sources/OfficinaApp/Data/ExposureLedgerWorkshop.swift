import Foundation

/// One workshop's part of the `ExposureLedger`, kept so that recording and counting cost about the
/// entries they touch: who counts for which proposal, the count per proposal, and a queue of every
/// recording in time order from which entries expire.
struct ExposureLedgerWorkshop {
    private struct Recording {
        let time: Date
        let proposal: Int64
        let participant: Int64
    }

    /// proposal → participant → when their list last put it at the top (entries within the window).
    private var shown: [Int64: [Int64: Date]] = [:]
    /// participant → the proposals they count for.
    private var byParticipant: [Int64: Set<Int64>] = [:]
    /// proposal → participants counting for it; a proposal recorded once keeps its key.
    private var counted: [Int64: Int] = [:]
    /// Recordings in time order from `head`; one refreshed since (its time no longer the entry's)
    /// is skipped when it leaves.
    private var queue: [Recording] = []
    private var head = 0
    private var live = 0
    /// Changes whenever `counted` does.
    private(set) var version = 0

    /// Per proposal, the participants other than `participant` counting for it.
    func counts(excluding participant: Int64) -> ExposureLedger.Counts {
        ExposureLedger.Counts(counted: counted, own: byParticipant[participant] ?? [])
    }

    /// Records that `participant`'s list starts with `proposals`, after letting expired entries go.
    mutating func record(participant: Int64, proposals: ArraySlice<Int64>, now: Date) {
        expire(now: now)
        var changed = false
        for proposal in proposals {
            if shown[proposal]?[participant] == nil {
                counted[proposal, default: 0] += 1
                byParticipant[participant, default: []].insert(proposal)
                live += 1
                changed = true
            }
            shown[proposal, default: [:]][participant] = now
            enqueue(Recording(time: now, proposal: proposal, participant: participant))
        }
        if let own = byParticipant[participant], own.count > ExposureLedger.perParticipant {
            // Their oldest entries stop counting; their recordings in the queue are skipped when they leave.
            let oldest = own.sorted { (shown[$0]?[participant] ?? now) < (shown[$1]?[participant] ?? now) }
            for proposal in oldest.prefix(own.count - ExposureLedger.perParticipant) { forget(proposal, participant) }
            changed = true
        }
        if changed { version &+= 1 }
        compact()
    }

    /// Forgets the entries recorded `ExposureLedger.window` or more before `now`.
    mutating func expire(now: Date) {
        var changed = false
        while head < queue.count, now.timeIntervalSince(queue[head].time) >= ExposureLedger.window {
            let leaving = queue[head]
            head += 1
            guard shown[leaving.proposal]?[leaving.participant] == leaving.time else { continue }
            forget(leaving.proposal, leaving.participant)
            changed = true
        }
        if changed { version &+= 1 }
        compact()
    }

    /// Stops counting `participant` for `proposal`.
    private mutating func forget(_ proposal: Int64, _ participant: Int64) {
        guard shown[proposal]?[participant] != nil else { return }
        shown[proposal]?[participant] = nil
        byParticipant[participant]?.remove(proposal)
        if byParticipant[participant]?.isEmpty == true { byParticipant[participant] = nil }
        counted[proposal, default: 1] -= 1
        live -= 1
    }

    /// Appends in time order (a clock set back inserts where the time belongs).
    private mutating func enqueue(_ recording: Recording) {
        guard let last = queue.last, last.time > recording.time else {
            queue.append(recording)
            return
        }
        var low = head, high = queue.count
        while low < high {
            let middle = (low + high) / 2
            if queue[middle].time <= recording.time { low = middle + 1 } else { high = middle }
        }
        queue.insert(recording, at: low)
    }

    /// Drops the recordings that left, and rebuilds the queue from the live entries when refreshed
    /// ones (a participant reloading) make up most of it: both amortised over the recordings made.
    private mutating func compact() {
        if head > 0, head * 2 >= queue.count {
            queue.removeFirst(head)
            head = 0
        }
        if queue.count - head > 2 * live + 64 {
            queue = shown.flatMap { proposal, viewers in
                viewers.map { Recording(time: $0.value, proposal: proposal, participant: $0.key) }
            }.sorted { $0.time < $1.time }
            head = 0
        }
    }
}
