import Foundation
import OfficinaHTTP

/// Counts every request by route and status and times it. Requests no route matched are
/// grouped as `unmatched`, and static files as `static`, so label values stay few.
public struct RequestMetrics: HTTPMiddleware {
    let metrics: Metrics

    public init(metrics: Metrics) {
        self.metrics = metrics
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = await next.respond(to: request)
        record(request, response, since: start)
        return response
    }

    /// Counts the response under the route that made it (``HTTPResponse/route``).
    private func record(_ request: HTTPRequest, _ response: HTTPResponse, since start: UInt64) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        metrics.recordRequest(method: request.method.rawValue, route: response.route ?? "unmatched",
                              status: response.status.code, seconds: seconds)
    }
}

extension RequestMetrics: ImmediateMiddleware {
    public func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse? {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let response = next(request) else { return nil }
        record(request, response, since: start)
        return response
    }
}
