import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client for tests: writes raw bytes and reads responses with a deadline, so a
/// test asserts the exact bytes on the wire.
final class TestClient: @unchecked Sendable {
    let fd: Int32

    init(port: Int, receiveBuffer: Int32? = nil) throws {
        fd = try Self.connectedSocket(port: port, receiveBuffer: receiveBuffer)
        setTimeout(seconds: 10)
    }

    /// A socket connected to `port` on loopback, closed here if connecting fails. Never close in
    /// `init` and throw: an initializer that throws after setting every stored property still runs
    /// `deinit`, whose second `close` may hit a descriptor another thread has just opened (a test
    /// server's SQLite file failed with "disk I/O error" that way).
    private static func connectedSocket(port: Int, receiveBuffer: Int32?) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.system("socket", errno) }
        if var size = receiveBuffer {
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw ClientError.system("connect", code)
        }
        return fd
    }

    deinit { Glibc.close(fd) }

    func setTimeout(seconds: Double) {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1e6))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { throw ClientError.system("send", errno) }
            offset += count
        }
    }

    /// Shuts the sending side, as `nc -q` does.
    func finishSending() { _ = shutdown(fd, Int32(SHUT_WR)) }

    /// Reads one chunk, or nil at end of stream; throws on timeout.
    func receive() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count == 0 { return nil }
        if count < 0 {
            let code = errno
            if code == ECONNRESET { return nil }
            throw ClientError.system("recv", code)
        }
        return Array(buffer[0..<count])
    }

    /// Everything until the server closes the connection.
    func receiveAll() throws -> String {
        var bytes: [UInt8] = []
        while let chunk = try receive() { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads until `count` complete responses (framed by Content-Length) have arrived.
    func receiveResponses(_ count: Int, toHead: Bool = false) throws -> [TestResponse] {
        var buffer: [UInt8] = []
        var responses: [TestResponse] = []
        while responses.count < count {
            while let (response, used) = TestResponse.parse(buffer, toHead: toHead) {
                responses.append(response)
                buffer.removeFirst(used)
                if responses.count == count { return responses }
            }
            guard let chunk = try receive() else { throw ClientError.closed(responses.count) }
            buffer += chunk
        }
        return responses
    }

    func receiveResponse(toHead: Bool = false) throws -> TestResponse {
        guard let response = try receiveResponses(1, toHead: toHead).first else { throw ClientError.closed(0) }
        return response
    }

    /// Reads until the text received so far contains `marker`; returns all of it.
    func receive(until marker: String) throws -> String {
        var bytes: [UInt8] = []
        while !String(decoding: bytes, as: UTF8.self).contains(marker) {
            guard let chunk = try receive() else { throw ClientError.closed(0) }
            bytes += chunk
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True if the server closed the connection (reads end of stream within the timeout).
    func isClosedByServer() -> Bool {
        while true {
            guard let chunk = try? receive() else { return (try? receive()) == nil && errno != EAGAIN }
            if chunk.isEmpty { return true }
        }
    }

    enum ClientError: Error {
        case system(String, Int32)
        case closed(Int)
    }
}

/// A response as a test sees it.
struct TestResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// One response from the start of `bytes`, framed by Content-Length (or no body for 1xx/204/304).
    static func parse(_ bytes: [UInt8], toHead: Bool = false) -> (TestResponse, Int)? {
        let text = bytes
        guard let end = (0..<max(0, text.count - 3)).first(where: {
            text[$0] == 13 && text[$0 + 1] == 10 && text[$0 + 2] == 13 && text[$0 + 3] == 10
        }) else { return nil }
        let head = String(decoding: text[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = TestResponse(status: status, headers: headers, body: [])
        let bodyStart = end + 4
        let length = toHead ? 0 : response.header("Content-Length").flatMap(Int.init) ?? 0
        guard text.count >= bodyStart + length else { return nil }
        response.body = Array(text[bodyStart..<(bodyStart + length)])
        return (response, bodyStart + length)
    }
}
