import OfficinaCore
import OfficinaStore

extension JoinRoutes {
    /// The participant group named in a join's optional `group` member: nil when absent, null or empty
    /// ("prefer not to say"); otherwise one of the programme's group keys, or 422 `group`.
    static func declaredGroup(_ body: JSONFields, workshop: Workshop, in context: AppContext) throws -> String? {
        if body.members["group"] == .null { return nil }
        guard let key = try body.rawString("group", maxLength: 32), !key.isEmpty else { return nil }
        let groups = try context.store.read { try $0.participantGroups.groups(programmeID: workshop.programmeID) }
        guard groups.contains(where: { $0.key == key }) else {
            throw APIError.invalid("group", "group must be one of the programme's groups, or left out.", code: "group")
        }
        return key
    }
}
