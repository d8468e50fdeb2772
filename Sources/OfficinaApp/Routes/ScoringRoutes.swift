import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// A workshop's scoring choices (method and exposure order), read and changed by facilitators.
struct ScoringRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/scoring", show)
        routes.patch("/api/workshops/:code/scoring", update)
    }

    func show(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let preferences = try context.store.read { db -> ScoringPreferences in
            var preferences = try db.scoring.preferences(workshopID: workshop.id)
            preferences.bridging = try db.participantGroups.bridging(workshopID: workshop.id)
            return preferences
        }
        return .json(Self.json(preferences))
    }

    /// Changes the method or the exposure order. Allowed in every phase: the method changes how the
    /// same ballots are read, never the ballots, and switching back reproduces the earlier results.
    func update(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let body = try JSONFields(request, allowed: ["method", "exposure", "bridging"])
        var method: ScoringMethod?
        if let name = try body.rawString("method", maxLength: 16) {
            guard let parsed = ScoringMethod(rawValue: name) else {
                throw APIError.invalid("method", "method must be officina-1 or officina-2.", code: "type")
            }
            method = parsed
        }
        var exposure: ExposureMode?
        if let name = try body.rawString("exposure", maxLength: 16) {
            guard let parsed = ExposureMode(rawValue: name) else {
                throw APIError.invalid("exposure", "exposure must be balanced or shuffled.", code: "type")
            }
            exposure = parsed
        }
        let bridging = try body.bool("bridging")
        let (newMethod, newExposure) = (method, exposure)
        let preferences = try await context.store.write { db -> ScoringPreferences in
            var preferences = try db.scoring.preferences(workshopID: workshop.id)
            if let newMethod { preferences.method = newMethod }
            if let newExposure { preferences.exposure = newExposure }
            try db.scoring.setPreferences(preferences, workshopID: workshop.id)
            if let bridging { try db.participantGroups.setBridging(bridging, workshopID: workshop.id) }
            preferences.bridging = try db.participantGroups.bridging(workshopID: workshop.id)
            return preferences
        }
        // Rankings are cached per store generation; this write moved it, so the next one recomputes.
        context.hub.talliesChanged(workshopID: workshop.id)
        return .json(Self.json(preferences))
    }

    static func json(_ preferences: ScoringPreferences) -> JSONValue {
        .object([
            ("method", .string(preferences.method.rawValue)),
            ("exposure", .string(preferences.exposure.rawValue)),
            ("bridging", .bool(preferences.bridging)),
            ("methods", .array(ScoringMethod.allCases.map { .string($0.rawValue) })),
            ("exposures", .array(ExposureMode.allCases.map { .string($0.rawValue) })),
        ])
    }
}
