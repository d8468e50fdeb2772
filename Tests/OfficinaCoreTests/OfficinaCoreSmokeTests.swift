import Testing
@testable import OfficinaCore

@Suite struct JoinCodeTests {
    @Test func acceptsLowercaseAndTrims() {
        #expect(JoinCode(" acd347 ")?.value == "ACD347")
    }

    @Test func trimsTabsAndReadsNonASCIIByUnicodeRules() {
        #expect(JoinCode("\tacd347 \t")?.value == "ACD347")
        #expect(JoinCode("acd 347") == nil)
        #expect(JoinCode("acd34") == nil)
        #expect(JoinCode("acd3477") == nil)
        // U+FB00 (ﬀ) upper-cases to "FF": the same code as typed in ASCII.
        #expect(JoinCode("\u{FB00}acd3")?.value == "FFACD3")
        #expect(JoinCode("\u{00A0}acd347")?.value == "ACD347")
        #expect(JoinCode("acd34è") == nil)
    }

    @Test func rejectsAmbiguousLetters() {
        #expect(JoinCode("ABCDE0") == nil)
        #expect(JoinCode("ACDE1F") == nil)
    }

    @Test func randomCodesAreValid() {
        for _ in 0..<100 {
            let code = JoinCode.random()
            #expect(JoinCode(code.value) == code)
        }
    }
}
