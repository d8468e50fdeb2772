/// Which request header a trusted proxy records the client's address in.
public enum ForwardedHeader: String, Sendable, CaseIterable {
    /// `X-Forwarded-For: client, proxy1, proxy2` (the de facto form nginx, HAProxy and Caddy write).
    case xForwardedFor = "x-forwarded-for"
    /// `Forwarded: for=client, for="[2001:db8::1]:4711"` (RFC 7239 §4).
    case forwarded = "forwarded"

    /// The hops the header lists, oldest (leftmost) first, across every line of it. An element that
    /// is not an address (`unknown`, an obfuscated `_hidden`) is kept as nil so the walk can stop there.
    func hops(in values: [String]) -> [IPAddress?] {
        values.flatMap { $0.split(separator: ",") }.map { element in
            switch self {
            case .xForwardedFor:
                return IPAddress(String(element))
            case .forwarded:
                // RFC 7239 §4: pairs separated by ";", the `for` parameter maybe quoted.
                for pair in element.split(separator: ";") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "for" else { continue }
                    var value = parts[1].trimmingCharacters(in: .whitespaces)
                    if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                    return IPAddress(value)
                }
                return nil
            }
        }
    }
}
