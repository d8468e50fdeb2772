import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Officina's application: the store opened and prepared, the shared context, and the router
/// with every route of docs/api.md and its middleware, frozen before the server listens.
///
///     let app = try Application(configuration: configuration)
///     let setupLink = try app.prepareFirstRun()
///     let server = HTTPServer(configuration: …, responder: app.router)
public final class Application: Sendable {
    public let context: AppContext
    public let router: Router
    /// The method and pattern of every route, e.g. `GET /api/workshops/:code`.
    public let routes: [(method: String, pattern: String)]
    /// On PostgreSQL, what the other instances announce (live events, tallies, changes).
    let instances: PostgresListener?

    public init(configuration: AppConfiguration, store: Store) {
        context = AppContext(configuration: configuration, store: store)
        let hub = context.hub
        instances = store.listenToInstances { payload in hub.instanceAnnounced(payload) }
        if instances != nil { hub.deliverEventsFromStore() }
        (router, routes) = Self.makeRouter(context)
        context.rearmDeadlines()
    }

    public convenience init(configuration: AppConfiguration) throws {
        self.init(configuration: configuration, store: try Store.open(configuration.databasePath))
    }

    static func makeRouter(_ context: AppContext) -> (Router, [(method: String, pattern: String)]) {
        var routes = RouteTable(router: Router())
        OperationsRoutes(context: context).register(&routes)
        IdentityRoutes(context: context).register(&routes)
        ProgrammeRoutes(context: context).register(&routes)
        WorkshopRoutes(context: context).register(&routes)
        JoinRoutes(context: context).register(&routes)
        ProposalRoutes(context: context).register(&routes)
        ScoringRoutes(context: context).register(&routes)
        ModerationRoutes(context: context).register(&routes)
        ProposalNoteRoutes(context: context).register(&routes)
        BallotRoutes(context: context).register(&routes)
        PairwiseRoutes(context: context).register(&routes)
        LiveRoutes(context: context).register(&routes)
        ResultRoutes(context: context).register(&routes)
        QRRoutes(context: context).register(&routes)
        ProgrammeResultRoutes(context: context).register(&routes)
        OfferRoutes(context: context).register(&routes)
        FollowUpRoutes(context: context).register(&routes)
        ReturnLinkRoutes(context: context).register(&routes)
        PrivacyRoutes(context: context).register(&routes)
        PeopleRoutes(context: context).register(&routes)
        ClusterRoutes(context: context).register(&routes)
        let pages = PageRoutes(context: context)
        pages.register(&routes)
        var router = routes.router
        router.errorResponder = { _, error in ErrorResponse.response(for: error) }
        pages.installFallback(on: &router)
        router.use(RequestMetrics(metrics: context.metrics))
        router.use(SecurityHeaders())
        if let hosts = HostCheck(publicURL: context.configuration.publicURL) { router.use(hosts) }
        router.use(OriginCheck(publicURL: context.configuration.publicURL, secure: context.configuration.secureCookies,
                               addresses: context.clientAddresses))
        return (router, routes.patterns.map { ($0.method.rawValue, $0.pattern) })
    }

    /// Stops live streams and the hashing threads, and closes the store (which checkpoints the WAL).
    public func shutdown() {
        context.deadlines.stop()
        instances?.stop()
        context.hub.closeAll()
        context.hashing.stop()
        context.store.close()
    }
}
