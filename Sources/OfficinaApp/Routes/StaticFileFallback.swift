import OfficinaHTTP

/// The web folder as the router's immediate fallback: a file already in memory is answered on
/// the I/O thread, labelled `static` for the metrics like the files read off it.
struct StaticFileFallback: ImmediateResponder {
    let files: StaticFiles

    func respondImmediately(to request: HTTPRequest) -> HTTPResponse? {
        guard var response = files.respondImmediately(to: request) else { return nil }
        response.route = "static"
        return response
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        var response = await files.respond(to: request)
        response.route = "static"
        return response
    }
}
