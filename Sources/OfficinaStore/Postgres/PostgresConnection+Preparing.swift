extension PostgresConnection {
    /// Statements a session prepares at most; past that, new statement shapes run unnamed (parsed
    /// each time), so a caller building unbounded SQL cannot grow the server's memory without end.
    static let maxPreparedStatements = 500

    /// Runs `text` with `values` as a named prepared statement of this session, preparing it on
    /// first use (<https://www.postgresql.org/docs/15/libpq-exec.html#LIBPQ-PQPREPARE>): the server
    /// parses and plans each statement shape once per connection instead of at every call.
    ///
    /// The statement is keyed by its text and its parameter types, so it is prepared with exactly
    /// the types an unnamed `PQexecParams` would send. A failed preparation returns its own error
    /// result (inside a transaction it has aborted the transaction, as the statement would have).
    func send(_ text: String, types: UnsafeBufferPointer<UInt32>, values: UnsafeBufferPointer<UnsafePointer<CChar>?>) -> OpaquePointer? {
        let count = Int32(values.count)
        let shape = PreparedShape(text: text, types: Array(types))
        if let name = preparedStatements[shape] {
            return library.execPrepared(handle, name, count, values.baseAddress, nil, nil, 0)
        }
        guard preparedStatements.count < Self.maxPreparedStatements else {
            return library.execParams(handle, text, count, types.baseAddress, values.baseAddress, nil, nil, 0)
        }
        let name = "officina_\(preparedStatements.count + 1)"
        guard let prepared = library.prepare(handle, name, text, count, types.baseAddress) else { return nil }
        guard library.resultStatus(prepared) == PQCode.commandOK else { return prepared }
        library.clear(prepared)
        preparedStatements[shape] = name
        return library.execPrepared(handle, name, count, values.baseAddress, nil, nil, 0)
    }
}

/// What identifies a prepared statement: its text (with `$n` parameters) and its parameter type OIDs.
struct PreparedShape: Hashable {
    let text: String
    let types: [UInt32]
}
