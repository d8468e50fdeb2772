import Foundation

/// One HTTP/1.1 response as the benchmark client read it.
struct RawResponse {
    var status: Int
    var headerFields: [(String, String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headerFields.first { $0.0.lowercased() == name }?.1
    }

    func headers(named name: String) -> [String] {
        headerFields.filter { $0.0.lowercased() == name }.map(\.1)
    }

    /// The body as a JSON object, or nil.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// Parses a complete response from the front of `bytes`; nil when more bytes are needed.
    /// Returns the response and how many bytes it used (RFC 9112 §6.3: length by Content-Length,
    /// chunked, or none for 1xx/204/304 and answers to HEAD).
    static func parse(_ bytes: [UInt8], headRequest: Bool = false) throws -> (RawResponse, Int)? {
        guard let end = headEnd(bytes) else { return nil }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawSocket.Failure("parse", 0, "bad status line: \(lines[0].prefix(80))")
        }
        var fields: [(String, String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var response = RawResponse(status: status, headerFields: fields, body: [])
        let bodyStart = end + 4
        if headRequest || status == 204 || status == 304 || (100..<200).contains(status) {
            return (response, bodyStart)
        }
        if response.header("transfer-encoding")?.lowercased().contains("chunked") == true {
            guard let (body, used) = try dechunk(bytes, from: bodyStart) else { return nil }
            response.body = body
            return (response, used)
        }
        let length = Int(response.header("content-length") ?? "0") ?? 0
        guard bytes.count - bodyStart >= length else { return nil }
        response.body = Array(bytes[bodyStart..<(bodyStart + length)])
        return (response, bodyStart + length)
    }

    /// Index of the blank line's CR ending the head.
    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    static func dechunk(_ bytes: [UInt8], from start: Int) throws -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var index = start
        while true {
            guard let lineEnd = crlf(bytes, from: index) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw RawSocket.Failure("parse", 0, "bad chunk size")
            }
            index = lineEnd + 2
            if size == 0 {
                // Trailers, if any, then a blank line.
                while true {
                    guard let end = crlf(bytes, from: index) else { return nil }
                    if end == index { return (body, end + 2) }
                    index = end + 2
                }
            }
            guard bytes.count >= index + size + 2 else { return nil }
            body.append(contentsOf: bytes[index..<(index + size)])
            index += size + 2
        }
    }

    static func crlf(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }
}
