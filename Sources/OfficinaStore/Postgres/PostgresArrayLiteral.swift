/// PostgreSQL array literals (`{1,2,3}`, `{"a","b"}`), for passing a list as one text parameter
/// cast to an array type (<https://www.postgresql.org/docs/15/arrays.html#ARRAYS-IO>): one
/// statement text, and so one prepared statement, whatever the list's length.
enum PostgresArrayLiteral {
    /// `{1,2,3}`; `{}` when empty.
    static func integers(_ values: [Int64]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }

    /// Every element double-quoted, with `\` and `"` escaped, so no text (empty, `NULL`, commas,
    /// braces, spaces) is read as anything but itself.
    static func texts(_ values: [String]) -> String {
        "{" + values.map { value in
            var quoted = "\""
            for character in value {
                if character == "\\" || character == "\"" { quoted.append("\\") }
                quoted.append(character)
            }
            return quoted + "\""
        }.joined(separator: ",") + "}"
    }
}
