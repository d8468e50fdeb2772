import Foundation
import OfficinaCore

/// Reads typed fields out of a ``JSONValue`` object, throwing a ``SeedError`` that names the field's
/// full path on the first problem.
struct SeedReader {
    let path: String
    let fields: [String: JSONValue]

    init(_ value: JSONValue, at path: String) throws {
        guard case .object(let fields) = value else {
            throw SeedError(path: path, problem: "expected an object, found \(value.typeName)")
        }
        self.path = path
        self.fields = fields
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Refuses fields other than `allowed` (a typo would otherwise be silently ignored).
    func only(_ allowed: Set<String>) throws {
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw SeedError(path: child(unknown), problem: "unknown field")
        }
    }

    func value(_ key: String) throws -> JSONValue {
        guard let value = fields[key], value.typeName != "null" else {
            throw SeedError(path: child(key), problem: "missing")
        }
        return value
    }

    func string(_ key: String, allowEmpty: Bool = false) throws -> String {
        guard case .string(let text) = try value(key) else {
            throw SeedError(path: child(key), problem: "expected a string, found \(try value(key).typeName)")
        }
        guard allowEmpty || !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SeedError(path: child(key), problem: "must not be empty")
        }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        fields[key] == nil ? nil : try string(key)
    }

    func number(_ key: String) throws -> Double {
        guard case .number(let number) = try value(key) else {
            throw SeedError(path: child(key), problem: "expected a number, found \(try value(key).typeName)")
        }
        return number
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let number = try number(key)
        guard let integer = Int(exactly: number), range.contains(integer) else {
            throw SeedError(path: child(key), problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return integer
    }

    func bool(_ key: String) throws -> Bool {
        guard case .bool(let flag) = try value(key) else {
            throw SeedError(path: child(key), problem: "expected true or false, found \(try value(key).typeName)")
        }
        return flag
    }

    func array(_ key: String) throws -> [JSONValue] {
        guard case .array(let items) = try value(key) else {
            throw SeedError(path: child(key), problem: "expected an array, found \(try value(key).typeName)")
        }
        return items
    }

    /// A `{"it": …, "en": …}` text; both languages required and non-empty.
    func localized(_ key: String) throws -> LocalizedText {
        let reader = try SeedReader(try value(key), at: child(key))
        try reader.only(["it", "en"])
        return LocalizedText(it: try reader.string("it"), en: try reader.string("en"))
    }
}
