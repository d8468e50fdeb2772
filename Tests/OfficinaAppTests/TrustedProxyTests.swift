import Foundation
import OfficinaHTTP
import Testing
@testable import OfficinaApp

/// Rate limits behind a proxy (issue 10, Medium 2): `--trusted-proxy` makes the forwarding header
/// count, only from that proxy and only its rightmost untrusted hop; IPv6 clients count by /64.
@Suite struct TrustedProxyTests {
    static func login(_ browser: Browser, _ password: String, from client: String) async throws -> Int {
        let body: JSONValue = ["username": .string(TestServer.username), "password": .string(password)]
        return try await browser.request("POST", "/api/session", body: body.bytes, headers: [("X-Forwarded-For", client)]).status
    }

    @Test func behindATrustedProxyOneGuessingClientDoesNotLockOutEveryFacilitator() async throws {
        try await withServer(configure: { $0.trustedProxies = [IPNetwork("127.0.0.1")!] }) { server in
            var attacker: [Int] = []
            for index in 0..<7 {
                attacker.append(try await Self.login(server.browser(), "guess \(index)", from: "198.51.100.7"))
            }
            #expect(attacker == [401, 401, 401, 401, 401, 429, 429])
            // Another client of the same proxy, with no device cookie yet, signs in.
            #expect(try await Self.login(server.browser(), TestServer.password, from: "203.0.113.20") == 200)
        }
    }

    @Test func aForgedForwardedForIsIgnoredWithoutATrustedProxy() async throws {
        try await withServer { server in
            var statuses: [Int] = []
            for index in 0..<7 {
                statuses.append(try await Self.login(server.browser(), "guess \(index)", from: "192.0.2.\(index + 1)"))
            }
            #expect(statuses == [401, 401, 401, 401, 401, 429, 429])
        }
    }

    @Test func forgedHopsLeftOfTheProxysOwnEntryAreNotBelieved() async throws {
        try await withServer(configure: { $0.trustedProxies = [IPNetwork("127.0.0.0/8")!, IPNetwork("10.0.0.0/8")!] }) { server in
            var statuses: [Int] = []
            for index in 0..<7 {
                // The client forges a fresh leftmost hop each time; the proxies append what they saw.
                statuses.append(try await Self.login(server.browser(), "guess \(index)", from: "6.6.6.\(index), 198.51.100.9, 10.1.2.3"))
            }
            #expect(statuses == [401, 401, 401, 401, 401, 429, 429])
        }
    }

    @Test func anIPv6ClientRotatingWithinItsSlash64CountsAsOne() async throws {
        try await withServer(configure: { $0.trustedProxies = [IPNetwork("127.0.0.1")!] }) { server in
            var statuses: [Int] = []
            for index in 0..<7 {
                statuses.append(try await Self.login(server.browser(), "guess \(index)", from: "2001:db8:1:2:\(index + 1)::\(index + 7)"))
            }
            #expect(statuses == [401, 401, 401, 401, 401, 429, 429])
            #expect(try await Self.login(server.browser(), TestServer.password, from: "2001:db8:1:3::1") == 200)
        }
    }

