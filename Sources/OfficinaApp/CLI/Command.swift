/// A parsed `officina` command line.
public enum Command: Sendable {
    case serve(AppConfiguration)
    case userAdd(database: String, name: String, iterations: Int)
    case seed(database: String, file: String)
    case export(database: String, code: String, format: String, output: String?)
    case backup(database: String, file: String)
    /// Removes contacts of offers given more than `days` days ago (docs/privacy.md).
    case purgeContacts(database: String, days: Int)
    /// Copies one database into another (SQLite ↔ PostgreSQL), verified per table.
    case migrate(from: String, to: String, force: Bool)
    /// Print this text and exit 0.
    case help(String)

    /// Export formats, as the API's `?format=` takes them.
    public static let exportFormats = ["csv", "csv-excel", "json", "html"]

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) throws -> Command {
        guard let name = arguments.first else { return .help(CommandHelp.overview) }
        let rest = arguments.dropFirst()
        switch name {
        case "serve": return try parseServe(rest)
        case "user": return try parseUser(rest)
        case "seed":
            let flags = try FlagParser(command: "seed", valued: ["db"]).parse(rest)
            if flags.help { return .help(CommandHelp.seed) }
            let file = try single(flags, "seed", what: "FILE")
            return .seed(database: flags.values["db"] ?? AppConfiguration().databasePath, file: file)
        case "export":
            let flags = try FlagParser(command: "export", valued: ["db", "format", "out"]).parse(rest)
            if flags.help { return .help(CommandHelp.export) }
            let code = try single(flags, "export", what: "CODE")
            let format = flags.values["format"] ?? "csv"
            guard exportFormats.contains(format) else {
                throw CommandLineError("officina export: --format must be one of \(exportFormats.joined(separator: ", "))")
            }
            return .export(database: flags.values["db"] ?? AppConfiguration().databasePath, code: code, format: format,
                           output: flags.values["out"])
        case "backup":
            let flags = try FlagParser(command: "backup", valued: ["db"]).parse(rest)
            if flags.help { return .help(CommandHelp.backup) }
            let file = try single(flags, "backup", what: "FILE")
            return .backup(database: flags.values["db"] ?? AppConfiguration().databasePath, file: file)
        case "purge-contacts": return try parsePurgeContacts(rest)
        case "migrate": return try parseMigrate(rest)
        case "--help", "-h", "help": return .help(CommandHelp.overview)
        default: throw CommandLineError("officina: unknown command \(name) (see officina --help)")
        }
    }

    static func parseServe(_ arguments: ArraySlice<String>) throws -> Command {
        let flags = try FlagParser(command: "serve", valued: ["host", "port", "db", "web", "seeds", "pbkdf2-iterations", "public-url", "header-timeout",
                                                                     "trusted-proxy", "forwarded-header"],
                                   switches: ["secure-cookies", "quiet"]).parse(arguments)
        if flags.help { return .help(CommandHelp.serve) }
        guard flags.positional.isEmpty else {
            throw CommandLineError("officina serve: unexpected argument \(flags.positional[0]) (see officina serve --help)")
        }
        var configuration = AppConfiguration()
        if let host = flags.values["host"] { configuration.host = host }
        if let port = flags.values["port"] {
            guard let number = Int(port), (0...65_535).contains(number) else {
                throw CommandLineError("officina serve: --port must be a number from 0 to 65535, not \(port)")
            }
            configuration.port = number
        }
        if let path = flags.values["db"] { configuration.databasePath = path }
        configuration.webRoot = flags.values["web"] ?? AppConfiguration.defaultWebRoot()
        if let path = flags.values["seeds"] { configuration.seedsPath = path }
        if let iterations = flags.values["pbkdf2-iterations"] { configuration.pbkdf2Iterations = try parseIterations(iterations, "serve") }
        if let url = flags.values["public-url"] {
            guard WebOrigin(url) != nil else {
                throw CommandLineError("officina serve: --public-url must be an http:// or https:// URL, not \(url)")
            }
            configuration.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let seconds = flags.values["header-timeout"] {
            guard let value = Double(seconds), value.isFinite, (0.1...600).contains(value) else {
                throw CommandLineError("officina serve: --header-timeout must be a number of seconds from 0.1 to 600, not \(seconds)")
            }
            configuration.headerTimeout = value
        }
        for text in flags.allValues["trusted-proxy"] ?? [] {
            guard let network = IPNetwork(text) else {
                throw CommandLineError("officina serve: --trusted-proxy must be an address or CIDR block such as 10.0.0.0/8 or ::1, not \(text)")
            }
            configuration.trustedProxies.append(network)
        }
        if let name = flags.values["forwarded-header"] {
            guard let header = ForwardedHeader(rawValue: name.lowercased()) else {
                throw CommandLineError("officina serve: --forwarded-header must be x-forwarded-for or forwarded, not \(name)")
            }
            configuration.forwardedHeader = header
        }
        configuration.secureCookies = flags.switches.contains("secure-cookies")
        configuration.accessLog = !flags.switches.contains("quiet")
        return .serve(configuration)
    }

    static func parseUser(_ arguments: ArraySlice<String>) throws -> Command {
        let flags = try FlagParser(command: "user add", valued: ["db", "pbkdf2-iterations"], switches: ["password-stdin"]).parse(arguments)
        if flags.help || flags.positional.first != "add" {
            if flags.help { return .help(CommandHelp.user) }
            throw CommandLineError("officina user: expected `user add NAME --password-stdin` (see officina user --help)")
        }
        guard flags.positional.count == 2 else {
            throw CommandLineError("officina user add: expected one NAME (see officina user --help)")
        }
        guard flags.switches.contains("password-stdin") else {
            throw CommandLineError("officina user add: pass the password on standard input with --password-stdin")
        }
        let iterations = try flags.values["pbkdf2-iterations"].map { try parseIterations($0, "user add") } ?? AppConfiguration().pbkdf2Iterations
        return .userAdd(database: flags.values["db"] ?? AppConfiguration().databasePath, name: flags.positional[1], iterations: iterations)
    }

    static func parseIterations(_ text: String, _ command: String) throws -> Int {
        guard let number = Int(text), (1...10_000_000).contains(number) else {
            throw CommandLineError("officina \(command): --pbkdf2-iterations must be a number from 1 to 10000000, not \(text)")
        }
        return number
    }

    static func single(_ flags: FlagParser.Result, _ command: String, what: String) throws -> String {
        guard flags.positional.count == 1 else {
            throw CommandLineError("officina \(command): expected one \(what) (see officina \(command) --help)")
        }
        return flags.positional[0]
    }
}
