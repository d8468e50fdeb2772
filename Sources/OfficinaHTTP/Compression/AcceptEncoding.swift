/// What a request's `Accept-Encoding` (RFC 9110 §12.5.3) says of gzip: `gzip` or `x-gzip` with a
/// weight above 0, or else `*` with a weight above 0. Names compare case-insensitively; a missing
/// weight is 1; a malformed one counts as 0 (never send a coding the client may not read).
public enum AcceptEncoding {
    public static func acceptsGzip(_ header: String?) -> Bool {
        guard let header, !header.isEmpty else { return false }
        var gzip: Bool?, any: Bool?
        for member in header.split(separator: ",") {
            let parts = member.split(separator: ";", omittingEmptySubsequences: false)
            let name = parts[0].trimmingWhitespace().lowercased()
            var accepted = true
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingWhitespace().lowercased() == "q" else { continue }
                accepted = (Double(pair[1].trimmingWhitespace()) ?? 0) > 0
            }
            if name == "gzip" || name == "x-gzip" {
                gzip = accepted
            } else if name == "*" {
                any = accepted
            }
        }
        return gzip ?? any ?? false
    }
}
