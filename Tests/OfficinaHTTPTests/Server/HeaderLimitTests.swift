import Foundation
import Testing
@testable import OfficinaHTTP

/// The header limits through the event loop at the server's defaults: exactly at the bound is
/// served, one past it is 431, whether the head arrives in one write or in pieces.
@Suite("Header limits over a real socket", .timeLimit(.minutes(3)))
struct HeaderLimitTests {
    static let defaults = ServerConfiguration()
    static let cases: [(String, String, Int)] = [
        ("exactly maxHeaderCount fields", RequestDecoderLimitTests.head(fieldCount: defaults.maxHeaderCount), 200),
        ("one field more", RequestDecoderLimitTests.head(fieldCount: defaults.maxHeaderCount + 1), 431),
        ("a field block of exactly maxHeaderBytes", RequestDecoderLimitTests.head(fieldBlockBytes: defaults.maxHeaderBytes), 200),
        ("one byte more", RequestDecoderLimitTests.head(fieldBlockBytes: defaults.maxHeaderBytes + 1), 431),
    ]

    @Test("Exactly at the default header limits is served; one past is 431", arguments: 0..<cases.count)
    func boundary(index: Int) async throws {
        let (name, request, status) = Self.cases[index]
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            for inPieces in [false, true] {
                let client = try server.connect()
                let bytes = Array(request.utf8)
                let piece = inPieces ? 1_000 : bytes.count
                for start in stride(from: 0, to: bytes.count, by: piece) {
                    try client.send(Array(bytes[start..<min(start + piece, bytes.count)]))
                }
                let response = try client.receiveResponse()
                #expect(response.status == status, "\(name), in pieces: \(inPieces)")
            }
        }
    }
}
