import OfficinaCore
import OfficinaStore

/// A workshop with what its JSON shape needs besides its own row: the programme's goals, the
/// counts, and whether its voting settings are locked.
public struct WorkshopState: Sendable {
    public var workshop: Workshop
    public var goals: [Goal]
    public var counts: WorkshopCounts
    /// Whether the server moves the workshop on by itself at its deadline.
    public var autoAdvance = false
    /// The groups a participant may declare at join (docs/scoring.md §19); empty: nobody is asked.
    public var participantGroups: [ParticipantGroup] = []

    /// Voting settings are frozen once a ballot exists.
    public var locked: Bool { counts.ballots > 0 }

    /// Loads the state of the workshop with `code`, or nil.
    public static func load(code: String, in db: any SQLDatabase) throws -> WorkshopState? {
        guard let joinCode = JoinCode(code), let workshop = try db.workshops.find(code: joinCode) else { return nil }
        return try load(workshop, in: db)
    }

    public static func load(id: Int64, in db: any SQLDatabase) throws -> WorkshopState? {
        guard let workshop = try db.workshops.find(id: id) else { return nil }
        return try load(workshop, in: db)
    }

    public static func load(_ workshop: Workshop, in db: any SQLDatabase) throws -> WorkshopState {
        var state = WorkshopState(workshop: workshop, goals: try db.workshops.goals(workshopID: workshop.id),
                      counts: try db.workshops.counts(workshopID: workshop.id),
                      autoAdvance: try db.autoAdvance.isEnabled(workshopID: workshop.id))
        state.participantGroups = try db.participantGroups.groups(programmeID: workshop.programmeID)
        return state
    }

    /// The Workshop shape of docs/api.md.
    public func json(baseURL: String) -> JSONValue {
        .object([
            ("id", .integer(workshop.id)),
            ("code", .string(workshop.code.value)),
            ("programmeId", .integer(workshop.programmeID)),
            ("theme", .string(workshop.theme)),
            ("title", .localized(workshop.title)),
            ("description", .localized(workshop.description)),
            ("phase", .string(workshop.phase.rawValue)),
            ("deadline", .date(workshop.deadline)),
            ("autoAdvance", .bool(autoAdvance)),
            ("settings", .settings(workshop.settings)),
            ("goals", .array(goals.map(JSONValue.goal))),
            ("locked", .bool(locked)),
            ("counts", .object([
                ("participants", .int(counts.participants)), ("proposals", .int(counts.proposals)), ("ballots", .int(counts.ballots)),
            ])),
            ("joinUrl", .string("\(baseURL)/w/\(workshop.code.value)")),
            ("participantGroups", .array(participantGroups.map { group in
                .object([("key", .string(group.key)), ("label", .localized(group.label))])
            })),
        ])
    }

    /// A `workshop` live event's data (the same for every viewer).
    public func event(baseURL: String) -> (facilitator: JSONValue, public: JSONValue) {
        let data = json(baseURL: baseURL)
        return (data, data)
    }
}
