import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP connection to the test server on loopback, used from a GCD thread (never
/// from Swift's cooperative pool, which the server's handlers need).
final class RawSocket {
    let fd: Int32

    /// `receiveBuffer` shrinks the socket's receive buffer (set before connecting, so the window
    /// the server sees is small too): a client that never reads then stalls the server quickly.
    init(port: Int, timeout: Double = 60, receiveBuffer: Int32? = nil) throws {
        fd = try Self.connectedSocket(port: port, timeout: timeout, receiveBuffer: receiveBuffer)
    }

    /// A socket connected to `port` on loopback, closed here if connecting fails. Never close in
    /// `init` and throw: an initializer that throws after setting every stored property still runs
    /// `deinit`, whose second `close` may hit a descriptor another thread has just opened.
    private static func connectedSocket(port: Int, timeout: Double, receiveBuffer: Int32?) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: errno \(errno)") }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw TestFailure("connect: errno \(code)")
        }
        return fd
    }

    deinit {
        close(fd)
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw TestFailure("send: errno \(errno)") }
            offset += sent
        }
    }

    /// Some bytes, or empty at end of stream; throws on timeout.
    func receive() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw TestFailure("recv: errno \(errno) (timeout?)") }
        return Array(buffer[0..<count])
    }

    /// Everything until the server closes the connection.
    func receiveAll() throws -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let chunk = try receive()
            if chunk.isEmpty { return all }
            all += chunk
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs blocking work on a thread of its own and awaits it: neither Swift's cooperative pool
/// nor GCD's global queues (whose few threads the server and store may need) are blocked.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
