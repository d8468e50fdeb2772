import Testing
@testable import OfficinaHTTP

@Suite("Event-stream framing")
struct EventStreamFormatTests {
    static func text(_ event: String?, _ data: String, _ id: String?) -> String {
        String(decoding: EventStreamFormat.event(event, data: data, id: id), as: UTF8.self)
    }

    @Test("Data is split at LF, CR and CRLF alike, empty lines kept, one blank line ends the event")
    func dataLinesSplitAtEveryLineBreak() {
        #expect(Self.text("tally", #"{"ballots":3}"#, "7") == "event: tally\nid: 7\ndata: {\"ballots\":3}\n\n")
        #expect(Self.text(nil, "a\nb\rc\r\nd", nil) == "data: a\ndata: b\ndata: c\ndata: d\n\n")
        #expect(Self.text(nil, "", nil) == "data: \n\n")
        #expect(Self.text(nil, "a\n", nil) == "data: a\ndata: \n\n")
        #expect(Self.text(nil, "\r\n\r\n", nil) == "data: \ndata: \ndata: \n\n")
        #expect(Self.text(nil, "città ✓\n€", nil) == "data: città ✓\ndata: €\n\n")
    }

    @Test("Header injection: a line break in the event name or id cannot start a new field")
    func eventAndIdStayOnOneLine() {
        #expect(Self.text("a\nevent: b", "x", "1\r\nid: 2") == "event: aevent: b\nid: 1id: 2\ndata: x\n\n")
    }
}
