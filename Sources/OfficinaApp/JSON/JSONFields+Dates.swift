import Foundation

extension JSONFields {
    /// An ISO 8601 timestamp (RFC 3339 §5.6), with or without fractional seconds; `null` reads
    /// as `.some(nil)` (clear), absence as nil.
    public func date(_ name: String) throws -> Date?? {
        guard let value = members[name] else { return nil }
        if value == .null { return .some(nil) }
        guard case let .string(text) = value, let date = Self.parseDate(text) else {
            throw APIError.invalid(path(name), "\(path(name)) must be an ISO 8601 time such as 2026-11-29T12:00:00Z.", code: "type")
        }
        return .some(date)
    }

    static func parseDate(_ text: String) -> Date? {
        guard text.count <= 40 else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
