import CEventLoop
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Many server-sent-event clients on one epoll loop (WHATWG HTML §9.2 framing: events end with a
/// blank line). Each client remembers when it connected, when its first `tally` arrived, the
/// highest `ballots` count a `tally` event showed it and when it first saw a count at or above the target.
final class LiveClients {
    struct Client {
        var fd: Int32
        var pending: [UInt8] = []
        var headDone = false
        var chunked = false
        var chunkLeft = 0
        var sizeLine: [UInt8] = []
        var ballots = -1
        var reachedAt: UInt64 = 0
        var closed = false
        /// When the connect began and when the first `tally` arrived (monotonic ns; 0 = not yet).
        var openedAt: UInt64 = 0
        var firstTallyAt: UInt64 = 0
    }

    private(set) var clients: [Client] = []
    private let epoll: Int32
    private var target = Int.max
    private var scratch = [UInt8](repeating: 0, count: 256 * 1024)

    init() throws {
        epoll = cel_epoll_create()
        guard epoll >= 0 else { throw RawSocket.Failure("epoll_create", errno) }
    }

    deinit {
        for client in clients where !client.closed { Glibc.close(client.fd) }
        Glibc.close(epoll)
    }

    var open: Int { clients.filter { !$0.closed && $0.headDone }.count }
    var closedCount: Int { clients.filter(\.closed).count }

    /// Opens `count` streams on `path`, pacing the connects so the server's accept queue keeps up;
    /// `perAddress` streams share a loopback source address (anonymous streams are capped per address).
    func connect(count: Int, port: Int, path: String, cookie: String?, addressBase: String = "127.20", perAddress: Int = 200) throws {
        var head = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n"
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        let request = Array((head + "\r\n").utf8)
        for index in 0..<count {
            let source = "\(addressBase).\(index / perAddress / 250).\(index / perAddress % 250 + 1)"
            let openedAt = cel_monotonic_ns()
            let fd = try RawSocket.connect(host: "127.0.0.1", port: port, sourceAddress: source, timeout: 10, nonBlocking: true)
            let sent = request.withUnsafeBytes { cel_send(fd, $0.baseAddress, UInt(request.count)) }
            guard sent == request.count else { Glibc.close(fd); throw RawSocket.Failure("send", errno) }
            guard cel_epoll_add(epoll, fd, cel_epollin, UInt64(clients.count)) == 0 else { throw RawSocket.Failure("epoll_ctl", errno) }
            clients.append(Client(fd: fd, openedAt: openedAt))
            if index % 100 == 99 { pump(milliseconds: 0) }
        }
    }

    /// Reads for up to `seconds`, or until `done` says stop.
    func pump(seconds: Double, until done: (LiveClients) -> Bool = { _ in false }) {
        let end = cel_monotonic_ns() + UInt64(seconds * 1e9)
        while cel_monotonic_ns() < end, !done(self) { pump(milliseconds: 10) }
    }

    /// From now on, note when each client first sees `ballots >= count`. A client that has already
    /// seen it counts as reached now (it gets no further tally until the count changes).
    func watch(forBallots count: Int) {
        target = count
        let now = cel_monotonic_ns()
        for index in clients.indices {
            if clients[index].ballots < count {
                clients[index].reachedAt = 0
            } else if clients[index].reachedAt == 0 {
                clients[index].reachedAt = now
            }
        }
    }

    /// Open clients that have not yet had a first `tally`.
    var withoutFirstTally: Int { clients.filter { !$0.closed && $0.firstTallyAt == 0 }.count }

    /// Seconds from each client's connect to its first `tally`; clients without one are left out.
    var firstTallyDelays: [Double] {
        clients.filter { $0.firstTallyAt > 0 }.map { Double($0.firstTallyAt - $0.openedAt) / 1e9 }
    }

    /// Clients that have not yet seen the target.
    var waiting: Int { clients.filter { !$0.closed && $0.reachedAt == 0 }.count }

    /// Seconds from `start` (monotonic ns) until each open client saw the target; missing ones are
    /// left out (count them with `waiting`).
    func delays(since start: UInt64) -> [Double] {
        clients.filter { $0.reachedAt > 0 }.map { Double(Int64($0.reachedAt) - Int64(start)) / 1e9 }
    }

    func pump(milliseconds: Int32) {
        var tokens = [UInt64](repeating: 0, count: 1024)
        var events = [UInt32](repeating: 0, count: 1024)
        let ready = cel_epoll_wait(epoll, &tokens, &events, 1024, milliseconds)
        guard ready > 0 else { return }
        for slot in 0..<Int(ready) { read(Int(tokens[slot])) }
    }

    private func read(_ index: Int) {
        guard !clients[index].closed else { return }
        while true {
            let n = scratch.withUnsafeMutableBytes { cel_recv(clients[index].fd, $0.baseAddress, UInt($0.count)) }
            if n > 0 {
                consume(index, scratch[0..<n])
                if n < scratch.count { return }
                continue
            }
            if n < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
            if n < 0, errno == EINTR { continue }
            _ = cel_epoll_remove(epoll, clients[index].fd)
            Glibc.close(clients[index].fd)
            clients[index].closed = true
            return
        }
    }

    private func consume(_ index: Int, _ bytes: ArraySlice<UInt8>) {
        var client = clients[index]
        defer { clients[index] = client }
        var input = Array(bytes)
        if client.chunked || !client.headDone {
            if !client.headDone {
                client.pending += input
                input = []
                guard let end = RawResponse.headEnd(client.pending) else { return }
                let head = String(decoding: client.pending[0..<end], as: UTF8.self).lowercased()
                client.headDone = true
                client.chunked = head.contains("transfer-encoding: chunked")
                input = Array(client.pending[(end + 4)...])
                client.pending = []
                if !head.hasPrefix("http/1.1 200") { client.ballots = -2 }
            }
            if client.chunked { input = dechunk(&client, input) }
        }
        client.pending += input
        // Each complete event ends with a blank line.
        while let end = blankLine(client.pending) {
            scanEvent(&client, client.pending[0..<end])
            client.pending.removeFirst(end + 2)
        }
    }

    /// Strips chunk framing (RFC 9112 §7.1) from what arrived; keeps partial size lines pending.
    private func dechunk(_ client: inout Client, _ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            if client.chunkLeft > 0 {
                let take = min(client.chunkLeft, input.count - index)
                output += input[index..<(index + take)]
                index += take
                client.chunkLeft -= take
                if client.chunkLeft == 0 { client.chunkLeft = -2 }   // the CRLF after the data
                continue
            }
            if client.chunkLeft < 0 { index += 1; client.chunkLeft += 1; continue }
            client.sizeLine.append(input[index])
            index += 1
            if client.sizeLine.count >= 2, client.sizeLine[client.sizeLine.count - 2] == 13, client.sizeLine.last == 10 {
                let text = String(decoding: client.sizeLine.dropLast(2), as: UTF8.self).split(separator: ";").first ?? ""
                client.chunkLeft = Int(text, radix: 16) ?? 0
                client.sizeLine = []
            }
        }
        return output
    }

    private func blankLine(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == 10 && bytes[index + 1] == 10 { return index }
        return nil
    }

    private static let tallyMarker = Array("event: tally".utf8)
    private static let ballotsMarker = Array("\"ballots\":".utf8)

    private func scanEvent(_ client: inout Client, _ event: ArraySlice<UInt8>) {
        guard let _ = find(Self.tallyMarker, in: event), let at = find(Self.ballotsMarker, in: event) else { return }
        var index = at + Self.ballotsMarker.count
        var value = 0
        while index < event.endIndex, event[index] >= 48, event[index] <= 57 {
            value = value * 10 + Int(event[index] - 48)
            index += 1
        }
        if value > client.ballots { client.ballots = value }
        if client.firstTallyAt == 0 { client.firstTallyAt = cel_monotonic_ns() }
        if client.ballots >= target, client.reachedAt == 0 { client.reachedAt = cel_monotonic_ns() }
    }

    private func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
