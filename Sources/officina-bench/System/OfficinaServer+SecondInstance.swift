extension OfficinaServer {
    /// A second `officina serve` on the session's PostgreSQL database (instance B beside the session's
    /// own A), started; `mode` names the bench in the error when no `--postgres` URL was given.
    static func secondInstance(_ session: SystemSession, mode: String) throws -> OfficinaServer {
        let options = session.options
        guard let database = options.postgres else { throw BenchError("\(mode) needs --postgres URL (two instances on one database)") }
        let instance = try OfficinaServer(executable: options.officina, directory: try options.directory("instance-b"), database: database)
        try instance.start()
        return instance
    }
}
