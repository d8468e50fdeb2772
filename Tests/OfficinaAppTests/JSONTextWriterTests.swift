import Foundation
import Testing
@testable import OfficinaApp

/// The hand-written JSON of the ranking answer: rounding, separators, escaping.
@Suite struct JSONTextWriterTests {
    static func text(_ body: (inout JSONTextWriter) -> Void) -> String {
        var writer = JSONTextWriter(capacity: 64)
        body(&writer)
        return String(decoding: writer.output, as: UTF8.self)
    }

    @Test func numbersAreRoundedHalfAwayFromZeroWithoutTrailingZeros() {
        let cases: [(Double, Int, String)] = [
            (54.3717, 2, "54.37"), (54.375, 2, "54.38"), (12.30, 2, "12.3"), (2.0, 2, "2"), (0.05, 3, "0.05"),
            (0.007, 3, "0.007"), (0.0004, 3, "0"), (0.1 + 0.2, 3, "0.3"), (1234.5, 0, "1235"), (-1.25, 1, "-1.3"),
            (-0.0004, 3, "0"), (0.000_012_3, 6, "0.000012"), (1e20, 2, "1e+20"),
        ]
        for (value, decimals, expected) in cases {
            #expect(Self.text { $0.number(value, decimals: decimals) } == expected, "\(value) with \(decimals)")
        }
        #expect(Self.text { $0.number(.nan, decimals: 2) } == "null")
        #expect(Self.text { $0.number(.infinity, decimals: 2) } == "null")
        #expect(Self.text { $0.optionalNumber(nil, decimals: 2) } == "null")
    }

    @Test func objectsAndArraysAreSeparatedAndStringsEscaped() throws {
        let text = Self.text { w in
            w.object { w in
                w.member("a") { $0.integer(-12) }
                w.member("b") { w in
                    w.array { w in
                        w.element { $0.string("x\"<y>\n") }
                        w.element { $0.object { _ in } }
                        w.element { $0.bool(true) }
                    }
                }
                w.member("c") { $0.optionalString(nil) }
                w.member("d") { $0.integer(Int64.min) }
            }
        }
        #expect(text == #"{"a":-12,"b":["x\"\u003cy>\n",{},true],"c":null,"d":-9223372036854775808}"#)
        let parsed = try JSONParser.parse(Array(text.utf8))
        #expect(parsed["a"] == .integer(-12))
    }
}
