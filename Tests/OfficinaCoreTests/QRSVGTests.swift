import Testing
@testable import OfficinaCore

@Suite struct QRSVGTests {
    @Test func theSVGIsOnePathOfDarkModulesWithAQuietZoneAndCrispEdges() throws {
        let code = try QRCode(encoding: "http://127.0.0.1:8080/w/ACD347")
        let svg = code.svg(moduleSize: 4)
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.contains("width=\"\(side * 4)\" height=\"\(side * 4)\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"))
        // The first run is the top-left finder's top edge, 7 modules wide, inside the quiet zone.
        #expect(svg.contains("d=\"M4 4h7v1h-7z"))
    }

    @Test func thePathCoversExactlyTheDarkModules() throws {
        let code = try QRCode(encoding: "Città perché")
        let svg = code.svg()
        let d = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        var covered = Set<Int>()
        for command in d.split(separator: "z") {
            let parts = command.dropFirst().split(whereSeparator: { $0 == " " || $0 == "h" || $0 == "v" })
            let x = try #require(Int(parts[0])) - QRCode.quietZone
            let y = try #require(Int(parts[1])) - QRCode.quietZone
            let run = try #require(Int(parts[2]))
            for dx in 0..<run { covered.insert(y * code.size + x + dx) }
        }
        let dark = Set(code.modules.indices.filter { code.modules[$0] })
        #expect(covered == dark)
    }

    @Test func aLabelIsEscapedAndBecomesTheAccessibleName() throws {
        let svg = try QRCode(encoding: "x").svg(label: "Join <ACD347> & \"go\"")
        #expect(svg.contains("aria-label=\"Join &lt;ACD347&gt; &amp; &quot;go&quot;\""))
        #expect(svg.contains("<title>Join &lt;ACD347&gt; &amp; &quot;go&quot;</title>"))
        #expect(!svg.contains("<ACD347>"))
    }
}
