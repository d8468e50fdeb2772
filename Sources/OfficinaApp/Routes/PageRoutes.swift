import Foundation
import OfficinaHTTP

/// The browser app's pages (`/`, `/w/{code}`, `/console`, `/screen/{code}`) and every other
/// static file from `--web`, served by OfficinaHTTP's `StaticFiles` (ETag, 304, no escape
/// from the folder). Without a web folder, pages answer 404.
struct PageRoutes {
    let files: StaticFiles?

    init(context: AppContext) {
        files = try? StaticFiles(root: context.configuration.webRoot)
    }

    func register(_ routes: inout RouteTable) {
        routes.get("/", page("index.html"))
        routes.get("/w/:code", page("participant.html"))
        routes.get("/console", page("console.html"))
        routes.get("/screen/:code", page("screen.html"))
        routes.get("/follow-up/:id", page("followup.html"))
        routes.get("/back", page("back.html"))
    }

    func page(_ file: String) -> HTTPHandler {
        guard let files else { return notFound }
        return files.file(file)
    }

    /// Anything no route matched outside `/api/`: a static file, or 404.
    var notFound: HTTPHandler {
        if let files {
            let handler = files.handler
            return { request in
                RouteLabel.current?.pattern = "static"
                return try await handler(request)
            }
        }
        return { _ in HTTPResponse(status: .notFound, contentType: "text/plain; charset=utf-8", text: "Not Found\n") }
    }
}
