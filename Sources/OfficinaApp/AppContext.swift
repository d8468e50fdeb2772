import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// What every route shares: the store, the live hub, the metrics, the cookie policy, the rate
/// limiters and the password-hashing threads. Built once by `Application`.
public final class AppContext: Sendable {
    public let configuration: AppConfiguration
    public let store: Store
    public let metrics: Metrics
    public let cookies: CookiePolicy
    public let loginLimiter: RateLimiter
    public let joinLimiter: RateLimiter
    public let hashing: WorkerPool
    public let hub: LiveHub
    let passwords: PasswordHasher
    let rankings = RankingCache()
    let exposures = ExposureLedger()

    public init(configuration: AppConfiguration, store: Store) {
        self.configuration = configuration
        self.store = store
        cookies = CookiePolicy(secure: configuration.secureCookies)
        loginLimiter = RateLimiter(burst: configuration.loginBurst, perSecond: configuration.loginRefillPerSecond)
        joinLimiter = RateLimiter(burst: configuration.joinBurst, perSecond: configuration.joinRefillPerSecond)
        hashing = WorkerPool(threads: configuration.hashingThreads, maxPending: 64, name: "officina-pbkdf2")
        passwords = PasswordHasher(pool: hashing, iterations: configuration.pbkdf2Iterations)
        let hub = LiveHub(source: StoreLiveSource(store: store), maxTalliesPerSecond: configuration.maxTalliesPerSecond)
        self.hub = hub
        metrics = Metrics(openStreams: { hub.openStreams }, writer: {
            let statistics = store.writerStatistics
            return (statistics.transactions, statistics.writes)
        })
    }

    /// The base URL for links: `--public-url`, else the request's `Host`.
    public func baseURL(for request: HTTPRequest) -> String {
        if let publicURL = configuration.publicURL { return publicURL }
        let host = request.headers["Host"].flatMap { Self.isPlausibleHost($0) ? $0 : nil } ?? "\(configuration.host):\(configuration.port)"
        return (configuration.secureCookies ? "https://" : "http://") + host
    }

    /// The join URL of a workshop.
    public func joinURL(code: String, request: HTTPRequest) -> String {
        "\(baseURL(for: request))/w/\(code)"
    }

    /// A `Host` value that can go into a link: a name or address and an optional port, nothing else.
    static func isPlausibleHost(_ host: String) -> Bool {
        !host.isEmpty && host.count <= 255 && host.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || ".-:[]".unicodeScalars.contains($0)
        }
    }
}
