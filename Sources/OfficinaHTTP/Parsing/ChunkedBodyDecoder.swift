/// Incremental decoder of the chunked transfer coding (RFC 9112 §7.1). It keeps its place between
/// calls, so a body that trickles in is scanned once, not once per read.
struct ChunkedBodyDecoder: Sendable {
    enum Outcome {
        case needMore
        case done
        case failed(HTTPError)
    }

    private enum State: Sendable {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    /// Longest chunk-size line we read, extensions included.
    static let maxSizeLineBytes = 4096

    private(set) var body: [UInt8] = []
    private var state: State = .size
    private var trailerBytes = 0
    let maxBodyBytes: Int
    let maxTrailerBytes: Int

    init(maxBodyBytes: Int, maxTrailerBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
    }

    /// Consumes what it can of `bytes`; returns how many bytes it used and where it stands.
    mutating func decode(_ bytes: ArraySlice<UInt8>) -> (consumed: Int, outcome: Outcome) {
        var position = bytes.startIndex
        while true {
            switch state {
            case .done:
                return (position - bytes.startIndex, .done)
            case .size:
                guard let lineEnd = bytes[position...].firstIndex(of: ByteClass.lf) else {
                    if bytes.endIndex - position > Self.maxSizeLineBytes {
                        return (position - bytes.startIndex, .failed(.badRequest(.invalidChunkSize)))
                    }
                    return (position - bytes.startIndex, .needMore)
                }
                guard lineEnd - position <= Self.maxSizeLineBytes, lineEnd > position,
                    bytes[lineEnd - 1] == ByteClass.cr
                else { return (position - bytes.startIndex, .failed(.badRequest(.invalidChunkSize))) }
                switch Self.parseSize(bytes[position..<(lineEnd - 1)], max: maxBodyBytes - body.count) {
                case .failure(let error):
                    return (position - bytes.startIndex, .failed(error))
                case .success(let size):
                    state = size == 0 ? .trailer : .data(remaining: size)
                }
                position = lineEnd + 1
            case .data(let remaining):
                let available = min(remaining, bytes.endIndex - position)
                if available == 0 { return (position - bytes.startIndex, .needMore) }
                body.append(contentsOf: bytes[position..<(position + available)])
                position += available
                state = remaining == available ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                guard bytes.endIndex - position >= 2 else { return (position - bytes.startIndex, .needMore) }
                guard bytes[position] == ByteClass.cr, bytes[position + 1] == ByteClass.lf else {
                    return (position - bytes.startIndex, .failed(.badRequest(.invalidChunkTerminator)))
                }
                position += 2
                state = .size
            case .trailer:
                guard let lineEnd = bytes[position...].firstIndex(of: ByteClass.lf) else {
                    if trailerBytes + (bytes.endIndex - position) > maxTrailerBytes {
                        return (position - bytes.startIndex, .failed(.headerFieldsTooLarge))
                    }
                    return (position - bytes.startIndex, .needMore)
                }
                // The size first: when the line's end has not arrived yet, only the size can be
                // judged (above), so a line too long fails as too long however the bytes were cut.
                let lineBytes = lineEnd + 1 - position
                if trailerBytes + lineBytes > maxTrailerBytes { return (position - bytes.startIndex, .failed(.headerFieldsTooLarge)) }
                guard lineEnd > position, bytes[lineEnd - 1] == ByteClass.cr else {
                    return (position - bytes.startIndex, .failed(.badRequest(.bareLineEnding)))
                }
                let line = bytes[position..<(lineEnd - 1)]
                trailerBytes += lineBytes
                position = lineEnd + 1
                if line.isEmpty {
                    state = .done
                } else if case .failure(let error) = RequestHeadParser.parseField(line) {
                    // Trailer fields are parsed for validity and then dropped (RFC 9112 §7.1.2).
                    return (position - bytes.startIndex, .failed(error))
                }
            }
        }
    }

    /// `chunk-size [ chunk-ext ]`: hexadecimal, then optional `;name=value` extensions we ignore.
    static func parseSize(_ line: ArraySlice<UInt8>, max: Int) -> Result<Int, HTTPError> {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = ByteClass.hexValue(line[index]) {
            if size > (Int.max - digit) / 16 { return .failure(.contentTooLarge) }
            size = size * 16 + digit
            digits += 1
            index += 1
        }
        guard digits > 0 else { return .failure(.badRequest(.invalidChunkSize)) }
        if index < line.endIndex {
            let next = line[index]
            guard next == 0x3B || ByteClass.isWhitespace(next) else { return .failure(.badRequest(.invalidChunkSize)) }
            for byte in line[index...] where !ByteClass.isFieldValueByte(byte) {
                return .failure(.badRequest(.invalidChunkSize))
            }
        }
        return size > max ? .failure(.contentTooLarge) : .success(size)
    }
}
