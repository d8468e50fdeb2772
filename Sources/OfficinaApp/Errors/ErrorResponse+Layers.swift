import OfficinaHTTP
import OfficinaStore

extension ErrorResponse {
    /// Errors of the HTTP and store layers. A busy or unavailable store (writer queue full,
    /// `SQLITE_BUSY`, disk full, I/O error) is a 503 with `Retry-After`: the write was not
    /// committed and the client may try again; the cause of an unavailable store is logged. Other store failures are the server's fault and
    /// fall through to a generic 500, logged with their SQL but never sent.
    static func mapLayerError(_ error: any Error) -> APIError? {
        switch error {
        case let error as HTTPError:
            return APIError(error.status, code: "bad_request", error.description)
        case let error as StoreError where error.kind == .busy:
            return .unavailable("The server is busy; try again in a moment.", retryAfter: 1)
        case let error as StoreError where error.kind == .unavailable || error.kind == .closed:
            // The client learns only that it may retry; the operator needs the cause (disk full, I/O).
            logUnexpected(error)
            return .unavailable("The database is unavailable right now (unreachable, disk full or failing); try again later.", retryAfter: 30)
        case let error as StoreError where error.kind == .constraint:
            logUnexpected(error)
            return APIError(.conflict, code: "conflict", "This change conflicts with the current data.")
        default:
            return nil
        }
    }
}
