import Foundation
import OfficinaCore
import Testing
@testable import OfficinaApp

/// The ranking answer's one-pass encoder: its text must be JSON that Foundation's own parser reads
/// back to the same strings and numbers, and the same value as the old tree path (`JSONEncoder` →
/// `JSONParser` → `JSONValue`) for a real ranking.
@Suite struct JSONByteEncoderTests {
    /// Every control character, quotes, backslashes, `<` (escaped against `</script>`), `/`, DEL,
    /// Italian accents, combining marks, characters outside the BMP, the line separators.
    static let awkward: [String] = [
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }),
        #"Il "mercato"; coworking \ sì \\ \" fine"#,
        "</script><img src=x onerror=alert(1)> a/b",
        "Città più verde, perché no? È così: «già»",
        "e\u{301}\u{301}\u{301} Zoë D'Amico",
        "🎉 𝄞 \u{1F600}\u{10FFFF} 中文",
        "riga\u{2028}paragrafo\u{2029}\u{7F}\u{85}",
        "",
    ]

    struct Sample: Codable, Equatable {
        var text: String
        var list: [String]
        var byKey: [String: String]
        var nothing: String?
        var number: Double
        var integer: Int64
        var flag: Bool
    }

    @Test func foundationReadsBackEveryAwkwardString() throws {
        for text in Self.awkward {
            let sample = Sample(text: text, list: Self.awkward, byKey: [text: text, "k": text], nothing: nil,
                                number: -0.1, integer: Int64.min, flag: true)
            let bytes = try JSONByteEncoder.encode(sample)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect(object["text"] as? String == text)
            #expect(object["list"] as? [String] == Self.awkward)
            #expect(object["byKey"] as? [String: String] == [text: text, "k": text])
            #expect(object["nothing"] == nil)
            #expect(try JSONDecoder().decode(Sample.self, from: Data(bytes)) == sample)
            #expect(!bytes.contains(UInt8(ascii: "<")))
            #expect(!bytes.contains { $0 < 0x20 })
        }
    }

    @Test func numbersReadBackExactly() throws {
        let values: [Double] = [0, -0.0, 1, -1, 0.1, 1.0 / 3, 2.5e-8, 123_456_789.125, 1e15, 1e300, -Double.leastNonzeroMagnitude, 71.3]
        let bytes = try JSONByteEncoder.encode(values)
        let back = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [NSNumber])
        #expect(back.map(\.doubleValue) == values)
        #expect(try JSONByteEncoder.encode([Double.nan, .infinity]) == Array("[null,null]".utf8))
        #expect(try JSONByteEncoder.encode([Int64.max, Int64.min, 0]) == Array("[9223372036854775807,-9223372036854775808,0]".utf8))
    }

    @Test func dictionaryKeysComeOutSortedSoEqualAnswersAreEqualBytes() throws {
        var first: [String: Int] = [:]
        var second: [String: Int] = [:]
        let keys = (0..<50).map { "goal\($0)" }
        for key in keys { first[key] = key.count }
        for key in keys.reversed() { second[key] = key.count }
        second.reserveCapacity(1_000)
        let bytes = try JSONByteEncoder.encode(first)
        #expect(bytes == (try JSONByteEncoder.encode(second)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"goal0":5,"goal1":5,"goal10":6,"#))
    }

    @Test func anExplicitNullStaysAndAnEmptyValueIsAnEmptyObject() throws {
        struct Empty: Encodable {}
        let entry = RankingEntry(
            rank: 1, id: 7, title: "x", author: nil, overall: 50, interval: ScoreInterval(low: 40, high: 60), goals: [:],
            support: SupportScore(share: 0.5, lower: 0.4, upper: 0.6, dots: 3, supporters: 3),
            parts: ScoreParts(goals: 30, support: 20), rankRange: RankRange(best: 1, worst: 2), buildOns: 0, ratings: 0,
            explanation: "", explanations: LocalizedText(it: "", en: ""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONByteEncoder.encode(entry))) as? [String: Any])
        #expect(object["author"] is NSNull)
        #expect(object["broadSupport"] == nil)
        #expect(try JSONByteEncoder.encode(Empty()) == Array("{}".utf8))
        #expect(try JSONByteEncoder.encode([Empty()]) == Array("[{}]".utf8))
    }

    /// A type that nests containers by hand: the stream cannot close those, so the answer comes
    /// from the tree path, and is the same JSON.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case outer, inner, list }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .outer)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encode("a<b", forKey: .inner)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(2)
        }
    }

    @Test func nestedContainersFallBackToTheTreePath() throws {
        #expect(throws: JSONByteEncoder.Unsupported.self) { try JSONByteEncoder.encode(Nested()) }
        let bytes = try JSONByteEncoder.bytes(Nested())
        #expect(try JSONValue.parse(bytes) == ["outer": 1, "inner": ["inner": "a<b"], "list": [2]])
    }

    /// A real ranking with awkward titles and authors, hidden and merged proposals, both
    /// languages: the same value as the old path's, member for member.
    @Test(arguments: ["it", "en"])
    func aRankingIsTheSameJSONAsTheTreePath(language: String) throws {
        let goals = [
            Goal(key: "space", label: LocalizedText(it: "Spazio «sì»", en: "Space \"yes\""), weight: 2),
            Goal(key: "partnerships", label: LocalizedText(it: "Partnership", en: "Partnerships"), weight: 1),
            Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community"), weight: 1),
        ]
        let candidates = Self.awkward.enumerated().map { index, title in
            RankingCandidate(
                id: Int64(index + 1), title: title, author: index % 2 == 0 ? title : nil,
                status: index == 3 ? .hidden : (index == 5 ? .merged(into: 1) : .visible),
                goals: [goals[index % 3].key], buildOns: index)
        }
        let ballots = (0..<40).map { voter in
            Ballot(participantID: Int64(100 + voter), support: [Int64(voter % 8 + 1): 1, Int64((voter + 3) % 8 + 1): 1],
                   ratings: [Int64(voter % 8 + 1): ["space": voter % 5, "community": (voter * 7) % 5]])
        }
        let input = ScoringInput(
            workshop: "ACD347", phase: .voting, goals: goals, candidates: candidates, ballots: ballots,
            settings: WorkshopSettings(votingMethod: .approval, ratingsEnabled: true), participants: 50)
        let ranking = Ranking.compute(input, configuration: ScoringConfiguration(language: language))
        let streamed = try JSONByteEncoder.encode(ranking)
        #expect(try JSONValue.parse(streamed) == JSONValue.encoding(ranking))
        #expect(try JSONSerialization.jsonObject(with: Data(streamed)) is [String: Any])
        #expect(try JSONDecoder().decode(Ranking.self, from: Data(streamed)) == ranking)
        #expect(try JSONByteEncoder.encode(ranking) == streamed)
    }
}
