import Foundation
import Testing
@testable import OfficinaStore

@Suite struct ProposalRepositoryGoalsTests {
    @Test(arguments: [
        #"[]"#, #"["space"]"#, #"["space","partnerships","community"]"#, #" [ "a" , "b-1_c" ] "#,
        #"["città"]"#, #"["\"quoted\""]"#, #"["a\/b"]"#, #"["\u00e8"]"#,
    ])
    func goalsDecodeAsJSONDecoderDecodesThem(_ text: String) throws {
        let expected = try JSONDecoder().decode([String].self, from: Data(text.utf8))
        #expect(ProposalRepository.decodeGoals(text) == expected)
    }

    @Test(arguments: [#""#, #"["a""#, #"[1]"#, #"{"a":1}"#, #"["a"] x"#, #"["a" "b"]"#])
    func malformedGoalsAreRefusedNotGuessed(_ text: String) {
        #expect(ProposalRepository.decodeGoals(text) == nil)
    }

    @Test func escapesTakeTheGeneralDecoderNotTheFastPath() {
        #expect(ProposalRepository.plainStringArray(#"["a\"b"]"#) == nil)
        #expect(ProposalRepository.decodeGoals(#"["a\"b"]"#) == ["a\"b"])
    }
}
