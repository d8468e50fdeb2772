/// Header fields that are the same on many answers (a security policy, a cached file's type and
/// ETag), checked and encoded once when the block is built. A response carrying a block gets its
/// bytes appended as they are, so only the fields a handler sets per answer are checked and
/// encoded per answer; nothing unchecked reaches the wire (STYLE.md pitfall 9).
///
///     static let policy = HeaderBlock([("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin")])
///     response.headers.set(policy)
///
/// A field that could not be written as it is (a name that is not a token, a value with CR, LF or
/// NUL, or a field the server writes itself: `Content-Length`, `Transfer-Encoding`, `Connection`,
/// `Date`) makes the whole block a plain list of fields, checked on every answer like any other.
public final class HeaderBlock: Sendable {
    /// The fields, in order.
    public let fields: [(name: String, value: String)]
    /// `name: value\r\n` for every field, or nil when the block must be checked per answer.
    let encoded: [UInt8]?
    /// Blocks made by `replacing(with:)` from this one, so a file's block followed by the security
    /// policy is built once, not per answer. Few: one per distinct block put after this one.
    private let successors = Locked<[(next: HeaderBlock, result: HeaderBlock)]>([])
    private static let maxSuccessors = 8
    /// Bit `n % 64` set for each field name `n` bytes long: most names looked up differ in
    /// length from every field's, and are answered without comparing bytes.
    private let nameLengths: UInt64

    public init(_ fields: [(name: String, value: String)]) {
        self.fields = fields
        nameLengths = fields.reduce(0) { $0 | 1 << UInt64($1.name.utf8.count % 64) }
        let writable = fields.allSatisfy { field in
            ResponseEncoder.fieldIsSafe(field.name, field.value) && !ResponseEncoder.isFramingField(field.name)
        }
        if writable {
            var bytes: [UInt8] = []
            for field in fields { ResponseEncoder.appendField(field.name, field.value, into: &bytes) }
            encoded = bytes
        } else {
            encoded = nil
        }
    }

    /// The first value of `name` in the block, or nil.
    func value(_ name: String) -> String? {
        guard nameLengths & 1 << UInt64(name.utf8.count % 64) != 0 else { return nil }
        return fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    func contains(_ name: String) -> Bool { value(name) != nil }

    /// This block without the fields `next` names, then `next`'s fields.
    func replacing(with next: HeaderBlock) -> HeaderBlock {
        if let known = successors.withLock({ list in list.first { $0.next === next }?.result }) { return known }
        let kept = fields.filter { !next.contains($0.name) }
        let result = HeaderBlock(kept + next.fields)
        successors.withLock { list in
            if list.count < Self.maxSuccessors, !list.contains(where: { $0.next === next }) { list.append((next, result)) }
        }
        return result
    }
}
