/// The two CSV flavours Officina writes.
public struct CSVDialect: Sendable, Hashable {
    /// Field separator.
    public var separator: Character
    /// Whether numbers use a decimal comma.
    public var decimalComma: Bool
    /// Whether the file starts with a UTF-8 byte order mark (EF BB BF), which spreadsheets use to
    /// recognise UTF-8.
    public var byteOrderMark: Bool

    /// RFC 4180: comma, decimal point, no BOM.
    public static let rfc4180 = CSVDialect(separator: ",", decimalComma: false, byteOrderMark: false)
    /// For spreadsheets in an Italian locale: `;`, decimal comma, BOM.
    public static let excel = CSVDialect(separator: ";", decimalComma: true, byteOrderMark: true)
}
