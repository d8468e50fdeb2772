import Testing
@testable import OfficinaHTTP

/// `Accept-Encoding` as RFC 9110 §12.5.3 reads it, for the one coding we send.
@Suite struct AcceptEncodingTests {
    @Test(arguments: [
        ("gzip", true), ("GZip", true), ("x-gzip", true), ("gzip, deflate, br", true), ("br;q=1.0, gzip;q=0.5", true),
        ("*", true), ("identity, *;q=0.1", true), (" gzip ;q=1 ", true),
        ("gzip;q=0", false), ("gzip;q=0.000", false), ("gzip;q=0, *", false), ("*;q=0", false), ("identity", false),
        ("br, deflate", false), ("", false), ("gzip;q=nonsense", false), ("*, gzip;q=0", false),
    ])
    func gzipIsTakenOnlyWhenTheClientSaysSo(header: String, accepted: Bool) {
        #expect(AcceptEncoding.acceptsGzip(header) == accepted, "\(header)")
    }

    @Test func noHeaderMeansIdentity() {
        #expect(!AcceptEncoding.acceptsGzip(nil))
    }

    @Test func theGzipFormHasATagOfItsOwn() {
        #expect(EntityTag.gzipVariant(of: "\"1a-2b-3c\"") == "\"1a-2b-3c-gzip\"")
        #expect(!EntityTag.matches("\"1a-2b-3c\"", EntityTag.gzipVariant(of: "\"1a-2b-3c\"")))
        #expect(EntityTag.matches("W/\"1a-2b-3c-gzip\"", EntityTag.gzipVariant(of: "\"1a-2b-3c\"")))
    }

    @Test func smallBodiesAndNonTextGetNoGzipForm() {
        #expect(GzipForm([UInt8](repeating: 65, count: GzipForm.minimumSize - 1)) == nil)
        let form = GzipForm([UInt8](repeating: 65, count: 4_096))
        #expect(form?.isMade == false)
        #expect((form?.bytes?.count ?? .max) < 100)
        #expect(form?.isMade == true)
        #expect(GzipForm.suits(contentType: "text/css; charset=utf-8"))
        #expect(GzipForm.suits(contentType: "application/json"))
        #expect(GzipForm.suits(contentType: "image/svg+xml"))
        #expect(!GzipForm.suits(contentType: "image/png"))
        #expect(!GzipForm.suits(contentType: "application/octet-stream"))
    }
}
