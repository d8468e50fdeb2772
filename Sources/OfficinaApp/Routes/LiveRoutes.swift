import OfficinaHTTP

/// `GET /api/workshops/{code}/events`: a server-sent event stream (WHATWG HTML §9.2) of the
/// workshop's changes, resumable with `Last-Event-ID`.
struct LiveRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/events", events)
    }

    func events(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let facilitator = try context.viewer(of: request, in: workshop).isFacilitator
        let lastEventID = request.lastEventID
        let base = context.baseURL(for: request)
        let hub = context.hub
        var response = HTTPResponse(status: .ok, headers: [
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        ], body: .eventStream(open: { stream in
            hub.attach(stream, workshopID: workshop.id, facilitator: facilitator, lastEventID: lastEventID, baseURL: base)
        }))
        response.headers["Vary"] = "Cookie"
        return response
    }
}
