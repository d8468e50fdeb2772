import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 client on one keep-alive TCP connection, written for the benchmark so it
/// controls exactly which bytes go out and when (RFC 9112 §2–§7), and can bind its source address
/// to any of loopback's 127/8 addresses (servers limit joins per address).
final class RawHTTPClient {
    let host: String
    let port: Int
    let sourceAddress: String?
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    /// Cookie header sent with every request (`name=value; …`).
    var cookies: [String: String] = [:]

    init(host: String = "127.0.0.1", port: Int, sourceAddress: String? = nil) {
        self.host = host
        self.port = port
        self.sourceAddress = sourceAddress
    }

    deinit { close() }

    /// Sends one request and reads its whole response (Content-Length or chunked). Reconnects if
    /// the connection is closed. Unsafe methods carry an `Origin` matching `Host`, as the API asks.
    func send(_ method: String, _ path: String, json: String? = nil, headers: [(String, String)] = [],
              timeout: Double = 30) throws -> RawResponse {
        if fd < 0 { try connect(timeout: timeout) }
        try write(Array(requestBytes(method, path, json: json, headers: headers)))
        let response = try readResponse(headRequest: method == "HEAD")
        for value in response.headers(named: "set-cookie") {
            let pair = value.split(separator: ";", maxSplits: 1).first ?? ""
            if let equals = pair.firstIndex(of: "=") {
                cookies[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
        }
        if response.header("connection")?.lowercased() == "close" { close() }
        return response
    }

    /// The request's bytes, as `send` writes them.
    func requestBytes(_ method: String, _ path: String, json: String? = nil, headers: [(String, String)] = []) -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\n"
        if ["POST", "PUT", "PATCH", "DELETE"].contains(method) { head += "Origin: http://\(host):\(port)\r\n" }
        if !cookies.isEmpty { head += "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let body = Array((json ?? "").utf8)
        if json != nil { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    func connect(timeout: Double = 10) throws {
        close()
        fd = try RawSocket.connect(host: host, port: port, sourceAddress: sourceAddress, timeout: timeout)
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
        buffer.removeAll(keepingCapacity: true)
    }

    func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                let failure = RawSocket.Failure("send", errno)
                close()
                throw failure
            }
            sent += n
        }
    }

    /// Reads until the head and the body are complete.
    func readResponse(headRequest: Bool = false) throws -> RawResponse {
        while true {
            if let (response, used) = try RawResponse.parse(buffer, headRequest: headRequest) {
                buffer.removeFirst(used)
                return response
            }
            try fill()
        }
    }

    /// Reads whatever arrives next into the buffer; throws when the peer closed.
    func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return }
        let failure = n == 0 ? RawSocket.Failure("recv", 0, "connection closed") : RawSocket.Failure("recv", errno)
        close()
        throw failure
    }
}
