// `officina-bench http`: a bare OfficinaHTTP server for wrk (see benchmarks/http.md). It serves
// `GET /healthz` and the files of `--root` with the production server and static-file code, access
// log off (nginx runs with `access_log off` too), until SIGINT/SIGTERM.
import Foundation
import OfficinaHTTP

func httpBenchmark(_ arguments: ArraySlice<String>) throws {
    var configuration = ServerConfiguration()
    configuration.accessLog = false
    var root = "."
    var rest = arguments
    while let flag = rest.popFirst() {
        switch flag {
        case "--port": configuration.port = Int(rest.popFirst() ?? "") ?? configuration.port
        case "--host": configuration.host = rest.popFirst() ?? configuration.host
        case "--root": root = rest.popFirst() ?? root
        case "--threads": configuration.ioThreads = Int(rest.popFirst() ?? "") ?? configuration.ioThreads
        case "--access-log": configuration.accessLog = true
        default:
            print("usage: officina-bench http [--host H] [--port N] [--root DIR] [--threads N] [--access-log]")
            exit(2)
        }
    }
    var router = Router()
    router.immediate(.get, "/healthz") { _ in
        HTTPResponse(contentType: "application/json", text: #"{"status":"ok"}"#)
    }
    router.serveFiles(try StaticFiles(root: root))
    let server = HTTPServer(configuration: configuration, responder: router)
    try server.start()
    print("officina-bench http: listening on \(configuration.host):\(server.port), root \(root)")
    server.runUntilSignalled()
}
