/// One statement and its arguments, for ``SQLDatabase/executeAll(_:)``.
public struct SQLStatement {
    public let sql: String
    public let arguments: [any DatabaseValueConvertible]

    public init(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}
