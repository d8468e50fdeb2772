/// `method SP request-target SP HTTP-version` (RFC 9112 §3), split and checked.
struct RequestLine {
    var method: HTTPMethod
    var target: ArraySlice<UInt8>
    var minorVersion: Int

    static func parse(_ line: ArraySlice<UInt8>) -> Result<RequestLine, HTTPError> {
        guard let firstSpace = line.firstIndex(of: ByteClass.space) else {
            return .failure(.badRequest(.malformedRequestLine))
        }
        let method = line[line.startIndex..<firstSpace]
        guard !method.isEmpty else { return .failure(.badRequest(.malformedRequestLine)) }
        for byte in method where !ByteClass.isTokenByte(byte) {
            return .failure(.badRequest(.invalidMethod))
        }
        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: ByteClass.space) else {
            return .failure(.badRequest(.malformedRequestLine))
        }
        let target = rest[rest.startIndex..<secondSpace]
        let version = rest[(secondSpace + 1)...]
        guard !target.isEmpty else { return .failure(.badRequest(.malformedRequestLine)) }
        for byte in target where !ByteClass.isTargetByte(byte) {
            return .failure(.badRequest(.invalidTarget))
        }
        let minor: Int
        switch parseVersion(version) {
        case .success(let value): minor = value
        case .failure(let error): return .failure(error)
        }
        return .success(RequestLine(
            method: HTTPMethod(rawValue: String(decoding: method, as: UTF8.self)),
            target: target, minorVersion: minor))
    }

    /// `HTTP/DIGIT.DIGIT`; 1.0 and 1.1 are served, any other well-formed version is 505.
    static func parseVersion(_ version: ArraySlice<UInt8>) -> Result<Int, HTTPError> {
        let prefix: [UInt8] = Array("HTTP/".utf8)
        guard version.count == 8, version.prefix(5).elementsEqual(prefix) else {
            return .failure(.badRequest(.malformedVersion))
        }
        let major = version[version.startIndex + 5]
        let dot = version[version.startIndex + 6]
        let minor = version[version.startIndex + 7]
        guard ByteClass.isDigit(major), dot == 0x2E, ByteClass.isDigit(minor) else {
            return .failure(.badRequest(.malformedVersion))
        }
        guard major == 0x31, minor == 0x30 || minor == 0x31 else { return .failure(.versionNotSupported) }
        return .success(Int(minor - 0x30))
    }
}
