import Foundation

/// Consenting contacts as files a facilitator takes out of Officina: CSV (RFC 4180) or vCard 4.0
/// (RFC 6350). Only people in ``PeopleDirectory/reachable`` — who ticked the consent — ever appear.
public enum ContactExport {
    /// The CSV: name, organisation, contact type, contact, kinds, workshop, consent version and time.
    public static func csv(_ people: [PeopleDirectory.Reachable], dialect: CSVDialect = .rfc4180) -> Data {
        var writer = CSVWriter(dialect: dialect)
        writer.record(texts: ["name", "organisation", "contact type", "contact", "kinds", "workshop", "consent version", "consented at"])
        for person in people {
            writer.record([.text(person.name), .text(person.organisation), .text(person.contact.type), .text(person.contact.value),
                           .text(person.kinds.joined(separator: " ")), .text(person.workshop), .text(person.consent.version),
                           .text(person.consent.at.formatted(.iso8601))])
        }
        return writer.data
    }

    /// One vCard per person (RFC 6350): FN, ORG, EMAIL or TEL, and a NOTE with the kinds offered.
    public static func vCard(_ people: [PeopleDirectory.Reachable]) -> Data {
        var text = ""
        for person in people {
            var lines = ["BEGIN:VCARD", "VERSION:4.0", "FN:\(escape(person.name))"]
            if !person.organisation.isEmpty { lines.append("ORG:\(escape(person.organisation))") }
            switch person.contact {
            case let .email(address): lines.append("EMAIL:\(escape(address))")
            case let .phone(number): lines.append("TEL;VALUE=uri:tel:\(number)")
            }
            lines.append("NOTE:\(escape("Officina \(person.workshop): \(person.kinds.joined(separator: ", "))"))")
            lines.append("END:VCARD")
            text += lines.map(fold).joined(separator: "\r\n") + "\r\n"
        }
        return Data(text.utf8)
    }

    /// RFC 6350 §3.4: backslash, comma, semicolon and line breaks escaped in text values.
    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ",": out += "\\,"
            case ";": out += "\\;"
            case "\n", "\r", "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// RFC 6350 §3.2: lines longer than 75 octets folded with CRLF and a space, never inside a character.
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}
