extension LiveEvent {
    /// The event as it may be replayed now to a stream resuming with `Last-Event-ID`: a `proposal`
    /// event about a proposal that is hidden or merged since carries no text in its public variant,
    /// even though the text was public when the event was logged (Viewer+Audience).
    func replayed(withoutTextOf unreadable: Set<Int64>) -> LiveEvent {
        guard kind == "proposal", let id = publicData["id"]?.doubleValue, unreadable.contains(Int64(id)),
              case let .object(members) = publicData else { return self }
        var copy = self
        copy.publicData = .object(members.map { key, value in
            switch key {
            case "title", "body": (key, .string(""))
            case "buildOns": (key, .array([]))
            default: (key, value)
            }
        })
        return copy
    }
}
