import Foundation
import OfficinaCore
import OfficinaStore

/// Moves workshops on at their deadline when their facilitator chose "close automatically at the
/// deadline": collecting → voting, voting → closed. It runs in the server, so the move happens with
/// nobody connected, and announces it live like a facilitator's move. Armed at start from the
/// database and re-armed whenever a deadline or the choice changes.
public final class DeadlineScheduler: Sendable {
    /// Who the phase log names for a move the server made.
    public static let actor = "officina (deadline)"
    /// The longest sleep between two looks at the database, so a clock change is noticed.
    static let longestSleep: TimeInterval = 60

    private let task = Protected<Task<Void, Never>?>(nil)

    public init() {}

    /// (Re)starts the loop: looks at the database now and sleeps until the next deadline.
    func rearm(_ context: AppContext) {
        let next = Task { await Self.run(context) }
        let previous = task.withLock { current -> Task<Void, Never>? in
            let previous = current
            current = next
            return previous
        }
        // Cancelled outside the lock; a move the old loop is writing re-checks phase and deadline in
        // its transaction, so two loops overlapping for a moment cannot move a workshop twice.
        previous?.cancel()
    }

    /// Stops the loop (server shutdown).
    public func stop() {
        task.withLock { current -> Task<Void, Never>? in
            let previous = current
            current = nil
            return previous
        }?.cancel()
    }

    private static func run(_ context: AppContext) async {
        while !Task.isCancelled {
            let next: Date?
            do {
                next = try await advanceDue(context, now: Date())
            } catch {
                next = nil   // the store is closing or busy: look again after the longest sleep
            }
            let wait = min(longestSleep, max(0.02, next?.timeIntervalSinceNow ?? longestSleep))
            do {
                try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            } catch {
                return
            }
        }
    }

    /// Moves every workshop whose deadline has passed and returns the next deadline still ahead.
    static func advanceDue(_ context: AppContext, now: Date) async throws -> Date? {
        let scheduled = try context.store.read { try $0.autoAdvance.scheduled() }
        for item in scheduled where item.deadline <= now {
            try await advance(item, context: context, now: now)
        }
        return scheduled.first { $0.deadline > now }?.deadline
    }

    private static func advance(_ item: AutoAdvance, context: AppContext, now: Date) async throws {
        guard let target = next(after: item.phase) else { return }
        let base = context.configuration.publicURL ?? "http://\(context.configuration.host):\(context.configuration.port)"
        let event = try await context.store.write { db -> LiveEvent? in
            // The facilitator may have moved it, changed the deadline or turned the choice off meanwhile.
            guard let workshop = try db.workshops.find(id: item.workshopID), workshop.phase == item.phase,
                  let deadline = workshop.deadline, deadline <= now, try db.autoAdvance.isEnabled(workshopID: workshop.id) else {
                return nil
            }
            try db.workshops.setPhase(workshopID: workshop.id, to: target, by: actor, deadline: nil, at: now)
            guard let state = try WorkshopState.load(id: workshop.id, in: db) else { return nil }
            return try db.appendLiveEvent(workshopID: workshop.id, kind: "workshop", data: state.event(baseURL: base))
        }
        guard let event else { return }
        context.publish([event], workshopID: item.workshopID)
        context.hub.talliesChanged(workshopID: item.workshopID)
    }

    static func next(after phase: Phase) -> Phase? {
        switch phase {
        case .collecting: .voting
        case .voting: .closed
        case .draft, .closed: nil
        }
    }
}

extension AppContext {
    /// Re-reads the automatic deadline moves (after a deadline, phase or the choice changed).
    func rearmDeadlines() { deadlines.rearm(self) }
}
