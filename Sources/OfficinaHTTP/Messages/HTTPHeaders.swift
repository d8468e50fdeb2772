/// An ordered list of header fields with case-insensitive lookup (RFC 9110 §5).
///
/// Besides fields set one by one, it may carry one `HeaderBlock` of constant fields, already
/// checked and encoded; it reads like the other fields (lookups, `fields`, iteration) and keeps
/// its place among them.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields set one by one, checked and encoded on every answer.
    private(set) var dynamicFields: [(name: String, value: String)] = []
    /// The constant block, placed after the first `blockPosition` dynamic fields.
    private(set) var block: HeaderBlock?
    private(set) var blockPosition = 0

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    /// Every field in order, the block's in its place.
    public var fields: [(name: String, value: String)] {
        guard let block else { return dynamicFields }
        var all = dynamicFields
        all.insert(contentsOf: block.fields, at: blockPosition)
        return all
    }

    /// The first value of `name`, or nil.
    public subscript(name: String) -> String? {
        get {
            guard let block else { return dynamicFields.first { $0.name.caseInsensitiveEquals(name) }?.value }
            if let found = dynamicFields[..<blockPosition].first(where: { $0.name.caseInsensitiveEquals(name) }) { return found.value }
            if let found = block.value(name) { return found }
            return dynamicFields[blockPosition...].first { $0.name.caseInsensitiveEquals(name) }?.value
        }
        set {
            remove(name)
            if let newValue { add(name, newValue) }
        }
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    public mutating func add(_ name: String, _ value: String) {
        dynamicFields.append((name, value))
    }

    /// Sets every field of `block`, replacing the fields of the same names, as if each were set
    /// with the subscript in order (the block's fields end up last). Cheap when the headers hold
    /// no block or end with one: no field is checked or encoded again.
    public mutating func set(_ block: HeaderBlock) {
        guard block.encoded != nil else {
            for field in block.fields { remove(field.name) }
            for field in block.fields { add(field.name, field.value) }
            return
        }
        if let current = self.block {
            guard blockPosition == dynamicFields.count else {
                // A block in the middle: fall back to plain fields.
                dynamicFields = fields
                self.block = nil
                blockPosition = 0
                set(block)
                return
            }
            removeDynamic { block.contains($0) }
            self.block = current.replacing(with: block)
        } else {
            removeDynamic { block.contains($0) }
            self.block = block
        }
        blockPosition = dynamicFields.count
    }

    public mutating func remove(_ name: String) {
        if let block, block.contains(name) {
            // Removing one of the block's fields turns the block into plain fields.
            dynamicFields = fields
            self.block = nil
            blockPosition = 0
        }
        removeDynamic { $0.caseInsensitiveEquals(name) }
    }

    /// Removes the fields set one by one whose names match, keeping the block in its place.
    private mutating func removeDynamic(_ matches: (String) -> Bool) {
        // Look before mutating: the fields are often shared with a constant response, and a
        // mutation with nothing to remove would still copy them.
        guard dynamicFields.contains(where: { matches($0.name) }) else { return }
        if block != nil {
            blockPosition -= dynamicFields[..<blockPosition].count { matches($0.name) }
        }
        dynamicFields.removeAll { matches($0.name) }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}

extension String {
    /// ASCII case-insensitive equality, as header names compare (RFC 9110 §5.1).
    public func caseInsensitiveEquals(_ other: String) -> Bool {
        // Most names differ in length: answered without touching the bytes.
        guard utf8.count == other.utf8.count else { return false }
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                guard left.count == right.count else { return false }
                for index in 0..<left.count {
                    let a = left[index]
                    let b = right[index]
                    if a == b { continue }
                    let lower = a | 0x20
                    guard lower == b | 0x20, lower >= 0x61, lower <= 0x7A else { return false }
                }
                return true
            }
        }
    }
}
