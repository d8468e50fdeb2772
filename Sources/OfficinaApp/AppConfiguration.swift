import Foundation

/// Everything `officina serve` can be told, with the defaults `--help` prints.
public struct AppConfiguration: Sendable {
    /// Address to listen on. Default `127.0.0.1`.
    public var host = "127.0.0.1"
    /// Port to listen on; 0 picks a free one (tests). Default 8080.
    public var port = 8080
    /// The SQLite file or a `postgres://` URL. Default `$OFFICINA_DB`, else `./officina.db`.
    public var databasePath = ProcessInfo.processInfo.environment["OFFICINA_DB"] ?? "./officina.db"
    /// The folder of the browser app. Default `./web`; `officina serve` without `--web` falls back to
    /// `web/` beside the executable when the working directory has none (`defaultWebRoot`).
    public var webRoot = "./web"
    /// The folder holding `programme.json`, loaded into an empty database. Default: `seeds`
    /// next to the web folder.
    public var seedsPath: String?
    /// Mark cookies `Secure` with the `__Host-` prefix (when served over TLS). Default off.
    public var secureCookies = false
    /// PBKDF2 iterations for new password hashes. Default 600,000 (OWASP 2023).
    public var pbkdf2Iterations = 600_000
    /// The URL people reach the server at, for join links and QR codes, e.g.
    /// `https://officina.example.org`. Default: taken from each request's `Host`.
    public var publicURL: String?
    /// How long a facilitator stays signed in. Default 12 hours.
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// How long a participant cookie lasts. Default 30 days.
    public var participantLifetime: TimeInterval = 30 * 86_400
    /// How long the first-run setup link works. Default 1 hour; each start replaces the link.
    public var setupLifetime: TimeInterval = 3600
    /// Failed logins one address may make in a burst for one username (or one browser for its own
    /// account), and how fast the allowance refills. Default 5, then one every 12 seconds. See
    /// `LoginThrottle` for the wider per-address and per-account allowances derived from these.
    public var loginBurst = 5
    public var loginRefillPerSecond = 1.0 / 12
    /// Joins one address may make in a burst, and the refill rate. A room on one Wi-Fi shares an
    /// address, so this is generous: a room of 300 behind one router joins within a minute.
    /// Default 200, then 5 a second.
    public var joinBurst = 200
    public var joinRefillPerSecond = 5.0
    /// Live streams one participant may hold open (tabs, devices). Default 4.
    public var maxStreamsPerParticipant = 4
    /// Live streams one facilitator session may hold open (console, projector, tabs). Default 8.
    public var maxStreamsPerFacilitatorSession = 8
    /// Live streams one address may hold open without a participant or facilitator cookie, e.g.
    /// projectors and people who have not joined yet. Generous because a whole room may share a
    /// venue router's address; participants are counted by participant, not address. Default 64.
    public var maxAnonymousStreamsPerAddress = 64
    /// Most `tally` events per second per workshop. Default 4.
    public var maxTalliesPerSecond = 4.0
    /// Threads hashing passwords, apart from the I/O and cooperative threads. Default 2.
    public var hashingThreads = 2
    /// Seconds a client has to send a whole request head before it gets 408 and is closed
    /// (slow-header defence). Default 10.
    public var headerTimeout: TimeInterval = 10
    /// Proxies whose forwarding header is believed (`--trusted-proxy`). Default none: the TCP peer is the client.
    public var trustedProxies: [IPNetwork] = []
    /// The header trusted proxies write the client's address in. Default `X-Forwarded-For`.
    public var forwardedHeader = ForwardedHeader.xForwardedFor
    /// How long a device cookie marks a browser a facilitator signed in from. Default 90 days.
    public var deviceLifetime: TimeInterval = 90 * 86_400
    /// Print one access-log line per request on stdout. Default on.
    public var accessLog = true

    public init() {}

    /// The seeds folder to use: `--seeds`, else `seeds/` beside the web folder.
    public var resolvedSeedsPath: String {
        if let seedsPath { return seedsPath }
        let web = URL(fileURLWithPath: webRoot).standardizedFileURL
        return web.deletingLastPathComponent().appendingPathComponent("seeds").path
    }
}
