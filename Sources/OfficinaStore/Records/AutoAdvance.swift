import Foundation
import OfficinaCore

/// A workshop the server moves on by itself: its phase and the deadline at which it moves.
public struct AutoAdvance: Sendable, Hashable {
    public var workshopID: Int64
    public var phase: Phase
    public var deadline: Date

    public init(workshopID: Int64, phase: Phase, deadline: Date) {
        self.workshopID = workshopID
        self.phase = phase
        self.deadline = deadline
    }
}
