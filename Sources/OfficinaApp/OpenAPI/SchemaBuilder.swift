/// Small constructors for JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) values.
enum SchemaBuilder {
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static func nullable(_ schema: JSONValue) -> JSONValue { ["anyOf": [schema, ["type": "null"]]] }

    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }

    static func map(_ values: JSONValue) -> JSONValue { ["type": "object", "additionalProperties": values] }

    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map { .string($0) })]
    }

    static func integer(_ range: ClosedRange<Int>) -> JSONValue {
        ["type": "integer", "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)]
    }

    static func string(length: ClosedRange<Int>) -> JSONValue {
        ["type": "string", "minLength": .int(length.lowerBound), "maxLength": .int(length.upperBound)]
    }

    /// An object with the given properties; `closed` forbids others (request bodies refuse
    /// unknown fields).
    static func object(_ properties: [(String, JSONValue)], required: [String]? = nil, closed: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
        let names = required ?? properties.map(\.0)
        if !names.isEmpty { members.append(("required", .array(names.map { .string($0) }))) }
        if closed { members.append(("additionalProperties", false)) }
        return .object(members)
    }
}
