/// A server-sent events stream (WHATWG HTML §9.2) bound to one open connection.
///
/// Safe to use from any thread. Writes never block: when the client stops reading and
/// its pending output passes the server's bound, the stream is closed and `isOpen`
/// turns false.
public protocol EventStream: AnyObject, Sendable {
    /// Sends one event. `data` may hold newlines; each line becomes a `data:` field.
    func send(event: String?, data: String, id: String?)
    /// Sends an event framed beforehand, the same bytes for every stream.
    func send(_ frame: EventFrame)
    /// Sends a comment line (`: text`), e.g. a heartbeat.
    func comment(_ text: String)
    /// Ends the stream and closes the connection.
    func close()
    /// False once the client went away or the stream was closed.
    var isOpen: Bool { get }
    /// Called once when the stream closes for any reason: later, on another thread, never on the
    /// stack of the call that closed it (so a callback may take a lock its closer holds).
    func onClose(_ callback: @escaping @Sendable () -> Void)
}

extension EventStream {
    /// For streams that frame on their own: sends the frame's fields.
    public func send(_ frame: EventFrame) {
        send(event: frame.event, data: frame.data, id: frame.id)
    }
}
