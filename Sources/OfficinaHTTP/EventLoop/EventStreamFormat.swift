/// The wire format of server-sent events (WHATWG HTML §9.2.6): fields one per line, `data` split
/// at line breaks, a blank line ending the event.
enum EventStreamFormat {
    static func event(_ event: String?, data: String, id: String?) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.utf8.count + 32)
        if let event { appendField("event", singleLine(event), to: &bytes) }
        if let id { appendField("id", singleLine(id), to: &bytes) }
        for line in lines(data) { appendField("data", line, to: &bytes) }
        bytes.append(0x0A)
        return bytes
    }

    /// A comment line, which clients ignore: used for heartbeats.
    static func comment(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines(text) {
            bytes.append(0x3A)
            if !line.isEmpty { bytes.append(0x20); bytes.append(contentsOf: line.utf8) }
            bytes.append(0x0A)
        }
        bytes.append(0x0A)
        return bytes
    }

    private static func appendField(_ name: String, _ value: Substring, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x3A)
        bytes.append(0x20)
        bytes.append(contentsOf: value.utf8)
        bytes.append(0x0A)
    }

    /// CRLF, CR and LF all end a line in the event-stream grammar.
    private static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    }

    /// Event names and ids cannot hold line breaks, or they would start a new field.
    private static func singleLine(_ text: String) -> Substring {
        Substring(text.filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" && $0 != "\0" })
    }
}
