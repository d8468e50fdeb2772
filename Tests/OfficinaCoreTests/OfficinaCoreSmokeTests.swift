import Testing
@testable import OfficinaCore

@Suite struct JoinCodeTests {
    @Test func acceptsLowercaseAndTrims() {
        #expect(JoinCode(" acd347 ")?.value == "ACD347")
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
