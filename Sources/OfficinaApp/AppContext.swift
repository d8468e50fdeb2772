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
    public let loginThrottle: LoginThrottle
    public let joinLimiter: RateLimiter
    public let hashing: WorkerPool
    public let hub: LiveHub
    /// Open live streams per participant, facilitator session and anonymous address.
    let liveStreams = LiveStreamQuota()
    let passwords: PasswordHasher
    /// Most answers kept: one per weighting a facilitator tries, per language and audience.
    let rankings = RankingCache(capacity: 64)
    /// Who may read which workshop's results, by store generation (``ResultAccess``).
    let resultAccess = ResultAccessCache(capacity: 256)
    /// Workshops' counted ballots between rankings, re-read only where rewritten.
    let ballotCache: CountedBallotCache
    /// `GET /api/workshops/{code}` answers by store generation.
    let workshopAnswers = GenerationCache<WorkshopAnswerKey, EncodedAnswer>(capacity: 256)
    /// Proposal lists' store reads by store generation, and each proposal's encoded pieces.
    let proposalLists = GenerationCache<String, ProposalListSnapshot>(capacity: 64)
    /// What those lists read that no ballot changes, by workshop code, under `contentGeneration`.
    let proposalContents = GenerationCache<String, ProposalListContent>(capacity: 64)
    let proposalPieces = ProposalPieceCache()
    /// Whole proposal lists for viewers without a participant cookie, by store generation.
    let proposalListAnswers = GenerationCache<ProposalListKey, EncodedAnswer>(capacity: 128)
    /// Every proposal of a list encoded per audience with its tally, by store generation.
    let proposalListEncodings = GenerationCache<ProposalListKey, ProposalListEncoding>(capacity: 128)
    /// Participant cookies' holders and what their ballots cover, by store generation.
    let listParticipants = GenerationCache<ListParticipant.Key, ListParticipant>(capacity: 20_000)
    /// Ballot requests' workshop and participant by code and cookie, under `contentGeneration`.
    let voters = GenerationCache<VoterKey, KnownVoter>(capacity: 20_000)
    /// The workshop-wide part of participants' proposal orders, by store generation.
    let exposureBases = GenerationCache<Int64, ExposureBasis>(capacity: 64)
    /// Which proposals each workshop's balanced order focuses on, from a ranking made now and then.
    let exposureFocus = ExposureFocusCache()
    /// Participants' random permutations of their workshop's proposals.
    let exposureShuffles = ExposureShuffleCache()
    /// Participants' last balanced orders, while what they were arranged from is unchanged.
    let exposureOrders = ExposureOrderCache()
    /// Who a request comes from, behind trusted proxies too.
    public let clientAddresses: ClientAddressResolver
    /// The port the server listens on once started (the configured one may be 0).
    private let listeningPort = Protected<Int?>(nil)
    /// Moves workshops on at their deadline when their facilitator chose so.
    public let deadlines = DeadlineScheduler()
    let exposures = ExposureLedger()

    public init(configuration: AppConfiguration, store: Store) {
        self.configuration = configuration
        self.store = store
        ballotCache = CountedBallotCache()
        cookies = CookiePolicy(secure: configuration.secureCookies)
        loginThrottle = LoginThrottle(burst: configuration.loginBurst, perSecond: configuration.loginRefillPerSecond)
        clientAddresses = ClientAddressResolver(trustedProxies: configuration.trustedProxies, header: configuration.forwardedHeader)
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
        let fallback = "\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(boundPort)"
        let host = request.headers["Host"].flatMap { Self.isPlausibleHost($0) ? $0 : nil } ?? fallback
        return (configuration.secureCookies ? "https://" : "http://") + host
    }

    /// Records the port the server is listening on, for links built without a usable `Host`.
    public func serverStarted(port: Int) {
        listeningPort.withLock { $0 = port }
    }

    /// The port links use: the bound one once the server listens, else the configured one.
    var boundPort: Int { listeningPort.withLock { $0 } ?? configuration.port }

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
