/// The wire format of server-sent events (WHATWG HTML §9.2.6): fields one per line, `data` split
/// at line breaks, a blank line ending the event.
enum EventStreamFormat {
    static func event(_ event: String?, data: String, id: String?) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.utf8.count + 32)
        if let event { appendField("event", singleLine(event), to: &bytes) }
        if let id { appendField("id", singleLine(id), to: &bytes) }
        appendDataLines(data, to: &bytes)
        bytes.append(0x0A)
        return bytes
    }

    /// `data: <line>` for each line of `text`, where CRLF, CR and LF each end a line, as ``lines(_:)``
    /// splits them; done on UTF-8 bytes because a hub formats the same tally (10 KB and more) once
    /// per open stream, and walking it by grapheme was 90% of the server's CPU with 3,000 streams.
    private static func appendDataLines(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                guard byte == 0x0A || byte == 0x0D else {
                    index += 1
                    continue
                }
                appendDataField(UnsafeBufferPointer(rebasing: utf8[start..<index]), to: &bytes)
                index += byte == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A ? 2 : 1
                start = index
            }
            appendDataField(UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]), to: &bytes)
        }
    }

    private static func appendDataField(_ line: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [0x64, 0x61, 0x74, 0x61, 0x3A, 0x20])   // "data: "
        bytes.append(contentsOf: line)
        bytes.append(0x0A)
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
