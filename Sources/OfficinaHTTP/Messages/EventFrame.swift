/// One server-sent event already in its wire format (WHATWG HTML §9.2.6), framed once and sent
/// as the same bytes to every stream that gets it: a hub pushing one tally to 10,000 streams
/// frames it once, not 10,000 times.
///
///     let frame = EventFrame(event: "tally", data: json, id: "42")
///     for stream in streams { stream.send(frame) }
public struct EventFrame: Sendable {
    public let event: String?
    public let data: String
    public let id: String?
    /// The framed bytes: `event:`, `id:`, one `data:` line per line of `data`, a blank line.
    public let bytes: [UInt8]

    public init(event: String?, data: String, id: String?) {
        self.event = event
        self.data = data
        self.id = id
        bytes = EventStreamFormat.event(event, data: data, id: id)
    }
}
