import Foundation
import Testing
@testable import OfficinaCore

@Suite struct CommitmentsContactExportTests {
    static func person(_ name: String, _ organisation: String, _ contact: ContactDetail) -> PeopleDirectory.Reachable {
        PeopleDirectory.Reachable(participantID: 1, name: name, workshop: "ACD347", organisation: organisation, contact: contact,
                                  consent: ConsentRecord(version: "offer-contact-1", at: Date(timeIntervalSince1970: 0)), kinds: ["skills", "space"])
    }

    @Test func vCardTextIsEscapedAndLongLinesAreFolded() {
        let text = String(decoding: ContactExport.vCard([Self.person("Rossi; Giulia", "Coop, Aurora\\Nord", .phone("+390111234567"))]), as: UTF8.self)
        #expect(text.contains("FN:Rossi\\; Giulia\r\n"))
        #expect(text.contains("ORG:Coop\\, Aurora\\\\Nord\r\n"))
        #expect(text.contains("TEL;VALUE=uri:tel:+390111234567\r\n"))
        let long = String(decoding: ContactExport.vCard([Self.person(String(repeating: "è", count: 60), "", .email("a@b.it"))]), as: UTF8.self)
        for line in long.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(long.contains("\r\n è"))
    }

    @Test func csvNeutralisesFormulasInNames() {
        let text = String(decoding: ContactExport.csv([Self.person("=HYPERLINK(\"x\")", "", .email("a@b.it"))]), as: UTF8.self)
        #expect(text.contains("'=HYPERLINK"))
    }
}
