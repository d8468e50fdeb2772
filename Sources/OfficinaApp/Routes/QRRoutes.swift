import OfficinaCore
import OfficinaHTTP

/// `GET /api/workshops/{code}/qr.svg`: the join URL as a QR code (OfficinaCore's encoder,
/// byte mode, level M), for the projector and the printed tickets.
struct QRRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/qr.svg", qr)
    }

    func qr(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let url = context.joinURL(code: workshop.code.value, request: request)
        let code = try QRCode(encoding: url)
        var response = HTTPResponse(status: .ok, contentType: "image/svg+xml; charset=utf-8", text: code.svg(label: url))
        response.headers["Cache-Control"] = "no-cache"
        return response
    }
}
