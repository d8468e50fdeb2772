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
