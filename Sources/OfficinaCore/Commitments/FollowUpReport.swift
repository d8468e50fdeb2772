import Foundation

/// What became of a workshop's ideas, for the exports: each action with its status, owner, next step,
/// due date and last note. Public content only (owners are names; no contacts).
public struct FollowUpReport: Sendable, Hashable {
    /// One workshop's actions.
    public struct Section: Sendable, Hashable {
        public var code: String
        public var title: LocalizedText
        public var actions: [FollowUpAction]
        /// Titles of the proposals the actions carry forward, by id.
        public var proposalTitles: [Int64: String]

        public init(code: String, title: LocalizedText, actions: [FollowUpAction], proposalTitles: [Int64: String]) {
            self.code = code
            self.title = title
            self.actions = actions
            self.proposalTitles = proposalTitles
        }
    }

    public var sections: [Section]

    public init(sections: [Section]) {
        self.sections = sections
    }

    public var isEmpty: Bool { sections.allSatisfy { $0.actions.isEmpty } }

    /// The rows as CSV records after a blank line, to follow a ranking table in the same file.
    public func csvRecords(dialect: CSVDialect, language: String) -> String {
        var writer = CSVWriter(dialect: dialect)
        let english = language.hasPrefix("en")
        writer.record([.empty])
        writer.record(texts: [english ? "what happened to our ideas" : "che cosa è successo alle nostre idee"])
        writer.record(texts: english
            ? ["workshop", "action", "proposal", "title", "owner", "next step", "due", "status", "reason", "last note date", "last note"]
            : ["laboratorio", "azione", "proposta", "titolo", "responsabile", "prossimo passo", "scadenza", "stato", "motivo", "data ultima nota", "ultima nota"])
        for section in sections {
            for action in section.actions {
                writer.record([
                    .text(section.code), .number(String(action.id)), action.proposalID.map { .number(String($0)) } ?? .empty,
                    .text(action.title), .text(ErasedPerson.displayName(action.owner, language: language)), .text(action.nextStep), action.due.map { .text($0.description) } ?? .empty,
                    .text(Self.statusName(action.status, language: language)), .text(action.dropReason),
                    action.lastNote.map { .text($0.date.description) } ?? .empty, .text(action.lastNote?.text ?? ""),
                ])
            }
        }
        return writer.text
    }

    /// The JSON form, as the value of `followUp` in JSON exports.
    public var json: [[String: Any]] {
        sections.map { section in
            [
                "workshop": section.code,
                "actions": section.actions.map { action -> [String: Any] in
                    [
                        "id": action.id, "proposalId": action.proposalID.map { $0 as Any } ?? NSNull(),
                        "proposalTitle": action.proposalID.flatMap { section.proposalTitles[$0] } ?? NSNull(), "title": action.title,
                        "owner": action.owner, "nextStep": action.nextStep, "due": action.due?.description ?? NSNull(),
                        "status": action.status.rawValue, "reason": action.dropReason,
                        "notes": action.notes.map { ["date": $0.date.description, "text": $0.text, "by": $0.by] },
                    ]
                },
            ]
        }
    }

    /// An HTML section for the printed report; every text escaped.
    public func htmlSection(language: String) -> String {
        let english = language.hasPrefix("en")
        var html = "<section class=\"follow-up\"><h2>\(english ? "What happened to our ideas" : "Che cosa è successo alle nostre idee")</h2>\n"
        for section in sections where !section.actions.isEmpty {
            if sections.count > 1 { html += "<h3>\(HTMLText.escape(section.title.text(for: language)))</h3>\n" }
            html += "<table><thead><tr>"
            let heads = english ? ["Action", "Owner", "Next step", "Due", "Status", "Last note"]
                                : ["Azione", "Responsabile", "Prossimo passo", "Scadenza", "Stato", "Ultima nota"]
            html += heads.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
            for action in section.actions {
                var status = Self.statusName(action.status, language: language)
                if action.status == .dropped { status += " — \(action.dropReason)" }
                let note = action.lastNote.map { "\($0.date): \($0.text)" } ?? ""
                let cells = [action.title, ErasedPerson.displayName(action.owner, language: language), action.nextStep, action.due?.description ?? "", status, note]
                html += "<tr>" + cells.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }

    /// A status in words.
    public static func statusName(_ status: ActionStatus, language: String) -> String {
        let english = language.hasPrefix("en")
        switch status {
        case .planned: return english ? "planned" : "pianificata"
        case .inProgress: return english ? "in progress" : "in corso"
        case .done: return english ? "done" : "fatta"
        case .dropped: return english ? "dropped" : "abbandonata"
        }
    }
}
