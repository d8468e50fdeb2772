/// The connections of one event loop, indexed by descriptor. Each registration gets a fresh
/// generation, and the epoll token carries both, so an event queued for a closed connection cannot
/// reach the next connection that reuses its descriptor number (STYLE.md pitfall 6).
struct ConnectionTable {
    private var slots: [Connection?] = []
    private var nextGeneration: UInt32 = 1
    private(set) var count = 0

    /// The token epoll reports for a connection: generation in the high half, descriptor in the low.
    static func token(fd: Int32, generation: UInt32) -> UInt64 {
        UInt64(generation) << 32 | UInt64(UInt32(bitPattern: fd))
    }

    /// A new generation for the next connection on `fd`.
    mutating func allocateToken(fd: Int32) -> UInt64 {
        let generation = nextGeneration
        nextGeneration = nextGeneration == UInt32.max - 1 ? 1 : nextGeneration + 1
        return Self.token(fd: fd, generation: generation)
    }

    mutating func insert(_ connection: Connection) {
        let index = Int(connection.fd)
        if index >= slots.count { slots.append(contentsOf: repeatElement(nil, count: index + 1 - slots.count + 64)) }
        if slots[index] == nil { count += 1 }
        slots[index] = connection
    }

    /// The live connection a token was issued to, or nil if it has since closed.
    func lookup(_ token: UInt64) -> Connection? {
        let index = Int(UInt32(truncatingIfNeeded: token))
        guard index < slots.count, let connection = slots[index], connection.token == token else { return nil }
        return connection
    }

    mutating func remove(_ connection: Connection) {
        let index = Int(connection.fd)
        guard index < slots.count, let current = slots[index], current === connection else { return }
        slots[index] = nil
        count -= 1
    }

    /// Every live connection, in descriptor order.
    var all: [Connection] { slots.compactMap { $0 } }

    func forEach(_ body: (Connection) -> Void) {
        for case let connection? in slots { body(connection) }
    }
}
