import Foundation

/// JSON exports: the report values themselves, encoded with sorted keys and ISO 8601 dates so the same
/// report always gives the same bytes, and so they decode back (`WorkshopReport`, `ProgrammeReport`).
/// Each carries the full ranking: breakdown, weights, method and counts, plus the phase log.
public enum JSONExport {
    /// The format tag written at the top of every JSON export.
    public static let format = "officina-export-1"

    public static func workshop(_ report: WorkshopReport) -> Data {
        encode(Document(format: format, workshop: report, programme: nil))
    }

    public static func programme(_ report: ProgrammeReport) -> Data {
        encode(Document(format: format, workshop: nil, programme: report))
    }

    /// The decoder that reads these exports back.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Reads a workshop export back.
    public static func decodeWorkshop(_ data: Data) throws -> WorkshopReport? {
        try decoder().decode(Document.self, from: data).workshop
    }

    /// Reads a programme export back.
    public static func decodeProgramme(_ data: Data) throws -> ProgrammeReport? {
        try decoder().decode(Document.self, from: data).programme
    }

    struct Document: Codable {
        var format: String
        var workshop: WorkshopReport?
        var programme: ProgrammeReport?
    }

    private static func encode(_ document: Document) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Every number in a ranking is finite by construction; should one not be, it is written as 0
        // rather than failing the whole export.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "0", negativeInfinity: "0", nan: "0")
        return (try? encoder.encode(document)) ?? Data("{\"format\":\"\(format)\"}".utf8)
    }
}
