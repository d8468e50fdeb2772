/// Reads `--name value`, `--name=value` and `--switch` flags plus positional arguments.
/// A flag the command does not know, or one missing its value, is an error naming it.
public struct FlagParser: Sendable {
    public let command: String
    public let valued: Set<String>
    public let switches: Set<String>

    public init(command: String, valued: Set<String>, switches: Set<String> = []) {
        self.command = command
        self.valued = valued
        self.switches = switches.union(["help"])
    }

    public struct Result: Sendable {
        public var values: [String: String] = [:]
        /// Every value of each valued flag, in order, for flags that may repeat (`--trusted-proxy`).
        public var allValues: [String: [String]] = [:]
        public var switches: Set<String> = []
        public var positional: [String] = []
        public var help: Bool { switches.contains("help") }
    }

    public func parse<Arguments: Collection<String>>(_ arguments: Arguments) throws -> Result {
        var result = Result()
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--"), argument.count > 2 else {
                if argument == "-h" { result.switches.insert("help"); continue }
                if argument.hasPrefix("-") && argument != "-" {
                    throw CommandLineError("officina \(command): unknown flag \(argument) (see officina \(command) --help)")
                }
                result.positional.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if switches.contains(name) {
                guard inline == nil else { throw CommandLineError("officina \(command): --\(name) takes no value") }
                result.switches.insert(name)
            } else if valued.contains(name) {
                guard let value = inline ?? iterator.next(), !value.isEmpty else {
                    throw CommandLineError("officina \(command): --\(name) needs a value")
                }
                result.values[name] = value
                result.allValues[name, default: []].append(value)
            } else {
                throw CommandLineError("officina \(command): unknown flag --\(name) (see officina \(command) --help)")
            }
        }
        return result
    }
}
