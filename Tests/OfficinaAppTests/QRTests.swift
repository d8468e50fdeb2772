import ChildProcesses
import Foundation
import Testing
@testable import OfficinaApp

@Suite(.timeLimit(.minutes(10))) struct QRTests {
    /// Renders the SVG with rsvg-convert and decodes it with zbarimg, like a phone camera would.
    func decode(_ svg: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("officina-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgFile = folder.appendingPathComponent("code.svg"), pngFile = folder.appendingPathComponent("code.png")
        try Data(svg).write(to: svgFile)
        try run("/usr/bin/rsvg-convert", ["-w", "400", "-o", pngFile.path, svgFile.path])
        return try run("/usr/bin/zbarimg", ["--quiet", "--raw", pngFile.path]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    func run(_ tool: String, _ arguments: [String]) throws -> String {
        try ChildProcess.run(tool, arguments).outputText
    }

    /// Fails, never skips, without the tools (`.ci/steps/05-install-qr-tools.sh` installs them).
    @Test func theQRCodeScansToTheJoinURL() async throws {
        for tool in ["/usr/bin/zbarimg", "/usr/bin/rsvg-convert"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: apt-get install zbar-tools librsvg2-bin")
        }
        try await withServer { server in
            let code = try server.seededCode(2)
            let response = try await server.browser().get("/api/workshops/\(code)/qr.svg")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("image/svg+xml") == true)
            let workshop = try await server.browser().get("/api/workshops/\(code)")
            let decoded = try await offPool { try self.decode(response.body) }
            #expect(decoded == "http://127.0.0.1:\(server.port)/w/\(code)")
            #expect(decoded == workshop.json["joinUrl"]?.stringValue)
        }
    }

    @Test func thePublicURLWinsOverTheHostHeader() async throws {
        try await withServer(configure: { $0.publicURL = "https://officina.example.org" }) { server in
            let code = try server.seededCode()
            let workshop = try await server.browser().get("/api/workshops/\(code)", headers: [])
            #expect(workshop.json["joinUrl"]?.stringValue == "https://officina.example.org/w/\(code)")
            let svg = try await server.browser().get("/api/workshops/\(code)/qr.svg")
            #expect(svg.text.contains("officina.example.org"))
        }
    }
}
