import Foundation
import OfficinaCore
import OfficinaHTTP

/// Strict reading of a JSON object from a request body: every member is checked for type and
/// range, members the endpoint does not know are refused, and every error names its field
/// (`settings.dotBudget`, `goals[1]`).
///
///     let body = try JSONFields(request, allowed: ["title", "body", "goals"])
///     let title = try body.requiredText("title", maxLength: 120)
///
/// A body that is not JSON, or not an object, is a 400 `bad_json`; a member of the wrong
/// type is a 422 `type`; an unknown member is a 422 `unknown_field`; a missing one a 422 `required`.
public struct JSONFields: Sendable {
    public let members: [String: JSONValue]
    /// The path of this object inside the body, e.g. `settings.`; empty at the top.
    public let prefix: String

    public init(_ request: HTTPRequest, allowed: Set<String>) throws {
        guard !request.body.isEmpty else { throw APIError.badJSON("A JSON object body is required.") }
        let value: JSONValue
        do {
            value = try JSONValue.parse(request.body)
        } catch {
            throw APIError.badJSON("The body is not valid JSON.")
        }
        try self.init(value, prefix: "", allowed: allowed)
    }

    public init(_ value: JSONValue, prefix: String, allowed: Set<String>) throws {
        guard case let .object(pairs) = value else {
            if prefix.isEmpty { throw APIError.badJSON("The body must be a JSON object.") }
            throw APIError.invalid(String(prefix.dropLast()), "\(prefix.dropLast()) must be an object.", code: "type")
        }
        var members: [String: JSONValue] = [:]
        for (key, member) in pairs {
            guard allowed.contains(key) else {
                // The key is the client's: echo a bounded prefix of it, never the whole.
                let shown = String((prefix + key).prefix(64))
                throw APIError.invalid(shown, "Unknown field \(shown).", code: "unknown_field")
            }
            members[key] = member
        }
        self.members = members
        self.prefix = prefix
    }

    /// Whether the member is present (even as `null`).
    public func has(_ name: String) -> Bool { members[name] != nil }

    func path(_ name: String) -> String { prefix + name }

    func typeError(_ name: String, _ expected: String) -> APIError {
        .invalid(path(name), "\(path(name)) must be \(expected).", code: "type")
    }

    func missing(_ name: String) -> APIError {
        .invalid(path(name), "\(path(name)) is required.", code: "required")
    }

    /// A nested object, or nil when absent.
    public func object(_ name: String, allowed: Set<String>) throws -> JSONFields? {
        guard let value = members[name], value != .null else { return nil }
        return try JSONFields(value, prefix: path(name) + ".", allowed: allowed)
    }

    public func bool(_ name: String) throws -> Bool? {
        guard let value = members[name] else { return nil }
        guard case let .bool(flag) = value else { throw typeError(name, "true or false") }
        return flag
    }

    public func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = members[name] else { return nil }
        guard case let .integer(number) = value else { throw typeError(name, "an integer") }
        guard number >= Int64(range.lowerBound), number <= Int64(range.upperBound) else {
            throw APIError.invalid(path(name), "\(path(name)) must be between \(range.lowerBound) and \(range.upperBound).", code: "range")
        }
        return Int(number)
    }

    public func requiredInt(_ name: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = try int(name, in: range) else { throw missing(name) }
        return value
    }

    public func number(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = members[name] else { return nil }
        guard let number = value.doubleValue, number.isFinite else { throw typeError(name, "a number") }
        guard range.contains(number) else {
            throw APIError.invalid(path(name), "\(path(name)) must be between \(JSONValue.format(range.lowerBound)) and \(JSONValue.format(range.upperBound)).", code: "range")
        }
        return number
    }

    /// A raw string, not normalised (for passwords and tokens).
    public func rawString(_ name: String, maxLength: Int) throws -> String? {
        guard let value = members[name] else { return nil }
        guard case let .string(string) = value else { throw typeError(name, "a string") }
        guard string.utf8.count <= maxLength * 4, string.count <= maxLength else {
            throw APIError.invalid(path(name), "\(path(name)) is longer than \(maxLength) characters.", code: "too_long")
        }
        return string
    }

    public func requiredRawString(_ name: String, maxLength: Int) throws -> String {
        guard let value = try rawString(name, maxLength: maxLength) else { throw missing(name) }
        return value
    }

    /// A user text, cleaned and length-checked by `field` (OfficinaCore's `TextField`: NFC,
    /// control and bidi characters removed, trimmed); errors name this member's path.
    public func text(_ name: String, _ field: TextField) throws -> String? {
        guard let value = members[name] else { return nil }
        guard case let .string(raw) = value else { throw typeError(name, "a string") }
        return try field.clean(raw, path: path(name))
    }

    public func requiredText(_ name: String, _ field: TextField) throws -> String {
        guard let value = try text(name, field) else { throw missing(name) }
        return value
    }

    /// A `{"it","en"}` text: Italian required unless `field` allows empty, English optional.
    public func localized(_ name: String, _ field: TextField) throws -> LocalizedText? {
        guard let object = try object(name, allowed: ["it", "en"]) else {
            if members[name] == .null { throw typeError(name, "an object {\"it\",\"en\"}") }
            return nil
        }
        guard case let .string(italian)? = object.members["it"] else {
            if object.members["it"] == nil { throw object.missing("it") }
            throw object.typeError("it", "a string")
        }
        var english = ""
        if let value = object.members["en"] {
            guard case let .string(text) = value else { throw object.typeError("en", "a string") }
            english = text
        }
        return try field.clean(LocalizedText(it: italian, en: english), path: path(name))
    }

    /// An array of strings, each checked by `element`.
    public func strings(_ name: String, maxCount: Int, element: (String, String) throws -> String) throws -> [String]? {
        guard let value = members[name] else { return nil }
        guard case let .array(values) = value else { throw typeError(name, "an array of strings") }
        guard values.count <= maxCount else {
            throw APIError.invalid(path(name), "\(path(name)) has more than \(maxCount) items.", code: "too_many")
        }
        return try values.enumerated().map { index, item in
            let itemPath = "\(path(name))[\(index)]"
            guard case let .string(string) = item else {
                throw APIError.invalid(itemPath, "\(itemPath) must be a string.", code: "type")
            }
            return try element(string, itemPath)
        }
    }

    /// An array of objects, each read strictly; paths are `name[index].member`.
    public func objects(_ name: String, count: ClosedRange<Int>, allowed: Set<String>) throws -> [JSONFields]? {
        guard let value = members[name] else { return nil }
        guard case let .array(values) = value else { throw typeError(name, "an array of objects") }
        guard count.contains(values.count) else {
            throw APIError.invalid(path(name), "\(path(name)) must have \(count.lowerBound) to \(count.upperBound) items.", code: "count")
        }
        return try values.enumerated().map { index, item in
            try JSONFields(item, prefix: "\(path(name))[\(index)].", allowed: allowed)
        }
    }
}
