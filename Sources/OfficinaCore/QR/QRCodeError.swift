/// Why text could not be made into a QR code.
public enum QRCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// More bytes than version 40 at level M holds (2,331).
    case dataTooLong(byteCount: Int, capacity: Int)

    public var description: String {
        switch self {
        case .dataTooLong(let count, let capacity):
            "\(count) bytes do not fit in a QR code at error correction level M (at most \(capacity))"
        }
    }
}
