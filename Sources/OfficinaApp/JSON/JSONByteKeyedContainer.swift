/// The containers ``JSONByteEncoder`` hands out. Each writes into the encoder's bytes while the
/// value it was made for is being written (`depth`); used later, or made for a second kind of
/// container, it marks the encoder unsupported instead of writing.
struct JSONByteKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONByteEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) -> Bool {
        guard encoder.owns(depth) else { return false }
        encoder.writeKey(key.stringValue)
        return true
    }

    mutating func encodeNil(forKey key: Key) throws {
        if self.key(key) { encoder.output.append(contentsOf: "null".utf8) }
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws { if self.key(key) { encoder.writeBool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws {
        if self.key(key) { JSONValue.writeString(value, into: &encoder.output) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws { if self.key(key) { encoder.writeDouble(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { if self.key(key) { encoder.writeFloat(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { if self.key(key) { encoder.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if self.key(key) { try encoder.writeValue(value) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.unsupported = true
        return KeyedEncodingContainer(JSONByteKeyedContainer<NestedKey>(encoder: encoder, depth: -1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.unsupported = true
        return JSONByteUnkeyedContainer(encoder: encoder, depth: -1)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.unsupported = true
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.unsupported = true
        return encoder
    }
}
