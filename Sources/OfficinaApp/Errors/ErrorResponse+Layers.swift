import OfficinaHTTP

extension ErrorResponse {
    /// Errors of the HTTP and store layers. Filled in as those layers define their types.
    static func mapLayerError(_ error: any Error) -> APIError? {
        nil
    }
}
