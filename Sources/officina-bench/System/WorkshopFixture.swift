import Foundation

/// A generated workshop on a running `officina serve`, built through the public API the way a
/// facilitator and a room of phones would: a facilitator signs in, creates a programme and a dots
/// workshop, a few authors add the proposals, participants join, and (optionally) everyone votes.
///
/// Joins are rate-limited per client address, so each client binds its own loopback source address
/// (127.10.x.y); on Linux the whole 127/8 block reaches the loopback interface.
struct WorkshopFixture: Sendable {
    struct Participant: Sendable {
        let id: Int
        let cookie: String
    }

    static let username = "bench"
    static let password = "bench-password-1234"
    static let goals = ["space", "partnerships", "community"]

    let port: Int
    let code: String
    let facilitatorCookie: String
    let proposalIDs: [Int]
    let participants: [Participant]

    var cookieName: String { "officina_p_\(code)" }

    /// Creates the facilitator account in `database` before the server starts (PBKDF2 iterations
    /// low: signing in is not what we measure).
    static func addFacilitator(officina: String, database: String) throws {
        try Bench.run(officina, ["user", "add", username, "--password-stdin", "--db", database, "--pbkdf2-iterations", "1000"],
                      input: password + "\n", mergeErrors: true)
    }

    /// Builds the workshop; participants join but do not vote.
    static func create(port: Int, proposals: Int, participants count: Int, threads: Int = 8) throws -> WorkshopFixture {
        let facilitator = RawHTTPClient(port: port)
        try expect(facilitator.send("POST", "/api/session", json: #"{"username":"\#(username)","password":"\#(password)"}"#), 200, "sign in")
        guard let session = facilitator.cookies["officina_session"] else { throw BenchError("sign-in set no officina_session cookie") }
        let goals = Self.goals.map { #"{"key":"\#($0)","label":{"it":"\#($0)","en":"\#($0)"},"weight":1}"# }.joined(separator: ",")
        let programme = try expect(facilitator.send("POST", "/api/programmes",
            json: #"{"title":{"it":"Bench","en":"Bench"},"description":{"it":"","en":""},"goals":[\#(goals)]}"#), 201, "create programme")
        guard let programmeID = programme.json?["id"] as? Int else { throw BenchError("programme without id") }
        let settings = #"{"votingMethod":"dots","dotBudget":5,"perProposalCap":3,"ratingsEnabled":true,"showLiveTallies":true,"proposalsPerParticipant":20,"maxProposals":2000}"#
        let workshop = try expect(facilitator.send("POST", "/api/programmes/\(programmeID)/workshops",
            json: #"{"theme":"design","title":{"it":"Bench","en":"Bench"},"description":{"it":"","en":""},"settings":\#(settings)}"#),
            201, "create workshop")
        guard let code = workshop.json?["code"] as? String else { throw BenchError("workshop without code") }
        try expect(facilitator.send("POST", "/api/workshops/\(code)/phase", json: #"{"phase":"collecting"}"#), 200, "phase collecting")

        // Authors: one per 20 proposals; they never vote, so no ballot supports its own author.
        let authorCount = max(1, (proposals + 19) / 20)
        let authors = try join(port: port, code: code, count: authorCount, firstIndex: 1_000_000, threads: threads)
        let ids = Locked([Int]())
        try Bench.parallel(proposals, threads: min(threads, authorCount)) { _, index in
            let author = RawHTTPClient(port: port)
            author.cookies["officina_p_\(code)"] = authors[index % authorCount].cookie
            let goal = Self.goals[index % Self.goals.count]
            let response = try expect(author.send("POST", "/api/workshops/\(code)/proposals",
                json: #"{"title":"Proposal \#(index) for the hub","body":"A generated idea number \#(index), long enough to look like a real one.","goals":["\#(goal)"]}"#),
                201, "add proposal")
            guard let id = response.json?["id"] as? Int else { throw BenchError("proposal without id") }
            ids.withValue { $0.append(id) }
        }
        try expect(facilitator.send("POST", "/api/workshops/\(code)/phase", json: #"{"phase":"voting"}"#), 200, "phase voting")
        let voters = try join(port: port, code: code, count: count, firstIndex: 0, threads: threads)
        return WorkshopFixture(port: port, code: code, facilitatorCookie: session, proposalIDs: ids.current.sorted(), participants: voters)
    }

    /// `count` participants join, each from a client with an empty cookie jar; 50 joins per
    /// source address keeps every address inside the server's join burst.
    static func join(port: Int, code: String, count: Int, firstIndex: Int, threads: Int) throws -> [Participant] {
        let joined = Locked([Int: Participant]())
        try Bench.parallel(count, threads: threads) { _, index in
            let slot = (firstIndex + index) / 50
            let client = RawHTTPClient(port: port, sourceAddress: "127.10.\(slot / 250 % 250).\(slot % 250 + 1)")
            let response = try expect(client.send("POST", "/api/join", json: #"{"code":"\#(code)","name":"Voter \#(firstIndex + index)"}"#), 201, "join")
            guard let cookie = client.cookies["officina_p_\(code)"],
                  let id = (response.json?["participant"] as? [String: Any])?["id"] as? Int else {
                throw BenchError("join answered without a participant cookie or id")
            }
            joined.withValue { $0[index] = Participant(id: id, cookie: cookie) }
        }
        let all = joined.current
        return (0..<count).compactMap { all[$0] }
    }

    /// A plausible ballot for voter `index`: 5 dots over 3 proposals (2+2+1) and ratings of 0–4 on
    /// every goal for 4 proposals, chosen by a fixed pseudo-random walk so runs are repeatable.
    func ballot(_ index: Int, variant: Int = 0) -> String {
        var state = UInt64(truncatingIfNeeded: index &* 2_654_435_761 &+ variant &* 40_503 &+ 1)
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var chosen: [Int] = []
        while chosen.count < min(7, proposalIDs.count) {
            let id = proposalIDs[next(proposalIDs.count)]
            if !chosen.contains(id) { chosen.append(id) }
        }
        let dots = [2, 2, 1]
        let support = chosen.prefix(3).enumerated().map { #""\#($0.element)":\#(dots[$0.offset])"# }.joined(separator: ",")
        let ratings = chosen.dropFirst(3).map { id in
            #""\#(id)":{"# + Self.goals.map { #""\#($0)":\#(next(5))"# }.joined(separator: ",") + "}"
        }.joined(separator: ",")
        return #"{"support":{\#(support)},"ratings":{\#(ratings)}}"#
    }

    /// Every participant in `range` puts a ballot, `threads` at a time, one connection per thread.
    func vote(_ range: Range<Int>, threads: Int = 8, variant: Int = 0) throws {
        let fixture = self
        let clients = ClientSet(count: threads, port: port)
        try Bench.parallel(range.count, threads: threads) { thread, offset in
            let index = range.lowerBound + offset
            let client = clients[thread]
            client.cookies = [fixture.cookieName: fixture.participants[index].cookie]
            try expect(client.send("PUT", "/api/workshops/\(fixture.code)/ballot", json: fixture.ballot(index, variant: variant)), 200, "put ballot")
        }
    }

    /// A client signed in as the facilitator.
    func facilitator() -> RawHTTPClient {
        let client = RawHTTPClient(port: port)
        client.cookies["officina_session"] = facilitatorCookie
        return client
    }
}

/// Throws unless the response has the expected status; returns it.
@discardableResult
func expect(_ response: RawResponse, _ status: Int, _ what: String) throws -> RawResponse {
    guard response.status == status else {
        throw BenchError("\(what): expected \(status), got \(response.status): \(response.text.prefix(300))")
    }
    return response
}
