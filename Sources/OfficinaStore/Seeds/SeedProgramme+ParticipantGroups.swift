import OfficinaCore

extension SeedProgramme {
    /// `participantGroups`: `[{"key": "resident", "label": {"it": "residente", "en": "resident"}}]`, keys as
    /// goal keys, unique; absent or empty means participants are not asked for a group.
    static func participantGroups(_ reader: SeedReader) throws -> [ParticipantGroup] {
        guard reader.fields["participantGroups"] != nil else { return [] }
        var seen: Set<String> = []
        return try reader.array("participantGroups").enumerated().map { index, value in
            let item = try SeedReader(value, at: "participantGroups[\(index)]")
            try item.only(["key", "label"])
            let key = try item.string("key")
            guard ParticipantGroup.isValidKey(key) else {
                throw SeedError(path: item.child("key"), problem: "must match [a-z][a-z0-9_-]{0,31}")
            }
            guard seen.insert(key).inserted else { throw SeedError(path: item.child("key"), problem: "duplicate key \"\(key)\"") }
            return ParticipantGroup(key: key, label: try item.localized("label"))
        }
    }
}
