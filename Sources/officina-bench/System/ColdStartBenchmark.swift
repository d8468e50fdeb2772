import Foundation
import OfficinaStore

/// Cold start: launch `officina serve` on a database holding many ballots and time the first
/// answered `/healthz` and the first answered ranking. The database is built by voting 1,000
/// ballots through the API, then copying participants and their ballots in SQL (sqlite3) up to
/// the wanted count, each copy with its rows and packed content as the ballot writer leaves them —
/// the server's start-up does not care how the rows got there.
///
/// One more launch is timed apart: the first start after upgrading from a version without packed
/// contents ("22-ballot-content"), whose migration packs every ballot once before serving.
enum ColdStartBenchmark {
    struct Result {
        var ballots: Int
        var databaseMiB: Double
        var healthz: Double   // seconds, median
        var ranking: Double
        /// Launch → first ranking on the first start after the upgrade (the migration packing every ballot).
        var rankingAfterUpgrade: Double
        /// Launch → first ranking with the workshop on `officina-1` (read from the running tallies).
        var rankingTallied: Double
    }

    static func run(_ options: SystemOptions) throws -> Result {
        let base = min(1_000, options.coldBallots)
        let (server, fixture) = try OfficinaServer.withWorkshop(options, label: "cold", proposals: 200, participants: base)
        try fixture.vote(0..<base)
        server.stop()
        try grow(database: server.database, code: fixture.code, to: options.coldBallots)
        let count = try Bench.run("/usr/bin/sqlite3", [server.database, "SELECT count(*) FROM ballots;"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: server.database)[.size] as? Int) ?? 0
        Bench.say("cold start (\(count) ballots, \(Bench.format(Double(bytes) / 1_048_576, 1)) MiB database, \(options.runs + 2) launches):")
        var healthz: [Double] = [], ranking: [Double] = []
        for _ in 0..<(options.runs + 2) {
            let (first, ranked) = try launch(server, fixture)
            healthz.append(first)
            ranking.append(ranked)
        }
        // The database as an older version left it: no content column, the migration not run.
        try Bench.run("/usr/bin/sqlite3", [server.database], input: """
            ALTER TABLE ballots DROP COLUMN content;
            DELETE FROM officina_migrations WHERE id = '22-ballot-content';
            """, mergeErrors: true)
        let (_, upgraded) = try launch(server, fixture)
        // The same launches with the workshop on officina-1, whose ranking reads the running tallies.
        _ = try server.start()
        try expect(fixture.facilitator().send("PATCH", "/api/workshops/\(fixture.code)/scoring", json: #"{"method":"officina-1"}"#),
                   200, "scoring officina-1")
        server.stop()
        var tallied: [Double] = []
        for _ in 0..<(options.runs + 2) {
            tallied.append(try launch(server, fixture).ranking)
        }
        let result = Result(ballots: Int(count) ?? 0, databaseMiB: Double(bytes) / 1_048_576,
                            healthz: Bench.median(healthz), ranking: Bench.median(ranking),
                            rankingAfterUpgrade: upgraded, rankingTallied: Bench.median(tallied))
        Bench.say("  launch → first /healthz: median \(Bench.format(result.healthz * 1000)) ms [\(healthz.map { Bench.format($0 * 1000) }.joined(separator: " "))]")
        Bench.say("  launch → first ranking: median \(Bench.format(result.ranking * 1000)) ms [\(ranking.map { Bench.format($0 * 1000) }.joined(separator: " "))]")
        Bench.say("  launch → first ranking, first start after the upgrade (packs every ballot): \(Bench.format(result.rankingAfterUpgrade * 1000)) ms")
        Bench.say("  launch → first ranking, officina-1: median \(Bench.format(result.rankingTallied * 1000)) ms [\(tallied.map { Bench.format($0 * 1000) }.joined(separator: " "))]")
        return result
    }

    /// Starts the server, asks for the ranking, stops it: seconds to the first `/healthz` and to the ranking.
    private static func launch(_ server: OfficinaServer, _ fixture: WorkshopFixture) throws -> (healthz: Double, ranking: Double) {
        let launched = ContinuousClock.now
        let first = try server.start()
        try expect(fixture.facilitator().send("GET", "/api/workshops/\(fixture.code)/ranking"), 200, "ranking after start")
        let ranked = Bench.seconds(ContinuousClock.now - launched)
        server.stop()
        return (first, ranked)
    }

    /// Copies participants and their ballots (support and ratings) until the workshop holds
    /// `target` ballots; each copy repeats an existing ballot, in one transaction.
    static func grow(database: String, code: String, to target: Int) throws {
        let sql = """
            PRAGMA foreign_keys=ON;
            BEGIN IMMEDIATE;
            CREATE TEMP TABLE w AS SELECT id FROM workshops WHERE code = '\(code)';
            CREATE TEMP TABLE template AS
              SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM ballots WHERE workshop_id = (SELECT id FROM w);
            CREATE TEMP TABLE extra(n INTEGER PRIMARY KEY);
            WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c
                                    WHERE n < \(target) - (SELECT count(*) FROM template))
              INSERT INTO extra SELECT n FROM c WHERE \(target) > (SELECT count(*) FROM template);
            INSERT INTO participants (workshop_id, name, token_hash, joined_at)
              SELECT (SELECT id FROM w), 'Copy ' || n, 'copy-' || n || '-' || lower(hex(randomblob(16))),
                     (SELECT max(joined_at) FROM participants) FROM extra;
            INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at)
              SELECT (SELECT id FROM w), p.id, p.joined_at, p.joined_at FROM participants p
              WHERE p.workshop_id = (SELECT id FROM w) AND p.name LIKE 'Copy %';
            CREATE TEMP TABLE copies AS
              SELECT b.id AS ballot, t.id AS source FROM ballots b
              JOIN participants p ON p.id = b.participant_id AND p.name LIKE 'Copy %'
              JOIN template t ON t.k = b.id % (SELECT count(*) FROM template);
            INSERT INTO ballot_support (ballot_id, proposal_id, dots)
              SELECT c.ballot, s.proposal_id, s.dots FROM copies c JOIN ballot_support s ON s.ballot_id = c.source;
            INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value)
              SELECT c.ballot, r.proposal_id, r.goal_key, r.value FROM copies c JOIN ballot_ratings r ON r.ballot_id = c.source;
            UPDATE ballots SET content = s.content FROM copies c JOIN ballots s ON s.id = c.source WHERE ballots.id = c.ballot;
            DELETE FROM support_tallies;
            DELETE FROM rating_tallies;
            DELETE FROM rater_tallies;
            \(BallotRepository.rebuildSQL.joined(separator: ";\n"));
            COMMIT;
            PRAGMA wal_checkpoint(TRUNCATE);
            """
        try Bench.run("/usr/bin/sqlite3", [database], input: sql, mergeErrors: true)
    }
}
