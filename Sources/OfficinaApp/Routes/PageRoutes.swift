import Foundation
import OfficinaHTTP

/// The browser app's pages (`/`, `/w/{code}`, `/console`, `/screen/{code}`) and every other
/// static file from `--web`, served by OfficinaHTTP's `StaticFiles` (ETag, 304, no escape
/// from the folder). Without a web folder, pages answer 404.
struct PageRoutes {
    let files: StaticFiles?

    init(context: AppContext) {
        var files = try? StaticFiles(root: context.configuration.webRoot)
        // A page is checked on disk at most once a second per path, not on every request.
        files?.revalidationInterval = 1
        self.files = files
    }

    func register(_ routes: inout RouteTable) {
        for (pattern, file) in [("/", "index.html"), ("/w/:code", "participant.html"), ("/console", "console.html"),
                                ("/screen/:code", "screen.html"), ("/follow-up/:id", "followup.html"), ("/back", "back.html")] {
            if let files {
                // A page in memory is answered on the I/O thread; otherwise it is read off it.
                routes.get(pattern, files.file(file), immediate: files.fileImmediately(file))
            } else {
                routes.get(pattern, notFound)
            }
        }
    }

    /// Sends every path no route matched outside `/api/` to the files (answered on the I/O
    /// thread when in memory), or to a plain 404 without a web folder.
    func installFallback(on router: inout Router) {
        if let files {
            router.serveFiles(StaticFileFallback(files: files), handler: notFound)
        } else {
            router.notFound = notFound
        }
    }

    /// Anything no route matched outside `/api/`: a static file, or 404.
    var notFound: HTTPHandler {
        if let files {
            let handler = files.handler
            return { request in await RouteTable.answer(request, "static", handler) }
        }
        return { _ in HTTPResponse(status: .notFound, contentType: "text/plain; charset=utf-8", text: "Not Found\n") }
    }
}
