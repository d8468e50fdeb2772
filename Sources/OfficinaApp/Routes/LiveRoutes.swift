import OfficinaHTTP
import OfficinaStore

/// `GET /api/workshops/{code}/events`: a server-sent event stream (WHATWG HTML §9.2) of the
/// workshop's changes, resumable with `Last-Event-ID`.
///
/// Streams are counted per facilitator session, per participant, and per address for anonymous
/// viewers (a room behind one router is many participants, so participants are never counted by
/// address); past a cap the answer is 429 `too_many_streams`. The server itself keeps some
/// connections for ordinary requests (503 `too_many_streams` when every stream slot is taken).
struct LiveRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/events", events)
    }

    func events(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        // The viewer honours `audience=public` (the projector): a lowered audience streams as the public.
        let viewer = try context.viewer(of: request, in: workshop)
        let session = viewer.isFacilitator ? try context.facilitator(of: request) : nil
        let slot = try reserveSlot(request, session: session, participantID: session == nil ? viewer.participantID : nil)
        // A fresh stream starts where the workshop is now, not where it is once the stream joins
        // the hub (see ``LiveHub/position(workshopID:)``).
        let hub = context.hub
        let lastEventID: Int64
        if let resumed = request.lastEventID { lastEventID = resumed } else { lastEventID = await hub.position(workshopID: workshop.id) }
        let base = context.baseURL(for: request)
        var response = HTTPResponse(status: .ok, headers: [
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",
        ], body: .eventStream(open: { stream in
            stream.onClose { slot.release() }
            await hub.attach(stream, workshopID: workshop.id, facilitator: session != nil, session: session?.tokenHash,
                       expires: session?.expiresAt, lastEventID: lastEventID, baseURL: base)
        }))
        response.headers["Vary"] = "Cookie"
        return response
    }

    /// The caller's stream slot, or 429 when its streams are at their cap.
    private func reserveSlot(_ request: HTTPRequest, session: FacilitatorSession?, participantID: Int64?) throws -> LiveStreamSlot {
        let configuration = context.configuration
        let (key, limit): (String, Int)
        if let session {
            (key, limit) = ("f:" + session.tokenHash, configuration.maxStreamsPerFacilitatorSession)
        } else if let participantID {
            (key, limit) = ("p:\(participantID)", configuration.maxStreamsPerParticipant)
        } else {
            (key, limit) = ("a:" + context.clientKey(request), configuration.maxAnonymousStreamsPerAddress)
        }
        guard let slot = context.liveStreams.reserve(key, limit: limit) else {
            throw APIError(.tooManyRequests, code: "too_many_streams",
                           "Too many live streams are open for this \(session != nil ? "session" : participantID != nil ? "participant" : "address"); close another tab first.",
                           retryAfter: 10)
        }
        return slot
    }
}
