import Testing
@testable import OfficinaApp

@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONValue.parse(Array(#"{"a":[1,-2.5,1e3,true,false,null,"x\u00e8\n\ud83d\ude00"],"b":{}}"#.utf8))
        #expect(value["a"] == [1, -2.5, 1000.0, true, false, nil, "xè\n😀"])
        #expect(value["b"] == [:])
    }

    @Test(arguments: [
        "{\"a\":1,}", "[1,]", "{\"a\":1 /* c */}", "NaN", "01", "1.", "-", "\"\u{0001}\"", "{\"a\":1}{}",
        "\"\\ud800\"", "\"\\x41\"", "{'a':1}", "[1 2]", "tru", "{\"a\" 1}", "",
    ])
    func refusesWhatRFC8259DoesNotAllow(_ text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func refusesADuplicateMember() {
        #expect(throws: (any Error).self) { try JSONValue.parse(Array(#"{"title":"a","title":"b"}"#.utf8)) }
    }

    @Test func refusesADuplicateMemberInALargeObject() throws {
        let members = (0..<40).map { #""k\#($0)":\#($0)"# }
        let unique = try JSONValue.parse(Array(("{" + members.joined(separator: ",") + "}").utf8))
        #expect(unique["k39"] == 39)
        for repeated in [0, 15, 16, 17, 39] {
            let text = "{" + (members + [#""k\#(repeated)":0"#]).joined(separator: ",") + "}"
            #expect(throws: (any Error).self) { try JSONValue.parse(Array(text.utf8)) }
        }
    }

    @Test func readsIntegersAtEveryLengthAndEscapedNames() throws {
        let value = try JSONValue.parse(Array(#"[0,-0,7,-123456789012345678,999999999999999999,9223372036854775807,-9223372036854775808,12345678901234567890]"#.utf8))
        #expect(value == [0, 0, 7, -123_456_789_012_345_678, 999_999_999_999_999_999, .integer(.max), .integer(.min), 12_345_678_901_234_567_890.0])
        let named = try JSONValue.parse(Array(#"{"a\"b":1,"\u0063":2,"è":3}"#.utf8))
        #expect(named == .object([("a\"b", 1), ("c", 2), ("è", 3)]))
    }

    @Test func refusesNestingDeepEnoughToExhaustTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: (any Error).self) { try JSONValue.parse(Array(deep.utf8)) }
    }

    @Test func writesWhatItReads() throws {
        let value: JSONValue = ["text": "quote \" backslash \\ newline \n tab \t <script>", "n": 71.3, "i": -4, "list": [nil, true]]
        #expect(try JSONValue.parse(value.bytes) == value)
        #expect(!value.text.contains("<script>"))
    }
}
