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
        let label = RouteLabel()
        let start = DispatchTime.now().uptimeNanoseconds
        let response = await RouteLabel.$current.withValue(label) { await next.respond(to: request) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        metrics.recordRequest(method: request.method.rawValue, route: label.pattern ?? "unmatched",
                              status: response.status.code, seconds: seconds)
        return response
    }
}

extension RequestMetrics: ImmediateMiddleware {
    public func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse? {
        let label = RouteLabel()
        let start = DispatchTime.now().uptimeNanoseconds
        guard let response = RouteLabel.$current.withValue(label, operation: { next(request) }) else { return nil }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        metrics.recordRequest(method: request.method.rawValue, route: label.pattern ?? "unmatched",
                              status: response.status.code, seconds: seconds)
        return response
    }
}
