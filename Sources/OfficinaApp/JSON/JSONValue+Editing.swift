extension JSONValue {
    /// This object without the members named in `keys`; any other value unchanged.
    public func removing(_ keys: Set<String>) -> JSONValue {
        guard case let .object(pairs) = self else { return self }
        return .object(pairs.filter { !keys.contains($0.0) })
    }
}
