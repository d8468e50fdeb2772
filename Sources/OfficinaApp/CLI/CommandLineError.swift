/// A command line that cannot run, with the one line to print.
public struct CommandLineError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
