/// One value; a second write into it is a shape JSON cannot hold, so it marks the encoder.
struct JSONByteSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONByteEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func slot() -> Bool {
        guard encoder.owns(depth) else { return false }
        guard encoder.count == 0 else {
            encoder.unsupported = true
            return false
        }
        encoder.count = 1
        return true
    }

    mutating func encodeNil() throws { if slot() { encoder.output.append(contentsOf: "null".utf8) } }
    mutating func encode(_ value: Bool) throws { if slot() { encoder.writeBool(value) } }
    mutating func encode(_ value: String) throws { if slot() { JSONValue.writeString(value, into: &encoder.output) } }
    mutating func encode(_ value: Double) throws { if slot() { encoder.writeDouble(value) } }
    mutating func encode(_ value: Float) throws { if slot() { encoder.writeFloat(value) } }
    mutating func encode(_ value: Int) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { if slot() { encoder.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { if slot() { try encoder.writeValue(value) } }
}
