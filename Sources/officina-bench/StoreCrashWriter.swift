// The child process of the store's crash test (Tests/OfficinaStoreTests/Database/StoreCrashTests.swift).
import Foundation
import OfficinaCore
import OfficinaStore

/// `officina-bench store crash-writer DB LOG [--writers N]`: writes ballots from N threads forever
/// and appends one line `token proposalID dots` to LOG after each write's commit returned. The test
/// kills it with SIGKILL at random moments and checks that every logged write survived.
struct StoreCrashWriter {
    let databasePath: String
    let logPath: String
    var writers = 4

    init(_ arguments: ArraySlice<String>) throws {
        let positional = Array(arguments.prefix(2))
        guard positional.count == 2 else { throw StoreCrashWriterError.usage }
        databasePath = positional[0]
        logPath = positional[1]
        if let index = arguments.firstIndex(of: "--writers"), index + 1 < arguments.endIndex, let count = Int(arguments[index + 1]) {
            writers = count
        }
    }

    func run() throws {
        let store = try Store(path: databasePath)
        let (workshopID, proposals) = try store.writeBlocking { db in try Self.prepare(db) }
        let log = open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard log >= 0 else { throw StoreCrashWriterError.cannotOpenLog(logPath) }
        let run = UUID().uuidString.prefix(8)
        for thread in 0..<writers {
            Thread { Self.writeForever(store, workshopID, proposals, log: log, prefix: "\(run)-\(thread)") }.start()
        }
        while true {
            sleep(60)
        }
    }

    /// Writes ballot after ballot, logging each once its commit returned.
    private static func writeForever(_ store: Store, _ workshopID: Int64, _ proposals: [Int64], log: Int32, prefix: String) {
        var count = 0
        while true {
            count += 1
            let token = "\(prefix)-\(count)"
            let proposal = proposals[count % proposals.count]
            let dots = 1 + count % 3
            do {
                try store.writeBlocking { db in
                    let participant = try db.participants.create(workshopID: workshopID, name: "c", tokenHash: token)
                    try db.ballots.replace(
                        Ballot(participantID: participant.id, support: [proposal: dots], ratings: [proposal: ["space": dots]]),
                        workshopID: workshopID
                    )
                }
            } catch {
                FileHandle.standardError.write(Data("crash-writer: \(error)\n".utf8))
                exit(1)
            }
            // Acknowledged: the commit returned. One write(2) per line.
            let line = Array("\(token) \(proposal) \(dots)\n".utf8)
            _ = line.withUnsafeBytes { Glibc.write(log, $0.baseAddress, $0.count) }
        }
    }

    /// The workshop and proposals the ballots go to, created on the first run only.
    private static func prepare(_ db: any SQLDatabase) throws -> (Int64, [Int64]) {
        if let workshop = try db.programmes.list().first?.workshops.first {
            return (workshop.id, try db.proposals.list(workshopID: workshop.id).map(\.proposal.id))
        }
        let goal = Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"))
        let programme = try db.programmes.create(title: .init(it: "Crash", en: "Crash"), description: .init(it: "", en: ""), goals: [goal])
        let workshop = try db.workshops.create(
            programmeID: programme.id, theme: "crash", title: .init(it: "C", en: "C"), description: .init(it: "", en: ""), phase: .voting
        )
        let author = try db.participants.create(workshopID: workshop.id, name: "autore", tokenHash: "author")
        let proposals = try (0..<5).map {
            try db.proposals.create(workshopID: workshop.id, authorID: author.id, title: "P\($0)", body: "", goals: ["space"]).id
        }
        return (workshop.id, proposals)
    }
}

enum StoreCrashWriterError: Error, CustomStringConvertible {
    case usage
    case cannotOpenLog(String)

    var description: String {
        switch self {
        case .usage: "usage: officina-bench store crash-writer DB LOG [--writers N]"
        case .cannotOpenLog(let path): "cannot open \(path)"
        }
    }
}
