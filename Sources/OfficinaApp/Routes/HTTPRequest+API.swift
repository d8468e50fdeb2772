import Foundation
import OfficinaHTTP

extension HTTPRequest {
    /// A path parameter the route captured.
    func parameter(_ name: String) throws -> String {
        guard let value = parameters[name] else { throw APIError.notFound("Resource") }
        return value
    }

    /// A path parameter that must be a positive integer id; anything else is a 404.
    func idParameter(_ name: String = "id") throws -> Int64 {
        guard let text = parameters[name], let id = Int64(text), id > 0 else { throw APIError.notFound("Resource") }
        return id
    }

    /// Query parameters, percent-decoded (`+` is a space, as in forms); the first of a repeated
    /// name wins.
    var queryItems: [String: String] {
        var items: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if items[name] == nil { items[name] = value }
        }
        return items
    }

    private static func decode(_ part: Substring) -> String {
        // Most parts have nothing to decode; Foundation's replacing and decoding cost microseconds each.
        if !part.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(part) }
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// `Last-Event-ID` as a sequence number (WHATWG HTML §9.2.4), when it is one.
    var lastEventID: Int64? {
        headers["Last-Event-ID"].flatMap { Int64($0.trimmingSpaces) }.flatMap { $0 >= 0 ? $0 : nil }
    }
}

extension HTTPResponse {
    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: value.bytes)
    }

    /// Adds a `Set-Cookie` header.
    func settingCookie(_ value: String) -> HTTPResponse {
        var response = self
        response.headers.add("Set-Cookie", value)
        return response
    }
}
