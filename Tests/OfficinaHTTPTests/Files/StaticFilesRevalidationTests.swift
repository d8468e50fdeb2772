import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Static files trusted for a revalidation interval", .timeLimit(.minutes(3)))
struct StaticFilesRevalidationTests {
    typealias Fixture = StaticFilesTests.Fixture

    /// Files that skip the path check and `stat` for a path checked within the last second.
    func files(_ fixture: Fixture) throws -> StaticFiles {
        var files = try StaticFiles(root: fixture.root.path)
        files.revalidationInterval = 1
        return files
    }

    /// What the server does: the immediate answer, else the one read off the I/O thread.
    func answer(_ files: StaticFiles, _ request: HTTPRequest) async -> HTTPResponse {
        if let immediate = files.respondImmediately(to: request) { return immediate }
        return await files.respond(to: request)
    }

    func text(_ response: HTTPResponse) -> String? {
        guard case .bytes(let bytes) = response.body else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("A file changed on disk is served fresh within the interval (bound here 10 s), with a new ETag")
    func changedFileIsServedFreshSoon() async throws {
        let fixture = try Fixture()
        let files = try files(fixture)
        let request = HTTPRequest(method: .get, path: "/css/site.css")
        let first = await answer(files, request)
        #expect(text(first) == "body{}")
        #expect(files.respondImmediately(to: request) != nil)
        try "body{color:red}".write(to: fixture.root.appendingPathComponent("css/site.css"), atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(10)
        var latest = await answer(files, request)
        while text(latest) != "body{color:red}", Date() < deadline {
            #expect(latest.status == .ok)
            try await Task.sleep(nanoseconds: 50_000_000)
            latest = await answer(files, request)
        }
        #expect(text(latest) == "body{color:red}")
        #expect(latest.headers["ETag"] != first.headers["ETag"])
    }

    @Test("A deleted file turns into 404 within the interval (bound here 10 s)")
    func deletedFileIsGoneSoon() async throws {
        let fixture = try Fixture()
        let files = try files(fixture)
        let request = HTTPRequest(method: .get, path: "/participant.html")
        #expect(await answer(files, request).status == .ok)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("participant.html"))
        let deadline = Date().addingTimeInterval(10)
        var latest = await answer(files, request)
        while latest.status == .ok, Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
            latest = await answer(files, request)
        }
        #expect(latest.status == .notFound)
    }

    @Test("A remembered file still answers 304, HEAD and 405, and traversal is still refused")
    func rememberedFileKeepsEveryRule() async throws {
        let fixture = try Fixture()
        let files = try files(fixture)
        let first = await answer(files, HTTPRequest(method: .get, path: "/css/site.css"))
        let etag = try #require(first.headers["ETag"])
        #expect(first.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(first.headers["Cache-Control"] == "no-cache")
        #expect(first.headers["X-Content-Type-Options"] == "nosniff")

        let conditional = HTTPRequest(method: .get, path: "/css/site.css", headers: ["If-None-Match": etag])
        let notModified = try #require(files.respondImmediately(to: conditional))
        #expect(notModified.status == .notModified)
        #expect(notModified.headers["ETag"] == etag)

        let head = try #require(files.respondImmediately(to: HTTPRequest(method: .head, path: "/css/site.css")))
        #expect(head.status == .ok)
        #expect(head.headers["Content-Length"] == "6")

        let post = try #require(files.respondImmediately(to: HTTPRequest(method: .post, path: "/css/site.css")))
        #expect(post.status == .methodNotAllowed)
        #expect(post.headers["Allow"] == "GET, HEAD")

        for path in ["/css/%2e%2e/%2e%2e/secret.txt", "/css/../../secret.txt", "/leak.txt", "/up/secret.txt", "/.env"] {
            let response = await answer(files, HTTPRequest(method: .get, path: path))
            #expect(response.status != .ok, "\(path)")
            #expect(text(response)?.contains("SECRET") != true, "\(path)")
        }
    }

    @Test("A fixed file route remembers its file, not the request path")
    func fixedFileRouteIsRemembered() async throws {
        let fixture = try Fixture()
        let files = try files(fixture)
        let handler = files.file("participant.html")
        let immediate = files.fileImmediately("participant.html")
        #expect(immediate(HTTPRequest(method: .get, path: "/w/ABC")) == nil)
        let read = try await handler(HTTPRequest(method: .get, path: "/w/ABC"))
        #expect(text(read) == "<h1>participant</h1>")
        let other = try #require(immediate(HTTPRequest(method: .get, path: "/w/XYZ")))
        #expect(text(other) == "<h1>participant</h1>")
    }
}
