@testable import OfficinaHTTP

/// Decodes `text` in one piece and returns the first result.
func decode(_ text: String, limits: RequestLimits = RequestLimits()) -> DecodeResult {
    decode(Array(text.utf8), limits: limits)
}

func decode(_ bytes: [UInt8], limits: RequestLimits = RequestLimits()) -> DecodeResult {
    var decoder = RequestDecoder(limits: limits)
    decoder.append(bytes)
    return decoder.next()
}

extension DecodeResult {
    var badRequestReason: BadRequestReason? {
        if case .error(.badRequest(let reason)) = self { reason } else { nil }
    }
}
