import OfficinaCore
import OfficinaHTTP
import OfficinaStore

extension AppContext {
    /// The workshop named by the `:code` path parameter; 404 when there is none.
    func workshop(_ request: HTTPRequest) throws -> Workshop {
        guard let code = JoinCode(try request.parameter("code")),
              let workshop = try store.read({ try $0.workshops.find(code: code) }) else {
            throw APIError.notFound("Workshop")
        }
        return workshop
    }

    /// The proposal named by the `:id` path parameter with its workshop; 404 when there is none.
    func proposal(_ request: HTTPRequest) throws -> (Proposal, Workshop) {
        let id = try request.idParameter()
        let found: (Proposal, Workshop)? = try store.read { db in
            guard let proposal = try db.proposals.find(id: id), let workshop = try db.workshops.find(id: proposal.workshopID) else {
                return nil
            }
            return (proposal, workshop)
        }
        guard let found else { throw APIError.notFound("Proposal") }
        return found
    }

    /// Publishes events a write returned, in order.
    func publish(_ events: [LiveEvent], workshopID: Int64) {
        for event in events {
            metrics.recordEvent(kind: event.kind)
            hub.publish(event, workshopID: workshopID)
        }
    }
}
