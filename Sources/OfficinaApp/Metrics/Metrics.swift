import Foundation

/// The server's counters, exposed at `GET /metrics` in the Prometheus text exposition format
/// (https://prometheus.io/docs/instrumenting/exposition_formats/).
public final class Metrics: Sendable {
    struct State {
        var ballots = 0
        var events: [String: Int] = [:]
    }

    /// Requests counted and timed by one group of threads.
    struct RequestShard {
        var requests: [RequestKey: Int] = [:]
        var latency = Histogram(bounds: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5])
    }

    struct RequestKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private let state = Protected(State())
    /// Every request is counted in the shard its thread's id picks, so the I/O threads answering
    /// at once (100,000 and more requests a second) do not queue on one lock; rendering adds them.
    private let shards = (0..<8).map { _ in Protected(RequestShard()) }
    /// Reads the number of open live streams when rendering.
    let openStreams: @Sendable () -> Int
    /// Reads the store writer's counters (transactions, writes) when rendering.
    let writer: @Sendable () -> (transactions: Int, writes: Int)

    public init(openStreams: @escaping @Sendable () -> Int = { 0 },
                writer: @escaping @Sendable () -> (transactions: Int, writes: Int) = { (0, 0) }) {
        self.openStreams = openStreams
        self.writer = writer
    }

    public func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        let thread = UInt64(pthread_self())
        shards[Int(truncatingIfNeeded: (thread &* 0x9E37_79B9_7F4A_7C15) >> 61)].withLock { shard in
            shard.requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
            shard.latency.observe(seconds)
        }
    }

    public func recordBallotWritten() {
        state.withLock { $0.ballots += 1 }
    }

    public func recordEvent(kind: String) {
        state.withLock { $0.events[kind, default: 0] += 1 }
    }

    /// The exposition text.
    public func render() -> String {
        let snapshot = state.withLock { $0 }
        var requests = RequestShard()
        for shard in shards {
            shard.withLock { shard in
                requests.requests.merge(shard.requests, uniquingKeysWith: +)
                requests.latency.add(shard.latency)
            }
        }
        var lines: [String] = []
        lines.append("# HELP officina_http_requests_total HTTP requests answered, by method, route and status.")
        lines.append("# TYPE officina_http_requests_total counter")
        for (key, count) in requests.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            lines.append("officina_http_requests_total{method=\"\(Self.escape(key.method))\",route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# HELP officina_http_request_duration_seconds Time from request to response head.")
        lines.append("# TYPE officina_http_request_duration_seconds histogram")
        lines += requests.latency.lines("officina_http_request_duration_seconds")
        lines.append("# HELP officina_live_streams Open server-sent event streams.")
        lines.append("# TYPE officina_live_streams gauge")
        lines.append("officina_live_streams \(openStreams())")
        lines.append("# HELP officina_ballots_written_total Ballots stored (each PUT that changed a ballot).")
        lines.append("# TYPE officina_ballots_written_total counter")
        lines.append("officina_ballots_written_total \(snapshot.ballots)")
        // Group commit: writes per transaction is the batch size; its mean over any window is
        // rate(officina_db_writes_total) / rate(officina_db_write_transactions_total).
        let writer = writer()
        lines.append("# HELP officina_db_write_transactions_total Transactions the store's writer committed (each one batch).")
        lines.append("# TYPE officina_db_write_transactions_total counter")
        lines.append("officina_db_write_transactions_total \(writer.transactions)")
        lines.append("# HELP officina_db_writes_total Writes the store's writer ran inside those transactions.")
        lines.append("# TYPE officina_db_writes_total counter")
        lines.append("officina_db_writes_total \(writer.writes)")
        lines.append("# HELP officina_db_write_batch_size_mean Mean writes per transaction since start.")
        lines.append("# TYPE officina_db_write_batch_size_mean gauge")
        lines.append("officina_db_write_batch_size_mean \(writer.transactions == 0 ? 0 : Double(writer.writes) / Double(writer.transactions))")
        lines.append("# HELP officina_live_events_total Live events published, by kind.")
        lines.append("# TYPE officina_live_events_total counter")
        for (kind, count) in snapshot.events.sorted(by: { $0.key < $1.key }) {
            lines.append("officina_live_events_total{kind=\"\(Self.escape(kind))\"} \(count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Label values escape `\`, `"` and newlines.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
