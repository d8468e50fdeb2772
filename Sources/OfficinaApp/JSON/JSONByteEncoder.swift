import Foundation

/// Writes an `Encodable` value as compact JSON text straight into bytes, in one pass.
///
/// The ranking answer (about 2 KiB per proposal) used to go `JSONEncoder` → text → `JSONParser` →
/// `JSONValue` → text: three passes and a tree of small allocations, half the time of a ranking
/// after a write. This encoder writes each value where it stands instead. Its text is the same
/// JSON as that path's: strings escaped by ``JSONValue/writeString(_:into:)`` (so `<` is
/// `\u003c` here too), numbers by ``JSONValue/format(_:)``, dates as ISO 8601 strings, members in
/// encoding order. Two differences, both on purpose: dictionaries keyed by strings come out with
/// their keys sorted (so equal answers are equal bytes in every process, and an `ETag` names the
/// content), and a non-finite double is `null` rather than an error.
///
/// A streaming writer cannot close a container it does not see end, so it supports the shapes
/// synthesized and hand-written `encode(to:)` use: one container per value. Nested containers,
/// `superEncoder` or a container used after its value ended make ``encode(_:)`` throw
/// ``Unsupported``; ``bytes(_:)`` then takes the slower tree path, whose output is the same JSON.
final class JSONByteEncoder: Encoder {
    /// A shape this writer does not stream; ``bytes(_:)`` falls back to the tree path.
    struct Unsupported: Error {}

    /// What the value being written opened.
    enum Frame { case none, keyed, unkeyed, single }

    var output: [UInt8] = []
    /// Not tracked (it would cost an array copy per member); errors here are shapes, not paths.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Nesting depth of the value being written; a container belongs to the depth it was made at.
    var depth = 0
    var frame = Frame.none
    /// Members or elements written so far into the current frame's container.
    var count = 0
    /// Set when a shape was met that this writer cannot stream; the output is then discarded.
    var unsupported = false

    /// `value` as JSON text, streamed when its shape allows, else through the `JSONValue` tree.
    /// `capacity`: the bytes to reserve up front; a good guess saves the growing array's copies.
    static func bytes<T: Encodable>(_ value: T, capacity: Int = 16 * 1024) throws -> [UInt8] {
        do {
            return try encode(value, capacity: capacity)
        } catch is Unsupported {
            return try JSONValue.encoding(value).bytes
        }
    }

    /// `value` as JSON text; throws ``Unsupported`` for shapes it does not stream.
    static func encode<T: Encodable>(_ value: T, capacity: Int = 16 * 1024) throws -> [UInt8] {
        let encoder = JSONByteEncoder()
        encoder.output.reserveCapacity(capacity)
        try encoder.writeValue(value)
        if encoder.unsupported { throw Unsupported() }
        return encoder.output
    }

    /// Writes one value of any type at the current position.
    func writeValue<T: Encodable>(_ value: T) throws {
        // The common leaves first, told apart by their type (one metadata comparison each): the casts
        // below are runtime look-ups, and a ranking writes thousands of optional numbers through here.
        // Each writes what its own `encode(to:)` would through a single-value container.
        if T.self == Double?.self {
            if let number = unsafeBitCast(value, to: Double?.self) { writeDouble(number) } else { output.append(contentsOf: "null".utf8) }
            return
        }
        if T.self == Double.self { return writeDouble(unsafeBitCast(value, to: Double.self)) }
        if T.self == Int.self { return writeInteger(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return writeBool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == String.self { return JSONValue.writeString(unsafeBitCast(value, to: String.self), into: &output) }
        if let date = value as? Date {
            JSONValue.writeString(date.formatted(.iso8601), into: &output)
            return
        }
        if let url = value as? URL {
            JSONValue.writeString(url.absoluteString, into: &output)
            return
        }
        // Foundation's own encodings of these are not what `JSONEncoder` writes for them.
        if value is Data || value is Decimal {
            unsupported = true
            return
        }
        if let dictionary = value as? any JSONSortedObject {
            try dictionary.writeSorted(into: self)
            return
        }
        let saved = (frame, count)
        depth += 1
        frame = .none
        count = 0
        defer {
            depth -= 1
            (frame, count) = saved
        }
        try value.encode(to: self)
        switch frame {
        case .none: output.append(contentsOf: "{}".utf8)  // as `JSONEncoder`: a value that wrote nothing
        case .keyed: output.append(UInt8(ascii: "}"))
        case .unkeyed: output.append(UInt8(ascii: "]"))
        case .single: if count == 0 { output.append(contentsOf: "null".utf8) }
        }
    }

    /// Opens `kind` for the current value, or confirms it is already open; false when another kind is.
    func open(_ kind: Frame) -> Bool {
        if frame == kind { return true }
        guard frame == .none else {
            unsupported = true
            return false
        }
        frame = kind
        switch kind {
        case .keyed: output.append(UInt8(ascii: "{"))
        case .unkeyed: output.append(UInt8(ascii: "["))
        case .none, .single: break
        }
        return true
    }

    /// Whether a container made at `depth` may still write (its value has not ended).
    func owns(_ depth: Int) -> Bool {
        if depth == self.depth, !unsupported { return true }
        unsupported = true
        return false
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONByteKeyedContainer<Key>(encoder: self, depth: open(.keyed) ? depth : -1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONByteUnkeyedContainer(encoder: self, depth: open(.unkeyed) ? depth : -1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONByteSingleValueContainer(encoder: self, depth: open(.single) ? depth : -1)
    }

    /// Writes the separator before a member or element of the current container.
    func separate() {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
    }

    func writeKey(_ key: String) {
        separate()
        JSONValue.writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
    }

    func writeInteger<I: FixedWidthInteger>(_ value: I) {
        output.append(contentsOf: String(value).utf8)
    }

    func writeDouble(_ value: Double) {
        output.append(contentsOf: JSONValue.format(value).utf8)
    }

    /// As `JSONEncoder`: the float's own shortest text, not that of the double it widens to.
    func writeFloat(_ value: Float) {
        guard value.isFinite else { return output.append(contentsOf: "null".utf8) }
        if value == value.rounded(), abs(value) < 1e15 { return writeInteger(Int64(value)) }
        output.append(contentsOf: "\(value)".utf8)
    }

    func writeBool(_ value: Bool) {
        output.append(contentsOf: (value ? "true" : "false").utf8)
    }
}
