import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

extension EventLoop {
    /// Every loop watches the one listening socket with EPOLLEXCLUSIVE, so a new connection wakes
    /// one loop, not all of them.
    func startAccepting() {
        guard !accepting else { return }
        if cel_epoll_add(epollFD, context.listenFD, cel_epollin | cel_epollexclusive, Self.listenToken) == 0 {
            accepting = true
        }
    }

    func stopAccepting() {
        guard accepting else { return }
        _ = cel_epoll_remove(epollFD, context.listenFD)
        accepting = false
    }

    /// Accepts what is waiting, up to a batch, so one loop does not take every connection of a burst.
    func acceptConnections() {
        guard accepting else { return }
        var address = [CChar](repeating: 0, count: 64)
        for _ in 0..<64 {
            let fd = cel_accept(context.listenFD, &address, Int32(address.count))
            if fd < 0 {
                switch errno {
                case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED, EPROTO:
                    return
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: the pending connection stays readable, so accepting again
                    // now would spin. Stop listening for a moment instead.
                    pauseAccepting()
                    return
                default:
                    return
                }
            }
            guard context.reserveConnection() else {
                ResponseEncoder.serviceUnavailable.withUnsafeBytes { _ = cel_send(fd, $0.baseAddress, UInt($0.count)) }
                close(fd)
                continue
            }
            let remote = address.withUnsafeBufferPointer { pointer in
                pointer.baseAddress.map { String(cString: $0) } ?? ""
            }
            _ = cel_set_nodelay(fd)
            // Deal connections out round-robin: one wake-up may accept a whole burst, and the
            // loops should share it rather than one loop serving every connection of the burst.
            let target = siblings.isEmpty ? self : siblings[nextSibling % siblings.count]
            nextSibling &+= 1
            if target === self {
                adopt(fd, remoteAddress: remote)
            } else {
                target.execute { target.adopt(fd, remoteAddress: remote) }
            }
        }
    }

    /// Registers an accepted socket with this loop.
    func adopt(_ fd: Int32, remoteAddress: String) {
        guard !isDraining else {
            close(fd)
            context.releaseConnection()
            return
        }
        let token = connections.allocateToken(fd: fd)
        let connection = Connection(fd: fd, token: token, remoteAddress: remoteAddress, loop: self)
        guard cel_epoll_add(epollFD, fd, cel_epollin | cel_epollout | cel_epollrdhup | cel_epollet, token) == 0 else {
            close(fd)
            context.releaseConnection()
            return
        }
        connections.insert(connection)
    }

    private func pauseAccepting() {
        stopAccepting()
        acceptPauses += 1
        acceptPausedUntil = cel_monotonic_ns() + UInt64(context.configuration.acceptBackoff * 1e9)
    }
}
