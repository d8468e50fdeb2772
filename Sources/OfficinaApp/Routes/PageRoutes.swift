import Foundation
import OfficinaHTTP

/// The browser app's pages and static files from `--web`.
struct PageRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/", page("index.html"))
        routes.get("/w/:code", page("participant.html"))
        routes.get("/console", page("console.html"))
        routes.get("/screen/:code", page("screen.html"))
    }

    func page(_ file: String) -> HTTPHandler {
        let root = context.configuration.webRoot
        return { _ in
            let path = URL(fileURLWithPath: root).appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw APIError.notFound("Page")
            }
            var response = HTTPResponse(status: .ok, contentType: "text/html; charset=utf-8", body: Array(data))
            response.headers["Cache-Control"] = "no-cache"
            return response
        }
    }

    /// Anything else: a static file, or 404.
    var notFound: HTTPHandler {
        { request in
            if request.path.hasPrefix("/api/") { throw APIError.notFound("API endpoint") }
            return HTTPResponse(status: .notFound, contentType: "text/plain; charset=utf-8", text: "Not Found\n")
        }
    }
}
