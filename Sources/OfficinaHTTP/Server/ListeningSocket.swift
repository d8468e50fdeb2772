import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

/// Creates the non-blocking listening socket: resolve, bind, listen, read back the bound port.
enum ListeningSocket {
    static func open(host: String, port: Int) throws -> (fd: Int32, port: Int) {
        guard (0...65_535).contains(port) else {
            throw HTTPServerError(operation: "listen \(host):\(port)", message: "port must be 0...65535")
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let message = status == 0 ? "no address" : String(cString: gai_strerror(status))
            throw HTTPServerError(operation: "resolve \(host)", message: message)
        }
        defer { freeaddrinfo(list) }
        let address = first.pointee
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(address.ai_family, type, 0)
        guard fd >= 0 else { throw HTTPServerError(operation: "socket", code: errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, address.ai_addr, address.ai_addrlen) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError(operation: "bind \(host):\(port)", code: code)
        }
        guard listen(fd, 4096) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError(operation: "listen \(host):\(port)", code: code)
        }
        return (fd, boundPort(fd) ?? port)
    }

    private static func boundPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer -> Int? in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            default:
                nil
            }
        }
    }

    /// Raises the soft open-file limit to the hard one, so the connection cap, not the default
    /// 1,024 descriptors, is what limits us.
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
