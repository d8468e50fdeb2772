/// A dictionary keyed by strings, which ``JSONByteEncoder`` writes with its keys sorted: a
/// dictionary's own order follows its hash seed, which differs per process, and an answer's bytes
/// (and so its `ETag`) should not.
protocol JSONSortedObject {
    func writeSorted(into encoder: JSONByteEncoder) throws
}

extension Dictionary: JSONSortedObject where Key == String, Value: Encodable {
    func writeSorted(into encoder: JSONByteEncoder) throws {
        let saved = (encoder.frame, encoder.count)
        encoder.depth += 1
        encoder.frame = .keyed
        encoder.count = 0
        defer {
            encoder.depth -= 1
            (encoder.frame, encoder.count) = saved
        }
        encoder.output.append(UInt8(ascii: "{"))
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            encoder.writeKey(key)
            try encoder.writeValue(value)
        }
        encoder.output.append(UInt8(ascii: "}"))
    }
}
