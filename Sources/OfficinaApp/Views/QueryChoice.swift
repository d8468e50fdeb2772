/// One of a fixed set of values named by a query parameter (`?view=`, `?format=`): absent or empty
/// means ``byDefault``, anything else unknown is a 422 naming the parameter and the values it takes.
protocol QueryChoice: RawRepresentable, CaseIterable where RawValue == String {
    /// The query parameter's name, also the error's `code` and field.
    static var parameter: String { get }
    /// The value when the parameter is absent or empty.
    static var byDefault: Self { get }
}

extension QueryChoice {
    /// Parses the parameter's value (`nil` when absent).
    init(query: String?) throws {
        guard let query, !query.isEmpty else {
            self = Self.byDefault
            return
        }
        guard let value = Self(rawValue: query) else {
            let values = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.invalid(Self.parameter, "\(Self.parameter) must be one of \(values).", code: Self.parameter)
        }
        self = value
    }
}
