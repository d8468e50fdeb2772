import OfficinaHTTP

/// `/healthz`, `/metrics` and `/api/openapi.json`.
struct OperationsRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        let healthy = Self.healthy
        routes.get("/healthz", { _ in healthy }, immediate: { _ in healthy })
        routes.get("/metrics", metrics)
        routes.get("/api/openapi.json") { _ in
            HTTPResponse(status: .ok, contentType: "application/json; charset=utf-8", body: OpenAPIDocument.bytes)
        }
    }

    /// Built once: the health check is the cheapest answer the server gives, on the I/O thread.
    static let healthy = HTTPResponse.json(["status": "ok"])

    /// Metrics are for the operator: answered on loopback only, unless the server listens only
    /// on loopback anyway (then a reverse proxy in front decides).
    func metrics(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard Self.isLoopback(request.remoteAddress) else {
            throw APIError(.forbidden, code: "forbidden", "Metrics are served to loopback clients only.")
        }
        return HTTPResponse(status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8", text: context.metrics.render())
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