    @Test func theRightmostUntrustedHopIsTheClient() throws {
        let resolver = ClientAddressResolver(trustedProxies: [IPNetwork("10.0.0.0/8")!, IPNetwork("::1")!], header: .xForwardedFor)
        func client(_ peer: String, _ values: [String], header: String = "X-Forwarded-For", using: ClientAddressResolver? = nil) -> String? {
            var headers = HTTPHeaders()
            for value in values { headers.add(header, value) }
            let request = HTTPRequest(method: .get, path: "/", headers: headers, remoteAddress: peer)
            return (using ?? resolver).client(of: request)?.description
        }
        #expect(client("10.0.0.2", ["203.0.113.5"]) == "203.0.113.5")
        #expect(client("10.0.0.2", ["1.1.1.1, 203.0.113.5, 10.9.9.9"]) == "203.0.113.5")
        #expect(client("10.0.0.2", ["1.1.1.1", "203.0.113.5, 10.9.9.9"]) == "203.0.113.5")
        #expect(client("192.0.2.1", ["203.0.113.5"]) == "192.0.2.1")
        #expect(client("::ffff:10.0.0.2", ["203.0.113.5"]) == "203.0.113.5")
        #expect(client("10.0.0.2", ["10.0.0.7"]) == "10.0.0.7")
        #expect(client("10.0.0.2", ["203.0.113.5, unknown"]) == "10.0.0.2")
        #expect(client("10.0.0.2", []) == "10.0.0.2")
        let forwarded = ClientAddressResolver(trustedProxies: [IPNetwork("10.0.0.0/8")!], header: .forwarded)
        #expect(client("10.0.0.2", [#"for=1.1.1.1, for="[2001:db8:cafe::17]:4711";proto=https, For=10.0.0.3"#],
                       header: "Forwarded", using: forwarded) == "2001:db8:cafe::17")
        // With `forwarded` chosen, an X-Forwarded-For the client sent is not read.
        #expect(client("10.0.0.2", ["203.0.113.5"], using: forwarded) == "10.0.0.2")
    }

    @Test func addressesAndBlocksParse() {
        #expect(IPAddress("2001:db8:1:2::1")?.rateLimitKey == IPAddress("2001:db8:1:2:ffff::9")?.rateLimitKey)
        #expect(IPAddress("2001:db8:1:2::1")?.rateLimitKey == "2001:db8:1:2::/64")
        #expect(IPAddress("2001:db8:1:3::1")?.rateLimitKey != IPAddress("2001:db8:1:2::1")?.rateLimitKey)
        #expect(IPAddress("192.0.2.1")?.rateLimitKey == "192.0.2.1")
        #expect(IPAddress("[::1]:8080")?.description == "::1")
        #expect(IPAddress("192.0.2.1:8080")?.description == "192.0.2.1")
        #expect(IPAddress("fe80::1%eth0")?.description == "fe80::1")
        for bad in ["", "unknown", "_hidden", "1.2.3", "999.1.1.1", "[::1", "2001:db8::g"] {
            #expect(IPAddress(bad) == nil, "\(bad)")
        }
        #expect(IPNetwork("10.0.0.0/8")?.contains(IPAddress("10.255.1.2")!) == true)
        #expect(IPNetwork("10.0.0.0/8")?.contains(IPAddress("11.0.0.1")!) == false)
        #expect(IPNetwork("192.168.1.0/25")?.contains(IPAddress("192.168.1.127")!) == true)
        #expect(IPNetwork("192.168.1.0/25")?.contains(IPAddress("192.168.1.128")!) == false)
        #expect(IPNetwork("2001:db8::/32")?.contains(IPAddress("2001:db8:ffff::1")!) == true)
        #expect(IPNetwork("2001:db8::/32")?.contains(IPAddress("10.0.0.1")!) == false)
        #expect(IPNetwork("0.0.0.0/0")?.contains(IPAddress("8.8.8.8")!) == true)
        for bad in ["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "::/129", "nonsense", "10.0.0.1:80/8", "[::1]/128"] {
            #expect(IPNetwork(bad) == nil, "\(bad)")
        }
    }

    @Test func serveTakesRepeatedTrustedProxiesAndRefusesBadOnes() throws {
        guard case let .serve(configuration) = try Command.parse(["serve", "--trusted-proxy", "127.0.0.1", "--trusted-proxy=10.0.0.0/8",
                                                                 "--trusted-proxy", "::1", "--forwarded-header", "forwarded"]) else {
            Issue.record("not serve")
            return
        }
        #expect(configuration.trustedProxies.map(\.description) == ["127.0.0.1/32", "10.0.0.0/8", "::1/128"])
        #expect(configuration.forwardedHeader == .forwarded)
        #expect(throws: CommandLineError.self) { try Command.parse(["serve", "--trusted-proxy", "10.0.0.0/40"]) }
        #expect(throws: CommandLineError.self) { try Command.parse(["serve", "--forwarded-header", "x-real-ip"]) }
    }
}
