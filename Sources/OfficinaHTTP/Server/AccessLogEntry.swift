/// One served request, as the access log records it.
public struct AccessLogEntry: Sendable {
    /// Seconds since 1970 when the response was queued.
    public var time: Double
    public var method: String
    public var path: String
    public var status: Int
    /// Body bytes written (0 for HEAD and for 304).
    public var bytes: Int
    /// From the end of the request's head to the response being queued.
    public var microseconds: Int
    public var remoteAddress: String

    /// `2026-11-29T12:30:05Z GET /healthz 200 15 84us`; the path is logged as decoded, with
    /// control characters replaced so a request cannot forge log lines.
    public var line: String {
        "\(Self.timestamp(time)) \(method) \(Self.sanitised(path)) \(status) \(bytes) \(microseconds)us"
    }

    static func sanitised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == " " }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x21 || scalar.value == 0x7F ? "_" : scalar
        }))
    }

    /// ISO 8601 in UTC, computed without Foundation.
    static func timestamp(_ time: Double) -> String {
        let seconds = Int(time)
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let (year, month, day) = CivilDate.fromDays(days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}
