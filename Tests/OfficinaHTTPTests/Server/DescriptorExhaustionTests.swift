import Foundation
import Testing
@testable import OfficinaHTTP

/// Lowers the process's descriptor limit, which would break any test running beside it, so it runs
/// only when asked for, alone, in its own process: `.ci/steps/30-http-tsan.sh` does
/// `OFFICINA_EMFILE_TEST=1 swift test --filter DescriptorExhaustionTests`.
@Suite("Descriptor exhaustion", .enabled(if: ProcessInfo.processInfo.environment["OFFICINA_EMFILE_TEST"] == "1"), .timeLimit(.minutes(3)))
struct DescriptorExhaustionTests {
    @Test("EMFILE: out of descriptors the server backs off accepting instead of spinning, then recovers")
    func backsOffOnEMFILE() async throws {
        try await onThread {
            let server = try TestServer(configure: { $0.acceptBackoff = 0.05; $0.ioThreads = 1 }, responder: EchoResponder())
            defer { server.stop() }
            let waiting = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(waiting) }
            var saved = rlimit()
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved)
            var fillers: [Int32] = []
            let highest = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) }.max() ?? 64
            var lowered = saved
            lowered.rlim_cur = rlim_t(highest + 2)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &lowered)
            while true {
                let fd = dup(0)
                if fd < 0 { break }
                fillers.append(fd)
            }
            let loop = try #require(server.server.eventLoops.first)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(server.port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(waiting, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0)
            usleep(300_000)
            let cpuBefore = loop.cpuTime.withLock { $0 }
            usleep(500_000)
            let cpuAfter = loop.cpuTime.withLock { $0 }
            for fd in fillers { close(fd) }
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &saved)
            #expect(Double(cpuAfter - cpuBefore) / 1e6 < 100, "the loop spun while out of descriptors")

            let request = Array("GET /recovered HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(waiting, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var timeout = timeval(tv_sec: 3, tv_usec: 0)
            setsockopt(waiting, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(waiting, $0.baseAddress, $0.count, 0) }
            #expect(count > 0)
            #expect(String(decoding: buffer[0..<max(count, 0)], as: UTF8.self).hasSuffix("GET /recovered 0\n"))
            #expect(loop.acceptPauses > 0)
        }
    }
}
