/// The array container of ``JSONByteEncoder``; see ``JSONByteKeyedContainer`` for the rules.
struct JSONByteUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONByteEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { depth == encoder.depth ? encoder.count : 0 }

    private func element() -> Bool {
        guard encoder.owns(depth) else { return false }
        encoder.separate()
        return true
    }

    mutating func encodeNil() throws { if element() { encoder.output.append(contentsOf: "null".utf8) } }
    mutating func encode(_ value: Bool) throws { if element() { encoder.writeBool(value) } }
    mutating func encode(_ value: String) throws { if element() { JSONValue.writeString(value, into: &encoder.output) } }
    mutating func encode(_ value: Double) throws { if element() { encoder.writeDouble(value) } }
    mutating func encode(_ value: Float) throws { if element() { encoder.writeFloat(value) } }
    mutating func encode(_ value: Int) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { if element() { encoder.writeInteger(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { if element() { try encoder.writeValue(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.unsupported = true
        return KeyedEncodingContainer(JSONByteKeyedContainer<NestedKey>(encoder: encoder, depth: -1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.unsupported = true
        return JSONByteUnkeyedContainer(encoder: encoder, depth: -1)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.unsupported = true
        return encoder
    }
}
