import Testing
@testable import OfficinaCore

@Suite struct CommitmentsContactDetailTests {
    @Test func emailAddressesAreAcceptedWithTheDomainLowerCased() {
        #expect(ContactDetail(parsing: " Giulia.Rossi@Example.ORG ") == .email("Giulia.Rossi@example.org"))
        #expect(ContactDetail(parsing: "a+tag@sub.dominio.it") == .email("a+tag@sub.dominio.it"))
    }

    @Test func phoneNumbersAreKeptAsPlusAndDigits() {
        #expect(ContactDetail(parsing: "+39 011 123 4567") == .phone("+390111234567"))
        #expect(ContactDetail(parsing: "(011) 12-34-56") == .phone("011123456"))
    }

    @Test(arguments: [
        "call me", "a@b", "@example.org", "a@@b.it", "a b@c.it", "a@b..it", "a@-b.it", "a@b.1t", ".a@b.it", "12345",
        "1234567890123456", "+39 011 abc", "39+011123456", "<script>@x.it", String(repeating: "a", count: 250) + "@b.it", "",
    ])
    func anythingElseIsRefused(_ text: String) {
        #expect(ContactDetail(parsing: text) == nil)
    }

    @Test func theSummaryCountsOffersPerTargetWithKindsInTheProgrammesOrder() {
        func offer(_ id: Int64, _ proposal: Int64?, _ kind: String) -> Offer {
            Offer(id: id, workshopID: 1, proposalID: proposal, authorID: id, authorName: "P\(id)", kind: kind, note: "", organisation: "",
                  contact: nil, consent: nil, createdAt: .distantPast, updatedAt: .distantPast)
        }
        let summary = OfferSummary(offers: [offer(1, 7, "space"), offer(2, 7, "skills"), offer(3, 7, "space"), offer(4, nil, "funding")],
                                   kinds: OfferKind.defaults)
        #expect(summary.total == 4)
        #expect(summary.proposals[7] == OfferSummary.Line(count: 3, kinds: ["skills", "space"]))
        #expect(summary.workshop == OfferSummary.Line(count: 1, kinds: ["funding"]))
        #expect(summary.byKind == ["space": 2, "skills": 1, "funding": 1])
    }
}
