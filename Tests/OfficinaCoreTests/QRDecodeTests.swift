import ChildProcesses
import Foundation
import Testing
@testable import OfficinaCore

/// Round trips through independent software: our SVG is rendered to PNG by librsvg (`rsvg-convert`) and
/// read back by ZBar (`zbarimg --raw -q`, Debian's zbar-tools). Running those two programs is the only
/// I/O in OfficinaCore's tests. A missing tool fails the test with instructions; nothing is skipped.
@Suite(.timeLimit(.minutes(3))) struct QRDecodeTests {
    @Test(arguments: [
        "http://127.0.0.1:8080/w/ACD347",
        "https://officina.example.org/w/ACD347?lang=it&from=screen&campaign=co-creation-hub-programme-2026"
            + "&note=" + String(repeating: "x", count: 150 - 97),
        "Città perché",
        "A",
        "Perché non un orto comunitario sul tetto della ex-fabbrica? Città, quartiere e scuole insieme: "
            + "una proposta per lo spazio, le partnership e la comunità — 🌱",
    ])
    func zbarReadsBackTheJoinURLsAndAccentedText(text: String) throws {
        let code = try QRCode(encoding: text)
        #expect(try Self.decode(code.svg()) == text, "version \(code.version), mask \(code.mask)")
    }

    @Test(arguments: Array(1...40))
    func zbarReadsBackAFullSymbolOfEveryVersion(version: Int) throws {
        let layout = try #require(QRVersionLayout(version: version))
        // Printable ASCII in a pattern that varies, filled to the version's byte capacity.
        let text = String((0..<layout.byteCapacity).map { Character(UnicodeScalar(UInt8(33 + ($0 * 7 + version) % 94))) })
        let code = try QRCode(encoding: text)
        #expect(code.version == version)
        #expect(try Self.decode(code.svg(moduleSize: version > 20 ? 4 : 6)) == text)
    }

    @Test(arguments: Array(0..<8))
    func zbarReadsBackEachMaskPattern(mask: Int) throws {
        let text = "http://127.0.0.1:8080/w/ACD347"
        let code = try QRCode(encoding: text, mask: mask)
        #expect(try Self.decode(code.svg()) == text)
    }

    @Test func zbarReadsBackAForcedLargerVersionWithPadCodewords() throws {
        let code = try QRCode(bytes: Array("ACD347".utf8), minimumVersion: 10)
        #expect(code.version == 10)
        #expect(try Self.decode(code.svg()) == "ACD347")
    }

    /// Renders `svg` to PNG and decodes it; throws with a clear message when a tool is missing or fails.
    static func decode(_ svg: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("officina-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgFile = directory.appendingPathComponent("code.svg")
        let pngFile = directory.appendingPathComponent("code.png")
        try Data(svg.utf8).write(to: svgFile)
        _ = try run("rsvg-convert", ["--background-color=white", "-o", pngFile.path, svgFile.path], package: "librsvg2-bin", in: directory)
        let output = try run("zbarimg", ["--raw", "-q", pngFile.path], package: "zbar-tools", in: directory)
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `tool` with its output going to files rather than pipes (`ChildProcess.run`).
    private static func run(_ tool: String, _ arguments: [String], package: String, in directory: URL) throws -> String {
        let searchPath = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let executable = searchPath.map({ "\($0)/\(tool)" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw ToolFailure(description: "\(tool) not found on PATH: install Debian's \(package) (`apt-get install -y \(package)`, as .ci/steps/05-install-qr-tools.sh does)")
        }
        let result = try ChildProcess.run(executable, arguments)
        guard result.termination == .exited(0) else {
            throw ToolFailure(description: "\(tool) \(arguments.joined(separator: " ")) ended with \(result.termination): \(result.errorText)")
        }
        return result.outputText
    }
}
