/// A seed file that cannot be loaded, naming the offending field by its path,
/// e.g. `workshops[2].title.it: missing`.
public struct SeedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's path from the root: keys joined by `.`, array elements as `[n]`; empty for the root.
    public var path: String
    /// What is wrong with it.
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}
