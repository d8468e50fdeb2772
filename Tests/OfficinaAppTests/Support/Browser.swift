import Foundation
@testable import OfficinaApp

/// A client with its own cookie jar, like one browser profile. Unsafe requests carry an
/// `Origin` matching the server unless told otherwise, as a browser's same-origin fetch does.
final class Browser: @unchecked Sendable {
    let port: Int
    /// Seconds to wait for each answer before the request fails.
    let timeout: Double
    private let lock = NSLock()
    private var jar: [String: String] = [:]

    init(port: Int, timeout: Double = 60) {
        self.port = port
        self.timeout = timeout
    }

    var cookies: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return jar
    }

    func setCookie(_ name: String, _ value: String?) {
        lock.lock()
        jar[name] = value
        lock.unlock()
    }

    @discardableResult
    func request(
        _ method: String, _ path: String, body: [UInt8]? = nil, headers: [(String, String)] = [], origin: String? = "default"
    ) async throws -> TestResponse {
        // A `Host` among `headers` replaces the default one (tests of the Host allowlist).
        let host = headers.contains { $0.0.lowercased() == "host" } ? [] : ["Host: 127.0.0.1:\(port)"]
        var lines = ["\(method) \(path) HTTP/1.1"] + host + ["Connection: close"]
        if method != "GET" && method != "HEAD", let origin {
            lines.append("Origin: \(origin == "default" ? "http://127.0.0.1:\(port)" : origin)")
        }
        let cookie = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        if !cookie.isEmpty { lines.append("Cookie: \(cookie)") }
        for (name, value) in headers { lines.append("\(name): \(value)") }
        if let body {
            lines.append("Content-Type: application/json")
            lines.append("Content-Length: \(body.count)")
        }
        let bytes = Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + (body ?? [])
        let port = port, timeout = timeout
        let raw = try await offPool {
            let socket = try RawSocket(port: port, timeout: timeout)
            try socket.send(bytes)
            return try socket.receiveAll()
        }
        let response = try TestResponse.parse(raw)
        for header in response.headers("Set-Cookie") { store(header) }
        return response
    }

    private func store(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        setCookie(name, parts.contains("Max-Age=0") || value.isEmpty ? nil : value)
    }

    @discardableResult
    func get(_ path: String, headers: [(String, String)] = []) async throws -> TestResponse {
        try await request("GET", path, headers: headers)
    }

    @discardableResult
    func post(_ path: String, _ json: JSONValue? = nil, origin: String? = "default") async throws -> TestResponse {
        try await request("POST", path, body: json?.bytes, origin: origin)
    }

    @discardableResult
    func put(_ path: String, _ json: JSONValue) async throws -> TestResponse {
        try await request("PUT", path, body: json.bytes)
    }

    @discardableResult
    func patch(_ path: String, _ json: JSONValue) async throws -> TestResponse {
        try await request("PATCH", path, body: json.bytes)
    }

    @discardableResult
    func delete(_ path: String) async throws -> TestResponse {
        try await request("DELETE", path)
    }

    /// Sends raw text as the body (for malformed JSON).
    @discardableResult
    func send(_ method: String, _ path: String, raw: String) async throws -> TestResponse {
        try await request(method, path, body: Array(raw.utf8))
    }
}
